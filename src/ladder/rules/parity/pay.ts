/** parity/pay: levels of one family and grade whose pay bands differ or do not overlap. */
import type { Ladder, Level } from '../../model.ts';
import { formatBand } from '../../money.ts';
import { rangesAgree } from '../../parity.ts';
import { factorNote, locateAmount } from '../../pay.ts';
import { defineMeta, report, type Finding, type RuleContext, type RuleModule } from '../rule.ts';
import { blamed, inZone, levelPairs, payWhere, sentence, unique } from '../shared.ts';

export const meta = defineMeta({
  id: 'parity/pay',
  severity: 'error',
  since: '1.0',
  description: 'levels of one family and grade whose pay bands differ or do not overlap',
  docs: {
    means:
      "Two levels of one family at one grade have different bands (policy `identical`) or bands that do not overlap (policy `overlap`), in any zone. Two levels paid from the family's band are equal by construction; a level whose own `pay:` differs from the band is reported on that level only (the override breaks parity, not the band); two levels that both write their own pay are each reported, naming the other. A difference in a zone made with a factor follows from the anchor's and is reported there once.",
    fix: 'Give both the same band (or overlapping bands), or remove the override.',
  },
  excusable: true,
  messages: {
    /** `zone`: "In Germany, " when the ladder has several zones, else "". */
    differs: ({ zone, band, verb, other, grade, theirs }: { zone: string; band: string; verb: string; other: string; grade: number; theirs: string }) =>
      sentence(zone, `Pay band ${band} ${verb} ${other} at grade ${grade}: ${theirs}`),
  },
});

function check({ ladder }: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const { self, other, subject } of levelPairs(ladder)) out.push(...pay(ladder, self, other, subject));
  return unique(out);
}

/** parity/pay in every zone. A derived zone's difference follows from the anchor's and is reported there only. */
function pay(ladder: Ladder, self: Level, other: Level, subject: Finding['subject']): Finding[] {
  if (!blamed(self, other)) return [];
  const policy = ladder.parity.pay;
  const out: Finding[] = [];
  let anchorDiffers = false;
  for (const zone of ladder.zones) {
    const a = self.pay!.zones.find((z) => z.zone.id === zone.id);
    const b = other.pay!.zones.find((z) => z.zone.id === zone.id);
    if (!a || !b || rangesAgree(policy, a, b)) continue;
    if (a.basis === 'factor' && anchorDiffers) continue;
    if (zone.index === 0) anchorDiffers = true;
    const identical = policy === 'identical';
    // identical: the first field that differs; overlap: the end that misses the other band.
    const field = identical ? (a.min !== b.min ? 'min' : 'max') : a.max < b.min ? 'max' : 'min';
    const otherField = identical ? field : field === 'max' ? 'min' : 'max';
    out.push(
      report(
        meta,
        locateAmount(self.pay!.band, a, field),
        'differs',
        {
          zone: inZone(ladder, a),
          band: formatBand(a, zone.currency),
          verb: identical ? 'differs from' : 'does not overlap',
          other: payWhere(other),
          grade: self.grade,
          theirs: formatBand(b, zone.currency),
        },
        {
          related: [
            { ...locateAmount(other.pay!.band, b, otherField), message: `${other.title}: ${formatBand(b, zone.currency)}` },
            ...factorNote(a, ladder.source),
          ],
          subject,
        },
      ),
    );
  }
  return out;
}

export default { meta, check } satisfies RuleModule;
