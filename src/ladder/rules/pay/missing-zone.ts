/** pay/missing-zone: a band without amounts for a zone that has no factor. */
import { missingZones } from '../../pay.ts';
import { defineMeta, report, type Finding, type RuleContext, type RuleModule } from '../rule.ts';
import { bandName, unique, writtenBands } from '../shared.ts';

export const meta = defineMeta({
  id: 'pay/missing-zone',
  severity: 'error',
  since: '1.1',
  description: 'a band without amounts for a zone that has no factor',
  docs: {
    means:
      "A band (a family's or a level's) has no amounts for a zone that has no `factor`. Reported at the band; `related` points at the zone in `ladder.md`.",
    fix: "Add the zone under the band's `zones:`, or give the zone a `factor`.",
  },
  messages: {
    /** `what`: "This pay band" or "The grade 4 band"; `band`: "pay" or "bands.4". */
    missing: '{{what}} has no amounts for {{zone}} ("{{id}}"), a zone without a factor: add them under {{band}}.zones, such as {{id}}: { min: …, max: … }',
  },
});

function check({ ladder }: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const band of writtenBands(ladder)) {
    for (const zone of missingZones(band, ladder.zones)) {
      out.push(
        report(
          meta,
          band.at.source.locate(band.at.path, 'key'),
          'missing',
          { what: band.owner === 'level' ? 'This pay band' : `The grade ${band.grade} band`, zone: zone.name, id: zone.id, band: bandName(band) },
          { related: [{ ...ladder.source.locate(['zones', zone.index]), message: `${zone.name}: no factor, so every band sets its amounts by hand` }] },
        ),
      );
    }
  }
  return unique(out);
}

export default { meta, check } satisfies RuleModule;
