/**
 * Parity verdicts, per family and grade: are the pay bands and the authority
 * of the tracks' levels equal, and does every IC track reach the grades that
 * management reaches? One answer that the parity report, the comparison
 * pages and ladder.json all show. It honours the ladder's pay policy
 * (identical or overlap) and the exceptions of ladder.md.
 *
 * The checker's rules (rules/parity/*.ts) report problems with locations; this
 * module states the outcome of the same comparisons for readers. A published
 * ladder has passed the check, so its verdicts are `equal` or `excused`
 * (or `single` where only one track has a level).
 */
import type { Exception, Ladder, Level, Track } from './model.ts';
import { allRangesAgree, authorityDifferences, bonusAgrees, equityAgrees, levelsAtGrade, zoneRange } from './parity.ts';
import type { ParityRule } from './schema.ts';

export { levelsAtGrade };

/**
 * - `equal`: the rule holds (for pay under the overlap policy: the bands overlap)
 * - `unequal`: the rule is broken and no exception excuses it
 * - `excused`: the rule is broken and an exception of ladder.md allows it
 * - `single`: nothing to compare (only one track has a level at this grade, or no management track reaches it)
 */
export type VerdictStatus = 'equal' | 'unequal' | 'excused' | 'single';

export interface Verdict {
  rule: ParityRule;
  status: VerdictStatus;
  /** One sentence for readers, such as "Identical bands: $180,000–$240,000" (amounts unformatted). */
  summary: string;
  /** The reason of the exception that excuses a broken rule. */
  reason: string | null;
}

export interface GradeVerdicts {
  family: string;
  grade: number;
  /** Ids of the levels at this grade, in track order (one per track). */
  levels: string[];
  /** Ids of the family's tracks that have no level at this grade. */
  missing: string[];
  /** Base pay, in every zone. */
  pay: Verdict;
  /** (1.1) Bonus targets and equity. */
  variablePay: Verdict;
  authority: Verdict;
  ceiling: Verdict;
}

export function findException(ladder: Ladder, family: string, grade: number, rule: ParityRule): Exception | undefined {
  return ladder.parity.exceptions.find((e) => e.family === family && e.grade === grade && e.rule === rule);
}

/** Verdicts for one family and grade. */
export function gradeVerdicts(ladder: Ladder, family: string, grade: number): GradeVerdicts {
  const levels = levelsAtGrade(ladder, family, grade);
  const tracks = ladder.tracksByFamily.get(family) ?? [];
  const missing = tracks.filter((t) => !levels.some((l) => l.track === t.id)).map((t) => t.id);
  return {
    family,
    grade,
    levels: levels.map((l) => l.id),
    missing,
    pay: payVerdict(ladder, family, grade, levels),
    variablePay: variablePayVerdict(ladder, family, grade, levels),
    authority: authorityVerdict(ladder, family, grade, levels),
    ceiling: ceilingVerdict(ladder, family, grade, tracks, levels),
  };
}

/** Verdicts for every grade of every family: families in ladder order, grades ascending. */
export function allVerdicts(ladder: Ladder): GradeVerdicts[] {
  const out: GradeVerdicts[] = [];
  for (const family of ladder.families) {
    const grades = [...(ladder.levelsByFamilyGrade.get(family.id)?.keys() ?? [])].sort((a, b) => a - b);
    for (const grade of grades) out.push(gradeVerdicts(ladder, family.id, grade));
  }
  return out;
}

function verdict(ladder: Ladder, family: string, grade: number, rule: ParityRule, holds: boolean, summary: string): Verdict {
  if (holds) return { rule, status: 'equal', summary, reason: null };
  const exception = findException(ladder, family, grade, rule);
  return exception ? { rule, status: 'excused', summary, reason: exception.reason } : { rule, status: 'unequal', summary, reason: null };
}

const single = (rule: ParityRule, summary: string): Verdict => ({ rule, status: 'single', summary, reason: null });

function payVerdict(ladder: Ladder, family: string, grade: number, all: Level[]): Verdict {
  const levels = all.filter((l) => l.pay);
  if (levels.length < 2) return single('parity/pay', 'Only one track has a level at this grade.');
  const policy = ladder.parity.pay;
  const failing = ladder.zones.filter(
    (zone) =>
      !allRangesAgree(
        policy,
        levels.map((l) => zoneRange(l, zone.id)).filter((r) => r !== undefined),
      ),
  );
  const holds = failing.length === 0;
  const shared = levels.every((l) => l.pay!.band === levels[0]!.pay!.band);
  const everywhere = ladder.zones.length > 1 ? ' in every zone' : '';
  const where = ladder.zones.length > 1 ? ` in ${failing.map((z) => z.name).join(', ')}` : '';
  const summary = holds
    ? shared && levels[0]!.pay!.band.owner === 'family'
      ? `Every track is paid from the family's band for this grade${everywhere}.`
      : policy === 'identical'
        ? `Every track has the same pay band${everywhere}.`
        : `The pay bands of every track overlap${everywhere}.`
    : policy === 'identical'
      ? `The pay bands differ between tracks${where}.`
      : `Some pay bands do not overlap${where}.`;
  return verdict(ladder, family, grade, 'parity/pay', holds, summary);
}

function variablePayVerdict(ladder: Ladder, family: string, grade: number, all: Level[]): Verdict {
  const levels = all.filter((l) => l.pay);
  if (levels.length < 2) return single('parity/variable-pay', 'Only one track has a level at this grade.');
  const [first] = levels;
  const bonus = levels.every((l) => bonusAgrees(l.pay!.bonus, first!.pay!.bonus));
  const equity = levels.every((a) => levels.every((b) => equityAgrees(ladder.parity.pay, a.pay!.equity, b.pay!.equity)));
  const none = levels.every((l) => l.pay!.bonus === undefined && l.pay!.equity === undefined);
  const holds = bonus && equity;
  const summary = holds
    ? none
      ? 'No track has a bonus or equity at this grade.'
      : 'Every track has the same bonus target and equity.'
    : `The ${[bonus ? '' : 'bonus targets', equity ? '' : 'equity ranges'].filter(Boolean).join(' and ')} differ between tracks.`;
  return verdict(ladder, family, grade, 'parity/variable-pay', holds, summary);
}

function authorityVerdict(ladder: Ladder, family: string, grade: number, levels: Level[]): Verdict {
  if (levels.length < 2) return single('parity/authority', 'Only one track has a level at this grade.');
  const [first] = levels;
  const differs = [...new Set(levels.flatMap((l) => authorityDifferences(l.authority, first!.authority)))].sort(
    (a, b) => ['scope', 'budget', 'decisions'].indexOf(a) - ['scope', 'budget', 'decisions'].indexOf(b),
  );
  const holds = differs.length === 0;
  return verdict(
    ladder,
    family,
    grade,
    'parity/authority',
    holds,
    holds ? 'Every track has the same scope, budget and decisions.' : `The ${joinWords(differs)} differ between tracks.`,
  );
}

function ceilingVerdict(ladder: Ladder, family: string, grade: number, tracks: Track[], levels: Level[]): Verdict {
  const has = (t: Track) => levels.some((l) => l.track === t.id);
  const managers = tracks.filter((t) => t.kind === 'management' && has(t));
  if (managers.length === 0) return single('parity/ceiling', 'No management track has a level at this grade.');
  const ics = tracks.filter((t) => t.kind === 'individual-contributor');
  const lacking = ics.filter((t) => !has(t));
  const holds = ics.length > 0 && lacking.length === 0;
  const summary = holds
    ? 'Every individual-contributor track reaches this grade.'
    : ics.length === 0
      ? 'The family has no individual-contributor track.'
      : `${joinWords(lacking.map((t) => t.name))} ${lacking.length === 1 ? 'has' : 'have'} no level at this grade.`;
  return verdict(ladder, family, grade, 'parity/ceiling', holds, summary);
}

function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
