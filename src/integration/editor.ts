/**
 * How the site's build makes the web editor's program (src/editor/admin.ts),
 * a file of the site built from its npm package, with the checker inside it.
 *
 * - Fonts: the package's bundle-ready build sets up its fonts from its own
 *   files (the FontFace API), but its stylesheet still names copies of the
 *   same fonts on a public CDN, which the browser would fetch too. The build
 *   removes those @font-face rules, so that /admin/ asks no other host for
 *   anything (tests/editing/bundle.test.ts fails if the package changes and a
 *   rule is left, or none is found).
 * - The core in the browser: the editor's check runs the core's
 *   checkSources() on files in memory (src/editor/check.ts). The core's
 *   reading of a folder imports node:fs and node:path, which a browser does
 *   not have: in the browser build (never on the server), those imports of
 *   the core resolve to stand-ins with the same names, each of which throws if
 *   it is ever called (the check of files in memory never calls them). This is
 *   also where a browser build of the core's Markdown parser would be put in
 *   place of a native one (docs/editing.md).
 */
import * as nodeFs from 'node:fs';
import * as nodePath from 'node:path';
import { join } from 'node:path';
import { PACKAGE_ROOT } from './virtual.ts';

/** The package module whose stylesheet names the CDN fonts. */
const EDITOR_MODULE = /[\\/]@sveltia[\\/]cms[\\/]npm[\\/]index\.js$/;

/** An @font-face rule whose source is the CDN, with the comment that precedes it. */
const CDN_FONT_FACE = /(?:\/\*[^*]*\*\/\s*)?@font-face\s*\{[^{}]*https:\/\/cdn\.jsdelivr\.net\/[^{}]*\}/g;

/** The editor's code without the @font-face rules that load fonts from the CDN; how many it removed. */
export function withoutCdnFonts(code: string): { code: string; removed: number } {
  let removed = 0;
  const out = code.replace(CDN_FONT_FACE, () => {
    removed++;
    return '';
  });
  return { code: out, removed };
}

/** Node modules the core imports, and their names, as the browser build gets them. */
const NODE_MODULES: Record<string, readonly string[]> = {
  'node:fs': Object.keys(nodeFs),
  'node:path': Object.keys(nodePath),
};
const STANDIN = '\0parity:browser:';

/** Sätteri is native: in the browser the core parses Markdown with the module below (src/editor/markdown-browser.ts). */
const MARKDOWN_IN_BROWSER = join(PACKAGE_ROOT, 'src/editor/markdown-browser.ts');

/** A module of the given names, each a function that says why it cannot run here. */
export function browserStandIn(module: string, names: readonly string[]): string {
  const valid = names.filter((name) => /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default');
  const fail = `(name) => () => { throw new Error(\`${module} \${name}() is not available in the browser: the web editor's check reads the ladder's files from memory\`); }`;
  return [
    `const fail = ${fail};`,
    ...valid.map((name) => `export const ${name} = fail(${JSON.stringify(name)});`),
    `export default { ${valid.join(', ')} };`,
  ].join('\n');
}

/** Whether a module is the core's (src/ladder/), in the repository or in the installed package. */
const inCore = (importer: string | undefined) => importer !== undefined && /[\\/]src[\\/]ladder[\\/]/.test(importer);

interface PluginContext {
  environment?: { config?: { consumer?: string } };
}

/** The admin page's loader, whose `import('./admin.ts')` is the editor's program. */
const LOADER = /[\\/]src[\\/]editor[\\/]load\.ts$/;

/**
 * `program`: the URL of the editor's program when it was built on its own
 * (src/integration/editor-program.ts), which the loader then imports from
 * there instead of Vite bundling it with the site.
 */
export function vitePluginEditor(options: { program?: string } = {}) {
  return {
    name: 'parity:editor',
    // Before Vite's own resolution, which would turn the Node modules into empty ones that throw when first read.
    enforce: 'pre' as const,
    resolveId(this: PluginContext, id: string, importer: string | undefined, resolveOptions?: { ssr?: boolean }) {
      const browser = this.environment?.config?.consumer ? this.environment.config.consumer === 'client' : resolveOptions?.ssr === false;
      if (browser && options.program && id === './admin.ts' && importer && LOADER.test(importer.split('?')[0] ?? importer))
        return { id: options.program, external: 'absolute' as const };
      if (browser && id in NODE_MODULES && inCore(importer)) return `${STANDIN}${id}`;
      if (browser && id === 'satteri' && inCore(importer)) return MARKDOWN_IN_BROWSER;
      return undefined;
    },
    load(id: string) {
      if (!id.startsWith(STANDIN)) return undefined;
      const module = id.slice(STANDIN.length);
      return browserStandIn(module, NODE_MODULES[module] ?? []);
    },
    transform(code: string, id: string) {
      if (!EDITOR_MODULE.test(id.split('?')[0] ?? id)) return undefined;
      const { code: out, removed } = withoutCdnFonts(code);
      return removed > 0 ? { code: out, map: null } : undefined;
    },
  };
}
