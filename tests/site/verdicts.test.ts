import { describe, expect, it } from 'vitest';
import { check } from '../../src/ladder/check.ts';
import type { Ladder } from '../../src/ladder/model.ts';
import { resolvePay } from '../../src/ladder/pay.ts';
import { allVerdicts, gradeVerdicts, levelsAtGrade } from '../../src/ladder/verdicts.ts';
import { checkFiles, miniLadder, SAMPLE } from '../helpers/ladder.ts';

const sample = (): Ladder => check(SAMPLE).ladder;

describe('parity verdicts', () => {
  it('finds every grade of the sample equal, and grades with one track have nothing to compare', () => {
    const verdicts = allVerdicts(sample());
    expect(verdicts).toHaveLength(16);
    for (const v of verdicts) {
      if (v.grade >= 4) {
        expect(v.pay.status).toBe('equal');
        expect(v.authority.status).toBe('equal');
        expect(v.ceiling.status).toBe('equal');
        expect(v.levels).toHaveLength(2);
        expect(v.missing).toEqual([]);
      } else {
        expect(v.pay.status).toBe('single');
        expect(v.authority.status).toBe('single');
        expect(v.ceiling.status).toBe('single');
        expect(v.missing).toEqual([`${v.family === 'engineering' ? 'engineering' : 'formulation'}-management`]);
      }
    }
  });

  it('lists levels in track order, IC first', () => {
    expect(gradeVerdicts(sample(), 'engineering', 4).levels).toEqual(['engineering-ic/staff-engineer', 'engineering-management/engineering-manager']);
  });

  it('reports different bands as unequal under the identical policy, and overlapping ones as equal under overlap', () => {
    const ladder = sample();
    const [ic] = levelsAtGrade(ladder, 'engineering', 6);
    const band = (min: number, max: number) => resolvePay({ ...ic!.pay!.band, owner: 'level', min, max }, ladder.zones, ladder.rounding);
    ic!.pay = band(ic!.pay!.min + 1000, ic!.pay!.max);
    expect(gradeVerdicts(ladder, 'engineering', 6).pay.status).toBe('unequal');
    ladder.parity.pay = 'overlap';
    expect(gradeVerdicts(ladder, 'engineering', 6).pay.status).toBe('equal');
    ic!.pay = band(10_000_000, 11_000_000);
    expect(gradeVerdicts(ladder, 'engineering', 6).pay).toMatchObject({ status: 'unequal', reason: null });
  });

  it('names what differs in authority', () => {
    const ladder = sample();
    const [, manager] = levelsAtGrade(ladder, 'engineering', 5);
    manager!.authority = { ...manager!.authority, budget: manager!.authority.budget + 1, decisions: [...manager!.authority.decisions, 'reorgs'] };
    const v = gradeVerdicts(ladder, 'engineering', 5).authority;
    expect(v.status).toBe('unequal');
    expect(v.summary).toBe('The budget and decisions differ between tracks.');
  });

  it('treats the same decisions in another order as equal', () => {
    const ladder = sample();
    const [ic] = levelsAtGrade(ladder, 'engineering', 5);
    ic!.authority = { ...ic!.authority, decisions: [...ic!.authority.decisions].reverse() };
    expect(gradeVerdicts(ladder, 'engineering', 5).authority.status).toBe('equal');
  });

  it('excuses a broken rule with the reason of the matching exception', () => {
    const files = miniLadder();
    files['ladder.md'] = files['ladder.md']!.replace(
      'currency: EUR\n',
      'currency: EUR\nparity:\n  exceptions:\n    - family: eng\n      grade: 3\n      rule: parity/ceiling\n      reason: The CEO grade has no IC counterpart.\n',
    );
    files['levels/eng-mgmt/director.md'] = files['levels/eng-mgmt/manager.md']!.replace('title: Manager', 'title: Director')
      .replace('grade: 2', 'grade: 3')
      .replace('min: 70000', 'min: 90000')
      .replace('max: 90000', 'max: 120000');
    const result = checkFiles(files);
    expect(result.diagnostics.filter((d) => d.rule.startsWith('parity/'))).toEqual([]);
    const v = gradeVerdicts(result.ladder, 'eng', 3);
    expect(v.ceiling).toEqual({
      rule: 'parity/ceiling',
      status: 'excused',
      summary: 'Engineering IC has no level at this grade.',
      reason: 'The CEO grade has no IC counterpart.',
    });
    expect(v.missing).toEqual(['eng-ic']);
    expect(v.pay.status).toBe('single');
  });
});
