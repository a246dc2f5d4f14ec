/** schema/zones: a band that sets the anchor zone by hand. */
import { defineMeta, report, type Finding, type RuleContext, type RuleModule } from '../rule.ts';
import { bandName, unique, writtenBands } from '../shared.ts';

export const meta = defineMeta({
  id: 'schema/zones',
  severity: 'error',
  since: '1.1',
  description: 'a band that sets the anchor zone by hand',
  docs: {
    means:
      "A band (a family's `bands:` entry or a level's `pay:`) sets the first zone of `ladder.md`, the anchor, under its own `zones:`: the anchor's amounts are the band's `min` and `max`. (A `zones:` list in `ladder.md` that is not valid is reported under this id too, as any field is: `schema/<field>`.)",
    fix: "Remove the entry and write its amounts as the band's `min` and `max`.",
  },
  messages: {
    /** `band`: "pay" in a level, "bands.4" in a family. */
    anchor: '"{{id}}" is the first zone, the anchor: its band is {{band}}\'s own min and max, so remove this entry and write the amounts there',
  },
});

function check({ ladder }: RuleContext): Finding[] {
  const out: Finding[] = [];
  const anchor = ladder.zones[0]!;
  // (Without zones in ladder.md, the one zone is not declared and no band can name it.)
  if (!anchor.declared) return [];
  for (const band of writtenBands(ladder)) {
    if (!Object.hasOwn(band.set, anchor.id)) continue;
    out.push(report(meta, band.at.source.locate([...band.at.path, 'zones', anchor.id], 'key'), 'anchor', { id: anchor.id, band: bandName(band) }));
  }
  return unique(out);
}

export default { meta, check } satisfies RuleModule;
