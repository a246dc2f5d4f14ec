/**
 * The ladder's history, read from git at build time: the commits that
 * touched the content directory, each described in words by the diff engine
 * of `ladder diff` (src/ladder/diff/), and when each file last changed.
 *
 * Never throws: when the content directory is not inside a git work tree,
 * when git is missing or refuses the repository, the history is simply
 * unavailable and says why. Framework-free; the site memoizes it per check
 * (src/site/history.ts).
 *
 * Limits (see docs/site.md): the last `limit` commits (50 by default) of the
 * first-parent line (what landed on the branch that was built: a merged pull
 * request is one entry) that touched the content directory; each is compared
 * with its first parent by `diffLadders`. The versions are rebuilt from git's
 * objects in memory, with four git calls in all, instead of a temporary
 * checkout per commit as `ladder diff` does for its two versions. In a
 * shallow clone, a commit whose parent was not fetched is listed without its
 * changes. Edits that are not committed are not history, but the files they
 * touch are reported in `uncommitted`.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { decodeText, type RawFile } from '../ladder/load.ts';
import { checkFiles, type CheckResult } from '../ladder/check.ts';
import { diffLadders } from '../ladder/diff/index.ts';
import { describeDiff, describeHistoryEntry, describeFirstVersion, type HistoryItem } from '../ladder/diff/words.ts';
import { parseLog } from './log.ts';
import { GitError, gitRoot, gitText, realpath } from './run.ts';
import { insideContent, listVersion, readBlobs, type Version } from './tree.ts';
import { printable } from '../ladder/text.ts';

export const DEFAULT_HISTORY_LIMIT = 50;

export type { HistoryItem } from '../ladder/diff/words.ts';

export interface HistoryEntry {
  /** The full commit id. */
  commit: string;
  /** The first 7 characters. */
  short: string;
  /** The committer date, ISO 8601 with the committer's offset. */
  date: string;
  /** The first line of the commit message. */
  subject: string;
  /**
   * 'diff': compared with its parent; 'initial': the first version of the
   * ladder (no parent, or no ladder in the parent); 'unknown': the parent is
   * not in this clone (shallow) or could not be read.
   */
  status: 'diff' | 'initial' | 'unknown';
  /** In words: "2 levels changed", "First version of the ladder: 26 levels in 4 tracks". */
  summary: string;
  items: HistoryItem[];
}

export interface FileChange {
  commit: string;
  date: string;
}

export interface LadderHistory {
  available: boolean;
  /** Why the history is unavailable. */
  reason?: string;
  /** Newest first. */
  entries: HistoryEntry[];
  /** The cap on entries. */
  limit: number;
  /** True when older commits touched the content directory than those listed. */
  truncated: boolean;
  /** The last commit that touched each file, by path relative to the content directory. */
  lastChanged: Map<string, FileChange>;
  /** Files with edits that are not committed (paths relative to the content directory). */
  uncommitted: Set<string>;
}

export interface HistoryOptions {
  /** How many commits to describe (default 50). 0 turns history off. */
  limit?: number;
  /** False for a site without amounts of money: changes of pay and budgets are named without their values (default true). */
  amounts?: boolean;
}

/** An unavailable history, with the reason. */
export function noHistory(reason: string, limit = DEFAULT_HISTORY_LIMIT): LadderHistory {
  return { available: false, reason, entries: [], limit, truncated: false, lastChanged: new Map(), uncommitted: new Set() };
}

/** The history of the ladder in `contentDir`. Never throws. */
export function readHistory(contentDir: string, options: HistoryOptions = {}): LadderHistory {
  const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_HISTORY_LIMIT));
  if (limit === 0) return noHistory('History is turned off (parity({ history: false })).', limit);
  try {
    return read(resolve(contentDir), limit, options.amounts ?? true);
  } catch (error) {
    return noHistory(error instanceof Error ? error.message : String(error), limit);
  }
}

interface Commit {
  commit: string;
  parents: string[];
  date: string;
  subject: string;
  /** What the commit changed in the content directory, against its first parent: path → blob id after (undefined: deleted). */
  changes: { path: string; before: string | undefined; after: string | undefined }[];
}

function read(dir: string, limit: number, amounts: boolean): LadderHistory {
  let root: string | undefined;
  try {
    root = gitRoot(dir);
  } catch (error) {
    return noHistory(error instanceof GitError ? error.message : 'git could not be run', limit);
  }
  if (!root) return noHistory(`${dir} is not inside a git repository`, limit);
  const rel = relative(realpath(root), realpath(dir)).split(sep).join('/');
  if (rel.startsWith('..')) return noHistory(`${dir} is outside the git repository ${root}`, limit);
  const pathspec = rel === '' ? '.' : rel;

  // The commits of the first-parent line (what landed on the branch) that touched the content
  // directory, newest first, each with its changes against its first parent: one git call.
  const commits = commitLog(root, pathspec, rel, limit + 1);
  if (!commits) return noHistory('git log could not read the history', limit);
  const truncated = commits.length > limit;
  const shown = commits.slice(0, limit);
  const shallow = shallowCommits(root);

  // Each version of the content directory, rebuilt from the newest one by undoing each commit's
  // changes; the blobs of every version are then read in one call, and equal versions checked once.
  const versions: (Version | undefined)[] = [];
  let current: Version | undefined = shown[0] ? listVersion(root, shown[0].commit, rel) : undefined;
  for (const c of shown) {
    versions.push(current);
    if (!current) break;
    const before: Version = new Map(current);
    for (const change of c.changes) {
      if (change.before) before.set(change.path, change.before);
      else before.delete(change.path);
    }
    current = before;
  }
  const parentVersions = shown.map((_, i) => (i + 1 < versions.length ? versions[i + 1] : current));
  const blobs = readBlobs(
    root,
    [...versions, ...parentVersions].flatMap((v) => (v ? [...v.values()] : [])),
  );
  const checks = new Map<string, CheckResult | undefined>();
  const checked = (version: Version | undefined): CheckResult | undefined => {
    if (!version || version.size === 0) return undefined;
    const key = [...version]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([path, oid]) => `${path}\0${oid}`)
      .join('\n');
    if (!checks.has(key)) checks.set(key, checkVersion(version, blobs, dir));
    return checks.get(key);
  };

  const entries: HistoryEntry[] = shown.map((c, i) => {
    const base = { commit: c.commit, short: c.commit.slice(0, 7), date: c.date, subject: c.subject };
    const head = checked(versions[i]);
    if (!head) return { ...base, status: 'unknown', summary: 'The ladder could not be read at this commit', items: [] };
    if (shallow.has(c.commit)) return { ...base, status: 'unknown', summary: 'Earlier history is not in this clone of the repository', items: [] };
    const before = c.parents.length > 0 ? checked(parentVersions[i]) : undefined;
    if (!before) return { ...base, status: 'initial', summary: describeFirstVersion(head.ladder), items: [] };
    const diff = diffLadders(before, head);
    return { ...base, status: 'diff', summary: describeHistoryEntry(diff), items: describeDiff(diff, head.ladder, { amounts }) };
  });

  return {
    available: true,
    entries,
    limit,
    truncated,
    lastChanged: lastChanges(root, rel, pathspec, shallow),
    uncommitted: uncommittedFiles(root, rel, pathspec),
  };
}

// ─── Git ────────────────────────────────────────────────────────────────────

/** `git log --first-parent --raw` of the content directory, parsed; undefined when git fails or its output does not add up. */
function commitLog(root: string, pathspec: string, rel: string, max: number): Commit[] | undefined {
  const range = ['--first-parent', '-m', `--max-count=${max}`];
  const log = gitText(['log', '-z', '--raw', '--no-renames', '--no-abbrev', '--format=%H%x00%P%x00%cI%x00%s%x00%b', ...range, '--', pathspec], root);
  // The commit ids alone, from a listing that carries no message: every entry must be one of them, in order.
  const ids = gitText(['log', '--format=%H', ...range, '--', pathspec], root);
  if (!log.ok || !ids.ok) return undefined;
  const commits: Commit[] = [];
  for (const { fields, changes: raw } of parseLog(log.stdout, 5)) {
    const [commit = '', parents = '', date = '', subject = '', body = ''] = fields;
    const changes: Commit['changes'] = [];
    for (const { meta, path } of raw) {
      const [modeBefore = '', modeAfter = '', before = '', after = ''] = meta.slice(1).split(' ');
      const local = insideContent(path, rel, /^0+$/.test(modeAfter) ? modeBefore : modeAfter);
      if (local === undefined) continue;
      const none = (oid: string, mode: string) => (/^0+$/.test(oid) || mode === '120000' || mode === '160000' ? undefined : oid);
      changes.push({ path: local, before: none(before, modeBefore), after: none(after, modeAfter) });
    }
    // A merge's own subject says little ("Merge pull request #12 from ..."): the first line of its message body says what it merged.
    const title =
      parents.split(' ').filter(Boolean).length > 1 && /^Merge /.test(subject)
        ? body
            .split('\n')
            .find((l) => l.trim())
            ?.trim() || subject
        : subject;
    // A message is written by anyone who commits: its control characters and bidi overrides never reach a page or the feed.
    commits.push({ commit, parents: parents.split(' ').filter(Boolean), date, subject: printable(title), changes });
  }
  const expected = ids.stdout.split('\n').filter(Boolean);
  if (commits.length !== expected.length || commits.some((c, i) => c.commit !== expected[i])) return undefined;
  return commits;
}

/** One version of the ladder, checked from memory; undefined when it has no ladder.md. */
function checkVersion(version: Version, blobs: Map<string, Buffer>, dir: string): CheckResult | undefined {
  if (!version.has('ladder.md')) return undefined;
  const files: RawFile[] = [...version]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, oid]) => {
      const bytes = blobs.get(oid);
      return bytes ? { path, ...decodeText(bytes) } : { path, text: undefined, unreadable: 'The file could not be read from git' };
    });
  return checkFiles(files, dir);
}

/** Commits at the edge of a shallow clone: their parents were not fetched. */
function shallowCommits(root: string): Set<string> {
  const shallow = gitText(['rev-parse', '--is-shallow-repository'], root);
  if (!shallow.ok || shallow.stdout.trim() !== 'true') return new Set();
  const path = gitText(['rev-parse', '--git-path', 'shallow'], root);
  if (!path.ok) return new Set();
  try {
    const text = readFileSync(resolve(root, path.stdout.trim()), 'utf8');
    return new Set(
      text
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    );
  } catch {
    return new Set();
  }
}

/** The last commit that touched each file of the content directory, from one pass over its log. */
function lastChanges(root: string, rel: string, pathspec: string, shallow: Set<string>): Map<string, FileChange> {
  const out = new Map<string, FileChange>();
  const log = gitText(['log', '-z', '--first-parent', '-m', '--raw', '--no-renames', '--no-abbrev', '--format=%H%x00%cI', '--', pathspec], root);
  if (!log.ok) return out;
  for (const { fields, changes } of parseLog(log.stdout, 2)) {
    const [commit = '', date = ''] = fields;
    // At the edge of a shallow clone, git sees every file as added: that is not when they changed.
    if (shallow.has(commit)) continue;
    for (const { path } of changes) {
      const inside = rel === '' ? path : path.startsWith(`${rel}/`) ? path.slice(rel.length + 1) : undefined;
      if (inside !== undefined && !out.has(inside)) out.set(inside, { commit, date });
    }
  }
  return out;
}

/** Files of the content directory that differ from HEAD (modified, added or untracked). */
function uncommittedFiles(root: string, rel: string, pathspec: string): Set<string> {
  const out = new Set<string>();
  const status = gitText(['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', pathspec], root);
  if (!status.ok) return out;
  const records = status.stdout.split('\0');
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    if (record.length < 4) continue;
    const code = record.slice(0, 2);
    const path = record.slice(3);
    if (code.startsWith('R') || code.startsWith('C')) i++; // the next record is the old path
    const inside = rel === '' ? path : path.startsWith(`${rel}/`) ? path.slice(rel.length + 1) : undefined;
    if (inside !== undefined) out.add(inside);
  }
  return out;
}
