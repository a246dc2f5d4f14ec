/** parity/authority: levels of one family and grade whose scope, budget or decisions differ. */
import type { Ladder, Level } from '../../model.ts';
import { formatMoney } from '../../money.ts';
import { authorityDifferences } from '../../parity.ts';
import { defineMeta, report, type Finding, type RuleContext, type RuleModule } from '../rule.ts';
import { levelPairs, unique, where } from '../shared.ts';

export const meta = defineMeta({
  id: 'parity/authority',
  severity: 'error',
  since: '1.0',
  description: 'levels of one family and grade whose scope, budget or decisions differ',
  docs: {
    means:
      'Two levels of one family at one grade differ in scope, budget or decisions (decisions are compared as a set: order does not matter). Reported on both levels.',
    fix: 'Give both the same scope, budget and decision rights.',
  },
  excusable: true,
  messages: {
    scope: 'Scope "{{mine}}" differs from {{other}} at grade {{grade}}: "{{theirs}}"',
    budget: 'Budget {{mine}} differs from {{other}} at grade {{grade}}: {{theirs}}',
    /** `parts`: "lacks hiring and has vendor-selection that it does not". */
    decisions: 'Decisions differ from {{other}} at grade {{grade}}: this level {{parts}}',
  },
});

function check({ ladder }: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const { self, other, subject } of levelPairs(ladder)) out.push(...authority(ladder, self, other, subject));
  return unique(out);
}

/** Reported on both levels of a pair, each naming the other. */
function authority(ladder: Ladder, self: Level, other: Level, subject: Finding['subject']): Finding[] {
  const out: Finding[] = [];
  const a = self.authority;
  const b = other.authority;
  const currency = ladder.zones[0]!.currency;
  const extra = (field: string, text: string) => ({ related: [{ ...other.source.locate(['authority', field]), message: `${other.title}: ${text}` }], subject });
  const names = { other: where(other), grade: self.grade };
  for (const field of authorityDifferences(a, b)) {
    if (field === 'scope') {
      out.push(report(meta, self.source.locate(['authority', 'scope']), 'scope', { ...names, mine: a.scope, theirs: b.scope }, extra('scope', b.scope)));
    } else if (field === 'budget') {
      const theirs = formatMoney(b.budget, currency);
      out.push(
        report(
          meta,
          self.source.locate(['authority', 'budget']),
          'budget',
          { ...names, mine: formatMoney(a.budget, currency), theirs },
          extra('budget', theirs),
        ),
      );
    } else {
      const mine = new Set(a.decisions);
      const theirs = new Set(b.decisions);
      const lacking = b.decisions.filter((d) => !mine.has(d));
      const more = a.decisions.filter((d) => !theirs.has(d));
      const parts = [lacking.length > 0 ? `lacks ${lacking.join(', ')}` : '', more.length > 0 ? `has ${more.join(', ')} that it does not` : '']
        .filter(Boolean)
        .join(' and ');
      out.push(
        report(meta, self.source.locate(['authority', 'decisions']), 'decisions', { ...names, parts }, extra('decisions', b.decisions.join(', ') || 'none')),
      );
    }
  }
  return out;
}

export default { meta, check } satisfies RuleModule;
