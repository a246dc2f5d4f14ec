/** pay/inverted: a band whose min is greater than its max. */
import type { Ladder } from '../../model.ts';
import { formatMoney } from '../../money.ts';
import type { Band } from '../../pay.ts';
import { defineMeta, report, type Finding, type RuleContext, type RuleModule } from '../rule.ts';
import { bandName, unique, writtenBands } from '../shared.ts';

export const meta = defineMeta({
  id: 'pay/inverted',
  severity: 'error',
  since: '1.0',
  description: 'a band whose min is greater than its max',
  docs: {
    means:
      "A band's `min` is greater than its `max`: a level's `pay`, a family's band, a zone set by hand, or an `equity` range. Reported once where the band is written, however many levels use it.",
    fix: 'Swap them.',
  },
  messages: {
    /** `name`: "pay" in a level, "bands.4" in a family. */
    band: '{{name}}.min {{min}} is greater than {{name}}.max {{max}}: swap them',
    zone: 'In {{zone}}, {{name}}.zones.{{id}}.min {{min}} is greater than its max {{max}}: swap them',
    equity: '{{name}}.equity.min {{min}} is greater than {{name}}.equity.max {{max}}: swap them',
  },
});

function check({ ladder }: RuleContext): Finding[] {
  return unique(writtenBands(ladder).flatMap((band) => inverted(ladder, band)));
}

/** A band's min above its max: the anchor's, a zone's set by hand, its equity's. */
function inverted(ladder: Ladder, band: Band): Finding[] {
  const out: Finding[] = [];
  const { source, path } = band.at;
  const zoneIds = ladder.zones.filter((z) => z.declared).map((z) => z.id);
  const anchor = ladder.zones[0]!;
  const name = bandName(band);
  if (band.min > band.max) {
    out.push(
      report(meta, source.locate([...path, 'min']), 'band', { name, min: formatMoney(band.min, anchor.currency), max: formatMoney(band.max, anchor.currency) }),
    );
  }
  for (const zone of ladder.zones) {
    const set = band.set[zone.id];
    if (!set || zone.index === 0 || !zoneIds.includes(zone.id) || set.min <= set.max) continue;
    out.push(
      report(meta, source.locate([...path, 'zones', zone.id, 'min']), 'zone', {
        zone: zone.name,
        name,
        id: zone.id,
        min: formatMoney(set.min, zone.currency),
        max: formatMoney(set.max, zone.currency),
      }),
    );
  }
  if (band.equity && band.equity.min > band.equity.max) {
    out.push(
      report(meta, source.locate([...path, 'equity', 'min']), 'equity', {
        name,
        min: formatMoney(band.equity.min, anchor.currency),
        max: formatMoney(band.equity.max, anchor.currency),
      }),
    );
  }
  return out;
}

export default { meta, check } satisfies RuleModule;
