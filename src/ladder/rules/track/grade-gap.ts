/** track/grade-gap: a track skips a grade between its lowest and highest level. */
import { mayHoldGrade } from '../../model.ts';
import { defineMeta, report, type Finding, type RuleContext, type RuleModule } from '../rule.ts';

export const meta = defineMeta({
  id: 'track/grade-gap',
  severity: 'error',
  since: '1.0',
  description: 'a track skips a grade between its lowest and highest level',
  docs: {
    means: 'A track skips a grade between its lowest and highest level.',
    fix: 'Add the missing level, or renumber the grades.',
  },
  messages: {
    /** `missing`: "Grade 3 is" or "Grades 3–5 are". */
    gap: '{{missing}} missing from {{track}}, between {{below}} (grade {{belowGrade}}) and {{title}} (grade {{grade}})',
  },
});

function check({ ladder }: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const track of ladder.tracks) {
    const levels = ladder.levelsByTrack.get(track.id) ?? [];
    for (let i = 1; i < levels.length; i++) {
      const below = levels[i - 1]!;
      const level = levels[i]!;
      // (A gap that a level file with errors may fill is reported on that file first.)
      if (level.grade <= below.grade + 1 || mayHoldGrade(ladder, track.id, range(below.grade + 1, level.grade - 1))) continue;
      const missing = level.grade - below.grade === 2 ? `Grade ${below.grade + 1} is` : `Grades ${below.grade + 1}–${level.grade - 1} are`;
      out.push(
        report(
          meta,
          level.source.locate(['grade']),
          'gap',
          { missing, track: track.name, below: below.title, belowGrade: below.grade, title: level.title, grade: level.grade },
          { related: [{ ...below.source.locate(['grade']), message: `${below.title} is at grade ${below.grade}` }] },
        ),
      );
    }
  }
  return out;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

export default { meta, check } satisfies RuleModule;
