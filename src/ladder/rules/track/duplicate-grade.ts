/** track/duplicate-grade: two levels of one track at the same grade. */
import { defineMeta, report, type Finding, type RuleContext, type RuleModule } from '../rule.ts';

export const meta = defineMeta({
  id: 'track/duplicate-grade',
  severity: 'error',
  since: '1.0',
  description: 'two levels of one track at the same grade',
  docs: {
    means: 'Two levels of one track have the same grade.',
    fix: 'Give each level of a track its own grade.',
  },
  messages: {
    duplicate: 'Grade {{grade}} is held by two levels of {{track}}: {{title}} and {{other}} ({{file}})',
  },
});

function check({ ladder }: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const track of ladder.tracks) {
    const levels = ladder.levelsByTrack.get(track.id) ?? [];
    for (let i = 1; i < levels.length; i++) {
      const below = levels[i - 1]!;
      const level = levels[i]!;
      if (level.grade !== below.grade) continue;
      out.push(
        report(
          meta,
          level.source.locate(['grade']),
          'duplicate',
          { grade: level.grade, track: track.name, title: level.title, other: below.title, file: below.source.file },
          { related: [{ ...below.source.locate(['grade']), message: `${below.title} is also at grade ${below.grade}` }] },
        ),
      );
    }
  }
  return out;
}

export default { meta, check } satisfies RuleModule;
