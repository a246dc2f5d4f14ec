/**
 * The wide ladder of the browser tests: the size of real frameworks, written
 * by the benchmark's generator (bench/generate.ts, `--wide 8x12 --wide 11x4`).
 * Engineering has one management track beside eight IC disciplines and twelve
 * grades, with titles such as "Senior Principal Software Development Engineer
 * in Test"; Applied Research has twelve tracks of four grades; a competency is
 * called "Scope", like the authority field. The global setup builds it once
 * beside the sample (tests/e2e/setup.ts); wide.test.ts and keyboard.test.ts
 * lay its pages out.
 */
import { generateWideLadder, writeLadder, type WideFamilyOptions } from '../../bench/generate.ts';
import { levelAt, type Ladder } from '../../src/ladder/model.ts';

export const WIDE_FAMILIES: readonly WideFamilyOptions[] = [
  { tracks: 8, grades: 12 },
  { tracks: 11, grades: 4 },
];

export function writeWideLadder(dir: string): void {
  writeLadder(dir, generateWideLadder({ families: [...WIDE_FAMILIES] }));
}

/**
 * The pages of the wide ladder that a wide family stretches: the whole ladder,
 * each family, the comparison of a grade of each, the parity report, the
 * level with the longest title, the "Scope" competency (a table of every
 * track), the lateral moves and a track.
 */
export function widePages(ladder: Ladder): Record<string, string> {
  const [nine, twelve] = ladder.families;
  if (!nine || !twelve) throw new Error('the wide ladder has two families');
  const longest = [...ladder.levels].sort((a, b) => b.title.length - a.title.length)[0]!;
  const top = (family: string) => Math.max(...(ladder.levelsByFamilyGrade.get(family)?.keys() ?? []));
  const scope = ladder.competencies.find((c) => c.name === 'Scope');
  if (!scope) throw new Error('the wide ladder has a competency called "Scope"');
  const track = ladder.tracks.find((t) => t.family === nine.id && levelAt(ladder, t.id, 1))!;
  return {
    home: '/',
    family: `/families/${nine.id}/`,
    'family-12': `/families/${twelve.id}/`,
    compare: `/compare/${nine.id}/${top(nine.id)}/`,
    'compare-12': `/compare/${twelve.id}/${top(twelve.id)}/`,
    parity: '/parity/',
    level: `/levels/${longest.id}/`,
    competency: `/competencies/${scope.id}/`,
    choose: '/tracks/choose/',
    track: `/tracks/${track.id}/`,
  };
}
