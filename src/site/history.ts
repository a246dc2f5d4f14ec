/**
 * The ladder's history for the pages: the core's readHistory() of the
 * content directory, once per check (so once per build, and again in dev
 * after the content changes). Shared through globalThis like the check
 * (see src/site/ladder.ts): the CLI, the integration and the bundled pages
 * may each hold a copy of this module.
 *
 * `parity({ history: { limit } })` sets how many commits /changes/ describes
 * (default 50); `history: false` turns history off.
 */
import type { CheckResult } from '../ladder/check.ts';
import { DEFAULT_HISTORY_LIMIT, readHistory, type FileChange, type HistoryItem, type LadderHistory } from '../git/history.ts';
import type { Ladder, Level } from '../ladder/model.ts';
import { siteConfig, type SiteConfig } from './config.ts';
import { getCheck } from './ladder.ts';
import { links } from './urls.ts';

const STORE = Symbol.for('parity.site.history');

function store(): WeakMap<CheckResult, LadderHistory> {
  const holder = globalThis as typeof globalThis & { [STORE]?: WeakMap<CheckResult, LadderHistory> };
  return (holder[STORE] ??= new WeakMap());
}

/** How many commits to describe: the `history` option's limit; 0 when history is off. */
export function historyLimit(history: SiteConfig['history'] = siteConfig().history): number {
  return history === false ? 0 : (history.limit ?? DEFAULT_HISTORY_LIMIT);
}

/** The history of the ladder the pages render, read once. */
export function getHistory(): LadderHistory {
  const result = getCheck();
  let history = store().get(result);
  if (!history) {
    history = readHistory(result.dir, { limit: historyLimit() });
    store().set(result, history);
  }
  return history;
}

/**
 * When a level's file last changed, if the history knows it (and the file has
 * no uncommitted edits). Nothing when the site has no /changes/ page to link
 * to (`parity({ pages: { changes: false } })`).
 */
export function levelLastChanged(level: Level): (FileChange & { listed: boolean }) | undefined {
  if (!siteConfig().pages.changes) return undefined;
  const history = getHistory();
  if (!history.available || history.uncommitted.has(level.source.file)) return undefined;
  const change = history.lastChanged.get(level.source.file);
  if (!change) return undefined;
  return { ...change, listed: history.entries.some((e) => e.commit === change.commit) };
}

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' });
const monthFormat = new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * The calendar day of a git date as its committer saw it: git writes
 * 2025-03-03T23:30:00-08:00 in the committer's own time zone, and that is the
 * day the change was made, whatever the zone of the machine that builds.
 */
function localDay(iso: string): Date | undefined {
  const day = /^(\d{4})-(\d{2})-(\d{2})(?:T|$)/.exec(iso);
  if (day) return new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** "March 3, 2025": the day in the committer's time zone, the same on every build. */
export function formatDate(iso: string): string {
  const date = localDay(iso);
  return date ? dateFormat.format(date) : iso;
}

/** "March 2025" */
export function formatMonth(iso: string): string {
  const date = localDay(iso);
  return date ? monthFormat.format(date) : iso.slice(0, 7);
}

/** "2025-03": the month an entry belongs to (in the committer's time zone, like its date). */
export function monthKey(iso: string): string {
  const date = localDay(iso);
  return date ? date.toISOString().slice(0, 7) : iso.slice(0, 7);
}

/** The anchor of a commit's entry on /changes/ (page furniture starts with an underscore). */
export const commitAnchor = (commit: string) => `_c-${commit.slice(0, 12)}`;

/** The page of something a change names, if the current ladder still has it (a link under the base). */
export function historyItemLink(ladder: Ladder, item: HistoryItem): string | undefined {
  if (item.type === 'level') return ladder.level.has(item.id) ? links.level(item.id) : undefined;
  if (item.type === 'track') return ladder.track.has(item.id) ? links.track(item.id) : undefined;
  if (item.type === 'family') return ladder.family.has(item.id) ? links.family(item.id) : undefined;
  if (item.type === 'competency') return ladder.competency.has(item.id) ? links.competency(item.id) : undefined;
  return links.home();
}
