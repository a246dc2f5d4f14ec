/** Words: what a change means, for people. */
import { formatMoney } from '../money.ts';
import { flat } from './compare.ts';
import type { ChangeKind, EntityChange, EntityType, ExceptionChange, FieldChange, LadderDiff } from './types.ts';


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

export const ENTITY_LABEL: Record<EntityType, string> = { family: 'Family', competency: 'Competency', track: 'Track', level: 'Level' };
