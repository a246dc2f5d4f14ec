/**
 * Ladder diffs: what changed between two versions of a ladder, in the terms
 * an HR reviewer uses (levels, bands, authority, sections, parity), not in
 * lines of Markdown. Framework-free: the CLI prints it for pull requests and
 * the site can reuse it to describe a ladder's history in words.
 *
 * Matching rules, in order (see docs/editing.md):
 *  1. the same id on both sides is the same entity (changed or not);
 *  2. a removed and an added entity with identical content are a rename
 *     (the file was moved);
 *  3. a removed and an added level in the same track (after track renames)
 *     at the same grade are a rename: a track holds one level per grade, so
 *     this is the same rung with a new file name, and its other changes are
 *     listed too. Tracks match on family and name, then on family and kind
 *     when that pair is unique; families and competencies on their name.
 *  Everything else is added or removed.
 *
 * A version can also be read from a git commit without touching the working
 * tree (readContentAtRef): the files are read with `git ls-tree` and
 * `git cat-file --batch` into a temporary directory that check() reads.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { diffWords } from 'diff';
import type { CheckResult } from './check.ts';
import type { Diagnostic, Severity } from './diagnostics.ts';
import type { Body } from './markdown.ts';
import { slugify, type Competency, type Family, type Ladder, type Level, type Track } from './model.ts';
import { renderText } from './render.ts';

// ─── The shape of a diff (the JSON format) ──────────────────────────────────

export type ChangeKind = 'added' | 'removed' | 'renamed' | 'changed';
export type EntityType = 'family' | 'competency' | 'track' | 'level';

/** One frontmatter field that differs. Lists also say which items came and went. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
  added?: string[];
  removed?: string[];
}

/** A few words of context around one change, for a reviewer to read in a second. */
export interface WordExcerpt {
  /** Unchanged words before the change ("…" when cut). */
  before: string;
  removed: string;
  added: string;
  /** Unchanged words after the change. */
  after: string;
}

/** A body, introduction or competency section that differs. */
export interface TextChange {
  /** The competency id, "intro" (a level's text before its first section) or "body". */
  section: string;
  /** What to call it: the competency's name, "Introduction" or "Description". */
  heading: string;
  kind: 'added' | 'removed' | 'changed';
  before: string;
  after: string;
  /** Up to MAX_EXCERPTS word-level changes, in order. */
  excerpts: WordExcerpt[];
  /** How many further changes the excerpts leave out. */
  more: number;
}

export interface EntityChange {
  kind: ChangeKind;
  type: EntityType;
  /** The id in the new version (the old one for a removal). */
  id: string;
  /** The old id, for a rename. */
  from?: string;
  /** A level's title, or the name of anything else (new version, unless removed). */
  name: string;
  /** Path relative to the content directory (new version, unless removed). */
  file: string;
  fromFile?: string;
  /** Levels only. */
  track?: string;
  family?: string;
  grade?: number;
  /** Levels only: what the level is on the side that has it, so an addition or removal can be described. */
  terms?: { pay: { min: number; max: number }; scope: string; budget: number; decisions: string[] };
  fields: FieldChange[];
  text: TextChange[];
}

export interface ExceptionChange {
  kind: 'added' | 'removed' | 'changed';
  family: string;
  grade: number;
  rule: string;
  reason: string;
  /** The old reason, when only the reason changed. */
  before?: string;
}

/** A diagnostic that one version has and the other has not. */
export interface VerdictChange {
  change: 'appeared' | 'resolved';
  rule: string;
  severity: Severity;
  /** Where it is (new version) or was (old version). */
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface DiffSide {
  label: string;
  ok: boolean;
  errors: number;
  warnings: number;
  files: number;
}

export interface DiffSummary {
  added: number;
  removed: number;
  renamed: number;
  changed: number;
  errorsAppeared: number;
  errorsResolved: number;
  warningsAppeared: number;
  warningsResolved: number;
  /** True when nothing at all differs. */
  identical: boolean;
}

export interface LadderDiff {
  base: DiffSide;
  head: DiffSide;
  /** The currency of the new version, for formatting pay. */
  currency: string;
  ladder: { fields: FieldChange[]; text: TextChange[]; exceptions: ExceptionChange[] };
  families: EntityChange[];
  competencies: EntityChange[];
  tracks: EntityChange[];
  levels: EntityChange[];
  verdicts: VerdictChange[];
  /**
   * Files that exist in a version but that `ladder check` could not read
   * (a syntax or schema error): they are not reported as removed or added,
   * since only their problems (in verdicts) are known. Ids by kind, e.g.
   * "level:engineering-ic/staff-engineer".
   */
  unreadable: { base: string[]; head: string[] };
  summary: DiffSummary;
}

export const MAX_EXCERPTS = 3;
const CONTEXT_WORDS = 5;

// ─── Computing a diff ───────────────────────────────────────────────────────

export interface DiffOptions {
  baseLabel?: string;
  headLabel?: string;
}

export function diffLadders(base: CheckResult, head: CheckResult, options: DiffOptions = {}): LadderDiff {
  const a = base.ladder;
  const b = head.ladder;

  const families = matchEntities(a.families, b.families, [(x, y) => fingerprint(x) === fingerprint(y), (x, y) => sameName(x.name, y.name)]);
  const familyMap = idMap(families);
  const competencies = matchEntities(a.competencies, b.competencies, [
    (x, y) => fingerprint(x) === fingerprint(y),
    (x, y) => sameName(x.name, y.name),
  ]);
  const competencyMap = idMap(competencies);
  const tracks = matchEntities(a.tracks, b.tracks, [
    (x, y) => fingerprint(trackData(x, familyMap)) === fingerprint(trackData(y)),
    (x, y) => mapped(familyMap, x.family) === y.family && sameName(x.name, y.name),
    (x, y, restA, restB) =>
      mapped(familyMap, x.family) === y.family &&
      x.kind === y.kind &&
      restA.filter((t) => t.family === x.family && t.kind === x.kind).length === 1 &&
      restB.filter((t) => t.family === y.family && t.kind === y.kind).length === 1,
  ]);
  const trackMap = idMap(tracks);
  const levels = matchEntities(a.levels, b.levels, [
    (x, y) => fingerprint(levelData(x, trackMap)) === fingerprint(levelData(y)),
    (x, y) => mapped(trackMap, x.track) === y.track && x.grade === y.grade,
  ]);
  // A file that one version has but cannot read is broken, not removed or added: leave it to the verdicts.
  const unreadable = { base: unreadableIds(a), head: unreadableIds(b) };
  type Kind = keyof Ladder['rejected'];
  const broken = (ladder: Ladder, kind: Kind, e: Entity, map?: Map<string, string>): boolean => {
    if (kind !== 'level' || !('grade' in e)) return ladder.rejected[kind].has(e.id);
    const track = map ? mapped(map, e.track) : e.track;
    return ladder.rejected.level.has(e.id) || ladder.rejected.level.has(`${track}/${e.slug}`) || ladder.rejected.track.has(track);
  };
  const keep = <T extends Entity>(matched: Matched<T>, kind: Kind) => {
    matched.removed = matched.removed.filter((e) => !broken(b, kind, e, trackMap));
    matched.added = matched.added.filter((e) => !broken(a, kind, e));
  };
  keep(families, 'family');
  keep(competencies, 'competency');
  keep(tracks, 'track');
  keep(levels, 'level');

  const out: LadderDiff = {
    base: side(base, options.baseLabel ?? 'base'),
    head: side(head, options.headLabel ?? 'head'),
    currency: b.currency,
    ladder: {
      fields: [
        ...compareValues('name', a.name, b.name),
        ...compareValues('currency', a.currency, b.currency),
        ...compareValues('repository', a.repository ?? null, b.repository ?? null),
        ...compareList('scopes', a.scopes, b.scopes, true),
        ...compareValues('parity.pay', a.parity.pay, b.parity.pay),
      ],
      text: compareBodies('body', 'Introduction', a.intro, b.intro),
      exceptions: compareExceptions(a, b, familyMap),
    },
    families: describe('family', families, (x, y) => [...compareValues('name', x.name, y.name)], (x, y) => compareBodies('body', 'Description', x.body, y.body)),
    competencies: describe(
      'competency',
      competencies,
      (x, y) => [...compareValues('name', x.name, y.name)],
      (x, y) => compareBodies('body', 'Description', x.body, y.body),
    ),
    tracks: describe(
      'track',
      tracks,
      (x, y) => [
        ...compareValues('name', x.name, y.name),
        ...compareValues('family', mapped(familyMap, x.family), y.family),
        ...compareValues('kind', x.kind, y.kind),
        ...compareList('competencies', x.competencies.map((c) => mapped(competencyMap, c)), y.competencies, true),
      ],
      (x, y) => compareBodies('body', 'Description', x.body, y.body),
    ),
    levels: describe(
      'level',
      levels,
      (x, y) => [
        ...compareValues('title', x.title, y.title),
        ...(mapped(trackMap, x.track) !== y.track ? compareValues('track', x.track, y.track) : []),
        ...compareValues('grade', x.grade, y.grade),
        ...compareValues('summary', x.summary, y.summary),
        ...(x.pay.min !== y.pay.min || x.pay.max !== y.pay.max
          ? [{ field: 'pay', before: { min: x.pay.min, max: x.pay.max }, after: { min: y.pay.min, max: y.pay.max } }]
          : []),
        ...compareValues('authority.scope', x.authority.scope, y.authority.scope),
        ...compareValues('authority.budget', x.authority.budget, y.authority.budget),
        ...compareList('authority.decisions', x.authority.decisions, y.authority.decisions, false),
      ],
      (x, y) => compareLevelText(x, y, a, b, competencyMap),
    ),
    verdicts: compareVerdicts(base.diagnostics, head.diagnostics, renamedFiles([families, competencies, tracks, levels])),
    unreadable,
    summary: { added: 0, removed: 0, renamed: 0, changed: 0, errorsAppeared: 0, errorsResolved: 0, warningsAppeared: 0, warningsResolved: 0, identical: true },
  };
  out.summary = summarize(out);
  return out;
}

function unreadableIds(ladder: Ladder): string[] {
  return (['family', 'competency', 'track', 'level'] as const).flatMap((kind) => [...ladder.rejected[kind]].sort().map((id) => `${kind}:${id}`));
}

function side(result: CheckResult, label: string): DiffSide {
  return { label, ok: result.ok, errors: result.summary.errors, warnings: result.summary.warnings, files: result.summary.files };
}

interface Matched<T> {
  same: [T, T][];
  renamed: [T, T][];
  removed: T[];
  added: T[];
}

type Pairing<T> = (a: T, b: T, restA: T[], restB: T[]) => boolean;

/** Pairs entities across versions: by id, then by each rule in turn (first unique-enough match wins). */
function matchEntities<T extends { id: string }>(before: T[], after: T[], rules: Pairing<T>[]): Matched<T> {
  const byId = new Map(after.map((e) => [e.id, e]));
  const same: [T, T][] = [];
  let removed: T[] = [];
  for (const e of before) {
    const other = byId.get(e.id);
    if (other) {
      same.push([e, other]);
      byId.delete(e.id);
    } else removed.push(e);
  }
  let added = after.filter((e) => byId.has(e.id));
  const renamed: [T, T][] = [];
  for (const rule of rules) {
    const restA = [...removed];
    const restB = [...added];
    for (const e of restA) {
      const candidates = added.filter((other) => rule(e, other, restA, restB));
      const other = candidates[0];
      if (other === undefined) continue;
      renamed.push([e, other]);
      removed = removed.filter((x) => x !== e);
      added = added.filter((x) => x !== other);
    }
  }
  return { same, renamed, removed, added };
}

function idMap<T extends { id: string }>(matched: Matched<T>): Map<string, string> {
  return new Map([...matched.same, ...matched.renamed].map(([x, y]) => [x.id, y.id]));
}

const mapped = (map: Map<string, string>, id: string) => map.get(id) ?? id;

const sameName = (x: string, y: string) => x.trim().toLowerCase() === y.trim().toLowerCase();

function fingerprint(value: unknown): string {
  return JSON.stringify(value, (key, v: unknown) => {
    if (key === 'source' || key === 'id' || key === 'sections' || key === 'intro' || key === 'slug') return undefined;
    if (v && typeof v === 'object' && 'tree' in v && 'line' in v) return renderText(v as Body);
    return v;
  });
}

function trackData(track: Track, familyMap?: Map<string, string>) {
  return { name: track.name, family: familyMap ? mapped(familyMap, track.family) : track.family, kind: track.kind, competencies: track.competencies, body: track.body };
}

function levelData(level: Level, trackMap?: Map<string, string>) {
  return {
    track: trackMap ? mapped(trackMap, level.track) : level.track,
    title: level.title,
    grade: level.grade,
    summary: level.summary,
    pay: level.pay,
    authority: { ...level.authority, decisions: [...level.authority.decisions].sort() },
    body: level.body,
  };
}

type Entity = Family | Competency | Track | Level;

function describe<T extends Entity>(
  type: EntityType,
  matched: Matched<T>,
  fields: (x: T, y: T) => FieldChange[],
  text: (x: T, y: T) => TextChange[],
): EntityChange[] {
  const out: EntityChange[] = [];
  const base = (kind: ChangeKind, e: T): EntityChange => ({
    kind,
    type,
    id: e.id,
    name: 'title' in e ? e.title : e.name,
    file: e.source.file,
    ...('grade' in e ? { track: e.track, family: e.family, grade: e.grade, terms: terms(e) } : {}),
    fields: [],
    text: [],
  });
  for (const [x, y] of [...matched.same, ...matched.renamed]) {
    const f = fields(x, y);
    const t = text(x, y);
    const renamed = x.id !== y.id;
    if (!renamed && f.length === 0 && t.length === 0) continue;
    out.push({ ...base(renamed ? 'renamed' : 'changed', y), ...(renamed ? { from: x.id, fromFile: x.source.file } : {}), fields: f, text: t });
  }
  for (const e of matched.added) out.push(base('added', e));
  for (const e of matched.removed) out.push(base('removed', e));
  const order: Record<ChangeKind, number> = { added: 0, renamed: 1, changed: 2, removed: 3 };
  return out.sort((p, q) => (p.grade ?? 0) - (q.grade ?? 0) || compare(p.track ?? '', q.track ?? '') || order[p.kind] - order[q.kind] || compare(p.id, q.id));
}

function terms(level: Level): EntityChange['terms'] {
  return {
    pay: { min: level.pay.min, max: level.pay.max },
    scope: level.authority.scope,
    budget: level.authority.budget,
    decisions: [...level.authority.decisions],
  };
}

function compareValues(field: string, before: unknown, after: unknown): FieldChange[] {
  return before === after ? [] : [{ field, before, after }];
}

/** Ordered lists report a change of order too; unordered ones (decisions) only what came and went. */
function compareList(field: string, before: readonly string[], after: readonly string[], ordered: boolean): FieldChange[] {
  const added = after.filter((x) => !before.includes(x));
  const removed = before.filter((x) => !after.includes(x));
  const reordered = ordered && added.length === 0 && removed.length === 0 && before.join('\n') !== after.join('\n');
  if (added.length === 0 && removed.length === 0 && !reordered) return [];
  return [{ field, before: [...before], after: [...after], added, removed }];
}

function compareExceptions(a: Ladder, b: Ladder, familyMap: Map<string, string>): ExceptionChange[] {
  const key = (e: { family: string; grade: number; rule: string }) => `${e.family}\u0000${e.grade}\u0000${e.rule}`;
  const after = new Map(b.parity.exceptions.map((e) => [key(e), e]));
  const out: ExceptionChange[] = [];
  const seen = new Set<string>();
  for (const e of a.parity.exceptions) {
    const k = key({ ...e, family: mapped(familyMap, e.family) });
    seen.add(k);
    const other = after.get(k);
    const plain = { family: mapped(familyMap, e.family), grade: e.grade, rule: e.rule };
    if (!other) out.push({ kind: 'removed', ...plain, reason: e.reason });
    else if (other.reason.trim() !== e.reason.trim()) out.push({ kind: 'changed', ...plain, reason: other.reason, before: e.reason });
  }
  for (const [k, e] of after) if (!seen.has(k)) out.push({ kind: 'added', family: e.family, grade: e.grade, rule: e.rule, reason: e.reason });
  return out;
}

function compareBodies(section: string, heading: string, before: Body | undefined, after: Body | undefined): TextChange[] {
  const change = textChange(section, heading, before ? renderText(before) : '', after ? renderText(after) : '');
  return change ? [change] : [];
}

function compareLevelText(x: Level, y: Level, a: Ladder, b: Ladder, competencyMap: Map<string, string>): TextChange[] {
  const out: TextChange[] = [];
  const intro = textChange('intro', 'Introduction', renderText(x.intro), renderText(y.intro));
  if (intro) out.push(intro);
  const keyOf = (s: Level['sections'][number], map?: Map<string, string>) =>
    s.competency !== undefined ? (map ? mapped(map, s.competency) : s.competency) : `heading:${slugify(s.heading)}`;
  const before = new Map(x.sections.map((s) => [keyOf(s, competencyMap), s]));
  const after = new Map(y.sections.map((s) => [keyOf(s), s]));
  const keys = [...new Set([...after.keys(), ...before.keys()])];
  for (const key of keys) {
    const s = after.get(key) ?? before.get(key)!;
    const heading = s.competency !== undefined ? (b.competency.get(key)?.name ?? a.competency.get(s.competency)?.name ?? s.heading) : s.heading;
    const old = before.get(key);
    const now = after.get(key);
    const change = textChange(key, heading, old ? renderText(old) : undefined, now ? renderText(now) : undefined);
    if (change) out.push(change);
  }
  return out;
}

/** undefined text = the section does not exist on that side; an empty one counts as absent too. */
function textChange(section: string, heading: string, before: string | undefined, after: string | undefined): TextChange | undefined {
  const old = before ?? '';
  const now = after ?? '';
  if (old === now) return undefined;
  const kind = old === '' ? 'added' : now === '' ? 'removed' : 'changed';
  const { excerpts, more } = kind === 'changed' ? wordExcerpts(old, now) : { excerpts: [], more: 0 };
  return { section, heading, kind, before: old, after: now, excerpts, more };
}

/** The word-level changes between two texts, each with a few words of context. */
export function wordExcerpts(before: string, after: string, max = MAX_EXCERPTS): { excerpts: WordExcerpt[]; more: number } {
  const parts = diffWords(flat(before), flat(after));
  const excerpts: WordExcerpt[] = [];
  let count = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (!part.added && !part.removed) continue;
    let removed = '';
    let added = '';
    const start = i;
    while (i < parts.length && (parts[i]!.added || parts[i]!.removed)) {
      if (parts[i]!.added) added += parts[i]!.value;
      else removed += parts[i]!.value;
      i++;
    }
    const prev = start > 0 ? parts[start - 1]!.value : '';
    const next = i < parts.length ? parts[i]!.value : '';
    i--;
    count++;
    if (excerpts.length >= max) continue;
    excerpts.push({ before: tail(prev, CONTEXT_WORDS), removed: removed.trim(), added: added.trim(), after: head(next, CONTEXT_WORDS) });
  }
  return { excerpts, more: count - excerpts.length };
}

const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

function tail(text: string, n: number): string {
  const words = text.trim().split(' ').filter(Boolean);
  return (words.length > n ? '…' : '') + words.slice(-n).join(' ');
}

function head(text: string, n: number): string {
  const words = text.trim().split(' ').filter(Boolean);
  return words.slice(0, n).join(' ') + (words.length > n ? '…' : '');
}

/** Old path → new path for every renamed file, so that a problem that only moved is not reported. */
function renamedFiles(groups: Matched<Entity>[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const group of groups) for (const [x, y] of group.renamed) map.set(x.source.file, y.source.file);
  return map;
}

/**
 * Diagnostics that appeared or were resolved. Two diagnostics are the same
 * when rule, file (after renames) and message agree: lines shift with every
 * edit and are not compared.
 */
function compareVerdicts(before: readonly Diagnostic[], after: readonly Diagnostic[], files: Map<string, string>): VerdictChange[] {
  const key = (d: Diagnostic, file: string) => `${d.rule}\u0000${file}\u0000${d.message}`;
  const count = new Map<string, number>();
  for (const d of before) {
    const k = key(d, files.get(d.file) ?? d.file);
    count.set(k, (count.get(k) ?? 0) + 1);
  }
  const out: VerdictChange[] = [];
  for (const d of after) {
    const k = key(d, d.file);
    const n = count.get(k) ?? 0;
    if (n > 0) count.set(k, n - 1);
    else out.push(verdict('appeared', d));
  }
  const left = new Map(count);
  for (const d of before) {
    const k = key(d, files.get(d.file) ?? d.file);
    const n = left.get(k) ?? 0;
    if (n > 0) {
      left.set(k, n - 1);
      out.push(verdict('resolved', d));
    }
  }
  return out;
}

function verdict(change: VerdictChange['change'], d: Diagnostic): VerdictChange {
  return { change, rule: d.rule, severity: d.severity, file: d.file, line: d.line, column: d.column, message: d.message };
}

function summarize(diff: LadderDiff): DiffSummary {
  const all = [...diff.families, ...diff.competencies, ...diff.tracks, ...diff.levels];
  const n = (kind: ChangeKind) => all.filter((c) => c.kind === kind).length;
  const ladderChanged = diff.ladder.fields.length + diff.ladder.text.length + diff.ladder.exceptions.length > 0 ? 1 : 0;
  const v = (change: VerdictChange['change'], severity: Severity) => diff.verdicts.filter((x) => x.change === change && x.severity === severity).length;
  const summary = {
    added: n('added'),
    removed: n('removed'),
    renamed: n('renamed'),
    changed: n('changed') + ladderChanged,
    errorsAppeared: v('appeared', 'error'),
    errorsResolved: v('resolved', 'error'),
    warningsAppeared: v('appeared', 'warning'),
    warningsResolved: v('resolved', 'warning'),
    identical: false,
  };
  summary.identical = all.length === 0 && ladderChanged === 0 && diff.verdicts.length === 0;
  return summary;
}

// ─── Words: what a change means, for people ─────────────────────────────────

export function money(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
  } catch {
    return `${amount.toLocaleString('en-US')} ${currency}`;
  }
}

const band = (pay: { min: number; max: number }, currency: string) => `${money(pay.min, currency)}–${money(pay.max, currency)}`;

const FIELD_NAMES: Record<string, string> = {
  'authority.scope': 'scope',
  'authority.budget': 'budget',
  'authority.decisions': 'decisions',
  'parity.pay': 'pay parity policy',
  pay: 'pay band',
};

/** One field change as a short phrase: `pay band: $185,000–$240,000 → $190,000–$250,000`. */
export function describeField(change: FieldChange, currency: string): string {
  const name = FIELD_NAMES[change.field] ?? change.field;
  if (change.field === 'pay') {
    const before = change.before as { min: number; max: number };
    const after = change.after as { min: number; max: number };
    return `${name}: ${band(before, currency)} → ${band(after, currency)}`;
  }
  if (change.field === 'authority.budget') return `${name}: ${money(change.before as number, currency)} → ${money(change.after as number, currency)}`;
  if (change.added || change.removed) {
    const parts = [
      ...(change.added ?? []).map((x) => `+ ${x}`),
      ...(change.removed ?? []).map((x) => `− ${x}`),
    ];
    return `${name}: ${parts.length > 0 ? parts.join(', ') : 'reordered'}`;
  }
  const show = (v: unknown) => (v === null || v === undefined ? '(none)' : typeof v === 'string' ? `"${shorten(v, 80)}"` : String(v));
  return `${name}: ${show(change.before)} → ${show(change.after)}`;
}

/** A level's terms in one phrase, for an added or removed level. */
export function describeTerms(t: NonNullable<EntityChange['terms']>, currency: string): string {
  return `pay ${band(t.pay, currency)}, scope ${t.scope}, budget ${money(t.budget, currency)}, ${t.decisions.length} decision right${t.decisions.length === 1 ? '' : 's'}`;
}

export function describeException(e: ExceptionChange): string {
  const what = `${e.family} grade ${e.grade} may break ${e.rule}`;
  if (e.kind === 'changed') return `exception reworded: ${what}: "${shorten(e.reason, 100)}" (was "${shorten(e.before ?? '', 100)}")`;
  return `exception ${e.kind}: ${what}: "${shorten(e.reason, 100)}"`;
}

/** "2 levels added, 1 changed" and so on. */
export function describeSummary(diff: LadderDiff): string {
  const s = diff.summary;
  if (s.identical) return 'No changes to the ladder';
  const parts: string[] = [];
  const levels = (kind: ChangeKind) => diff.levels.filter((c) => c.kind === kind).length;
  const others = (kind: ChangeKind) => [...diff.families, ...diff.competencies, ...diff.tracks].filter((c) => c.kind === kind).length;
  for (const kind of ['added', 'changed', 'renamed', 'removed'] as const) {
    const l = levels(kind);
    if (l > 0) parts.push(`${l} level${l === 1 ? '' : 's'} ${kind}`);
  }
  for (const kind of ['added', 'changed', 'renamed', 'removed'] as const) {
    const o = others(kind);
    if (o > 0) parts.push(`${o} other file${o === 1 ? '' : 's'} ${kind}`);
  }
  if (diff.ladder.fields.length + diff.ladder.text.length + diff.ladder.exceptions.length > 0) parts.push('ladder.md changed');
  const unreadable = diff.unreadable.head.filter((id) => !diff.unreadable.base.includes(id)).length;
  if (unreadable > 0) parts.push(`${unreadable} file${unreadable === 1 ? '' : 's'} no longer readable (see the checks)`);
  return parts.length > 0 ? parts.join(', ') : 'No content changes';
}

/** "2 new errors, 1 fixed" or "`ladder check` passes". */
export function describeVerdicts(diff: LadderDiff): string {
  const s = diff.summary;
  const parts: string[] = [];
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  if (s.errorsAppeared > 0) parts.push(`${count(s.errorsAppeared, 'new error')}`);
  if (s.errorsResolved > 0) parts.push(`${count(s.errorsResolved, 'error')} fixed`);
  if (s.warningsAppeared > 0) parts.push(`${count(s.warningsAppeared, 'new warning')}`);
  if (s.warningsResolved > 0) parts.push(`${count(s.warningsResolved, 'warning')} resolved`);
  const status = diff.head.ok ? 'ladder check passes' : `ladder check fails with ${count(diff.head.errors, 'error')}`;
  return parts.length > 0 ? `${parts.join(', ')}; ${status}` : status;
}

export function shorten(text: string, max: number): string {
  const flatText = flat(text);
  return flatText.length > max ? `${flatText.slice(0, max - 1).trimEnd()}…` : flatText;
}

const ENTITY_LABEL: Record<EntityType, string> = { family: 'Family', competency: 'Competency', track: 'Track', level: 'Level' };

// ─── Text ───────────────────────────────────────────────────────────────────

const MARK: Record<ChangeKind, string> = { added: '+', removed: '-', renamed: '>', changed: '~' };

export function formatDiffText(diff: LadderDiff): string {
  const lines: string[] = [`Ladder diff: ${diff.base.label} → ${diff.head.label}`, `${describeSummary(diff)}; ${describeVerdicts(diff)}`];
  const entity = (c: EntityChange) => {
    const where = c.type === 'level' ? `, grade ${c.grade}` : '';
    const from = c.kind === 'renamed' ? ` (was ${c.from})` : '';
    lines.push(`  ${MARK[c.kind]} ${c.id}: ${c.name}${where} ${c.kind}${from}`);
    if ((c.kind === 'added' || c.kind === 'removed') && c.terms) lines.push(`      ${describeTerms(c.terms, diff.currency)}`);
    for (const f of c.fields) lines.push(`      ${describeField(f, diff.currency)}`);
    for (const t of c.text) lines.push(...textLines(t).map((l) => `      ${l}`));
  };
  const ladder = diff.ladder;
  if (ladder.fields.length + ladder.text.length + ladder.exceptions.length > 0) {
    lines.push('', 'Ladder (ladder.md)');
    for (const f of ladder.fields) lines.push(`  ${describeField(f, diff.currency)}`);
    for (const e of ladder.exceptions) lines.push(`  ${describeException(e)}`);
    for (const t of ladder.text) lines.push(...textLines(t).map((l) => `  ${l}`));
  }
  for (const [title, list] of [
    ['Families', diff.families],
    ['Competencies', diff.competencies],
    ['Tracks', diff.tracks],
    ['Levels', diff.levels],
  ] as const) {
    if (list.length === 0) continue;
    lines.push('', title);
    list.forEach(entity);
  }
  if (diff.verdicts.length > 0) {
    lines.push('', 'Checks');
    for (const v of diff.verdicts) {
      const label = v.change === 'appeared' ? `new ${v.severity}` : `fixed ${v.severity}`;
      lines.push(`  ${label.padEnd(13)} ${v.file}:${v.line}:${v.column}  ${v.message}  ${v.rule}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function textLines(t: TextChange): string[] {
  if (t.kind === 'added') return [`${t.heading}: section added: "${shorten(t.after, 100)}"`];
  if (t.kind === 'removed') return [`${t.heading}: section removed`];
  const out = t.excerpts.map((e, i) => `${i === 0 ? `${t.heading}: ` : ' '.repeat(t.heading.length + 2)}${excerptText(e)}`);
  if (t.more > 0) out.push(`${' '.repeat(t.heading.length + 2)}and ${t.more} more change${t.more === 1 ? '' : 's'}`);
  return out;
}

function excerptText(e: WordExcerpt): string {
  return [e.before, e.removed ? `[-${e.removed}-]` : '', e.added ? `{+${e.added}+}` : '', e.after].filter(Boolean).join(' ');
}

// ─── Markdown: a pull-request comment ───────────────────────────────────────

/** The first line of every comment, so that CI can find and update its own comment. */
export const COMMENT_MARKER = '<!-- ladder-diff -->';

const ICON: Record<ChangeKind, string> = { added: '🆕 added', removed: '🗑️ removed', renamed: '🔀 renamed', changed: '✏️ changed' };

export function formatDiffMarkdown(diff: LadderDiff): string {
  const out: string[] = [COMMENT_MARKER, '### Ladder changes', ''];
  const status = diff.summary.errorsAppeared > 0 || !diff.head.ok ? '❌' : '✅';
  out.push(`**${describeSummary(diff)}** · ${status} ${md(describeVerdicts(diff))}`, '');
  out.push(`<sub>${md(diff.base.label)} → ${md(diff.head.label)}</sub>`, '');

  if (diff.levels.length > 0) {
    out.push('#### Levels', '', '| | Level | Track | Grade | What changed |', '| --- | --- | --- | --- | --- |');
    for (const c of diff.levels) {
      const what: string[] = [];
      if (c.kind === 'renamed') what.push(`was ${code(c.from ?? '')}`);
      if ((c.kind === 'added' || c.kind === 'removed') && c.terms) what.push(cell(describeTerms(c.terms, diff.currency)));
      what.push(...c.fields.map((f) => cell(describeField(f, diff.currency))));
      const sections = c.text.map((t) => (t.kind === 'changed' ? t.heading : `${t.heading} (${t.kind})`));
      if (sections.length > 0) what.push(cell(`text: ${sections.join(', ')}`));
      out.push(`| ${ICON[c.kind]} | ${cell(c.name)} | ${cell(c.track ?? '')} | ${c.grade ?? ''} | ${what.join('<br>') || '—'} |`);
    }
    out.push('');
  }

  const others = [...diff.families, ...diff.tracks, ...diff.competencies];
  const ladder = diff.ladder;
  if (others.length > 0 || ladder.fields.length + ladder.exceptions.length + ladder.text.length > 0) {
    out.push('#### Ladder, families, tracks and competencies', '', '| | What | Id | What changed |', '| --- | --- | --- | --- |');
    const ladderWhat = [
      ...ladder.fields.map((f) => describeField(f, diff.currency)),
      ...ladder.exceptions.map(describeException),
      ...ladder.text.map((t) => `${t.heading} text ${t.kind}`),
    ];
    if (ladderWhat.length > 0) out.push(`| ✏️ changed | Ladder | ${code('ladder.md')} | ${ladderWhat.map(cell).join('<br>')} |`);
    for (const c of others) {
      const what = [
        ...(c.kind === 'renamed' ? [`was ${code(c.from ?? '')}`] : []),
        ...c.fields.map((f) => cell(describeField(f, diff.currency))),
        ...c.text.map((t) => cell(`${t.heading.toLowerCase()} ${t.kind}`)),
      ];
      out.push(`| ${ICON[c.kind]} | ${ENTITY_LABEL[c.type]}: ${cell(c.name)} | ${code(c.id)} | ${what.join('<br>') || '—'} |`);
    }
    out.push('');
  }

  const texts = [...diff.levels, ...others].filter((c) => c.text.some((t) => t.kind === 'changed'));
  if (texts.length > 0) {
    out.push('#### Wording', '');
    for (const c of texts) {
      const changed = c.text.filter((t) => t.kind === 'changed');
      out.push(`<details><summary>${cell(c.name)}: ${changed.map((t) => cell(t.heading)).join(', ')}</summary>`, '');
      for (const t of changed) {
        const excerpts = t.excerpts.map((e) => [md(e.before), e.removed ? `~~${md(e.removed)}~~` : '', e.added ? `**${md(e.added)}**` : '', md(e.after)].filter(Boolean).join(' '));
        out.push(`- **${md(t.heading)}**: ${excerpts.join(' · ')}${t.more > 0 ? ` (and ${t.more} more)` : ''}`);
      }
      out.push('', '</details>', '');
    }
  }

  if (diff.verdicts.length > 0) {
    out.push('#### Checks', '', '| | Where | Problem | Rule |', '| --- | --- | --- | --- |');
    for (const v of diff.verdicts) {
      const label = v.change === 'appeared' ? (v.severity === 'error' ? '❌ new error' : '⚠️ new warning') : `✅ fixed ${v.severity}`;
      out.push(`| ${label} | ${code(`${v.file}:${v.line}`)} | ${cell(v.message)} | ${code(v.rule)} |`);
    }
    out.push('');
  }
  if (diff.summary.identical) out.push('Nothing in the ladder differs between these versions.', '');
  return `${out.join('\n').trimEnd()}\n`;
}

/** Text safe inside a Markdown paragraph: no accidental emphasis, links or HTML. */
function md(text: string): string {
  return text.replace(/[\\`*_~[\]<>|#]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`));
}

/** An id or path as code; backticks inside are dropped (ids are slugs). */
function code(text: string): string {
  return `\`${text.replace(/[`|\n]/g, '')}\``;
}

/** Text safe inside a table cell. */
function cell(text: string): string {
  return md(flat(text));
}

export function formatDiffJson(diff: LadderDiff): string {
  return `${JSON.stringify(diff, null, 2)}\n`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ─── Reading a version from git ─────────────────────────────────────────────

/** A git problem that makes a version unreadable: not a repository, an unknown ref, no content at that ref. */
export class GitRefError extends Error {}

export interface Snapshot {
  /** A temporary directory holding the content files as they were at the commit. */
  dir: string;
  /** The full commit id. */
  commit: string;
  /** Removes the temporary directory. */
  cleanup(): void;
}

function git(args: string[], cwd: string, input?: string): { ok: boolean; stdout: Buffer; stderr: string } {
  const result = spawnSync('git', args, { cwd, input, maxBuffer: 1024 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
  if (result.error) throw new GitRefError(`git could not be run: ${result.error.message}`);
  return { ok: result.status === 0, stdout: result.stdout, stderr: result.stderr.toString('utf8').trim() };
}

/** The top directory of the git work tree that holds `path`, if any. */
export function gitRoot(path: string): string | undefined {
  const result = git(['rev-parse', '--show-toplevel'], path);
  return result.ok ? result.stdout.toString('utf8').trim() : undefined;
}

/** The commit a ref names, or undefined. */
export function resolveCommit(ref: string, cwd: string): string | undefined {
  if (ref.startsWith('-') || ref.trim() === '') return undefined;
  const result = git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], cwd);
  return result.ok ? result.stdout.toString('utf8').trim() : undefined;
}

/**
 * Copies the Markdown files of a content directory, as they were at a git
 * ref, into a new temporary directory. Reads objects only: the working tree,
 * the index and HEAD are never touched.
 */
export function readContentAtRef(ref: string, contentDir: string): Snapshot {
  const absolute = resolve(contentDir);
  const probe = existingAncestor(absolute);
  const root = gitRoot(probe);
  if (!root) throw new GitRefError(`"${ref}" is not a directory, and ${probe} is not inside a git repository`);
  const commit = resolveCommit(ref, root);
  if (!commit) throw new GitRefError(`"${ref}" is neither a directory nor a git commit, branch or tag of ${root}`);
  const rel = relative(realpath(root), realpath(absolute)).split(sep).join('/');
  if (rel.startsWith('..')) throw new GitRefError(`The content directory ${absolute} is outside the git repository ${root}`);

  const listing = git(['ls-tree', '-r', '-z', '--full-tree', commit, ...(rel === '' ? [] : ['--', rel])], root);
  if (!listing.ok) throw new GitRefError(`git ls-tree failed at ${ref}: ${listing.stderr}`);
  const entries: { oid: string; path: string }[] = [];
  for (const record of listing.stdout.toString('utf8').split('\0')) {
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode, type, oid] = record.slice(0, tab).split(' ');
    const path = record.slice(tab + 1);
    if (type !== 'blob' || mode === '120000' || oid === undefined || !path.endsWith('.md')) continue;
    const inside = rel === '' ? path : path.slice(rel.length + 1);
    if (inside.split('/').some((part) => part === '..' || part === '')) continue;
    entries.push({ oid, path: inside });
  }
  if (entries.length === 0) throw new GitRefError(`There is no ladder in ${rel || '.'}/ at ${ref}`);

  const batch = git(['cat-file', '--batch'], root, `${entries.map((e) => e.oid).join('\n')}\n`);
  if (!batch.ok) throw new GitRefError(`git cat-file failed at ${ref}: ${batch.stderr}`);
  const dir = mkdtempSync(join(tmpdir(), 'ladder-diff-'));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  try {
    let offset = 0;
    const data = batch.stdout;
    for (const entry of entries) {
      const newline = data.indexOf(0x0a, offset);
      const header = data.subarray(offset, newline).toString('utf8');
      const size = Number(header.split(' ')[2]);
      if (!header.startsWith(entry.oid) || !Number.isFinite(size)) throw new GitRefError(`Unexpected output from git cat-file: ${header}`);
      const content = data.subarray(newline + 1, newline + 1 + size);
      offset = newline + 1 + size + 1;
      const target = join(dir, ...entry.path.split('/'));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
  } catch (error) {
    cleanup();
    throw error;
  }
  return { dir, commit, cleanup };
}

function realpath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function existingAncestor(path: string): string {
  let current = path;
  for (;;) {
    try {
      realpathSync(current);
      return current;
    } catch {
      const parent = dirname(current);
      if (parent === current) return current;
      current = parent;
    }
  }
}
