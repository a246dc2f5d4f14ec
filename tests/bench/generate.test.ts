/** The benchmark's ladder generator: valid by construction, realistic in shape, deterministic from its seed. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateLadder, generateWideLadder, levelCount, mulberry32, parseWide, WIDE_DISCIPLINES, wideLevelCount, writeLadder } from '../../bench/generate.ts';
import { check, checkSources } from '../../src/ladder/check.ts';
import { cleanup, tempDir } from '../helpers/ladder.ts';

afterAll(cleanup);

const levelFiles = (files: Record<string, string>) => Object.keys(files).filter((path) => path.startsWith('levels/'));

describe('generateLadder', () => {
  it('writes a ladder that passes ladder check with zero diagnostics', () => {
    const files = generateLadder({ families: 3, grades: 12, competencies: 5, seed: 7 });
    const dir = tempDir('parity-bench-');
    writeLadder(dir, files);
    const result = check(dir);
    expect(result.diagnostics).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.ladder.levels).toHaveLength(levelCount(3, 12));
    expect(result.ladder.tracks).toHaveLength(6);
    expect(result.summary.files).toBe(Object.keys(files).length);
    expect(readFileSync(join(dir, 'ladder.md'), 'utf8')).toBe(files['ladder.md']);
  });

  it('stays valid at the edges: one grade, one competency, many families, any seed', () => {
    for (const [families, grades, competencies, seed] of [
      [1, 1, 1, 1],
      [1, 2, 12, 2],
      [25, 3, 2, 3],
      [2, 20, 4, 4],
    ] as const) {
      const files = generateLadder({ families, grades, competencies, seed });
      const result = checkSources(files);
      expect(result.diagnostics, `${families}×${grades}×${competencies}`).toEqual([]);
      expect(result.ladder.levels).toHaveLength(levelCount(families, grades));
    }
    // Past the 200 combinations of the name banks, family names are numbered, never repeated.
    const many = generateLadder({ families: 450, grades: 1, competencies: 1, seed: 5 });
    expect(Object.keys(many).filter((path) => path.startsWith('families/'))).toHaveLength(450);
    expect(levelFiles(many)).toHaveLength(levelCount(450, 1));
  });

  it('gives both tracks of a family the same band, scope, budget and decisions at each grade, rising with grade', () => {
    const { ladder } = checkSources(generateLadder({ families: 2, grades: 12, seed: 3 }));
    for (const [, grades] of ladder.levelsByFamilyGrade) {
      let previous: (typeof ladder.levels)[number] | undefined;
      for (const grade of [...grades.keys()].sort((a, b) => a - b)) {
        const [ic, management] = grades.get(grade)!;
        expect(management!.pay?.zones).toEqual(ic!.pay?.zones);
        expect(management!.authority).toEqual(ic!.authority);
        if (previous) {
          expect(ic!.pay!.min).toBeGreaterThan(previous.pay!.min);
          expect(ic!.authority.budget).toBeGreaterThan(previous.authority.budget);
          expect(ladder.scopes.indexOf(ic!.authority.scope)).toBeGreaterThanOrEqual(ladder.scopes.indexOf(previous.authority.scope));
        }
        previous = ic;
      }
    }
  });

  it('writes level bodies like the sample: an intro, then one section per competency of 3–5 bullets of 15–30 words', () => {
    const files = generateLadder({ families: 2, grades: 6, competencies: 4, seed: 11 });
    for (const path of levelFiles(files)) {
      const body = files[path]!.split('\n---\n')[1]!;
      const [intro, ...sections] = body.split(/^## /m);
      expect(intro!.trim().length).toBeGreaterThan(40);
      expect(sections).toHaveLength(4);
      for (const section of sections) {
        const bullets = section.split('\n').filter((line) => line.startsWith('- '));
        expect(bullets.length).toBeGreaterThanOrEqual(3);
        expect(bullets.length).toBeLessThanOrEqual(5);
        for (const bullet of bullets) {
          const words = bullet.slice(2).split(/\s+/).length;
          expect(words, bullet).toBeGreaterThanOrEqual(15);
          expect(words, bullet).toBeLessThanOrEqual(30);
          expect(bullet).toMatch(/^- [A-Z].*[a-z]\.$/);
        }
      }
    }
  });

  it('is deterministic: the same seed gives identical files, another seed other text', () => {
    const options = { families: 4, grades: 8, competencies: 5 };
    const a = generateLadder({ ...options, seed: 42 });
    const b = generateLadder({ ...options, seed: 42 });
    const c = generateLadder({ ...options, seed: 43 });
    expect(b).toEqual(a);
    expect(Object.keys(c).sort()).toEqual(Object.keys(a).sort());
    const changed = levelFiles(a).filter((path) => a[path] !== c[path]);
    expect(changed).toHaveLength(levelFiles(a).length);
  });

  it('has the sizes the benchmark uses: 1,008 and 5,016 levels', () => {
    expect(levelCount(42, 12)).toBe(1008);
    expect(levelCount(209, 12)).toBe(5016);
    expect(levelFiles(generateLadder({ families: 42, grades: 12, seed: 1 }))).toHaveLength(1008);
  });

  it('writes 1.1 ladders on request: family bands with bonus and equity, and zones by factor and by hand', () => {
    for (const shape of [{ bands: true }, { zones: true }, { bands: true, zones: true }]) {
      for (const [families, grades] of [
        [1, 1],
        [2, 12],
        [3, 4],
      ] as const) {
        const files = generateLadder({ families, grades, seed: 5, ...shape });
        const result = checkSources(files);
        expect(result.diagnostics, `${JSON.stringify(shape)} ${families}×${grades}`).toEqual([]);
        expect(result.ladder.levels).toHaveLength(levelCount(families, grades));
      }
    }
    const { ladder } = checkSources(generateLadder({ families: 2, grades: 12, seed: 5, bands: true, zones: true }));
    expect(ladder.zones.map((z) => [z.id, z.factor, z.currency])).toEqual([
      ['us-tier-1', undefined, 'USD'],
      ['us-tier-2', 0.9, 'USD'],
      ['europe', undefined, 'EUR'],
    ]);
    for (const family of ladder.families) {
      expect([...family.bands.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
      const bands = [...family.bands.values()].sort((a, b) => a.grade - b.grade);
      expect(bands.filter((b) => b.bonus !== undefined).length).toBeGreaterThan(0);
      expect(bands.filter((b) => b.equity !== undefined).length).toBeGreaterThan(0);
      expect(bands[0]!.bonus).toBeUndefined(); // variable pay grows in from the middle grades
      expect(bands.at(-1)!.equity).toBeDefined();
    }
    // Every level is paid from its family's band, and in every zone.
    for (const level of ladder.levels) {
      expect(level.pay?.band.owner).toBe('family');
      expect(level.pay?.zones.map((z) => z.basis)).toEqual(['anchor', 'factor', 'set']);
    }
    // Zones without bands: each level's own band sets the zone without a factor.
    const own = checkSources(generateLadder({ families: 1, grades: 3, seed: 5, zones: true })).ladder;
    expect(own.levels.every((l) => l.pay?.band.owner === 'level' && l.pay.zones.length === 3)).toBe(true);
  });

  it('keeps its version-1 output without the 1.1 options: the text of a level and of ladder.md does not change', () => {
    const plain = generateLadder({ families: 2, grades: 6, seed: 8 });
    expect(generateLadder({ families: 2, grades: 6, seed: 8, bands: false, zones: false })).toEqual(plain);
    expect(plain['ladder.md']).not.toContain('zones:');
    for (const path of Object.keys(plain).filter((p) => p.startsWith('families/'))) expect(plain[path]).not.toContain('bands:');
    for (const path of levelFiles(plain)) expect(plain[path]).toMatch(/^pay:\n  min: \d+\n  max: \d+\nauthority:/m);
    // The 1.1 options change the frontmatter only: the bodies (drawn from the same seed) are the same text.
    const banded = generateLadder({ families: 2, grades: 6, seed: 8, bands: true, zones: true });
    for (const path of Object.keys(plain)) expect(banded[path]!.split('\n---\n')[1]).toBe(plain[path]!.split('\n---\n')[1]);
  });

  it('draws from mulberry32, a seeded PRNG with a known sequence', () => {
    const random = mulberry32(1);
    const first = [random(), random(), random()];
    expect(first.every((n) => n >= 0 && n < 1)).toBe(true);
    const again = mulberry32(1);
    expect([again(), again(), again()]).toEqual(first);
    expect(mulberry32(2)()).not.toBe(first[0]);
  });
});

describe('generateWideLadder', () => {
  const files = generateWideLadder({ families: [{ tracks: 8, grades: 12 }], seed: 3 });
  const result = checkSources(files);
  const { ladder } = result;

  it('writes one family of 1 management and 8 IC tracks over 12 grades that passes ladder check', () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.ok).toBe(true);
    expect(ladder.families.map((f) => f.id)).toEqual(['engineering']);
    const tracks = ladder.tracksByFamily.get('engineering')!;
    expect(tracks.filter((t) => t.kind === 'individual-contributor')).toHaveLength(8);
    expect(tracks.filter((t) => t.kind === 'management')).toHaveLength(1);
    expect(ladder.levels).toHaveLength(wideLevelCount([{ tracks: 8, grades: 12 }]));
    expect(ladder.levels).toHaveLength(108);
  });

  it('lists the tracks in the order HR means (their `order`), not by id', () => {
    const ids = ladder.tracksByFamily.get('engineering')!.map((t) => t.id);
    expect(ids).toEqual([...WIDE_DISCIPLINES.slice(0, 8).map((d) => `engineering-${d.id}`), 'engineering-management']);
    expect(ids).not.toEqual([...ids].sort());
  });

  it('keeps parity: every IC track reaches every management grade with the same band and authority', () => {
    for (const [grade, levels] of ladder.levelsByFamilyGrade.get('engineering')!) {
      expect(levels, `grade ${grade}`).toHaveLength(9);
      for (const level of levels) {
        expect(level.pay?.zones).toEqual(levels[0]!.pay?.zones);
        expect(level.authority).toEqual(levels[0]!.authority);
      }
    }
  });

  it('has long titles and a competency named like the authority field "Scope"', () => {
    const titles = ladder.levels.map((l) => l.title);
    expect(titles).toContain('Senior Principal Software Development Engineer in Test');
    expect(Math.max(...titles.map((t) => t.length))).toBeGreaterThanOrEqual(50);
    expect(ladder.competencies.map((c) => c.name)).toContain('Scope');
    for (const track of ladder.tracksByFamily.get('engineering')!) expect(track.competencies).toContain('scope');
  });

  it('writes several wide families, up to 12 tracks, listed by their order, and is deterministic', () => {
    const shape = [
      { tracks: 8, grades: 12 },
      { tracks: 11, grades: 4 },
    ];
    const two = generateWideLadder({ families: shape, competencies: 5, seed: 9 });
    const checked = checkSources(two);
    expect(checked.diagnostics).toEqual([]);
    expect(checked.ladder.families.map((f) => f.id)).toEqual(['engineering', 'applied-research']);
    expect(checked.ladder.tracksByFamily.get('applied-research')).toHaveLength(12);
    expect(checked.ladder.levels).toHaveLength(wideLevelCount(shape));
    expect(generateWideLadder({ families: shape, competencies: 5, seed: 9 })).toEqual(two);
  });

  it("refuses shapes it cannot write, and parses the command line's 8x12", () => {
    expect(() => generateWideLadder({ families: [{ tracks: 12, grades: 3 }] })).toThrow(RangeError);
    expect(() => generateWideLadder({ families: [{ tracks: 2, grades: 0 }] })).toThrow(RangeError);
    expect(() => generateWideLadder({ families: [] })).toThrow(RangeError);
    expect(parseWide('8x12')).toEqual({ tracks: 8, grades: 12 });
    expect(parseWide('8 by 12')).toBeUndefined();
  });
});
