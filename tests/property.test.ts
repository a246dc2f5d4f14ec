/**
 * Property: random edits of the sample ladder never make the checker throw,
 * and every diagnostic points at a file that exists and a line inside it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSources } from '../src/ladder/check.ts';
import type { Location } from '../src/ladder/diagnostics.ts';
import { SAMPLE } from './helpers/ladder.ts';

const sample: Record<string, string> = Object.fromEntries(
  (readdirSync(SAMPLE, { recursive: true }) as string[])
    .filter((path) => path.endsWith('.md'))
    .map((path) => [path.replace(/\\/g, '/'), readFileSync(join(SAMPLE, path), 'utf8')]),
);
const paths = Object.keys(sample).sort();
const levelPaths = paths.filter((p) => p.startsWith('levels/'));

type Files = Record<string, string>;
type Edit = (files: Files) => void;

const pick = <T,>(items: readonly T[], i: number): T => items[i % items.length]!;

const deleteFile = fc.nat().map<Edit>((i) => (files) => {
  delete files[pick(Object.keys(files).sort(), i)];
});

const changeNumber = fc.tuple(fc.nat(), fc.nat(), fc.oneof(fc.integer(), fc.constantFrom('-1', '0', '1e999', '.nan', '2.5', '"7"', ''))).map<Edit>(
  ([i, j, value]) =>
    (files) => {
      const path = pick(Object.keys(files).sort(), i);
      const numbers = [...files[path]!.matchAll(/\b\d+\b/g)];
      if (numbers.length === 0) return;
      const match = pick(numbers, j);
      files[path] = files[path]!.slice(0, match.index) + String(value) + files[path]!.slice(match.index + match[0].length);
    },
);

const renameKey = fc.tuple(fc.nat(), fc.nat(), fc.string({ maxLength: 12 })).map<Edit>(([i, j, name]) => (files) => {
  const path = pick(Object.keys(files).sort(), i);
  const keys = [...files[path]!.matchAll(/^( *)([a-z]+):/gm)];
  if (keys.length === 0) return;
  const match = pick(keys, j);
  const start = match.index + match[1]!.length;
  files[path] = files[path]!.slice(0, start) + name + files[path]!.slice(start + match[2]!.length);
});

const swapGrades = fc.tuple(fc.nat(), fc.nat()).map<Edit>(([i, j]) => (files) => {
  const a = pick(levelPaths, i);
  const b = pick(levelPaths, j);
  if (!files[a] || !files[b]) return;
  const ga = /^grade: (.*)$/m.exec(files[a])?.[1];
  const gb = /^grade: (.*)$/m.exec(files[b])?.[1];
  if (ga === undefined || gb === undefined) return;
  files[a] = files[a].replace(/^grade: .*$/m, `grade: ${gb}`);
  files[b] = files[b].replace(/^grade: .*$/m, `grade: ${ga}`);
});

const splice = fc.tuple(fc.nat(), fc.nat(), fc.nat({ max: 40 }), fc.string({ maxLength: 20 })).map<Edit>(([i, at, remove, insert]) => (files) => {
  const path = pick(Object.keys(files).sort(), i);
  const text = files[path]!;
  const start = at % (text.length + 1);
  files[path] = text.slice(0, start) + insert + text.slice(start + remove);
});

const edit = fc.oneof(deleteFile, changeNumber, renameKey, swapGrades, splice);

function lineCount(text: string): number {
  return text.split(/\r?\n/).length;
}

function assertInside(files: Files, at: Location): void {
  const text = files[at.file];
  expect(text, `${at.file} does not exist`).toBeDefined();
  expect(at.line).toBeGreaterThanOrEqual(1);
  expect(at.line).toBeLessThanOrEqual(lineCount(text!.replace(/^\uFEFF/, '')));
  expect(at.column).toBeGreaterThanOrEqual(1);
}

describe('random edits of the sample ladder', () => {
  it('never make the checker throw, and every diagnostic is inside an existing file', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), (edits) => {
        const files: Files = { ...sample };
        for (const apply of edits) apply(files);
        const result = checkSources(files);
        for (const d of result.diagnostics) {
          if (d.rule === 'layout/missing-ladder') {
            expect(files['ladder.md']).toBeUndefined();
            continue;
          }
          assertInside(files, d);
          for (const related of d.related ?? []) assertInside(files, related);
          expect(d.message).not.toBe('');
        }
        expect(result.ok).toBe(!result.diagnostics.some((d) => d.severity === 'error'));
      }),
      { numRuns: 1000 },
    );
  });

  it('the unedited sample has no diagnostics (so the property is not vacuous)', () => {
    expect(checkSources(sample).diagnostics).toEqual([]);
  });
});
