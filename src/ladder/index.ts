/** The ladder core: framework-free, used by the CLI, the site and the tests. */
export { check, contentDir, DEFAULT_CONTENT_DIR, type CheckResult } from './check.ts';
export type { Diagnostic, Location, Severity, Summary } from './diagnostics.ts';
export { ContentDirectoryError } from './load.ts';
export { fragmentNodes, type Body, type Fragment } from './markdown.ts';
export * from './model.ts';
export { renderHtml, renderText } from './render.ts';
export * from './schema.ts';
