/**
 * Global setup of the browser tests: build the ladder once with the real
 * command into a temporary folder, serve it on 127.0.0.1, and hand the
 * origin and folders to every test file (`inject('origin')`).
 *
 * The ladder is the Northwind fixture (tests/fixtures/northwind/, a frozen
 * copy of the sample), or LADDER_CONTENT. E2E_SITE=<dir>
 * serves a site that is already built instead (quicker while iterating).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { serve } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    origin: string;
    siteDir: string;
    contentDir: string;
  }
}

const ROOT = resolve(import.meta.dirname, '../..');

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const contentDir = resolve(ROOT, process.env.LADDER_CONTENT || 'tests/fixtures/northwind');
  let siteDir = process.env.E2E_SITE ? resolve(process.env.E2E_SITE) : '';
  let work: string | undefined;
  if (!siteDir) {
    work = mkdtempSync(join(tmpdir(), 'parity-e2e-'));
    siteDir = join(work, 'site');
    const started = Date.now();
    // A site served from the root of its origin: no LADDER_BASE, no LADDER_SITE.
    const env = { ...process.env, NO_COLOR: '1', LADDER_SITE: '', LADDER_BASE: '', LADDER_OUT: '', LADDER_CONTENT: '' };
    try {
      await promisify(execFile)(process.execPath, [join(ROOT, 'bin/ladder.js'), 'build', '--content', contentDir, '--out', siteDir], {
        cwd: ROOT,
        env,
        maxBuffer: 64 * 1024 * 1024,
      });
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string };
      rmSync(work, { recursive: true, force: true });
      throw new Error(`ladder build failed:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
    }
    console.log(`e2e: built ${contentDir} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  }
  const server = await serve(siteDir);
  project.provide('origin', server.origin);
  project.provide('siteDir', siteDir);
  project.provide('contentDir', contentDir);
  return async () => {
    await server.close();
    if (work) rmSync(work, { recursive: true, force: true });
  };
}
