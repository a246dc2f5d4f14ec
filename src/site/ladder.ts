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
 * invalidates it when a content file changes.
 */
import { check, type CheckResult } from '../ladder/check.ts';
import { formatText } from '../ladder/formatters/text.ts';
import type { Ladder } from '../ladder/model.ts';
import { siteConfig } from './config.ts';

const STORE = Symbol.for('parity.site.checks');

function store(): Map<string, CheckResult> {
  const holder = globalThis as typeof globalThis & { [STORE]?: Map<string, CheckResult> };
  return (holder[STORE] ??= new Map());
}

/** The check of the site's content directory, run once. */
export function getCheck(dir: string = siteConfig().contentDir): CheckResult {
  const cached = store().get(dir);
  if (cached) return cached;
  const result = check(dir);
  store().set(result.dir, result);
  return result;
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
  if (dir === undefined) store().clear();
  else store().delete(dir);
}
