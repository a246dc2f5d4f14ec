/**
 * Who sees pay (src/site/audience.ts): when a build shows amounts, and the
 * copy of the ladder without any amount that a public build of an
 * internal-pay ladder renders. The built sites are searched byte for byte in
 * pay.test.ts; this checks the model the pages get.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../../src/ladder/check.ts';
import { describeDiff } from '../../src/ladder/diff/words.ts';
import { diffLadders } from '../../src/ladder/diff/index.ts';
import { promotionFrom } from '../../src/ladder/promotion.ts';
import { gradeVerdicts } from '../../src/ladder/verdicts.ts';
import { AmountHiddenError, isAudience, redactLadder, showsAmounts } from '../../src/site/audience.ts';
import { toLadderJson } from '../../src/site/export.ts';
import { hasPay, shownZones, zonesPickable } from '../../src/site/pay.ts';
import { authorityPicture, gradePayGroup } from '../../src/site/visuals.ts';
import { CONTENT, editFile, tempDir } from '../helpers/ladder.ts';
import { cpSync } from 'node:fs';

const full = check(CONTENT).ladder;
const redacted = redactLadder(full);

describe('showsAmounts', () => {
  it('shows amounts unless the pay is internal and the build is public', () => {
    expect(showsAmounts('public', 'public')).toBe(true);
    expect(showsAmounts('public', 'internal')).toBe(true);
    expect(showsAmounts('internal', 'internal')).toBe(true);
    expect(showsAmounts('internal', 'public')).toBe(false);
  });

  it('knows the two audiences', () => {
    expect(isAudience('public')).toBe(true);
    expect(isAudience('internal')).toBe(true);
    expect(isAudience('employees')).toBe(false);
    expect(isAudience(undefined)).toBe(false);
  });
});

describe('redactLadder', () => {
  it('leaves no pay on any level, no band on any family, no factor and no pay.md', () => {
    expect(full.levels.every((l) => l.pay)).toBe(true);
    expect(redacted.levels.every((l) => l.pay === undefined)).toBe(true);
    expect([...redacted.level.values()].every((l) => l.pay === undefined)).toBe(true);
    expect([...redacted.levelsByTrack.values()].flat().every((l) => l.pay === undefined)).toBe(true);
    expect([...redacted.levelsByFamilyGrade.values()].flatMap((g) => [...g.values()].flat()).every((l) => l.pay === undefined)).toBe(true);
    expect(redacted.families.every((f) => f.bands.size === 0)).toBe(true);
    expect([...redacted.family.values()].every((f) => f.bands.size === 0)).toBe(true);
    expect(redacted.zones.map((z) => z.factor)).toEqual([undefined, undefined, undefined]);
    expect(full.pages.has('pay')).toBe(true);
    expect(redacted.pages.has('pay')).toBe(false);
  });

  it('refuses to give a budget: a page that forgets to ask stops the build instead of publishing it', () => {
    const level = redacted.levels[0]!;
    expect(() => level.authority.budget).toThrow(AmountHiddenError);
    expect(() => level.authority.budget).toThrow(/visibility\.pay: internal.*docs\/publishing\.md/s);
    // Nothing else that serializes or spreads the authority sees a budget.
    expect(JSON.stringify(level.authority)).not.toContain('budget');
    expect({ ...level.authority }).toEqual({ scope: level.authority.scope, decisions: level.authority.decisions });
    expect(level.authority.scope).toBe(full.levels[0]!.authority.scope);
  });

  it('keeps everything else: names, grades, texts, lookups, order', () => {
    expect(redacted.levels.map((l) => [l.id, l.title, l.grade, l.summary])).toEqual(full.levels.map((l) => [l.id, l.title, l.grade, l.summary]));
    expect(redacted.level.get('engineering-ic/staff-engineer')).toBe(redacted.levels.find((l) => l.id === 'engineering-ic/staff-engineer'));
    expect(redacted.tracks).toBe(full.tracks);
    expect(redacted.zones.map((z) => z.name)).toEqual(full.zones.map((z) => z.name));
    expect(redacted.visibility).toEqual(full.visibility);
  });

  it('does not change the ladder it copies', () => {
    expect(full.levels[0]!.pay).toBeDefined();
    expect(typeof full.levels[0]!.authority.budget).toBe('number');
    expect(full.families[0]!.bands.size).toBeGreaterThan(0);
  });

  it('gives the pages nothing of pay to draw: no zones, no bars, no budget in the authority picture', () => {
    expect(hasPay(redacted)).toBe(false);
    expect(shownZones(redacted)).toEqual([]);
    expect(zonesPickable(redacted)).toBe(false);
    expect(zonesPickable(full)).toBe(true);
    expect(gradePayGroup(redacted, 'engineering', 4).bars).toEqual([]);
    const level = redacted.level.get('engineering-ic/staff-engineer')!;
    const pic = authorityPicture(redacted, level, { budget: false });
    expect(pic.budget).toBeUndefined();
    expect(pic.height).toBeLessThan(authorityPicture(full, full.level.get(level.id)!).height);
    // The promotion page reads the budget only when it shows it.
    const promotion = promotionFrom(redacted, level)!;
    expect(promotion.authority.scope.from).toBe('group');
    expect(() => promotion.authority.budget).toThrow(AmountHiddenError);
  });

  it('cannot give verdicts: they come from the full ladder (the site keeps them, src/site/ladder.ts)', () => {
    expect(gradeVerdicts(full, 'engineering', 4).pay.status).toBe('equal');
    expect(() => gradeVerdicts(redacted, 'engineering', 4)).toThrow(AmountHiddenError);
  });
});

describe('the exports without amounts', () => {
  it('leave out the zones’ factors with the bands: a differential is pay', () => {
    const json = toLadderJson(full, { amounts: false });
    expect(json.ladder.zones.map((z) => z.factor)).toEqual([null, null, null]);
    expect(toLadderJson(full).ladder.zones.map((z) => z.factor)).toEqual([null, 0.9, null]);
    expect(json.parity).toEqual(toLadderJson(full).parity);
  });
});

describe('the history without amounts', () => {
  it('names a change of band and budget without the amounts, and an added level without its pay', () => {
    const base = check(CONTENT);
    const dir = tempDir('parity-history-');
    cpSync(CONTENT, dir, { recursive: true });
    editFile(dir, 'families/engineering.md', (text) => text.replace('min: 185000\n    max: 240000', 'min: 191000\n    max: 247000'));
    for (const file of ['levels/engineering-ic/staff-engineer.md', 'levels/engineering-management/engineering-manager.md']) {
      editFile(dir, file, (text) => text.replace('budget: 50000', 'budget: 65000'));
    }
    const head = check(dir);
    expect(head.ok).toBe(true);
    const diff = diffLadders(base, head);
    const words = (amounts: boolean) => describeDiff(diff, head.ladder, { amounts }).flatMap((item) => item.phrases);
    expect(words(true)).toContain('Grade 4 band raised: $185,000 – $240,000 → $191,000 – $247,000; Germany (Hamburg lab) unchanged, set by hand.');
    expect(words(true)).toContain('Budget raised from $50,000 to $65,000.');
    const hidden = words(false);
    expect(hidden).toContain('Pay band changed.');
    expect(hidden).toContain('Budget changed.');
    expect(hidden.join(' ')).not.toMatch(/\$|\d{2},\d{3}|\d{5}/);
    // An added level: its scope and decisions, not its pay or budget.
    const added = describeDiff(
      {
        ...diff,
        levels: [{ ...diff.levels[0]!, kind: 'added', fields: [], text: [], terms: { pay: { min: 1, max: 2 }, scope: 'group', budget: 3, decisions: ['a'] } }],
      },
      head.ladder,
      { amounts: false },
    );
    expect(added.at(-1)!.phrases).toEqual(['Level added: scope group, 1 decision right.']);
  });
});
