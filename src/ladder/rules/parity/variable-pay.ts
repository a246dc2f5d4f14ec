/** parity/variable-pay: levels of one family and grade whose bonus targets or equity ranges differ. */
import type { Ladder, Level } from '../../model.ts';
import { formatBand, formatBonus } from '../../money.ts';
import { bonusAgrees, equityAgrees } from '../../parity.ts';
import { defineMeta, report, type Finding, type RuleContext, type RuleModule } from '../rule.ts';
import { blamed, levelPairs, payWhere, unique } from '../shared.ts';

export const meta = defineMeta({
  id: 'parity/variable-pay',
  severity: 'error',
  since: '1.1',
  description: 'levels of one family and grade whose bonus targets or equity ranges differ',
  docs: {
    means:
      'Two levels of one family at one grade have different bonus targets, or equity ranges that differ (policy `identical`) or do not overlap (policy `overlap`), or one has a bonus or equity and the other none: a bonus only managers get is unequal pay in another currency.',
    fix: 'Give both the same bonus target and equity, or excuse the grade with an exception.',
  },
  excusable: true,
  messages: {
    noBonus:
      'This level has no bonus target, but {{other}} at grade {{grade}} has {{theirs}}: a bonus that only one track gets is unequal pay; give both the same bonus',
    onlyBonus: 'Bonus target {{mine}} is not given to {{other}} at grade {{grade}}, which has none: a bonus that only one track gets is unequal pay',
    bonusDiffers: 'Bonus target {{mine}} differs from {{other}} at grade {{grade}}: {{theirs}}',
    noEquity: 'This level has no equity, but {{other}} at grade {{grade}} has {{theirs}} a year: equity that only one track gets is unequal pay',
    onlyEquity: 'Equity {{mine}} a year is not given to {{other}} at grade {{grade}}, which has none: equity that only one track gets is unequal pay',
    /** `verb`: "differs from" (policy identical) or "does not overlap" (policy overlap). */
    equityDiffers: 'Equity {{mine}} {{verb}} {{other}} at grade {{grade}}: {{theirs}}',
  },
});

function check({ ladder }: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const { self, other, subject } of levelPairs(ladder)) out.push(...variablePay(ladder, self, other, subject));
  return unique(out);
}

/** A bonus target or an equity range that one track has and another lacks, or that differ. */
function variablePay(ladder: Ladder, self: Level, other: Level, subject: Finding['subject']): Finding[] {
  if (!blamed(self, other)) return [];
  const out: Finding[] = [];
  const a = self.pay!;
  const b = other.pay!;
  const currency = ladder.zones[0]!.currency;
  const at = (field: 'bonus' | 'equity') =>
    a.band.at.source.locate(a[field] === undefined ? a.band.at.path : [...a.band.at.path, field], a[field] === undefined ? 'key' : 'value');
  const theirs = (field: 'bonus' | 'equity') =>
    b.band.at.source.locate(b[field] === undefined ? b.band.at.path : [...b.band.at.path, field], b[field] === undefined ? 'key' : 'value');
  const names = { other: payWhere(other), grade: self.grade };
  if (!bonusAgrees(a.bonus, b.bonus)) {
    const extra = { related: [{ ...theirs('bonus'), message: `${other.title}: ${b.bonus === undefined ? 'no bonus' : formatBonus(b.bonus)}` }], subject };
    out.push(
      a.bonus === undefined
        ? report(meta, at('bonus'), 'noBonus', { ...names, theirs: formatBonus(b.bonus!) }, extra)
        : b.bonus === undefined
          ? report(meta, at('bonus'), 'onlyBonus', { ...names, mine: formatBonus(a.bonus) }, extra)
          : report(meta, at('bonus'), 'bonusDiffers', { ...names, mine: formatBonus(a.bonus), theirs: formatBonus(b.bonus) }, extra),
    );
  }
  if (!equityAgrees(ladder.parity.pay, a.equity, b.equity)) {
    const extra = {
      related: [{ ...theirs('equity'), message: `${other.title}: ${b.equity === undefined ? 'no equity' : formatBand(b.equity, currency)}` }],
      subject,
    };
    const verb = ladder.parity.pay === 'identical' ? 'differs from' : 'does not overlap';
    out.push(
      a.equity === undefined
        ? report(meta, at('equity'), 'noEquity', { ...names, theirs: formatBand(b.equity!, currency) }, extra)
        : b.equity === undefined
          ? report(meta, at('equity'), 'onlyEquity', { ...names, mine: formatBand(a.equity, currency) }, extra)
          : report(
              meta,
              at('equity'),
              'equityDiffers',
              { ...names, mine: formatBand(a.equity, currency), verb, theirs: formatBand(b.equity, currency) },
              extra,
            ),
    );
  }
  return out;
}

export default { meta, check } satisfies RuleModule;
