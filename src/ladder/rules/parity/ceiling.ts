/** parity/ceiling: in a family, a grade that a management track reaches and an IC track does not. */
import { mayHoldGrade, mayHoldTrack, type Ladder } from '../../model.ts';
import { defineMeta, report, type Finding, type RuleContext, type RuleModule } from '../rule.ts';
import { comparedFamilies, unique } from '../shared.ts';

export const meta = defineMeta({
  id: 'parity/ceiling',
  severity: 'error',
  since: '1.0',
  description: 'in a family, a grade that a management track reaches and an IC track does not',
  docs: {
    means:
      'A management track of the family reaches a grade that an individual-contributor track does not (the "convergence": specialists must manage to go higher). Reported on the management level at that grade. With several IC tracks in a family, each one must reach every management grade (a shorter specialist track is reported; excuse it with an exception if that is the design). A family with a management track and no IC track is reported on the management track file.',
    fix: 'Add the IC level at that grade, or, if it is deliberate, add an exception with a reason.',
  },
  excusable: true,
  messages: {
    noIc: '{{family}} has a management track but no individual-contributor track: specialists could only grow by managing',
    /** `stops`: "Engineering IC stops at grade 7 (Principal Engineer)" or "Engineering IC has no level at grade 8". */
    stops: '{{title}} reaches grade {{grade}}, but {{stops}}: add an individual-contributor level at grade {{grade}} in {{folder}}',
  },
});

function check({ ladder }: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const family of comparedFamilies(ladder)) out.push(...ceiling(ladder, family));
  return unique(out);
}

/** Every grade a management track reaches must be reached by each IC track of the family. */
function ceiling(ladder: Ladder, family: string): Finding[] {
  const out: Finding[] = [];
  const tracks = ladder.tracksByFamily.get(family) ?? [];
  // Which tracks are IC is unknown while a track file's kind is broken (reported there).
  if (tracks.some((t) => t.provisional && (!t.provisional.kind || !t.provisional.family))) return [];
  const ics = tracks.filter((t) => t.kind === 'individual-contributor');
  for (const management of tracks.filter((t) => t.kind === 'management')) {
    const levels = ladder.levelsByTrack.get(management.id) ?? [];
    if (ics.length === 0) {
      // A track file that could not be read, or a track that misspells its family, may be this
      // family's IC track: its error comes first.
      if (
        mayHoldTrack(ladder, family) ||
        ladder.tracks.some((t) => !ladder.family.has(t.family) && !ladder.rejected.family.has(t.family)) ||
        ladder.tracks.some((t) => t.provisional?.family === false)
      )
        continue;
      const top = levels.at(-1);
      out.push(
        report(
          meta,
          management.source.locate(['family']),
          'noIc',
          { family: ladder.family.get(family)?.name ?? family },
          top ? { subject: { family, grade: top.grade } } : {},
        ),
      );
      continue;
    }
    for (const level of levels) {
      for (const ic of ics) {
        // A level file of the IC track that has errors may hold this grade: its errors come first.
        if (mayHoldGrade(ladder, ic.id, [level.grade])) continue;
        const icLevels = ladder.levelsByTrack.get(ic.id) ?? [];
        if (icLevels.some((l) => l.grade === level.grade)) continue;
        const top = icLevels.at(-1);
        const stops =
          top && top.grade < level.grade ? `${ic.name} stops at grade ${top.grade} (${top.title})` : `${ic.name} has no level at grade ${level.grade}`;
        const folder = ic.source.file.replace(/^tracks\//, 'levels/').replace(/\.md$/, '/');
        out.push(
          report(
            meta,
            level.source.locate(['grade']),
            'stops',
            { title: level.title, grade: level.grade, stops, folder },
            {
              related: [
                top
                  ? { ...top.source.locate(['grade']), message: `${top.title} is the highest level of ${ic.name}` }
                  : { ...ic.source.locate(['kind']), message: `${ic.name}` },
              ],
              subject: { family, grade: level.grade },
            },
          ),
        );
      }
    }
  }
  return out;
}

export default { meta, check } satisfies RuleModule;
