/** The benchmark's ladder generator: valid by construction, realistic in shape, deterministic from its seed. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateLadder, levelCount, mulberry32, writeLadder } from '../../bench/generate.ts';
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
        expect(management!.pay).toEqual(ic!.pay);
        expect(management!.authority).toEqual(ic!.authority);
        if (previous) {
          expect(ic!.pay.min).toBeGreaterThan(previous.pay.min);
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

  it('draws from mulberry32, a seeded PRNG with a known sequence', () => {
    const random = mulberry32(1);
    const first = [random(), random(), random()];
    expect(first.every((n) => n >= 0 && n < 1)).toBe(true);
    const again = mulberry32(1);
    expect([again(), again(), again()]).toEqual(first);
    expect(mulberry32(2)()).not.toBe(first[0]);
  });
});
