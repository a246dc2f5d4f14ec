/**
 * The one way pages reach the ladder: a memoized call to the core's check(),
 * per content directory, for the life of the process. No content
 * collections and no second Markdown pipeline (see docs/site.md).
 *
 * The cache lives on globalThis because the same process can hold several
 * copies of this module: the `ladder build` command, the Astro integration
 * (loaded with astro.config.mjs) and the pages (bundled by Vite) each import
 * it. Keyed by a registered symbol, they share one check: `ladder build`
 * primes it with the result it already printed, and the dev integration
 * re-checks it when a content file changes (recheck: only the changed files
 * are read again, and only those are parsed again).
 */
import { resolve } from 'node:path';
import { checkFiles, type CheckResult } from '../ladder/check.ts';
import { formatText } from '../ladder/formatters/text.ts';
import { readContentDir, refreshContent, type RawFile } from '../ladder/load.ts';
import type { Ladder } from '../ladder/model.ts';
import { siteConfig } from './config.ts';

const STORE = Symbol.for('parity.site.checks');
const FILES = Symbol.for('parity.site.files');

function store(): Map<string, CheckResult> {
  const holder = globalThis as typeof globalThis & { [STORE]?: Map<string, CheckResult> };
  return (holder[STORE] ??= new Map());
}

/** The files each check read, by content directory: what a re-check starts from. */
function files(): Map<string, RawFile[]> {
  const holder = globalThis as typeof globalThis & { [FILES]?: Map<string, RawFile[]> };
  return (holder[FILES] ??= new Map());
}

function checkDir(dir: string, raw: RawFile[]): CheckResult {
  files().set(dir, raw);
  const result = checkFiles(raw, dir);
  store().set(result.dir, result);
  return result;
}

/** The check of the site's content directory, run once. Throws ContentDirectoryError if the directory cannot be read. */
export function getCheck(dir: string = siteConfig().contentDir): CheckResult {
  const cached = store().get(dir);
  if (cached) return cached;
  const absolute = resolve(dir);
  return checkDir(absolute, readContentDir(absolute));
}

/**
 * Checks the content directory again after the files at `changed` (absolute,
 * or relative to it) changed: reads only those again, and re-uses the rest
 * as read before (and, through the check's parse cache, as parsed before).
 * Without an earlier read, reads everything.
 */
export function recheck(dir: string, changed: readonly string[]): CheckResult {
  const absolute = resolve(dir);
  const before = files().get(absolute);
  return checkDir(absolute, before ? refreshContent(absolute, before, changed) : readContentDir(absolute));
}

/**
 * The ladder the pages render. A production build refuses a ladder with
 * errors (`ladder build` stops before Astro starts; this guards a bare
 * `astro build`). In dev, pages still render and the layout lists the problems.
 */
export function getLadder(): Ladder {
  const result = getCheck();
  if (!result.ok && import.meta.env?.PROD) {
    throw new Error(`The ladder in ${result.dir} has errors; no site is built from it.\n${formatText(result.diagnostics, result.summary)}`);
  }
  return result.ladder;
}

/** Stores a check that was already run (by `ladder build`), so the pages reuse it. */
export function prime(result: CheckResult): void {
  store().set(result.dir, result);
}

/** Forgets the check of one content directory (or of all), so the next call reads the files again. */
export function invalidate(dir?: string): void {
  if (dir === undefined) {
    store().clear();
    files().clear();
  } else {
    store().delete(dir);
    files().delete(resolve(dir));
  }
}
