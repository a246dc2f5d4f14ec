/**
 * Words: what a change means, for people. The one module of phrases for
 * changes: `ladder diff` (its text, Markdown and JSON output, src/ladder/diff/format.ts)
 * and the site's history (/changes/ and its feed, src/git/history.ts) both
 * say what changed with these, over the same band, money and field names.
 */
import type { Ladder } from '../model.ts';
import { formatMoney } from '../money.ts';
import { capitalize } from '../text.ts';
import { flat } from './compare.ts';
import type { ChangeKind, EntityChange, EntityType, ExceptionChange, FieldChange, LadderDiff, TextChange } from './types.ts';

/** A pay band in a phrase: "$185,000–$240,000". */
const band = (pay: { min: number; max: number }, currency: string) => `${formatMoney(pay.min, currency)}–${formatMoney(pay.max, currency)}`;

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
  if (change.field === 'authority.budget') return `${name}: ${formatMoney(change.before as number, currency)} → ${formatMoney(change.after as number, currency)}`;
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
  return `pay ${band(t.pay, currency)}, scope ${t.scope}, budget ${formatMoney(t.budget, currency)}, ${t.decisions.length} decision right${t.decisions.length === 1 ? '' : 's'}`;
}

export function describeException(e: ExceptionChange): string {
  const what = `${e.family} grade ${e.grade} may break ${e.rule}`;
  if (e.kind === 'changed') return `exception reworded: ${what}: "${shorten(e.reason, 100)}" (was "${shorten(e.before ?? '', 100)}")`;
  return `exception ${e.kind}: ${what}: "${shorten(e.reason, 100)}"`;
}

/** "2 levels added", "1 other file changed", ...: the counts both summaries give, levels first. */
function changeCounts(diff: LadderDiff, others: string, ladderChanged: string): string[] {
  const parts: string[] = [];
  const count = (n: number, what: string, kind: ChangeKind) => (n > 0 ? [`${n} ${what}${n === 1 ? '' : 's'} ${kind}`] : []);
  const otherEntities = [...diff.families, ...diff.competencies, ...diff.tracks];
  for (const kind of ['added', 'changed', 'renamed', 'removed'] as const) parts.push(...count(diff.levels.filter((c) => c.kind === kind).length, 'level', kind));
  for (const kind of ['added', 'changed', 'renamed', 'removed'] as const) parts.push(...count(otherEntities.filter((c) => c.kind === kind).length, others, kind));
  if (diff.ladder.fields.length + diff.ladder.text.length + diff.ladder.exceptions.length > 0) parts.push(ladderChanged);
  return parts;
}

/** "2 levels added, 1 changed" and so on (`ladder diff`). */
export function describeSummary(diff: LadderDiff): string {
  if (diff.summary.identical) return 'No changes to the ladder';
  const parts = changeCounts(diff, 'other file', 'ladder.md changed');
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

export const ENTITY_LABEL: Record<EntityType, string> = { family: 'Family', competency: 'Competency', track: 'Track', level: 'Level' };

// ─── The history's sentences ────────────────────────────────────────────────

/** Something that changed in one commit, with the phrases that say what. */
export interface HistoryItem {
  /** What kind of thing changed; 'ladder' is ladder.md. */
  type: 'ladder' | 'family' | 'competency' | 'track' | 'level';
  kind: 'added' | 'removed' | 'renamed' | 'changed';
  /** The id after the commit (before it, for a removal); "ladder" for ladder.md. */
  id: string;
  /** A level's title or another entity's name, after the commit (before it, for a removal). */
  name: string;
  /** For levels: the track's id and the grade. */
  track?: string;
  grade?: number;
  /** Short sentences, such as "Pay band raised from $185,000–$240,000 to $190,000–$250,000". */
  phrases: string[];
}

/** What one diff means, entity by entity, in short sentences (the site's /changes/ and its feed). */
export function describeDiff(diff: LadderDiff, head: Ladder): HistoryItem[] {
  const items: HistoryItem[] = [];
  const { currency } = diff;
  const scopes = head.scopes;
  const l = diff.ladder;
  const ladderPhrases = [
    ...l.fields.map((f) => sentence(fieldPhrase(f, currency, scopes))),
    ...l.exceptions.map((e) => sentence(describeException(e))),
    ...l.text.map((t) => textPhrase(t)),
  ];
  if (ladderPhrases.length > 0) items.push({ type: 'ladder', kind: 'changed', id: 'ladder', name: head.name, phrases: ladderPhrases });
  for (const c of [...diff.families, ...diff.tracks, ...diff.competencies, ...diff.levels]) items.push(entityItem(c, currency, scopes));
  return items;
}

function entityItem(c: EntityChange, currency: string, scopes: readonly string[]): HistoryItem {
  const phrases: string[] = [];
  const what = ENTITY_LABEL[c.type];
  if (c.kind === 'added') phrases.push(`${what} added${c.terms ? `: ${describeTerms(c.terms, currency)}` : ''}.`);
  else if (c.kind === 'removed') phrases.push(`${what} removed.`);
  else if (c.kind === 'renamed') phrases.push(`${what} moved from ${c.from} to ${c.id}.`);
  for (const f of c.fields) phrases.push(sentence(fieldPhrase(f, currency, scopes)));
  for (const t of c.text) phrases.push(textPhrase(t));
  return {
    type: c.type,
    kind: c.kind,
    id: c.id,
    name: c.name,
    ...(c.track !== undefined ? { track: c.track } : {}),
    ...(c.grade !== undefined ? { grade: c.grade } : {}),
    phrases,
  };
}

/** "Pay band raised from $1–$2 to $3–$4", "Scope widened from group to org", else the diff's own words. */
export function fieldPhrase(f: FieldChange, currency: string, scopes: readonly string[] = []): string {
  if (f.field === 'pay') {
    const a = f.before as { min: number; max: number };
    const b = f.after as { min: number; max: number };
    const verb = b.min >= a.min && b.max >= a.max ? 'raised' : b.min <= a.min && b.max <= a.max ? 'lowered' : 'changed';
    return `Pay band ${verb} from ${band(a, currency)} to ${band(b, currency)}`;
  }
  if (f.field === 'authority.budget') {
    const a = f.before as number;
    const b = f.after as number;
    return `Budget ${b > a ? 'raised' : 'lowered'} from ${formatMoney(a, currency)} to ${formatMoney(b, currency)}`;
  }
  if (f.field === 'authority.scope') {
    const a = scopes.indexOf(String(f.before));
    const b = scopes.indexOf(String(f.after));
    const verb = a >= 0 && b >= 0 ? (b > a ? 'widened' : 'narrowed') : 'changed';
    return `Scope ${verb} from ${String(f.before)} to ${String(f.after)}`;
  }
  if (f.field === 'authority.decisions') {
    const parts = [
      ...(f.added ?? []).length > 0 ? [`added ${(f.added ?? []).join(', ')}`] : [],
      ...(f.removed ?? []).length > 0 ? [`removed ${(f.removed ?? []).join(', ')}`] : [],
    ];
    return `Decision rights: ${parts.join('; ')}`;
  }
  if (f.field === 'summary') return 'Summary rewritten';
  if (f.field === 'title') return `Title changed from "${shorten(String(f.before), 80)}" to "${shorten(String(f.after), 80)}"`;
  if (f.field === 'grade') return `Grade changed from ${String(f.before)} to ${String(f.after)}`;
  return capitalize(describeField(f, currency));
}

/** "Technical craft section rewritten", "Strategy section added". */
export function textPhrase(t: TextChange): string {
  const what = t.section === 'intro' || t.section === 'body' ? t.heading : `${t.heading} section`;
  if (t.kind === 'added') return `${what} added.`;
  if (t.kind === 'removed') return `${what} removed.`;
  return `${what} rewritten.`;
}

/** One commit's changes in one line (the site's history): "2 levels changed, ladder settings changed". */
export function describeHistoryEntry(diff: LadderDiff): string {
  if (diff.summary.identical) return 'No change to the ladder itself (formatting or files the ladder does not read)';
  const parts = changeCounts(diff, 'other page', 'ladder settings changed');
  return parts.length > 0 ? capitalize(parts.join(', ')) : 'Only the checks changed';
}

/** The first version of a ladder in one line: "First version of the ladder: 26 levels in 4 tracks of 2 families". */
export function describeFirstVersion(l: Ladder): string {
  const n = (count: number, what: string) => `${count} ${what}${count === 1 ? '' : 's'}`;
  return `First version of the ladder: ${n(l.levels.length, 'level')} in ${n(l.tracks.length, 'track')} of ${n(l.families.length, 'family').replace(/familys$/, 'families')}`;
}

const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${capitalize(text)}.`);
