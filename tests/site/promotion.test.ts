import { describe, expect, it } from 'vitest';
import { check } from '../../src/ladder/check.ts';
import { nextLevel } from '../../src/ladder/model.ts';
import { comparePromotion, diffLines, diffText, promotionFrom } from '../../src/ladder/promotion.ts';
import { checkFiles, miniLadder, SAMPLE } from '../helpers/ladder.ts';

const join = (parts: { kind: string; text: string }[], kinds: string[]) =>
  parts
    .filter((p) => kinds.includes(p.kind))
    .map((p) => p.text)
    .join('');

describe('diffText', () => {
  it('marks an added sentence and keeps the rest', () => {
    const parts = diffText('Writes code.\nReviews code.', 'Writes code.\nReviews code.\nMentors juniors.');
    expect(join(parts, ['added']).trim()).toBe('Mentors juniors.');
    expect(parts.some((p) => p.kind === 'removed')).toBe(false);
  });

  it('reproduces both texts: same+removed is the old one, same+added the new one', () => {
    const before = 'Sets the architecture for systems that several teams build on.\nReviews designs.';
    const after = 'Defines the target architecture for a large group.\nReviews designs and code.';
    const parts = diffText(before, after);
    expect(join(parts, ['same', 'removed'])).toBe(before);
    expect(join(parts, ['same', 'added'])).toBe(after);
  });

  it('folds short common words caught between edits into the edits', () => {
    const parts = diffText('Reviews the designs of a team carefully', 'Approves the budgets of an organisation carefully');
    // Without cleanup: "[-Reviews-][+Approves+] the [-designs-][+budgets+] of ..." alternates; with it, one edit.
    expect(parts.filter((p) => p.kind === 'removed')).toHaveLength(1);
    expect(parts.at(-1)).toEqual({ kind: 'same', text: ' carefully' });
  });

  it('returns nothing to mark for equal texts', () => {
    expect(diffText('Same.', 'Same.')).toEqual([{ kind: 'same', text: 'Same.' }]);
    expect(diffText('', '')).toEqual([]);
  });

  it('splits parts into lines', () => {
    expect(
      diffLines([
        { kind: 'same', text: 'a\nb' },
        { kind: 'added', text: ' c\n\nd' },
      ]),
    ).toEqual([
      [{ kind: 'same', text: 'a' }],
      [
        { kind: 'same', text: 'b' },
        { kind: 'added', text: ' c' },
      ],
      [{ kind: 'added', text: 'd' }],
    ]);
  });
});

describe('promotions', () => {
  const { ladder } = check(SAMPLE);

  it('compares a level with the next one: pay, authority, every section by competency', () => {
    const staff = ladder.level.get('engineering-ic/staff-engineer')!;
    const p = promotionFrom(ladder, staff)!;
    expect(p.to.id).toBe('engineering-ic/senior-staff-engineer');
    expect(p.pay).toMatchObject({ min: p.to.pay!.min - staff.pay!.min, max: p.to.pay!.max - staff.pay!.max, changed: true });
    expect(p.authority.budget).toEqual({ from: staff.authority.budget, to: p.to.authority.budget, changed: true });
    expect(p.authority.decisions.added).toEqual(['promotion-decisions']);
    expect(p.sections.map((s) => s.competency)).toEqual(['technical-craft', 'delivery', 'impact', 'collaboration', 'mentorship']);
    expect(p.sections.every((s) => s.status === 'changed')).toBe(true);
    expect(p.sections.map((s) => s.anchor)).toEqual(staff.sections.map((s) => s.anchor));
  });

  it('has no promotion at the top of a track', () => {
    const top = ladder.level.get('engineering-ic/distinguished-engineer')!;
    expect(nextLevel(ladder, top)).toBeUndefined();
    expect(promotionFrom(ladder, top)).toBeUndefined();
  });

  it('shows a competency of only one level as added or removed', () => {
    const ic = ladder.level.get('engineering-ic/staff-engineer')!;
    const manager = ladder.level.get('engineering-management/engineering-manager')!;
    const p = comparePromotion(ic, manager);
    const status = Object.fromEntries(p.sections.map((s) => [s.competency, s.status]));
    expect(status).toMatchObject({ 'technical-craft': 'removed', mentorship: 'removed', 'people-leadership': 'added', strategy: 'added', delivery: 'changed' });
    const added = p.sections.find((s) => s.competency === 'strategy')!;
    expect(added.before).toEqual([]);
    expect(added.after.every((part) => part.kind === 'added')).toBe(true);
  });

  it('marks unchanged sections and unchanged pay', () => {
    const files = miniLadder();
    files['levels/eng-ic/senior.md'] = files['levels/eng-ic/senior.md']!.replace('min: 70000', 'min: 50000').replace('max: 90000', 'max: 70000');
    files['levels/eng-mgmt/manager.md'] = files['levels/eng-mgmt/manager.md']!.replace('min: 70000', 'min: 50000').replace('max: 90000', 'max: 70000');
    files['levels/eng-ic/senior.md'] = files['levels/eng-ic/senior.md']!.replace('Does craft at grade 2.', 'Does craft at grade 1.');
    const { ladder: mini } = checkFiles(files);
    const p = promotionFrom(mini, mini.level.get('eng-ic/engineer')!)!;
    expect(p.pay.changed).toBe(false);
    expect(p.sections.find((s) => s.competency === 'craft')!.status).toBe('unchanged');
    expect(p.sections.find((s) => s.competency === 'people')!.status).toBe('changed');
  });
});
