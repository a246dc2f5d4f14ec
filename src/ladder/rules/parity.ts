/**
 * parity/ceiling, parity/pay, parity/authority: the promise of the dual
 * ladder. Levels are compared only within one family and one grade, so the
 * cost grows with the number of levels, not with its square.
 */
import { diagnostic } from '../diagnostics.ts';
import { mayHoldGrade, mayHoldTrack, type Ladder, type Level } from '../model.ts';
import type { Finding, Rule } from './types.ts';

const where = (level: Level) => `${level.title} (${level.source.file})`;

export const parity: Rule = ({ ladder }) => {
  const out: Finding[] = [];
  // Every family that has tracks, also one whose own file has errors: its levels are still compared.
  // (A track naming a family that does not exist at all is its own ref/unknown error, not a family.)
  const families = new Set([...ladder.families.map((f) => f.id), ...[...ladder.tracksByFamily.keys()].filter((id) => ladder.rejected.family.has(id))]);
  for (const family of families) {
    out.push(...ceiling(ladder, family));
    const grades = ladder.levelsByFamilyGrade.get(family);
    if (!grades) continue;
    for (const [grade, row] of grades) {
      // One level per track: a duplicate grade is its own error.
      const levels = row.filter((level, i) => row.findIndex((other) => other.track === level.track) === i);
      for (let i = 0; i < levels.length; i++) {
        for (let j = i + 1; j < levels.length; j++) {
          const a = levels[i]!;
          const b = levels[j]!;
          for (const [self, other] of [
            [a, b],
            [b, a],
          ] as const) {
            out.push(...pay(ladder, self, other).map((d) => ({ ...d, subject: { family: family, grade } })));
            out.push(...authority(self, other).map((d) => ({ ...d, subject: { family: family, grade } })));
          }
        }
      }
    }
  }
  return out;
};

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
      if (mayHoldTrack(ladder, family) || ladder.tracks.some((t) => !ladder.family.has(t.family) && !ladder.rejected.family.has(t.family)) || ladder.tracks.some((t) => t.provisional?.family === false)) continue;
      const top = levels.at(-1);
      out.push({
        ...diagnostic(
          management.source.locate(['family']),
          'parity/ceiling',
          `${ladder.family.get(family)?.name ?? family} has a management track but no individual-contributor track: specialists could only grow by managing`,
        ),
        ...(top ? { subject: { family, grade: top.grade } } : {}),
      });
      continue;
    }
    for (const level of levels) {
      for (const ic of ics) {
        // A level file of the IC track that has errors may hold this grade: its errors come first.
        if (mayHoldGrade(ladder, ic.id, [level.grade])) continue;
        const icLevels = ladder.levelsByTrack.get(ic.id) ?? [];
        if (icLevels.some((l) => l.grade === level.grade)) continue;
        const top = icLevels.at(-1);
        const stops = top && top.grade < level.grade ? `${ic.name} stops at grade ${top.grade} (${top.title})` : `${ic.name} has no level at grade ${level.grade}`;
        out.push({
          ...diagnostic(
            level.source.locate(['grade']),
            'parity/ceiling',
            `${level.title} reaches grade ${level.grade}, but ${stops}: add an individual-contributor level at grade ${level.grade} in ${ic.source.file.replace(/^tracks\//, 'levels/').replace(/\.md$/, '/')}`,
            'error',
            [top ? { ...top.source.locate(['grade']), message: `${top.title} is the highest level of ${ic.name}` } : { ...ic.source.locate(['kind']), message: `${ic.name}` }],
          ),
          subject: { family, grade: level.grade },
        });
      }
    }
  }
  return out;
}

function pay(ladder: Ladder, self: Level, other: Level): Finding[] {
  const a = self.pay;
  const b = other.pay;
  // The other level's differing field, at the same place as this one's.
  const related = (field: 'min' | 'max') => [{ ...other.source.locate(['pay', field]), message: `${other.title}: ${b.min}–${b.max}` }];
  if (ladder.parity.pay === 'identical') {
    if (a.min === b.min && a.max === b.max) return [];
    const field = a.min !== b.min ? 'min' : 'max';
    return [
      diagnostic(
        self.source.locate(['pay', field]),
        'parity/pay',
        `Pay band ${a.min}–${a.max} differs from ${where(other)} at grade ${self.grade}: ${b.min}–${b.max}`,
        'error',
        related(field),
      ),
    ];
  }
  if (Math.max(a.min, b.min) <= Math.min(a.max, b.max)) return [];
  const field = a.max < b.min ? 'max' : 'min';
  return [
    diagnostic(
      self.source.locate(['pay', field]),
      'parity/pay',
      `Pay band ${a.min}–${a.max} does not overlap ${where(other)} at grade ${self.grade}: ${b.min}–${b.max}`,
      'error',
      related(field === 'max' ? 'min' : 'max'),
    ),
  ];
}

function authority(self: Level, other: Level): Finding[] {
  const out: Finding[] = [];
  const a = self.authority;
  const b = other.authority;
  const related = (field: string, text: string) => [{ ...other.source.locate(['authority', field]), message: `${other.title}: ${text}` }];
  if (a.scope !== b.scope) {
    out.push(
      diagnostic(
        self.source.locate(['authority', 'scope']),
        'parity/authority',
        `Scope "${a.scope}" differs from ${where(other)} at grade ${self.grade}: "${b.scope}"`,
        'error',
        related('scope', b.scope),
      ),
    );
  }
  if (a.budget !== b.budget) {
    out.push(
      diagnostic(
        self.source.locate(['authority', 'budget']),
        'parity/authority',
        `Budget ${a.budget} differs from ${where(other)} at grade ${self.grade}: ${b.budget}`,
        'error',
        related('budget', String(b.budget)),
      ),
    );
  }
  const mine = new Set(a.decisions);
  const theirs = new Set(b.decisions);
  const lacking = b.decisions.filter((d) => !mine.has(d));
  const extra = a.decisions.filter((d) => !theirs.has(d));
  if (lacking.length > 0 || extra.length > 0) {
    const parts = [lacking.length > 0 ? `lacks ${lacking.join(', ')}` : '', extra.length > 0 ? `has ${extra.join(', ')} that it does not` : ''].filter(Boolean);
    out.push(
      diagnostic(
        self.source.locate(['authority', 'decisions']),
        'parity/authority',
        `Decisions differ from ${where(other)} at grade ${self.grade}: this level ${parts.join(' and ')}`,
        'error',
        related('decisions', b.decisions.join(', ') || 'none'),
      ),
    );
  }
  return out;
}
