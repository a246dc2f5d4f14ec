/**
 * Words: what a change means, for people. The one module of phrases for
 * changes: `ladder diff` (its text, Markdown and JSON output, src/ladder/diff/format.ts)
 * and the site's history (/changes/ and its feed, src/git/history.ts) both
 * say what changed with these, over the same band, money and field names.
 */
import type { Ladder } from '../model.ts';
import { formatBand, formatBonus, formatMoney } from '../money.ts';
import { capitalize } from '../text.ts';
import { flat } from './compare.ts';
import type { BandChange, BandTerms, ChangeKind, EntityChange, EntityType, ExceptionChange, FieldChange, LadderDiff, TextChange, ZoneChange } from './types.ts';

export { capitalize };

/** A pay band in a phrase: "$185,000 – $240,000" (the one band format, money.ts). */
const band = (pay: { min: number; max: number }, currency: string) => formatBand(pay, currency);

const FIELD_NAMES: Record<string, string> = {
  'authority.scope': 'scope',
  'authority.budget': 'budget',
  'authority.decisions': 'decisions',
  'parity.pay': 'pay parity policy',
  'visibility.pay': 'who sees pay',
  rounding: 'rounding of amounts derived by a factor',
  pay: 'pay band',
};

// ─── Pay (1.1): bands, zones, bonus and equity ─────────────────────────────

/** "raised" when neither end went down, "lowered" when neither went up, else "changed". */
function direction(a: { min: number; max: number }, b: { min: number; max: number }): 'raised' | 'lowered' | 'changed' {
  return b.min >= a.min && b.max >= a.max ? 'raised' : b.min <= a.min && b.max <= a.max ? 'lowered' : 'changed';
}

/** What a band's phrases call it: a family's "Grade 5 band", or a level's own "pay band". */
interface Subjects {
  band: string;
  bonus: string;
  equity: string;
}

const familySubjects = (grade: number): Subjects => ({ band: `Grade ${grade} band`, bonus: `Grade ${grade} bonus target`, equity: `Grade ${grade} equity` });
const levelSubjects: Subjects = { band: 'pay band', bonus: 'bonus target', equity: 'equity' };

const sameRange = (a: { min: number; max: number } | null | undefined, b: { min: number; max: number } | null | undefined) =>
  (!a && !b) || (a !== null && b !== null && a !== undefined && b !== undefined && a.min === b.min && a.max === b.max);

/** A band in one phrase, for an addition: "$420,000 – $560,000, in Germany €265,000 – €352,000 (set by hand), bonus target 25%, equity $120,000 – $240,000". */
function bandSummary(t: BandTerms, withVariable = true): string {
  const parts = [band(t, t.currency)];
  for (const z of t.zones) if (z.basis === 'set') parts.push(`in ${z.name} ${band(z, z.currency)} (set by hand)`);
  if (withVariable && t.bonus !== null) parts.push(`bonus target ${formatBonus(t.bonus)}`);
  if (withVariable && t.equity) parts.push(`equity ${band(t.equity, t.currency)}`);
  return parts.join(', ');
}

/**
 * A band rewritten, in phrases: the anchor's amounts ("raised in every zone"
 * when every zone moved with it, else naming the zones that did not), each
 * zone set by hand that changed, then bonus and equity.
 */
function bandPhrases(s: Subjects, a: BandTerms, b: BandTerms): string[] {
  const out: string[] = [];
  const zones = b.zones.filter((z) => a.zones.some((y) => y.zone === z.zone));
  const moved = (id: string) =>
    !sameRange(
      a.zones.find((z) => z.zone === id),
      b.zones.find((z) => z.zone === id),
    );
  if (a.min !== b.min || a.max !== b.max) {
    const verb = direction(a, b);
    const still = zones.filter((z) => !moved(z.zone));
    const withIt = zones.every((z) => !moved(z.zone) || direction(a.zones.find((y) => y.zone === z.zone)!, z) === verb);
    const where = zones.length > 1 && still.length === 0 && withIt ? ' in every zone' : '';
    const byHand = still.every((z) => z.basis === 'set');
    const unchanged = zones.length > 1 && still.length > 0 ? `; ${still.map((z) => z.name).join(' and ')} unchanged${byHand ? ', set by hand' : ''}` : '';
    out.push(`${s.band} ${verb}${where}: ${band(a, a.currency)} → ${band(b, b.currency)}${unchanged}`);
  }
  for (const z of b.zones) {
    const y = a.zones.find((x) => x.zone === z.zone);
    if (!y || z.basis === 'anchor' || (y.basis !== 'set' && z.basis !== 'set') || !moved(z.zone)) continue;
    const how = y.basis === 'set' && z.basis === 'set' ? 'set by hand' : z.basis === 'set' ? 'now set by hand' : 'now follows its factor';
    out.push(`${s.band} in ${z.name} ${how}: ${band(y, y.currency)} → ${band(z, z.currency)}`);
  }
  if (a.bonus !== b.bonus) {
    if (a.bonus === null) out.push(`${s.bonus} added: ${formatBonus(b.bonus!)}`);
    else if (b.bonus === null) out.push(`${s.bonus} removed (was ${formatBonus(a.bonus)})`);
    else out.push(`${s.bonus} ${b.bonus > a.bonus ? 'raised' : 'lowered'}: ${formatBonus(a.bonus)} → ${formatBonus(b.bonus)}`);
  }
  if (!sameRange(a.equity, b.equity)) {
    if (!a.equity) out.push(`${s.equity} added: ${band(b.equity!, b.currency)}`);
    else if (!b.equity) out.push(`${s.equity} removed (was ${band(a.equity, a.currency)})`);
    else out.push(`${s.equity} ${direction(a.equity, b.equity)}: ${band(a.equity, a.currency)} → ${band(b.equity, b.currency)}`);
  }
  return out;
}

/** A family's band added, removed or rewritten: "Grade 5 band raised in every zone: $220,000 – $285,000 → $230,000 – $295,000", ... */
export function describeBandChange(c: BandChange): string[] {
  const s = familySubjects(c.grade);
  if (c.kind === 'added') return [`${s.band} added: ${bandSummary(c.after!)}`];
  if (c.kind === 'removed') return [`${s.band} removed (was ${bandSummary(c.before!, false)})`];
  return bandPhrases(s, c.before!, c.after!);
}

/** Which levels a family band pays: "affects 2 levels: Staff Engineer, Engineering Manager". */
export function describeBandUse(c: BandChange): string {
  const n = c.levels.length;
  const titles = c.levels.map((l) => l.title).join(', ');
  if (c.kind === 'removed') return n === 0 ? 'no level was paid from it' : `${n === 1 ? 'was the pay of 1 level' : `was the pay of ${n} levels`}: ${titles}`;
  if (n === 0) return c.kind === 'added' ? 'no level is paid from it yet' : 'no level is paid from it';
  return `affects ${n} level${n === 1 ? '' : 's'}: ${titles}`;
}

/**
 * A level's own pay change, in phrases: its own band rewritten, or a move
 * between its own band and its family's ("now paid from the family's grade 4
 * band: …", "own pay band: … (in place of the family's grade 4 band)").
 */
export function describePay(change: FieldChange): string[] {
  const a = change.before as BandTerms | null;
  const b = change.after as BandTerms | null;
  if (!a && !b) return [];
  if (!b)
    return [
      `pay band removed (was ${bandSummary(a!, false)}): ${a!.owner === 'family' ? `the family has no band for grade ${a!.grade} any more` : 'the level has no pay now'}`,
    ];
  if (!a) return [b.owner === 'family' ? `now paid from the family's grade ${b.grade} band: ${band(b, b.currency)}` : `own pay band: ${bandSummary(b)}`];
  if (b.owner === 'family') {
    const was = a.owner === 'level' ? 'its own band' : `the grade ${a.grade} band`;
    return [`now paid from the family's grade ${b.grade} band: ${band(a, a.currency)} → ${band(b, b.currency)} (was ${was})`, ...variablePhrases(a, b)];
  }
  if (a.owner === 'family') {
    return [`own pay band: ${band(a, a.currency)} → ${band(b, b.currency)} (in place of the family's grade ${a.grade} band)`, ...variablePhrases(a, b)];
  }
  const phrases = bandPhrases(levelSubjects, a, b);
  return phrases.length > 0 ? phrases : [`pay band: ${band(a, a.currency)} → ${band(b, b.currency)}`];
}

/** Bonus and equity that differ between two bands (after a move from one band to another). */
function variablePhrases(a: BandTerms, b: BandTerms): string[] {
  return bandPhrases(levelSubjects, { ...a, min: b.min, max: b.max, zones: b.zones }, b);
}

/** A zone of ladder.md that changed: "Rest of the United States: factor 0.9 → 0.92, every band there changes". */
export function describeZone(c: ZoneChange): string {
  if (c.kind === 'added') {
    const z = c.after!;
    const how = z.anchor
      ? "the anchor: bands' min and max are its amounts"
      : z.factor !== null
        ? `the anchor's bands times ${z.factor}${z.currency ? `, in ${z.currency}` : ''}`
        : `set by hand in ${z.currency}: every band must give its amounts there`;
    return `zone added: ${z.name} (${how})`;
  }
  if (c.kind === 'removed') return `zone removed: ${c.before!.name}`;
  const a = c.before!;
  const b = c.after!;
  const parts: string[] = [];
  if (a.name !== b.name) parts.push(`renamed from "${shorten(a.name, 60)}"`);
  if (!a.anchor && b.anchor) parts.push("now the anchor zone: every band's min and max are its amounts");
  else if (a.factor !== b.factor) {
    if (a.factor !== null && b.factor !== null) parts.push(`factor ${a.factor} → ${b.factor}, every band there changes`);
    else if (b.factor !== null) parts.push(`factor ${b.factor} added: its bands follow the anchor's unless a band sets them by hand`);
    else if (!b.anchor) parts.push(`factor ${a.factor} removed: every band must now set its amounts there by hand`);
  }
  if (a.currency !== b.currency) parts.push(`currency ${a.currency} → ${b.currency}`);
  if (a.anchor && !b.anchor) parts.push('no longer the anchor zone');
  return `${b.name}: ${parts.join('; ')}`;
}

/** One field change as a short phrase: `scope: "group" → "org"`; a level's pay may take several (describeFieldLines). */
export function describeField(change: FieldChange, currency: string): string {
  return describeFieldLines(change, currency).join('; ');
}

/** One field change as the phrases it takes: one, except a level's pay (its band, bonus and equity, each a phrase). */
export function describeFieldLines(change: FieldChange, currency: string): string[] {
  const name = FIELD_NAMES[change.field] ?? change.field;
  if (change.field === 'pay') return describePay(change);
  if (change.field === 'rounding') return [`${name}: ${String(change.before)} → ${String(change.after)}`];
  if (change.field === 'visibility.pay') {
    const now = change.after === 'internal' ? 'the public site shows no amounts; the internal build does' : 'the public site shows the amounts';
    return [`${name}: ${String(change.before)} → ${String(change.after)} (${now})`];
  }
  return [describePlainField(change, currency)];
}

function describePlainField(change: FieldChange, currency: string): string {
  const name = FIELD_NAMES[change.field] ?? change.field;
  if (change.field === 'authority.budget')
    return `${name}: ${formatMoney(change.before as number, currency)} → ${formatMoney(change.after as number, currency)}`;
  if (change.added || change.removed) {
    const parts = [...(change.added ?? []).map((x) => `+ ${x}`), ...(change.removed ?? []).map((x) => `− ${x}`)];
    return `${name}: ${parts.length > 0 ? parts.join(', ') : 'reordered'}`;
  }
  const show = (v: unknown) => (v === null || v === undefined ? '(none)' : typeof v === 'string' ? `"${shorten(v, 80)}"` : String(v));
  return `${name}: ${show(change.before)} → ${show(change.after)}`;
}

/** A level's terms in one phrase, for an added or removed level. */
export function describeTerms(t: NonNullable<EntityChange['terms']>, currency: string): string {
  const pay = t.pay as Partial<BandTerms> & { min: number; max: number };
  const paid =
    pay.owner === 'family'
      ? `paid from the family's grade ${pay.grade} band (${band(pay, pay.currency ?? currency)})`
      : pay.owner === 'level'
        ? `pay ${bandSummary(pay as BandTerms)}`
        : `pay ${band(pay, currency)}`;
  return `${paid}, scope ${t.scope}, budget ${formatMoney(t.budget, currency)}, ${t.decisions.length} decision right${t.decisions.length === 1 ? '' : 's'}`;
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
  for (const kind of ['added', 'changed', 'renamed', 'removed'] as const)
    parts.push(...count(diff.levels.filter((c) => c.kind === kind).length, 'level', kind));
  for (const kind of ['added', 'changed', 'renamed', 'removed'] as const)
    parts.push(...count(otherEntities.filter((c) => c.kind === kind).length, others, kind));
  if (ladderChanges(diff) > 0) parts.push(ladderChanged);
  return parts;
}

/** How many things changed in ladder.md: fields, text, exceptions and zones. */
export function ladderChanges(diff: LadderDiff): number {
  const l = diff.ladder;
  return l.fields.length + l.text.length + l.exceptions.length + (l.zones ?? []).length;
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

export interface DescribeOptions {
  /**
   * False for a site that publishes no amount of money (a public build of a
   * ladder whose pay is internal): a change of a band, a budget or any other
   * field that may hold an amount is named without its values ("Pay band
   * changed."). Default true.
   */
  amounts?: boolean;
}

/**
 * Fields whose values are never amounts of money, so a site without amounts
 * may still quote them. Any other field (pay, budget, bands, zones, bonus,
 * equity, and fields added later) is named without its values there.
 */
const FIELDS_WITHOUT_AMOUNTS = new Set([
  'name',
  'title',
  'grade',
  'summary',
  'track',
  'family',
  'kind',
  'competencies',
  'repository',
  'scopes',
  'currency',
  'parity.pay',
  'authority.scope',
  'authority.decisions',
]);

/** "Pay band changed", "Budget changed": a change named without its values. */
function unquotedPhrase(f: FieldChange): string {
  const name = FIELD_NAMES[f.field] ?? f.field.replace(/[._]/g, ' ');
  return `${capitalize(name)} changed`;
}

/** What one diff means, entity by entity, in short sentences (the site's /changes/ and its feed). */
export function describeDiff(diff: LadderDiff, head: Ladder, options: DescribeOptions = {}): HistoryItem[] {
  const items: HistoryItem[] = [];
  const { currency } = diff;
  const scopes = head.scopes;
  const amounts = options.amounts ?? true;
  const phrase: Phrase = (f, c, s) => (amounts || FIELDS_WITHOUT_AMOUNTS.has(f.field) ? quotedPhrase(f, c, s) : unquotedPhrase(f));
  const l = diff.ladder;
  const ladderPhrases = [
    ...l.fields.map((f) => sentence(phrase(f, currency, scopes))),
    ...(l.zones ?? []).map((z) => sentence(amounts ? describeZone(z) : 'Pay zones changed')),
    ...l.exceptions.map((e) => sentence(describeException(e))),
    ...l.text.map((t) => textPhrase(t)),
  ];
  if (ladderPhrases.length > 0) items.push({ type: 'ladder', kind: 'changed', id: 'ladder', name: head.name, phrases: ladderPhrases });
  for (const c of [...diff.families, ...diff.tracks, ...diff.competencies, ...diff.levels]) items.push(entityItem(c, currency, scopes, phrase, amounts));
  return items;
}

type Phrase = (f: FieldChange, currency: string, scopes: readonly string[]) => string;

function entityItem(c: EntityChange, currency: string, scopes: readonly string[], phrase: Phrase, amounts: boolean): HistoryItem {
  const phrases: string[] = [];
  const what = ENTITY_LABEL[c.type];
  const terms = (t: NonNullable<EntityChange['terms']>) =>
    amounts ? describeTerms(t, currency) : `scope ${t.scope}, ${t.decisions.length} decision right${t.decisions.length === 1 ? '' : 's'}`;
  if (c.kind === 'added') phrases.push(`${what} added${c.terms ? `: ${terms(c.terms)}` : ''}.`);
  else if (c.kind === 'removed') phrases.push(`${what} removed.`);
  else if (c.kind === 'renamed') phrases.push(`${what} moved from ${c.from} to ${c.id}.`);
  for (const f of c.fields) {
    if (f.field === 'pay') phrases.push(...(amounts ? describePay(f) : [unquotedPhrase(f)]).map(sentence));
    else phrases.push(sentence(phrase(f, currency, scopes)));
  }
  for (const b of c.bands ?? []) phrases.push(...(amounts ? describeBandChange(b) : ['Pay band changed']).map(sentence), sentence(describeBandUse(b)));
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
  return quotedPhrase(f, currency, scopes);
}

function quotedPhrase(f: FieldChange, currency: string, scopes: readonly string[] = []): string {
  if (f.field === 'pay') return describePay(f).map(capitalize).join('; ');
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
      ...((f.added ?? []).length > 0 ? [`added ${(f.added ?? []).join(', ')}`] : []),
      ...((f.removed ?? []).length > 0 ? [`removed ${(f.removed ?? []).join(', ')}`] : []),
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
