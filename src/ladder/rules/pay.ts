/**
 * Each band on its own, and each track's bands up its grades, in every zone:
 * - pay/inverted: a band's (or equity's) min above its max
 * - pay/regression: a level's band starts or ends below the band of the grade beneath it in the same track
 * - pay/missing (1.1): a level with no `pay:` whose family has no band for its grade
 * - pay/missing-zone (1.1): a band without an amount for a zone that has no factor
 * - ref/unknown (1.1): a band's `zones:` key that names no zone
 * A band is checked once where it is written, however many levels use it.
 */
import { diagnostic, type RelatedLocation } from '../diagnostics.ts';
import type { Ladder, Level } from '../model.ts';
import { formatBand, formatMoney } from '../money.ts';
import { factorNote, locateAmount, missingZones, type Band, type ZoneBand } from '../pay.ts';
import { closest } from '../validate.ts';
import type { Finding, Rule } from './types.ts';

export const payBands: Rule = ({ ladder }) => {
  const out: Finding[] = [];
  for (const band of writtenBands(ladder)) out.push(...bandProblems(ladder, band));
  out.push(...missingPay(ladder));
  for (const track of ladder.tracks) out.push(...regressions(ladder, ladder.levelsByTrack.get(track.id) ?? []));
  return unique(out);
};

/** Every band as written: each family's `bands:`, then each level's own `pay:`. */
export function writtenBands(ladder: Ladder): Band[] {
  const bands: Band[] = [];
  for (const family of ladder.families) bands.push(...family.bands.values());
  for (const level of ladder.levels) if (level.pay?.band.owner === 'level') bands.push(level.pay.band);
  return bands;
}

/** "In Germany, " when the ladder has several zones. */
export function inZone(ladder: Ladder, zone: ZoneBand): string {
  return ladder.zones.length > 1 ? `In ${zone.zone.name}, ` : '';
}

export const sentence = (prefix: string, text: string) => (prefix ? `${prefix}${text.charAt(0).toLowerCase()}${text.slice(1)}` : text);

/** What a band is called in a message: "pay" in a level, "the grade 4 band" in a family. */
function bandName(band: Band): string {
  return band.owner === 'level' ? 'pay' : `bands.${band.grade}`;
}

function bandProblems(ladder: Ladder, band: Band): Finding[] {
  const out: Finding[] = [];
  const { source, path } = band.at;
  const zoneIds = ladder.zones.filter((z) => z.declared).map((z) => z.id);
  const anchor = ladder.zones[0]!;
  // Without a readable ladder.md, which zones exist is not known: its own errors come first.
  for (const id of ladder.provisional ? [] : Object.keys(band.set)) {
    const at = source.locate([...path, 'zones', id], 'key');
    if (!zoneIds.includes(id)) {
      const near = closest(id, zoneIds);
      const known = zoneIds.length === 0 ? 'ladder.md declares no zones' : `the zones of ladder.md are ${zoneIds.map((z) => `"${z}"`).join(', ')}`;
      out.push(diagnostic(at, 'ref/unknown', `"${id}" is not a pay zone${near ? `: did you mean "${near}"?` : ` (${known})`}`));
    } else if (id === anchor.id) {
      out.push(
        diagnostic(at, 'schema/zones', `"${id}" is the first zone, the anchor: its band is ${bandName(band)}'s own min and max, so remove this entry and write the amounts there`),
      );
    }
  }
  for (const zone of missingZones(band, ladder.zones)) {
    out.push(
      diagnostic(
        source.locate(path, 'key'),
        'pay/missing-zone',
        `${band.owner === 'level' ? 'This pay band' : `The grade ${band.grade} band`} has no amounts for ${zone.name} ("${zone.id}"), a zone without a factor: add them under ${bandName(band)}.zones, such as ${zone.id}: { min: …, max: … }`,
        'error',
        [{ ...ladder.source.locate(['zones', zone.index]), message: `${zone.name}: no factor, so every band sets its amounts by hand` }],
      ),
    );
  }
  const name = band.owner === 'level' ? 'pay' : `bands.${band.grade}`;
  if (band.min > band.max) {
    out.push(
      diagnostic(
        source.locate([...path, 'min']),
        'pay/inverted',
        `${name}.min ${formatMoney(band.min, anchor.currency)} is greater than ${name}.max ${formatMoney(band.max, anchor.currency)}: swap them`,
      ),
    );
  }
  for (const zone of ladder.zones) {
    const set = band.set[zone.id];
    if (!set || zone.index === 0 || !zoneIds.includes(zone.id) || set.min <= set.max) continue;
    out.push(
      diagnostic(
        source.locate([...path, 'zones', zone.id, 'min']),
        'pay/inverted',
        `In ${zone.name}, ${name}.zones.${zone.id}.min ${formatMoney(set.min, zone.currency)} is greater than its max ${formatMoney(set.max, zone.currency)}: swap them`,
      ),
    );
  }
  if (band.equity && band.equity.min > band.equity.max) {
    out.push(
      diagnostic(
        source.locate([...path, 'equity', 'min']),
        'pay/inverted',
        `${name}.equity.min ${formatMoney(band.equity.min, anchor.currency)} is greater than ${name}.equity.max ${formatMoney(band.equity.max, anchor.currency)}: swap them`,
      ),
    );
  }
  return out;
}

/** pay/missing: a level whose pay comes from nowhere. Silent while the family file (which may hold the band) has errors. */
function missingPay(ladder: Ladder): Finding[] {
  const out: Finding[] = [];
  for (const level of ladder.levels) {
    if (level.pay) continue;
    const family = ladder.family.get(level.family);
    if (!family) continue; // an unknown or rejected family: its own error comes first
    const related: RelatedLocation[] = [
      family.bands.size > 0
        ? { ...family.source.locate(['bands'], 'key'), message: `${family.name} has bands for grade${family.bands.size === 1 ? '' : 's'} ${[...family.bands.keys()].sort((a, b) => a - b).join(', ')}` }
        : { ...family.source.locate(['name'], 'key'), message: `${family.name} has no bands: field` },
    ];
    out.push(
      diagnostic(
        level.source.locate(['grade']),
        'pay/missing',
        `${level.title} has no pay: ${family.name} (${family.source.file}) has no band for grade ${level.grade}. Add one under bands: in ${family.source.file} (shared by every track), or a pay: block to this level`,
        'error',
        related,
      ),
    );
  }
  return out;
}

/** pay/regression, zone by zone: each level against the nearest level below it in its track. */
function regressions(ladder: Ladder, levels: readonly Level[]): Finding[] {
  const out: Finding[] = [];
  for (const [i, level] of levels.entries()) {
    const below = levels.slice(0, i).filter((other) => other.grade < level.grade && other.pay).at(-1);
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
      const what = sameBands ? `The grade ${level.grade} band` : 'Pay band';
      const whom = sameBands ? `the grade ${below.grade} band` : `${below.title} (grade ${below.grade})`;
      const verb = field === 'min' ? 'starts' : 'ends';
      const related: RelatedLocation[] = [
        { ...locateAmount(below.pay.band, b, field), message: `${sameBands ? `Grade ${below.grade}` : `${below.title} (grade ${below.grade})`}: ${formatBand(b, zone.currency)}` },
        ...factorNote(a, ladder.source),
      ];
      out.push(
        diagnostic(
          locateAmount(level.pay.band, a, field),
          'pay/regression',
          sentence(inZone(ladder, a), `${what} ${verb} at ${formatMoney(a[field], zone.currency)}, below ${whom} at ${formatMoney(b[field], zone.currency)}: a promotion must not lower pay`),
          'error',
          related,
        ),
      );
    }
  }
  return out;
}

/** One diagnostic per place and message: two tracks that share a family's bands share its problems. */
export function unique(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.file}:${f.line}:${f.column}:${f.rule}:${f.message}`;
    return !seen.has(key) && seen.add(key);
  });
}
