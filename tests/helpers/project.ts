/**
 * A company's Astro project for tests that need other parity() options than
 * this repository's own: an astro.config.mjs that calls parity() from the
 * source with the options given, in a folder of its own under .astro/ (which
 * git ignores), so that `astro` and Parity's dependencies resolve from this
 * repository's node_modules while Vite's caches stay in the project.
 */
import { mkdirSync, mkdtempSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './ladder.ts';

const projects: string[] = [];

/** A project whose config is `parity(<options>)`; `options` is JavaScript source, such as `{ content: '/tmp/x' }`. */
export function astroProject(options: string): string {
  const parent = join(ROOT, '.astro', 'test-projects');
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(join(parent, 'project-'));
  projects.push(dir);
  const integration = relative(dir, join(ROOT, 'src/integration/index.ts')).replace(/\\/g, '/');
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nimport parity from '${integration}';\n\nexport default defineConfig({ integrations: [parity(${options})] });\n`,
  );
  return dir;
}

/** Removes every project made so far (call from afterAll). */
export function removeProjects(): void {
  for (const dir of projects.splice(0)) rmSync(dir, { recursive: true, force: true });
  try {
    rmdirSync(join(ROOT, '.astro', 'test-projects')); // only when no other test file still has a project there
  } catch {
    // not empty, or already gone
  }
}

export { ladderIn, type Run } from './cli.ts';
