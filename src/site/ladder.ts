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
import { allVerdicts, gradeVerdicts, type GradeVerdicts } from '../ladder/verdicts.ts';
import { redactLadder, showsAmounts } from './audience.ts';
import { siteConfig } from './config.ts';

const STORE = Symbol.for('parity.site.checks');
const SHOWN = Symbol.for('parity.site.shown');
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
 * The checked ladder with every amount, for what needs amounts it does not
 * print: the parity verdicts (below) and the exports that take an `amounts`
 * option (/ladder.json, /ladder.csv). Pages render getLadder(). A production
 * build refuses a ladder with errors (`ladder build` stops before Astro
 * starts; this guards a bare `astro build`). In dev, pages still render and
 * the layout lists the problems.
 */
export function getFullLadder(): Ladder {
  const result = getCheck();
  if (!result.ok && import.meta.env?.PROD) {
    throw new Error(`The ladder in ${result.dir} has errors; no site is built from it.\n${formatText(result.diagnostics, result.summary)}`);
  }
  return result.ladder;
}

/** Whether this build publishes amounts of money: the ladder's `visibility.pay` and the build's audience (src/site/audience.ts). */
export function amountsShown(): boolean {
  return showsAmounts(getCheck().ladder.visibility.pay, siteConfig().audience);
}

type Shown = WeakMap<CheckResult, { ladder: Ladder; verdicts: GradeVerdicts[] }>;

function shown(): { ladder: Ladder; verdicts: GradeVerdicts[] } {
  const holder = globalThis as typeof globalThis & { [SHOWN]?: Shown };
  const cache = (holder[SHOWN] ??= new WeakMap());
  const result = getCheck();
  let entry = cache.get(result);
  if (!entry) {
    const full = getFullLadder();
    // Verdicts come from the full ladder, before any amount is taken out: the report still says what is equal.
    const verdicts = allVerdicts(full);
    entry = { ladder: amountsShown() ? full : redactLadder(full), verdicts };
    cache.set(result, entry);
  }
  return entry;
}

/**
 * The ladder the pages render: the checked ladder, or (in a public build of a
 * ladder whose pay is internal) its copy without any amount. Memoized per check.
 */
export function getLadder(): Ladder {
  return shown().ladder;
}

/** The parity verdicts of every family and grade, from the full ladder. */
export function getVerdicts(): readonly GradeVerdicts[] {
  return shown().verdicts;
}

/** The parity verdicts of one family and grade, from the full ladder. */
export function getGradeVerdicts(family: string, grade: number): GradeVerdicts {
  return getVerdicts().find((v) => v.family === family && v.grade === grade) ?? gradeVerdicts(getFullLadder(), family, grade);
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

/**
 * Whether any level of the ladder has a bonus target or equity (read from the
 * full ladder: a yes or no, never an amount). Pages show the variable-pay
 * verdict beside the others only then, so a ladder without variable pay reads
 * as before.
 */
export function variablePayUsed(): boolean {
  return getFullLadder().levels.some((level) => level.pay?.bonus !== undefined || level.pay?.equity !== undefined);
}
