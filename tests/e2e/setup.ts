/**
 * Global setup of the browser tests: build the ladder once with the real
 * command into a temporary folder, serve it on 127.0.0.1, and hand the
 * origin and folders to every test file (`inject('origin')`). Beside it, the
 * hostile ladder of tests/e2e/hostile.ts (a git repository of its own) is
 * built and served the same way, at the same time, for hostile.test.ts, and
 * so is the wide ladder of tests/e2e/wide.ts (one family of nine tracks and
 * twelve grades, one of twelve tracks: the size of real frameworks) for
 * wide.test.ts and the keyboard test.
 *
 * The ladder is the Northwind fixture (tests/fixtures/northwind/, a frozen
 * copy of the sample), or LADDER_CONTENT. E2E_SITE=<dir> serves a site that
 * is already built instead (quicker while iterating), E2E_HOSTILE_SITE=<dir>
 * the hostile one and E2E_WIDE_SITE=<dir> the wide one (built from the
 * content that `node bench/generate.ts --wide 8x12 --wide 11x4` writes).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ladderIn } from '../helpers/cli.ts';
import { ROOT } from '../helpers/ladder.ts';
import { writeHostileLadder } from './hostile.ts';
import { serve } from './server.ts';
import { writeWideLadder } from './wide.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    origin: string;
    siteDir: string;
    contentDir: string;
    hostileOrigin: string;
    hostileSiteDir: string;
    hostileContentDir: string;
    wideOrigin: string;
    wideSiteDir: string;
    wideContentDir: string;
  }
}

/** `ladder build` of `content` into `site`, as a company runs it. */
async function build(content: string, site: string): Promise<void> {
  const started = Date.now();
  // A site served from the root of its origin: no LADDER_BASE, no LADDER_SITE.
  const run = await ladderIn(ROOT, ['build', '--content', content, '--out', site]);
  if (run.code !== 0) throw new Error(`ladder build of ${content} failed:\n${run.stdout}${run.stderr}`);
  console.log(`e2e: built ${content} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const contentDir = resolve(ROOT, process.env.LADDER_CONTENT || 'tests/fixtures/northwind');
  const work = mkdtempSync(join(tmpdir(), 'parity-e2e-'));
  const hostileContentDir = join(work, 'hostile');
  writeHostileLadder(hostileContentDir);
  const wideContentDir = join(work, 'wide');
  writeWideLadder(wideContentDir);
  const siteDir = process.env.E2E_SITE ? resolve(process.env.E2E_SITE) : join(work, 'site');
  const hostileSiteDir = process.env.E2E_HOSTILE_SITE ? resolve(process.env.E2E_HOSTILE_SITE) : join(work, 'hostile-site');
  const wideSiteDir = process.env.E2E_WIDE_SITE ? resolve(process.env.E2E_WIDE_SITE) : join(work, 'wide-site');
  try {
    // Three builds at once: each spends much of its time waiting on files, which two cores carry.
    await Promise.all([
      process.env.E2E_SITE ? undefined : build(contentDir, siteDir),
      process.env.E2E_HOSTILE_SITE ? undefined : build(hostileContentDir, hostileSiteDir),
      process.env.E2E_WIDE_SITE ? undefined : build(wideContentDir, wideSiteDir),
    ]);
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
  const server = await serve(siteDir);
  const hostile = await serve(hostileSiteDir);
  const wide = await serve(wideSiteDir);
  project.provide('origin', server.origin);
  project.provide('siteDir', siteDir);
  project.provide('contentDir', contentDir);
  project.provide('hostileOrigin', hostile.origin);
  project.provide('hostileSiteDir', hostileSiteDir);
  project.provide('hostileContentDir', hostileContentDir);
  project.provide('wideOrigin', wide.origin);
  project.provide('wideSiteDir', wideSiteDir);
  project.provide('wideContentDir', wideContentDir);
  return async () => {
    await server.close();
    await hostile.close();
    await wide.close();
    rmSync(work, { recursive: true, force: true });
  };
}
