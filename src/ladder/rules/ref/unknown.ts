/** ref/unknown: a family, competency, track, scope or zone that does not exist. */
import type { Ladder } from '../../model.ts';
import { closest } from '../../validate.ts';
import { defineMeta, report, type Finding, type RuleContext, type RuleModule } from '../rule.ts';
import { unique, writtenBands } from '../shared.ts';

export const meta = defineMeta({
  id: 'ref/unknown',
  severity: 'error',
  since: '1.0',
  description: 'a family, competency, track, scope or zone that does not exist',
  docs: {
    means:
      "A track names a family or competency that has no file, or a level names a scope that is not in `ladder.md`'s `scopes`, or an exception names an unknown family, or (1.1) a band's `zones:` names a zone that `ladder.md` does not declare.",
    fix: 'Fix the spelling (the message suggests the nearest id), or add the missing file.',
  },
  messages: {
    /** `hint`: "; did you mean "x"?", or the known ids, or "". */
    unknown: 'Unknown {{kind}} "{{id}}"{{hint}}',
    /** `hint`: ': did you mean "x"?', or the zones that ladder.md declares. */
    zone: '"{{id}}" is not a pay zone{{hint}}',
  },
});

function check({ ladder }: RuleContext): Finding[] {
  const out: Finding[] = [];
  const unknown = (kind: string, id: string, known: Iterable<string>) => ({ kind, id, hint: hint(kind, id, known) });
  for (const track of ladder.tracks) {
    if (!ladder.family.has(track.family) && !ladder.rejected.family.has(track.family) && track.provisional?.family !== false) {
      out.push(report(meta, track.source.locate(['family']), 'unknown', unknown('family', track.family, ladder.family.keys())));
    }
    track.competencies.forEach((id, index) => {
      if (!ladder.competency.has(id) && !ladder.rejected.competency.has(id)) {
        out.push(report(meta, track.source.locate(['competencies', index]), 'unknown', unknown('competency', id, ladder.competency.keys())));
      }
    });
  }
  const scopes = new Set(ladder.scopes);
  for (const level of ladder.levels) {
    if (!scopes.has(level.authority.scope)) {
      out.push(report(meta, level.source.locate(['authority', 'scope']), 'unknown', unknown('scope', level.authority.scope, ladder.scopes)));
    }
  }
  for (const exception of ladder.parity.exceptions) {
    if (!ladder.family.has(exception.family) && !ladder.rejected.family.has(exception.family)) {
      out.push(
        report(
          meta,
          exception.source.locate(['parity', 'exceptions', exception.index, 'family']),
          'unknown',
          unknown('family', exception.family, ladder.family.keys()),
        ),
      );
    }
  }
  return [...out, ...unique(zones(ladder))];
}

function hint(kind: string, id: string, known: Iterable<string>): string {
  const list = [...known];
  const near = closest(id, list);
  return near
    ? `; did you mean "${near}"?`
    : list.length > 0
      ? `; known ${kind === 'family' ? 'families' : kind === 'competency' ? 'competencies' : `${kind}s`}: ${list.join(', ')}`
      : '';
}

/** (1.1) A band's `zones:` key that names no zone of ladder.md. */
function zones(ladder: Ladder): Finding[] {
  const out: Finding[] = [];
  const zoneIds = ladder.zones.filter((z) => z.declared).map((z) => z.id);
  // Without a readable ladder.md, which zones exist is not known: its own errors come first.
  if (ladder.provisional) return out;
  for (const band of writtenBands(ladder)) {
    for (const id of Object.keys(band.set)) {
      if (zoneIds.includes(id)) continue;
      const near = closest(id, zoneIds);
      const known = zoneIds.length === 0 ? 'ladder.md declares no zones' : `the zones of ladder.md are ${zoneIds.map((z) => `"${z}"`).join(', ')}`;
      out.push(
        report(meta, band.at.source.locate([...band.at.path, 'zones', id], 'key'), 'zone', { id, hint: near ? `: did you mean "${near}"?` : ` (${known})` }),
      );
    }
  }
  return out;
}

export default { meta, check } satisfies RuleModule;
