/** pay/regression: a level's band starts or ends below the band of the grade beneath it in the same track. */
import type { RelatedLocation } from '../../diagnostics.ts';
import type { Ladder, Level } from '../../model.ts';
import { formatBand, formatMoney } from '../../money.ts';
import { factorNote, locateAmount } from '../../pay.ts';
import { defineMeta, report, type Finding, type RuleContext, type RuleModule } from '../rule.ts';
import { inZone, sentence, unique } from '../shared.ts';

export const meta = defineMeta({
  id: 'pay/regression',
  severity: 'error',
  since: '1.0',
  description: "a level's band starts or ends below the band of the grade beneath it in the same track",
  docs: {
    means:
      "A level's band starts or ends below the band of the grade beneath it in the same track, in any zone. The message names the zone when the ladder has several; it points where the band is written (the family's `bands:` entry or the level's `pay:`), and for an amount made with a factor, `related` points at the zone's factor.",
    fix: 'A promotion must never lower pay: raise this band or lower the one below.',
  },
  messages: {
    /** `zone`: "In Germany, " when the ladder has several zones, else ""; `verb`: "starts" (min) or "ends" (max). */
    lower: ({ zone, what, verb, amount, whom, theirs }: { zone: string; what: string; verb: string; amount: string; whom: string; theirs: string }) =>
      sentence(zone, `${what} ${verb} at ${amount}, below ${whom} at ${theirs}: a promotion must not lower pay`),
  },
});

function check({ ladder }: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const track of ladder.tracks) out.push(...regressions(ladder, ladder.levelsByTrack.get(track.id) ?? []));
  return unique(out);
}

/** Zone by zone: each level against the nearest level below it in its track. */
function regressions(ladder: Ladder, levels: readonly Level[]): Finding[] {
  const out: Finding[] = [];
  for (const [i, level] of levels.entries()) {
    const below = levels
      .slice(0, i)
      .filter((other) => other.grade < level.grade && other.pay)
      .at(-1);
    if (!level.pay || !below?.pay) continue;
    // The anchor's regression is the cause of a derived zone's: report that one only.
    let anchorRegressed = false;
    for (const zone of ladder.zones) {
      const a = level.pay.zones.find((z) => z.zone.id === zone.id);
      const b = below.pay.zones.find((z) => z.zone.id === zone.id);
      // An inverted band (its own error) says nothing about a promotion's pay.
      if (!a || !b || a.min > a.max || b.min > b.max) continue;
      if (a.basis === 'factor' && anchorRegressed) continue;
      const field = a.min < b.min ? 'min' : a.max < b.max ? 'max' : undefined;
      if (!field) continue;
      if (zone.index === 0) anchorRegressed = true;
      const sameBands = level.pay.band.owner === 'family' && below.pay.band.owner === 'family';
      const related: RelatedLocation[] = [
        {
          ...locateAmount(below.pay.band, b, field),
          message: `${sameBands ? `Grade ${below.grade}` : `${below.title} (grade ${below.grade})`}: ${formatBand(b, zone.currency)}`,
        },
        ...factorNote(a, ladder.source),
      ];
      out.push(
        report(
          meta,
          locateAmount(level.pay.band, a, field),
          'lower',
          {
            zone: inZone(ladder, a),
            what: sameBands ? `The grade ${level.grade} band` : 'Pay band',
            verb: field === 'min' ? 'starts' : 'ends',
            amount: formatMoney(a[field], zone.currency),
            whom: sameBands ? `the grade ${below.grade} band` : `${below.title} (grade ${below.grade})`,
            theirs: formatMoney(b[field], zone.currency),
          },
          { related },
        ),
      );
    }
  }
  return out;
}

export default { meta, check } satisfies RuleModule;
