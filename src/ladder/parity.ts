/**
 * The comparisons behind the dual ladder's promise, in one place: the rules
 * (rules/parity/*.ts) report where they fail, the verdicts (verdicts.ts) say
 * to readers whether they hold. Both ask these functions, so a page can
 * never call equal what the checker calls unequal.
 */
import type { Ladder, Level } from './model.ts';
import type { Range } from './pay.ts';
import type { LadderData } from './schema.ts';

export type PayPolicy = LadderData['parity']['pay'];

/** The levels of a family at a grade, one per track (a duplicate grade is its own error), in track order. */
export function levelsAtGrade(ladder: Pick<Ladder, 'levelsByFamilyGrade'>, family: string, grade: number): Level[] {
  const row = ladder.levelsByFamilyGrade.get(family)?.get(grade) ?? [];
  return row.filter((level, i) => row.findIndex((other) => other.track === level.track) === i);
}

/** Two ranges agree under the policy: identical, or overlapping. */
export function rangesAgree(policy: PayPolicy, a: Range, b: Range): boolean {
  return policy === 'identical' ? a.min === b.min && a.max === b.max : Math.max(a.min, b.min) <= Math.min(a.max, b.max);
}

/** Every range agrees with every other (ranges that overlap pairwise share a common point). */
export function allRangesAgree(policy: PayPolicy, ranges: readonly Range[]): boolean {
  if (ranges.length < 2) return true;
  if (policy === 'identical') return ranges.every((r) => r.min === ranges[0]!.min && r.max === ranges[0]!.max);
  return Math.max(...ranges.map((r) => r.min)) <= Math.min(...ranges.map((r) => r.max));
}

/** The band of a level in a zone, if it has one there. */
export function zoneRange(level: Level, zone: string): Range | undefined {
  return level.pay?.zones.find((z) => z.zone.id === zone);
}

/**
 * Bonus targets agree when equal, a missing bonus being 0 only if the other
 * is 0 too: a bonus that only one track gets is a difference.
 */
export function bonusAgrees(a: number | undefined, b: number | undefined): boolean {
  return a === b;
}

/** Equity ranges follow the pay policy; one track with equity and another without differ. */
export function equityAgrees(policy: PayPolicy, a: Range | undefined, b: Range | undefined): boolean {
  if (!a || !b) return a === b;
  return rangesAgree(policy, a, b);
}

export type AuthorityField = 'scope' | 'budget' | 'decisions';

/** The authority fields in which two levels differ (decisions compared as sets). */
export function authorityDifferences(a: Level['authority'], b: Level['authority']): AuthorityField[] {
  const out: AuthorityField[] = [];
  if (a.scope !== b.scope) out.push('scope');
  if (a.budget !== b.budget) out.push('budget');
  const mine = new Set(a.decisions);
  const theirs = new Set(b.decisions);
  if (mine.size !== theirs.size || [...mine].some((d) => !theirs.has(d))) out.push('decisions');
  return out;
}
