/**
 * parity/ceiling, parity/pay, parity/authority: the promise of the dual
 * ladder. Levels are compared only within one family and one grade, so the
 * cost grows with the number of levels, not with its square.
 */
import { diagnostic } from '../diagnostics.ts';
import { mayHoldGrade, mayHoldTrack, type Ladder, type Level } from '../model.ts';
import { formatBand, formatBonus, formatMoney } from '../money.ts';
import { authorityDifferences, bonusAgrees, equityAgrees, levelsAtGrade, rangesAgree } from '../parity.ts';
import { factorNote, locateAmount } from '../pay.ts';
import { inZone, sentence, unique } from './pay.ts';
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
    for (const grade of grades.keys()) {
      const levels = levelsAtGrade(ladder, family, grade);
      for (let i = 0; i < levels.length; i++) {
        for (let j = i + 1; j < levels.length; j++) {
          const a = levels[i]!;
          const b = levels[j]!;
          for (const [self, other] of [
            [a, b],
            [b, a],
          ] as const) {
            out.push(...pay(ladder, self, other).map((d) => ({ ...d, subject: { family: family, grade } })));
            out.push(...variablePay(ladder, self, other).map((d) => ({ ...d, subject: { family: family, grade } })));
            out.push(...authority(ladder, self, other).map((d) => ({ ...d, subject: { family: family, grade } })));
          }
        }
      }
    }
  }
  return unique(out);
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

/**
 * Whether `self` should be blamed for differing from `other`'s pay. Two
 * levels on the same family band are equal by construction; a level that
 * overrides the family band is the one that breaks parity, not the band.
 */
function blamed(self: Level, other: Level): boolean {
  if (!self.pay || !other.pay || self.pay.band === other.pay.band) return false;
  return !(self.pay.band.owner === 'family' && other.pay.band.owner === 'level');
}

/** Where a level's pay is written, for messages: its own file, or its family's band. */
const payWhere = (level: Level) =>
  level.pay?.band.owner === 'family' ? `${level.title} (the grade ${level.grade} band of ${level.pay.band.at.source.file})` : where(level);

/** parity/pay in every zone. A derived zone's difference follows from the anchor's and is reported there only. */
function pay(ladder: Ladder, self: Level, other: Level): Finding[] {
  if (!blamed(self, other)) return [];
  const policy = ladder.parity.pay;
  const out: Finding[] = [];
  let anchorDiffers = false;
  for (const zone of ladder.zones) {
    const a = self.pay!.zones.find((z) => z.zone.id === zone.id);
    const b = other.pay!.zones.find((z) => z.zone.id === zone.id);
    if (!a || !b || rangesAgree(policy, a, b)) continue;
    if (a.basis === 'factor' && anchorDiffers) continue;
    if (zone.index === 0) anchorDiffers = true;
    const identical = policy === 'identical';
    // identical: the first field that differs; overlap: the end that misses the other band.
    const field = identical ? (a.min !== b.min ? 'min' : 'max') : a.max < b.min ? 'max' : 'min';
    const otherField = identical ? field : field === 'max' ? 'min' : 'max';
    const text = `Pay band ${formatBand(a, zone.currency)} ${identical ? 'differs from' : 'does not overlap'} ${payWhere(other)} at grade ${self.grade}: ${formatBand(b, zone.currency)}`;
    out.push(
      diagnostic(locateAmount(self.pay!.band, a, field), 'parity/pay', sentence(inZone(ladder, a), text), 'error', [
        { ...locateAmount(other.pay!.band, b, otherField), message: `${other.title}: ${formatBand(b, zone.currency)}` },
        ...factorNote(a, ladder.source),
      ]),
    );
  }
  return out;
}

/** parity/variable-pay: a bonus target or an equity range that one track has and another lacks, or that differ. */
function variablePay(ladder: Ladder, self: Level, other: Level): Finding[] {
  if (!blamed(self, other)) return [];
  const out: Finding[] = [];
  const a = self.pay!;
  const b = other.pay!;
  const currency = ladder.zones[0]!.currency;
  const at = (field: 'bonus' | 'equity') => a.band.at.source.locate(a[field] === undefined ? a.band.at.path : [...a.band.at.path, field], a[field] === undefined ? 'key' : 'value');
  const theirs = (field: 'bonus' | 'equity') =>
    b.band.at.source.locate(b[field] === undefined ? b.band.at.path : [...b.band.at.path, field], b[field] === undefined ? 'key' : 'value');
  if (!bonusAgrees(a.bonus, b.bonus)) {
    const text =
      a.bonus === undefined
        ? `This level has no bonus target, but ${payWhere(other)} at grade ${self.grade} has ${formatBonus(b.bonus!)}: a bonus that only one track gets is unequal pay; give both the same bonus`
        : b.bonus === undefined
          ? `Bonus target ${formatBonus(a.bonus)} is not given to ${payWhere(other)} at grade ${self.grade}, which has none: a bonus that only one track gets is unequal pay`
          : `Bonus target ${formatBonus(a.bonus)} differs from ${payWhere(other)} at grade ${self.grade}: ${formatBonus(b.bonus)}`;
    out.push(diagnostic(at('bonus'), 'parity/variable-pay', text, 'error', [{ ...theirs('bonus'), message: `${other.title}: ${b.bonus === undefined ? 'no bonus' : formatBonus(b.bonus)}` }]));
  }
  if (!equityAgrees(ladder.parity.pay, a.equity, b.equity)) {
    const verb = ladder.parity.pay === 'identical' ? 'differs from' : 'does not overlap';
    const text =
      a.equity === undefined
        ? `This level has no equity, but ${payWhere(other)} at grade ${self.grade} has ${formatBand(b.equity!, currency)} a year: equity that only one track gets is unequal pay`
        : b.equity === undefined
          ? `Equity ${formatBand(a.equity, currency)} a year is not given to ${payWhere(other)} at grade ${self.grade}, which has none: equity that only one track gets is unequal pay`
          : `Equity ${formatBand(a.equity, currency)} ${verb} ${payWhere(other)} at grade ${self.grade}: ${formatBand(b.equity, currency)}`;
    out.push(
      diagnostic(at('equity'), 'parity/variable-pay', text, 'error', [
        { ...theirs('equity'), message: `${other.title}: ${b.equity === undefined ? 'no equity' : formatBand(b.equity, currency)}` },
      ]),
    );
  }
  return out;
}

function authority(ladder: Ladder, self: Level, other: Level): Finding[] {
  const out: Finding[] = [];
  const a = self.authority;
  const b = other.authority;
  const currency = ladder.zones[0]!.currency;
  const related = (field: string, text: string) => [{ ...other.source.locate(['authority', field]), message: `${other.title}: ${text}` }];
  for (const field of authorityDifferences(a, b)) {
    if (field === 'scope') {
      out.push(
        diagnostic(
          self.source.locate(['authority', 'scope']),
          'parity/authority',
          `Scope "${a.scope}" differs from ${where(other)} at grade ${self.grade}: "${b.scope}"`,
          'error',
          related('scope', b.scope),
        ),
      );
    } else if (field === 'budget') {
      out.push(
        diagnostic(
          self.source.locate(['authority', 'budget']),
          'parity/authority',
          `Budget ${formatMoney(a.budget, currency)} differs from ${where(other)} at grade ${self.grade}: ${formatMoney(b.budget, currency)}`,
          'error',
          related('budget', formatMoney(b.budget, currency)),
        ),
      );
    } else {
      const mine = new Set(a.decisions);
      const theirs = new Set(b.decisions);
      const lacking = b.decisions.filter((d) => !mine.has(d));
      const extra = a.decisions.filter((d) => !theirs.has(d));
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
  }
  return out;
}
