/**
 * Tracks for a sheet that has no track column. Most public ladders put the
 * IC and the management levels in one sheet (E1..E5 then M1, M2; or
 * "Senior Engineer" then "Engineering Manager"); read as one track, M1 and
 * E1 would be two levels at grade 1. The levels are split by their codes
 * (E/IC/P/L vs M/EM/D) or the words of their titles (Manager, Director,
 * Head of, VP), into an IC and a management track of one family, and the
 * split is said in the import's report.
 */
import { TRACK_KINDS } from '../schema.ts';
import { isManagerTitle, MANAGER_PREFIXES, STRONG_MANAGER_PREFIXES, type LevelCode } from './headings.ts';
import { normalizeHeader } from './table.ts';

export type Kind = (typeof TRACK_KINDS)[number];

export interface TrackInput {
  title: string;
  code: LevelCode | undefined;
  grade: number | undefined;
  /** The kind a cell of the row gave (a "Type" column), if any. */
  kind: Kind | undefined;
}

export interface TrackGroup {
  id: string;
  name: string;
  kind: Kind | undefined;
  /** Indexes into the input. */
  members: number[];
}

export interface TrackSplit {
  groups: TrackGroup[];
  /** How the levels were told apart, for the report; undefined when they were not split. */
  how: string | undefined;
}

/** The kind a cell names: "IC", "Individual contributor", "Manager", "Management", ... */
export function trackKind(raw: string): Kind | undefined {
  const n = normalizeHeader(raw);
  if ((TRACK_KINDS as readonly string[]).includes(raw.trim())) return raw.trim() as Kind;
  if (['ic', 'individual contributor', 'individual', 'contributor', 'technical', 'ic track', 'technical track', 'expert'].includes(n))
    return 'individual-contributor';
  if (['management', 'manager', 'managers', 'mgmt', 'm', 'people manager', 'people management', 'leadership', 'management track'].includes(n))
    return 'management';
  return undefined;
}

function guessKind(level: TrackInput): Kind {
  if (level.kind) return level.kind;
  const prefix = level.code?.prefix ?? '';
  if (STRONG_MANAGER_PREFIXES.has(prefix)) return 'management';
  // A title that is only the code ("D1") says nothing: the prefix decides.
  const titled = level.title !== '' && level.title !== level.code?.text;
  if (titled) return isManagerTitle(level.title) ? 'management' : 'individual-contributor';
  return MANAGER_PREFIXES.has(prefix) ? 'management' : 'individual-contributor';
}

/**
 * Splits the levels of a sheet with no track column. `base` is the track
 * they would all go to (individual-contributor, or the sheet's name in a
 * workbook of one sheet per track).
 */
export function splitTracks(levels: readonly TrackInput[], base: { id: string; name: string }): TrackSplit {
  const kinds = levels.map(guessKind);
  const byKind = new Map<Kind, number[]>();
  kinds.forEach((k, i) => byKind.set(k, [...(byKind.get(k) ?? []), i]));
  const given = levels.some((l) => l.kind !== undefined);

  // Within a kind, prefixes whose grades collide (D1..D7 beside TL4..TL7) are tracks of their own.
  const parts: { kind: Kind; prefix: string; members: number[] }[] = [];
  for (const [kind, members] of byKind) {
    const byPrefix = new Map<string, number[]>();
    for (const i of members) {
      const p = levels[i]!.code?.prefix ?? '';
      byPrefix.set(p, [...(byPrefix.get(p) ?? []), i]);
    }
    const grades = new Map<number, string>();
    let collide = false;
    for (const [p, ms] of byPrefix) {
      if (p === '') continue;
      for (const i of ms) {
        const g = levels[i]!.grade;
        if (g === undefined) continue;
        if (grades.has(g) && grades.get(g) !== p) collide = true;
        grades.set(g, p);
      }
    }
    if (collide && byPrefix.size > 1) {
      for (const [p, ms] of byPrefix) parts.push({ kind, prefix: p, members: ms });
    } else parts.push({ kind, prefix: '', members });
  }

  const baseIsDefault = base.id === 'individual-contributor';
  if (parts.length === 1) {
    const kind = parts[0]!.kind;
    // Only managers: the track is a management track (named so when it had the default name).
    if (kind === 'management' && baseIsDefault) return { groups: [{ id: 'management', name: 'Management', kind, members: parts[0]!.members }], how: undefined };
    return { groups: [{ ...base, kind: given || kind === 'management' ? kind : undefined, members: parts[0]!.members }], how: undefined };
  }

  const codes = [...new Set(levels.map((l) => l.code?.prefix).filter((p): p is string => p !== undefined && p !== ''))];
  const how =
    codes.length > 1
      ? `their codes (${codes.join(', ')}) and titles`
      : given
        ? 'the kind the sheet gives them'
        : 'their titles (Manager, Director, Head of, VP)';
  const groups: TrackGroup[] = [];
  const ics = parts.filter((p) => p.kind === 'individual-contributor');
  for (const part of parts) {
    let id: string;
    let name: string;
    if (part.prefix !== '') {
      id = baseIsDefault ? `${part.prefix.toLowerCase()}-track` : `${base.id}-${part.prefix.toLowerCase()}`;
      name = baseIsDefault ? `${part.prefix} track` : `${base.name} ${part.prefix}`;
    } else if (part.kind === 'management') {
      id = baseIsDefault ? 'management' : `${base.id}-management`;
      name = baseIsDefault ? 'Management' : `${base.name} management`;
    } else if (ics.length === 1) {
      id = base.id;
      name = base.name;
    } else {
      id = baseIsDefault ? 'individual-contributor-other' : `${base.id}-other`;
      name = `${base.name} (other)`;
    }
    groups.push({ id, name, kind: part.kind, members: part.members });
  }
  return { groups, how };
}
