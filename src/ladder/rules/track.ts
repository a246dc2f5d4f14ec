/** track/duplicate-grade and track/grade-gap: the shape of each track. */
import { diagnostic } from '../diagnostics.ts';
import { mayHoldGrade } from '../model.ts';
import type { Finding, Rule } from './types.ts';

export const trackShape: Rule = ({ ladder }) => {
  const out: Finding[] = [];
  for (const track of ladder.tracks) {
    const levels = ladder.levelsByTrack.get(track.id) ?? [];
    for (let i = 1; i < levels.length; i++) {
      const below = levels[i - 1]!;
      const level = levels[i]!;
      if (level.grade === below.grade) {
        out.push(
          diagnostic(
            level.source.locate(['grade']),
            'track/duplicate-grade',
            `Grade ${level.grade} is held by two levels of ${track.name}: ${level.title} and ${below.title} (${below.source.file})`,
            'error',
            [{ ...below.source.locate(['grade']), message: `${below.title} is also at grade ${below.grade}` }],
          ),
        );
      } else if (level.grade > below.grade + 1 && !mayHoldGrade(ladder, track.id, range(below.grade + 1, level.grade - 1))) {
        // (A gap that a level file with errors may fill is reported on that file first.)
        const missing = level.grade - below.grade === 2 ? `Grade ${below.grade + 1} is` : `Grades ${below.grade + 1}–${level.grade - 1} are`;
        out.push(
          diagnostic(
            level.source.locate(['grade']),
            'track/grade-gap',
            `${missing} missing from ${track.name}, between ${below.title} (grade ${below.grade}) and ${level.title} (grade ${level.grade})`,
            'error',
            [{ ...below.source.locate(['grade']), message: `${below.title} is at grade ${below.grade}` }],
          ),
        );
      }
    }
  }
  return out;
};

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
