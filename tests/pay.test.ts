/**
 * Pay 1.1: family bands, level overrides, zones by factor and by hand,
 * bonus and equity. Every rule: a ladder that triggers it (rule, file, line,
 * column) and the same ladder fixed; zone arithmetic; money typed as text.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { CheckResult } from '../src/ladder/check.ts';
import { derive, ladderZones } from '../src/ladder/pay.ts';
import { amountFromText } from '../src/ladder/validate.ts';
import { checkFiles, cleanup, miniLadder, positionOf, rulesOf, type Files } from './helpers/ladder.ts';

afterAll(cleanup);

const IC1 = 'levels/eng-ic/engineer.md';
const IC2 = 'levels/eng-ic/senior.md';
const M2 = 'levels/eng-mgmt/manager.md';
const FAMILY = 'families/eng.md';

const replace = (files: Files, path: string, from: string | RegExp, to: string) => {
  const before = files[path]!;
  const after = before.replace(from, to);
  if (after === before) throw new Error(`${String(from)} not found in ${path}`);
  files[path] = after;
};

/** The mini ladder with its pay moved to the family's bands, and three zones (by factor, by hand). */
function bandedLadder(): Files {
  const files = miniLadder();
  for (const path of [IC1, IC2, M2]) replace(files, path, /pay:\n {2}min: \d+\n {2}max: \d+\n/, '');
  files['ladder.md'] = `---
name: Mini Ladder
currency: EUR
zones:
  - id: amsterdam
    name: Amsterdam
  - id: lisbon
    name: Lisbon
    factor: 0.7
  - id: london
    name: London
    currency: GBP
rounding: 500
---

A small ladder for tests.
`;
  files[FAMILY] = `---
name: Engineering
bands:
  1:
    min: 50000
    max: 70000
    zones:
      london: { min: 45000, max: 60000 }
  2:
    min: 70000
    max: 90000
    bonus: 10
    equity:
      min: 5000
      max: 10000
    zones:
      london: { min: 60000, max: 80000 }
---

Builds software.
`;
  return files;
}

/** The diagnostic of a rule, expected once. */
function only(result: CheckResult, rule: string) {
  const found = result.diagnostics.filter((d) => d.rule === rule);
  expect(found, JSON.stringify(result.diagnostics, null, 1)).toHaveLength(1);
  return found[0]!;
}

function at(files: Files, file: string, needle: string, offset = 0) {
  return { file, ...positionOf(files[file]!, needle, offset) };
}

describe('family bands', () => {
  it('pass the check: every track of a grade takes the same band, in every zone', () => {
    const result = checkFiles(bandedLadder());
    expect(result.diagnostics).toEqual([]);
    const senior = result.ladder.level.get('eng-ic/senior')!;
    const manager = result.ladder.level.get('eng-mgmt/manager')!;
    expect(senior.pay!.band).toBe(manager.pay!.band);
    expect(senior.pay!.zones.map((z) => [z.zone.id, z.min, z.max, z.basis])).toEqual([
      ['amsterdam', 70000, 90000, 'anchor'],
      ['lisbon', 49000, 63000, 'factor'],
      ['london', 60000, 80000, 'set'],
    ]);
    expect(senior.pay!.zones[2]!.zone.currency).toBe('GBP');
    expect(senior.pay!).toMatchObject({ bonus: 10, equity: { min: 5000, max: 10000 } });
  });

  it('pay/missing: a level without pay whose family has no band for its grade, at its grade', () => {
    const files = bandedLadder();
    replace(files, FAMILY, /  2:\n[\s\S]*?london: \{ min: 60000, max: 80000 \}\n/, '');
    const result = checkFiles(files);
    const missing = result.diagnostics.filter((d) => d.rule === 'pay/missing');
    expect(missing.map((d) => d.file).sort()).toEqual([IC2, M2]);
    expect(missing.find((d) => d.file === IC2)).toMatchObject(at(files, IC2, 'grade: 2', 7));
    expect(missing[0]!.message).toContain('has no band for grade 2');
    // Fixed by a band in the family file.
    replace(files, FAMILY, 'bands:\n', 'bands:\n  2:\n    min: 70000\n    max: 90000\n    zones:\n      london: { min: 60000, max: 80000 }\n');
    expect(checkFiles(files).diagnostics).toEqual([]);
  });

  it('pay/missing stays silent while the family file has errors (the band may be in it)', () => {
    const files = bandedLadder();
    replace(files, FAMILY, 'name: Engineering', 'name: Engineering\ncolour: blue');
    expect(rulesOf(checkFiles(files).diagnostics)).not.toContain('pay/missing');
  });

  it('pay/missing-zone: a band without amounts for a zone that has no factor, at the band', () => {
    const files = bandedLadder();
    replace(files, FAMILY, '    zones:\n      london: { min: 45000, max: 60000 }\n', '');
    const result = checkFiles(files);
    const d = only(result, 'pay/missing-zone');
    expect(d).toMatchObject(at(files, FAMILY, '  1:', 2));
    expect(d.message).toContain('London ("london")');
    expect(d.related?.[0]).toMatchObject({ file: 'ladder.md', ...positionOf(files['ladder.md']!, '- id: london', 2) });
    // Fixed by a factor for the zone instead.
    replace(files, 'ladder.md', '    currency: GBP', '    currency: GBP\n    factor: 0.85');
    expect(checkFiles(files).diagnostics).toEqual([]);
  });

  it('ref/unknown: a band zone that names no zone, with the near miss', () => {
    const files = bandedLadder();
    replace(files, FAMILY, 'london: { min: 45000', 'londn: { min: 45000');
    const result = checkFiles(files);
    const d = result.diagnostics.find((x) => x.rule === 'ref/unknown')!;
    expect(d).toMatchObject(at(files, FAMILY, 'londn'));
    expect(d.message).toContain('did you mean "london"');
  });

  it('pay/inverted: a family band, once however many tracks use it', () => {
    const files = bandedLadder();
    replace(files, FAMILY, 'min: 70000\n    max: 90000', 'min: 90000\n    max: 70000');
    const d = only(checkFiles(files), 'pay/inverted');
    expect(d).toMatchObject(at(files, FAMILY, 'min: 90000', 5));
    expect(d.message).toBe('bands.2.min €90,000 is greater than bands.2.max €70,000: swap them');
  });

  it('pay/inverted: a zone set by hand, at its min', () => {
    const files = bandedLadder();
    replace(files, FAMILY, 'london: { min: 60000, max: 80000 }', 'london: { min: 80000, max: 60000 }');
    const result = checkFiles(files);
    const d = result.diagnostics.find((x) => x.rule === 'pay/inverted')!;
    expect(d).toMatchObject(at(files, FAMILY, 'min: 80000', 5));
    expect(d.message).toContain('In London');
  });

  it('pay/regression inside one zone: at the zone set by hand, naming it', () => {
    const files = bandedLadder();
    replace(files, FAMILY, 'london: { min: 60000, max: 80000 }', 'london: { min: 40000, max: 80000 }');
    const d = only(checkFiles(files), 'pay/regression');
    expect(d).toMatchObject(at(files, FAMILY, 'min: 40000', 5));
    expect(d.message).toBe('In London, the grade 2 band starts at £40,000, below the grade 1 band at £45,000: a promotion must not lower pay');
    expect(d.related?.[0]).toMatchObject(at(files, FAMILY, 'min: 45000', 5));
  });

  it('pay/regression in a derived zone points at the anchor amount and names the factor', () => {
    const files = bandedLadder();
    // Grade 2 keeps its anchor, but sets Lisbon by hand below what grade 1 derives (35000).
    replace(files, FAMILY, '      london: { min: 60000, max: 80000 }', '      london: { min: 60000, max: 80000 }\n      lisbon: { min: 30000, max: 63000 }');
    const d = only(checkFiles(files), 'pay/regression');
    expect(d).toMatchObject(at(files, FAMILY, 'min: 30000', 5));
    expect(d.message).toContain('In Lisbon');
    // The other way round: grade 1 set by hand in Lisbon above what grade 2 derives (49000).
    const other = bandedLadder();
    replace(other, FAMILY, '      london: { min: 45000, max: 60000 }', '      london: { min: 45000, max: 60000 }\n      lisbon: { min: 50000, max: 55000 }');
    const derived = only(checkFiles(other), 'pay/regression');
    expect(derived).toMatchObject(at(other, FAMILY, 'min: 70000', 5));
    expect(derived.related?.map((r) => r.file)).toEqual([FAMILY, 'ladder.md']);
    expect(derived.related?.[1]).toMatchObject({ ...positionOf(other['ladder.md']!, '0.7'), message: 'Lisbon: the anchor band times 0.7' });
  });
});

describe('overrides', () => {
  const override = (files: Files, path: string, band: string) => replace(files, path, 'authority:', `pay:\n${band}authority:`);

  it('a level own pay wins over the family band, and is checked the same way', () => {
    const files = bandedLadder();
    override(files, M2, '  min: 70000\n  max: 90000\n  bonus: 10\n  equity: { min: 5000, max: 10000 }\n  zones:\n    london: { min: 60000, max: 80000 }\n');
    const result = checkFiles(files);
    expect(result.diagnostics).toEqual([]);
    expect(result.ladder.level.get('eng-mgmt/manager')!.pay!.band.owner).toBe('level');
  });

  it('parity/pay: an override that breaks parity is blamed, not the family band', () => {
    const files = bandedLadder();
    override(files, M2, '  min: 75000\n  max: 90000\n  bonus: 10\n  equity: { min: 5000, max: 10000 }\n  zones:\n    london: { min: 60000, max: 80000 }\n');
    const d = only(checkFiles(files), 'parity/pay');
    expect(d).toMatchObject(at(files, M2, 'min: 75000', 5));
    // The anchor differs; Lisbon derives from it and is not reported again.
    expect(d.message).toBe(
      'In Amsterdam, pay band €75,000 – €90,000 differs from Senior Engineer (the grade 2 band of families/eng.md) at grade 2: €70,000 – €90,000',
    );
    expect(d.related?.[0]).toMatchObject(at(files, FAMILY, 'min: 70000', 5));
  });

  it('parity/pay in a zone set by hand only', () => {
    const files = bandedLadder();
    override(files, M2, '  min: 70000\n  max: 90000\n  bonus: 10\n  equity: { min: 5000, max: 10000 }\n  zones:\n    london: { min: 60000, max: 85000 }\n');
    const d = only(checkFiles(files), 'parity/pay');
    expect(d).toMatchObject(at(files, M2, '85000'));
    expect(d.message).toContain('In London');
  });

  it('parity/variable-pay: a bonus only one track gets, at the band that lacks it', () => {
    const files = bandedLadder();
    override(files, M2, '  min: 70000\n  max: 90000\n  equity: { min: 5000, max: 10000 }\n  zones:\n    london: { min: 60000, max: 80000 }\n');
    const d = only(checkFiles(files), 'parity/variable-pay');
    expect(d).toMatchObject(at(files, M2, 'pay:'));
    expect(d.message).toContain('no bonus target');
    expect(d.related?.[0]).toMatchObject(at(files, FAMILY, 'bonus: 10', 7));
  });

  it('parity/variable-pay: equity ranges follow the pay policy', () => {
    const files = bandedLadder();
    override(files, M2, '  min: 70000\n  max: 90000\n  bonus: 10\n  equity: { min: 8000, max: 20000 }\n  zones:\n    london: { min: 60000, max: 80000 }\n');
    const d = only(checkFiles(files), 'parity/variable-pay');
    expect(d).toMatchObject(at(files, M2, '{ min: 8000'));
    replace(files, 'ladder.md', 'rounding: 500', 'rounding: 500\nparity:\n  pay: overlap');
    expect(checkFiles(files).diagnostics).toEqual([]);
  });

  it('parity/variable-pay between two levels that both write their own pay (version-1 style)', () => {
    const files = miniLadder();
    replace(files, IC2, '  max: 90000\n', '  max: 90000\n  bonus: 15\n');
    const result = checkFiles(files);
    expect(rulesOf(result.diagnostics)).toEqual(['parity/variable-pay', 'parity/variable-pay']);
    expect(result.diagnostics.find((d) => d.file === IC2)).toMatchObject(at(files, IC2, 'bonus: 15', 7));
    replace(files, M2, '  max: 90000\n', '  max: 90000\n  bonus: 15\n');
    expect(checkFiles(files).diagnostics).toEqual([]);
  });

  it('an exception may excuse parity/variable-pay', () => {
    const files = miniLadder();
    replace(files, IC2, '  max: 90000\n', '  max: 90000\n  bonus: 15\n');
    replace(
      files,
      'ladder.md',
      'currency: EUR',
      'currency: EUR\nparity:\n  exceptions:\n    - family: eng\n      grade: 2\n      rule: parity/variable-pay\n      reason: Sales-linked bonus, being phased out.',
    );
    expect(checkFiles(files).diagnostics).toEqual([]);
  });
});

describe('zones in ladder.md', () => {
  it('refuse a factor on the first zone and a zone listed twice', () => {
    const files = bandedLadder();
    replace(files, 'ladder.md', '    name: Amsterdam', '    name: Amsterdam\n    factor: 1.1');
    replace(files, 'ladder.md', '  - id: london', '  - id: lisbon');
    const result = checkFiles(files);
    expect(result.diagnostics.find((d) => d.message.includes('first zone'))).toMatchObject({ rule: 'schema/zones.factor', ...at(files, 'ladder.md', '1.1') });
    expect(result.diagnostics.find((d) => d.message.includes('listed twice'))).toMatchObject({ rule: 'schema/zones.id' });
  });

  it('refuse amounts set by hand for the anchor zone', () => {
    const files = bandedLadder();
    replace(files, FAMILY, '      london: { min: 45000, max: 60000 }', '      london: { min: 45000, max: 60000 }\n      amsterdam: { min: 1, max: 2 }');
    expect(checkFiles(files).diagnostics.find((d) => d.rule === 'schema/zones')).toMatchObject(at(files, FAMILY, 'amsterdam: { min: 1'));
  });

  it('a ladder without zones has one implicit zone, and a band zones: key is unknown there', () => {
    expect(ladderZones({ currency: 'EUR' })).toMatchObject([{ id: 'default', currency: 'EUR', declared: false }]);
    const files = miniLadder();
    replace(files, IC1, '  max: 70000\n', '  max: 70000\n  zones:\n    berlin: { min: 1, max: 2 }\n');
    const d = checkFiles(files).diagnostics.find((x) => x.rule === 'ref/unknown')!;
    expect(d.message).toContain('ladder.md declares no zones');
  });
});

describe('zone arithmetic', () => {
  it('multiplies and rounds to the nearest multiple, halves up', () => {
    expect(derive(185000, 0.9, 1000)).toBe(167000); // 166,500 is a half
    expect(derive(185000, 0.9, 500)).toBe(166500);
    expect(derive(100000, 0.85, 1000)).toBe(85000);
    expect(derive(123456, 1, 1)).toBe(123456);
    expect(derive(0, 0.5, 1000)).toBe(0);
    expect(Object.is(derive(0, 0.5, 1000), 0)).toBe(true);
  });

  it('is not tipped by binary noise', () => {
    // 0.7 * 50000 = 35000.000000000004 in floating point.
    expect(derive(50000, 0.7, 1)).toBe(35000);
    expect(derive(1500, 1.1, 100)).toBe(1700); // 1650 is a half: up
  });

  it('amounts that round to the same value are equal, not a regression', () => {
    const files = bandedLadder();
    replace(files, 'ladder.md', 'rounding: 500', 'rounding: 10000');
    // Grade 1 and 2 derive 35000→40000 and 49000→50000 in Lisbon; make grade 2 round to grade 1's.
    replace(files, FAMILY, 'min: 70000\n    max: 90000', 'min: 51000\n    max: 90000');
    const result = checkFiles(files);
    const lisbon = (id: string) => result.ladder.level.get(id)!.pay!.zones.find((z) => z.zone.id === 'lisbon')!;
    expect(lisbon('eng-ic/engineer').min).toBe(40000);
    expect(lisbon('eng-ic/senior').min).toBe(40000);
    expect(rulesOf(result.diagnostics)).not.toContain('pay/regression');
  });
});

describe('amounts written the way people write money', () => {
  it('"95.000" (YAML reads 95) is an error that says to write 95000', () => {
    const files = bandedLadder();
    replace(files, FAMILY, 'min: 50000', 'min: 50.000');
    const d = checkFiles(files).diagnostics.find((x) => x.rule === 'schema/bands.min')!;
    expect(d).toMatchObject(at(files, FAMILY, '50.000'));
    expect(d.message).toContain('write amounts without separators, such as 50000');
  });

  it('"$195,000", "195k" and "195 000" say "write 195000"', () => {
    for (const written of ['"$195,000"', '195k', '195 000', '"€195.000"']) {
      const files = bandedLadder();
      replace(files, FAMILY, 'max: 90000', `max: ${written}`);
      const d = checkFiles(files).diagnostics.find((x) => x.rule === 'schema/bands.max');
      expect(d?.message, written).toContain('write 195000');
    }
    expect(amountFromText('1.5M')).toBe(1_500_000);
    expect(amountFromText('Senior')).toBeUndefined();
  });

  it('leaves a factor like 0.900 alone', () => {
    const files = bandedLadder();
    replace(files, 'ladder.md', 'factor: 0.7', 'factor: 0.700');
    expect(checkFiles(files).diagnostics).toEqual([]);
  });
});

describe('a ladder.md with errors', () => {
  it('leaves the zones of bands alone: which zones exist is not known until ladder.md is fixed', () => {
    const files = bandedLadder();
    replace(files, 'ladder.md', 'rounding: 500\n', 'rounding: 500\nparity:\n  pay: same\n');
    const result = checkFiles(files);
    expect(rulesOf(result.diagnostics)).toEqual(['schema/parity.pay']);
    expect(result.ladder.provisional).toBe(true);
    expect(checkFiles(bandedLadder()).ladder.provisional).toBeUndefined();
  });
});
