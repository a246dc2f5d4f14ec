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
 */
import { byOrder, trackOrder } from '../build.ts';
import { diffWords } from '../worddiff.ts';
import type { CheckResult } from '../check.ts';
import type { Diagnostic, Severity } from '../diagnostics.ts';
import type { Body } from '../markdown.ts';
import { slugify, type Competency, type Family, type Ladder, type Level, type Track } from '../model.ts';
import { resolvePay, type Band, type Pay } from '../pay.ts';
import { renderText } from '../render.ts';
import type {
  BandChange,
  BandTerms,
  ChangeKind,
  DiffSide,
  DiffSummary,
  EntityChange,
  EntityType,
  ExceptionChange,
  FieldChange,
  LadderDiff,
  TextChange,
  VerdictChange,
  WordExcerpt,
  ZoneChange,
  ZoneTerms,
} from './types.ts';

export interface DiffOptions {
  baseLabel?: string;
  headLabel?: string;
}

export function diffLadders(base: CheckResult, head: CheckResult, options: DiffOptions = {}): LadderDiff {
  const a = base.ladder;
  const b = head.ladder;

  const families = matchEntities(a.families, b.families, [(x, y) => fingerprint(x) === fingerprint(y), (x, y) => sameName(x.name, y.name)]);
  const familyMap = idMap(families);
  const competencies = matchEntities(a.competencies, b.competencies, [(x, y) => fingerprint(x) === fingerprint(y), (x, y) => sameName(x.name, y.name)]);
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
  const rank = listOrder(a, b, familyMap, trackMap);

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
        ...compareValues('rounding', a.rounding, b.rounding),
        ...compareValues('visibility.pay', a.visibility.pay, b.visibility.pay),
      ],
      text: compareBodies('body', 'Introduction', a.intro, b.intro),
      exceptions: compareExceptions(a, b, familyMap),
      zones: compareZones(a, b),
    },
    families: describe(
      'family',
      families,
      (x, y) => [...compareValues('name', x.name, y.name)],
      (x, y) => compareBodies('body', 'Description', x.body, y.body),
      (c) => rank.family(c.id),
      (x, y) => ({ bands: compareBands(x, y, a, b) }),
      (e, kind) => ({ bands: compareBands(kind === 'removed' ? e : undefined, kind === 'added' ? e : undefined, a, b) }),
    ),
    competencies: describe(
      'competency',
      competencies,
      (x, y) => [...compareValues('name', x.name, y.name)],
      (x, y) => compareBodies('body', 'Description', x.body, y.body),
      () => 0,
    ),
    tracks: describe(
      'track',
      tracks,
      (x, y) => [
        ...compareValues('name', x.name, y.name),
        ...compareValues('family', mapped(familyMap, x.family), y.family),
        ...compareValues('kind', x.kind, y.kind),
        ...compareList(
          'competencies',
          x.competencies.map((c) => mapped(competencyMap, c)),
          y.competencies,
          true,
        ),
      ],
      (x, y) => compareBodies('body', 'Description', x.body, y.body),
      (c) => rank.track(c.id),
    ),
    levels: describe(
      'level',
      levels,
      (x, y) => [
        ...compareValues('title', x.title, y.title),
        ...(mapped(trackMap, x.track) !== y.track ? compareValues('track', x.track, y.track) : []),
        ...compareValues('grade', x.grade, y.grade),
        ...compareValues('summary', x.summary, y.summary),
        ...comparePay(x, y, familyMap),
        ...compareValues('authority.scope', x.authority.scope, y.authority.scope),
        ...compareValues('authority.budget', x.authority.budget, y.authority.budget),
        ...compareList('authority.decisions', x.authority.decisions, y.authority.decisions, false),
      ],
      (x, y) => compareLevelText(x, y, a, b, competencyMap),
      (c) => rank.track(c.track ?? ''),
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
function matchEntities<T extends { id: string }>(before: readonly T[], after: readonly T[], rules: Pairing<T>[]): Matched<T> {
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
  return {
    name: track.name,
    family: familyMap ? mapped(familyMap, track.family) : track.family,
    kind: track.kind,
    competencies: track.competencies,
    body: track.body,
  };
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

/** What an entity's own kind adds to its change: a family's bands (a change on its own, even with no field or text changed). */
type Extra = { bands?: BandChange[] };

/**
 * Where families and tracks are listed: the model's one order (1.1 `order`,
 * then id; see build.ts), over both versions. The head's version of an entity
 * decides its place; one that only the base has (removed) keeps the base's
 * order, under its matched (renamed) family. Unknown ids come last.
 */
function listOrder(a: Ladder, b: Ladder, familyMap: Map<string, string>, trackMap: Map<string, string>) {
  const families = new Map<string, Family>();
  for (const f of a.families) families.set(mapped(familyMap, f.id), { ...f, id: mapped(familyMap, f.id) });
  for (const f of b.families) families.set(f.id, f);
  const familyRank = new Map([...families.values()].sort(byOrder).map((f, i) => [f.id, i]));
  const ofFamily = (id: string) => familyRank.get(id) ?? familyRank.size;
  const tracks = new Map<string, Track>();
  for (const t of a.tracks) tracks.set(mapped(trackMap, t.id), { ...t, id: mapped(trackMap, t.id), family: mapped(familyMap, t.family) });
  for (const t of b.tracks) tracks.set(t.id, t);
  const sorted = [...tracks.values()].sort((x, y) => ofFamily(x.family) - ofFamily(y.family) || compare(x.family, y.family) || trackOrder(x, y));
  const trackRank = new Map(sorted.map((t, i) => [t.id, i]));
  return {
    family: (id: string) => familyRank.get(id) ?? familyRank.get(mapped(familyMap, id)) ?? familyRank.size,
    track: (id: string) => trackRank.get(id) ?? trackRank.get(mapped(trackMap, id)) ?? trackRank.size,
  };
}

/**
 * The changes of one kind of entity, listed as pages list them: levels by
 * grade, then by their track's place (`rank`); families and tracks by their
 * place; then added, renamed, changed, removed; then by id.
 */
function describe<T extends Entity>(
  type: EntityType,
  matched: Matched<T>,
  fields: (x: T, y: T) => FieldChange[],
  text: (x: T, y: T) => TextChange[],
  rank: (change: EntityChange) => number,
  extra?: (x: T, y: T) => Extra,
  extraOfOne?: (e: T, kind: 'added' | 'removed') => Extra,
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
    const more = extra?.(x, y) ?? {};
    const renamed = x.id !== y.id;
    if (!renamed && f.length === 0 && t.length === 0 && (more.bands ?? []).length === 0) continue;
    out.push({ ...base(renamed ? 'renamed' : 'changed', y), ...(renamed ? { from: x.id, fromFile: x.source.file } : {}), fields: f, text: t, ...more });
  }
  for (const e of matched.added) out.push({ ...base('added', e), ...extraOfOne?.(e, 'added') });
  for (const e of matched.removed) out.push({ ...base('removed', e), ...extraOfOne?.(e, 'removed') });
  const order: Record<ChangeKind, number> = { added: 0, renamed: 1, changed: 2, removed: 3 };
  return out.sort((p, q) => (p.grade ?? 0) - (q.grade ?? 0) || rank(p) - rank(q) || order[p.kind] - order[q.kind] || compare(p.id, q.id));
}

/** (1.1) A band as the diff reports it: its owner and grade, bonus, equity and amounts in every zone it covers. */
export function bandTerms(pay: Pay): BandTerms {
  return {
    min: pay.min,
    max: pay.max,
    owner: pay.band.owner,
    grade: pay.band.grade,
    // The anchor is always covered: it is the band's own min and max.
    currency: pay.zones[0]?.zone.currency ?? '',
    bonus: pay.bonus ?? null,
    equity: pay.equity ? { min: pay.equity.min, max: pay.equity.max } : null,
    zones: pay.zones.map((z) => ({ zone: z.zone.id, name: z.zone.name, currency: z.zone.currency, basis: z.basis, min: z.min, max: z.max })),
  };
}

/** Whether two bands are written alike: amounts, bonus, equity and the zones set by hand. */
function sameBand(x: Band, y: Band): boolean {
  const range = (r: { min: number; max: number } | undefined) => (r ? `${r.min}-${r.max}` : '');
  const set = (b: Band) =>
    JSON.stringify(
      Object.entries(b.set)
        .map(([id, r]) => [id, range(r)])
        .sort(),
    );
  return x.min === y.min && x.max === y.max && x.bonus === y.bonus && range(x.equity) === range(y.equity) && set(x) === set(y);
}

/** (1.1) A family's bands added, removed or rewritten, grade by grade, each with the levels paid from it. */
function compareBands(x: Family | undefined, y: Family | undefined, a: Ladder, b: Ladder): BandChange[] {
  const grades = [...new Set([...(x?.bands.keys() ?? []), ...(y?.bands.keys() ?? [])])].sort((p, q) => p - q);
  const users = (ladder: Ladder, family: Family, grade: number) =>
    (ladder.levelsByFamilyGrade.get(family.id)?.get(grade) ?? []).filter((l) => l.pay?.band.owner === 'family').map((l) => ({ id: l.id, title: l.title }));
  const out: BandChange[] = [];
  for (const grade of grades) {
    const before = x?.bands.get(grade);
    const after = y?.bands.get(grade);
    if (before && after && sameBand(before, after)) continue;
    const kind = !before ? 'added' : !after ? 'removed' : 'changed';
    out.push({
      kind,
      grade,
      before: before ? bandTerms(resolvePay(before, a.zones, a.rounding)) : null,
      after: after ? bandTerms(resolvePay(after, b.zones, b.rounding)) : null,
      levels: after ? users(b, y!, grade) : users(a, x!, grade),
    });
  }
  return out;
}

/**
 * (1.1) A level's pay, when the level itself changed it: its own band
 * rewritten, an override added or removed, or its grade (or family) giving
 * it another band. A family band that changed is the family's change, listed
 * there once with the levels it pays, not again on each of them.
 */
function comparePay(x: Level, y: Level, familyMap: Map<string, string>): FieldChange[] {
  const p = x.pay;
  const q = y.pay;
  if (!p && !q) return [];
  const change = [{ field: 'pay', before: p ? bandTerms(p) : null, after: q ? bandTerms(q) : null }];
  if (!p || !q || p.band.owner !== q.band.owner) return change;
  if (p.band.owner === 'family') return mapped(familyMap, x.family) !== y.family || p.band.grade !== q.band.grade ? change : [];
  return sameBand(p.band, q.band) ? [] : change;
}

/** (1.1) The zones of ladder.md: added, removed, renamed, another currency or factor, a new anchor. */
function compareZones(a: Ladder, b: Ladder): ZoneChange[] {
  const terms = (ladder: Ladder) =>
    new Map(
      ladder.zones
        .filter((z) => z.declared)
        .map((z): [string, ZoneTerms] => [z.id, { name: z.name, currency: z.currency, factor: z.factor ?? null, anchor: z.index === 0 }]),
    );
  const before = terms(a);
  const after = terms(b);
  const out: ZoneChange[] = [];
  for (const [id, now] of after) {
    const was = before.get(id);
    if (!was) out.push({ kind: 'added', id, before: null, after: now });
    else if (was.name !== now.name || was.currency !== now.currency || was.factor !== now.factor || was.anchor !== now.anchor) {
      out.push({ kind: 'changed', id, before: was, after: now });
    }
  }
  for (const [id, was] of before) if (!after.has(id)) out.push({ kind: 'removed', id, before: was, after: null });
  return out;
}

function terms(level: Level): EntityChange['terms'] {
  return {
    pay: level.pay ? bandTerms(level.pay) : { min: 0, max: 0 },
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
export const MAX_EXCERPTS = 3;
const CONTEXT_WORDS = 5;

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

export const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

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
  const ladderChanged = diff.ladder.fields.length + diff.ladder.text.length + diff.ladder.exceptions.length + diff.ladder.zones.length > 0 ? 1 : 0;
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

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
