/** What several rules read or say the same way: the bands as written, zones in messages, the pairs that parity compares. */
import type { Ladder, Level } from '../model.ts';
import { levelsAtGrade } from '../parity.ts';
import type { Band, ZoneBand } from '../pay.ts';
import type { Finding } from './rule.ts';

/** Every band as written: each family's `bands:`, then each level's own `pay:`. A band is checked once where it is written, however many levels use it. */
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

/** A sentence after a prefix such as "In Germany, ": its first letter lowered. */
export const sentence = (prefix: string, text: string) => (prefix ? `${prefix}${text.charAt(0).toLowerCase()}${text.slice(1)}` : text);

/** What a band is called in a message: "pay" in a level, "bands.4" in a family. */
export function bandName(band: Band): string {
  return band.owner === 'level' ? 'pay' : `bands.${band.grade}`;
}

/** One diagnostic per place and message: two tracks that share a family's bands share its problems. */
export function unique(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.file}:${f.line}:${f.column}:${f.rule}:${f.message}`;
    return !seen.has(key) && seen.add(key);
  });
}

/** Every family that has tracks, also one whose own file has errors: its levels are still compared. */
export function comparedFamilies(ladder: Ladder): Set<string> {
  // (A track naming a family that does not exist at all is its own ref/unknown error, not a family.)
  return new Set([...ladder.families.map((f) => f.id), ...[...ladder.tracksByFamily.keys()].filter((id) => ladder.rejected.family.has(id))]);
}

/**
 * Each ordered pair of levels that parity compares: two levels of one family
 * at one grade, both ways round (each is checked against the other), with
 * the subject an exception in ladder.md would name. Levels are compared only
 * within one family and one grade, so the cost grows with the number of
 * levels, not with its square.
 */
export function* levelPairs(ladder: Ladder): Generator<{ self: Level; other: Level; subject: { family: string; grade: number } }> {
  for (const family of comparedFamilies(ladder)) {
    const grades = ladder.levelsByFamilyGrade.get(family);
    if (!grades) continue;
    for (const grade of grades.keys()) {
      const levels = levelsAtGrade(ladder, family, grade);
      for (let i = 0; i < levels.length; i++) {
        for (let j = i + 1; j < levels.length; j++) {
          const a = levels[i]!;
          const b = levels[j]!;
          yield { self: a, other: b, subject: { family, grade } };
          yield { self: b, other: a, subject: { family, grade } };
        }
      }
    }
  }
}

/** A level in a message: "Staff Engineer (levels/engineering-ic/staff.md)". */
export const where = (level: Level) => `${level.title} (${level.source.file})`;

/** Where a level's pay is written, for messages: its own file, or its family's band. */
export const payWhere = (level: Level) =>
  level.pay?.band.owner === 'family' ? `${level.title} (the grade ${level.grade} band of ${level.pay.band.at.source.file})` : where(level);

/**
 * Whether `self` should be blamed for differing from `other`'s pay. Two
 * levels on the same family band are equal by construction; a level that
 * overrides the family band is the one that breaks parity, not the band.
 */
export function blamed(self: Level, other: Level): boolean {
  if (!self.pay || !other.pay || self.pay.band === other.pay.band) return false;
  return !(self.pay.band.owner === 'family' && other.pay.band.owner === 'level');
}
