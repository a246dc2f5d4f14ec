/**
 * Property: random edits of the sample ladder never make the checker throw,
 * and every diagnostic points at a file that exists and a line inside it.
 * Run on the version-1 fixture (pay on every level) and on the 1.1 sample
 * (family bands, zones by factor and by hand, bonus, equity, an override),
 * whose edits also change bands, factors, bonus and equity; `ladder diff`
 * of the 1.1 edits never throws either, and says a family band's change once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSources } from '../src/ladder/check.ts';
import type { Location } from '../src/ladder/diagnostics.ts';
import { diffLadders, formatDiffJson, formatDiffMarkdown, formatDiffText, type BandTerms } from '../src/ladder/diff/index.ts';
import { describeDiff } from '../src/ladder/diff/words.ts';
import { CONTENT, SAMPLE } from './helpers/ladder.ts';

const readLadder = (dir: string): Record<string, string> =>
  Object.fromEntries(
    (readdirSync(dir, { recursive: true }) as string[])
      .filter((path) => path.endsWith('.md'))
      .map((path) => [path.replace(/\\/g, '/'), readFileSync(join(dir, path), 'utf8')]),
  );
const sample = readLadder(SAMPLE);
const paths = Object.keys(sample).sort();
const levelPaths = paths.filter((p) => p.startsWith('levels/'));

type Files = Record<string, string>;
type Edit = (files: Files) => void;

const pick = <T>(items: readonly T[], i: number): T => items[i % items.length]!;

const deleteFile = fc.nat().map<Edit>((i) => (files) => {
  delete files[pick(Object.keys(files).sort(), i)];
});

const changeNumber = fc
  .tuple(fc.nat(), fc.nat(), fc.oneof(fc.integer(), fc.constantFrom('-1', '0', '1e999', '.nan', '2.5', '"7"', '')))
  .map<Edit>(([i, j, value]) => (files) => {
    const path = pick(Object.keys(files).sort(), i);
    const numbers = [...files[path]!.matchAll(/\b\d+\b/g)];
    if (numbers.length === 0) return;
    const match = pick(numbers, j);
    files[path] = files[path]!.slice(0, match.index) + String(value) + files[path]!.slice(match.index + match[0].length);
  });

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

// ─── Pay (1.1): bands, zones, factors, bonus and equity ─────────────────────

/** Values a person (or an accident) may write where an amount, a factor or a percentage goes. */
const payValue = fc.oneof(
  fc.integer({ min: 0, max: 1_000_000 }).map(String),
  fc.double({ min: 0, max: 3, noNaN: true }).map((n) => String(Math.round(n * 1000) / 1000)),
  fc.constantFrom('-1', '0', '1e999', '.nan', '"7"', '', '560,000', '95.000', '195k', '$195,000', '~', '[1, 2]', '{ min: 1 }', '250'),
);

/** The lines of a file that match, and one of them replaced. */
const replaceLine = (files: Files, path: string, pattern: RegExp, j: number, to: (match: RegExpExecArray) => string) => {
  const text = files[path];
  if (text === undefined) return;
  const lines = text.split('\n');
  const hits = lines.map((line, i) => [i, pattern.exec(line)] as const).filter((hit): hit is readonly [number, RegExpExecArray] => hit[1] !== null);
  if (hits.length === 0) return;
  const [i, match] = pick(hits, j);
  lines[i] = to(match);
  files[path] = lines.join('\n');
};

const familyPaths = (files: Files) =>
  Object.keys(files)
    .filter((p) => p.startsWith('families/'))
    .sort();

/** A band's min, max, an equity bound or a zone's hand-set amounts, in a family or a level. */
const changeBandAmount = fc.tuple(fc.nat(), fc.nat(), payValue, fc.boolean()).map<Edit>(([i, j, value, inLevel]) => (files) => {
  const candidates = inLevel
    ? Object.keys(files)
        .filter((p) => p.startsWith('levels/'))
        .sort()
    : familyPaths(files);
  if (candidates.length === 0) return;
  const path = pick(candidates, i);
  replaceLine(files, path, /^(\s+)(min|max): .*$/, j, (m) => `${m[1]}${m[2]}: ${value}`);
  replaceLine(files, path, /^(\s+)(\S+): \{ min: [^,]*, max: [^}]*\}$/, j + 1, (m) =>
    j % 2 === 0 ? `${m[1]}${m[2]}: { min: ${value}, max: ${value} }` : m[0]!,
  );
});

/** A zone's factor changed, removed, or given to the anchor; rounding changed. */
const changeFactor = fc.tuple(fc.nat({ max: 3 }), payValue).map<Edit>(([how, value]) => (files) => {
  const text = files['ladder.md'];
  if (text === undefined) return;
  if (how === 0) files['ladder.md'] = text.replace(/factor: .*/, `factor: ${value}`);
  else if (how === 1) files['ladder.md'] = text.replace(/\n\s+factor: .*/, '');
  else if (how === 2) files['ladder.md'] = text.replace(/(\n  - id: [^\n]+\n    name: [^\n]+)/, `$1\n    factor: ${value}`);
  else
    files['ladder.md'] = /^rounding: /m.test(text)
      ? text.replace(/^rounding: .*$/m, `rounding: ${value}`)
      : text.replace(/\n---\n/, `\nrounding: ${value}\n---\n`);
});

/** A bonus target changed, removed or added to a band. */
const changeBonus = fc.tuple(fc.nat(), fc.nat(), payValue, fc.boolean()).map<Edit>(([i, j, value, remove]) => (files) => {
  const families = familyPaths(files);
  if (families.length === 0) return;
  const path = pick(families, i);
  if (remove) files[path] = files[path]!.replace(/\n\s+bonus: .*/, '');
  else if (j % 2 === 0) replaceLine(files, path, /^(\s+)bonus: .*$/, j, (m) => `${m[1]}bonus: ${value}`);
  else replaceLine(files, path, /^(\s+)max: (\d+)$/, j, (m) => `${m[0]}\n${m[1]}bonus: ${value}`);
});

/** Equity added to one band (maybe inverted), or removed from one. */
const changeEquity = fc.tuple(fc.nat(), fc.nat(), payValue, payValue, fc.boolean()).map<Edit>(([i, j, min, max, remove]) => (files) => {
  const families = familyPaths(files);
  if (families.length === 0) return;
  const path = pick(families, i);
  if (remove) files[path] = files[path]!.replace(/\n\s+equity:\n\s+min: .*\n\s+max: .*/, '');
  else replaceLine(files, path, /^(\s+)max: (\d+)$/, j, (m) => `${m[0]}\n${m[1]}equity:\n${m[1]}  min: ${min}\n${m[1]}  max: ${max}`);
});

/** A zone id renamed where a band sets it by hand, or in ladder.md; a whole grade's band removed. */
const changeZonesAndBands = fc
  .tuple(fc.nat({ max: 2 }), fc.nat(), fc.nat(), fc.constantFrom('germany', 'germny', 'us-other', 'us-northeast', 'berlin'))
  .map<Edit>(([how, i, j, id]) => (files) => {
    const families = familyPaths(files);
    if (how === 0 && families.length > 0) replaceLine(files, pick(families, i), /^(\s+)[a-z-]+: (\{ min: .*)$/, j, (m) => `${m[1]}${id}: ${m[2]}`);
    else if (how === 1 && files['ladder.md']) files['ladder.md'] = files['ladder.md'].replace(/- id: germany/, `- id: ${id}`);
    else if (families.length > 0) {
      const path = pick(families, i);
      files[path] = files[path]!.replace(new RegExp(`\n  ${(j % 9) + 1}:\n(    .*\n)*`), '\n');
    }
  });

/** A level's own pay added (an override, possibly breaking parity) or removed. */
const changeOverride = fc.tuple(fc.nat(), payValue, payValue, fc.boolean()).map<Edit>(([i, min, max, zones]) => (files) => {
  const levels = Object.keys(files)
    .filter((p) => p.startsWith('levels/'))
    .sort();
  if (levels.length === 0) return;
  const path = pick(levels, i);
  const text = files[path]!;
  if (/^pay:/m.test(text)) files[path] = text.replace(/^pay:.*\n(  .*\n)*/m, '');
  else
    files[path] = text.replace(
      /^authority:/m,
      `pay:\n  min: ${min}\n  max: ${max}\n${zones ? `  zones:\n    germany: { min: ${min}, max: ${max} }\n` : ''}authority:`,
    );
});

const payEdit = fc.oneof(changeBandAmount, changeFactor, changeBonus, changeEquity, changeZonesAndBands, changeOverride, changeNumber, renameKey, splice);

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

/** The check of edited files: it does not throw, and every diagnostic (and every place it relates) is inside a file that exists. */
function checkEdited(files: Files) {
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
  return result;
}

describe('random edits of the sample ladder', () => {
  it('never make the checker throw, and every diagnostic is inside an existing file', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), (edits) => {
        const files: Files = { ...sample };
        for (const apply of edits) apply(files);
        checkEdited(files);
      }),
      { numRuns: 1000 },
    );
  });

  it('the unedited sample has no diagnostics (so the property is not vacuous)', () => {
    expect(checkSources(sample).diagnostics).toEqual([]);
  });
});

describe('random edits of the pay of a 1.1 ladder (the sample in content/)', () => {
  const current = readLadder(CONTENT);
  const base = checkSources(current);

  it('never make the checker or ladder diff throw; diagnostics are in existing files; a family band is one change', () => {
    let changedBands = 0;
    fc.assert(
      fc.property(fc.array(payEdit, { minLength: 1, maxLength: 4 }), (edits) => {
        const files: Files = { ...current };
        for (const apply of edits) apply(files);
        const head = checkEdited(files);
        const diff = diffLadders(base, head);
        for (const format of [formatDiffText, formatDiffMarkdown, formatDiffJson]) expect(format(diff)).not.toBe('');
        describeDiff(diff, head.ladder);
        // A level lists its pay only when it moved between bands, or its own band changed: never for its family's band.
        for (const level of diff.levels) {
          for (const f of level.fields.filter((x) => x.field === 'pay')) {
            const [a, b] = [f.before, f.after] as (BandTerms | null)[];
            if (a?.owner === 'family' && b?.owner === 'family') expect(a.grade).not.toBe(b.grade);
          }
        }
        // A family band's change names the levels it pays, each of which the new version has at that grade.
        for (const family of diff.families) {
          for (const band of family.bands ?? []) {
            changedBands++;
            if (band.kind === 'removed') continue;
            for (const { id } of band.levels) {
              const level = head.ladder.level.get(id);
              expect(level?.grade).toBe(band.grade);
              expect(level?.pay?.band.owner).toBe('family');
            }
          }
        }
      }),
      { numRuns: 500 },
    );
    expect(changedBands).toBeGreaterThan(0); // the edits reached the bands
  });

  it('the unedited sample has no diagnostics, bands in every family and more than one zone (so the property is not vacuous)', () => {
    expect(base.diagnostics).toEqual([]);
    expect(base.ladder.zones.length).toBeGreaterThan(1);
    expect(base.ladder.families.every((f) => f.bands.size > 0)).toBe(true);
  });
});
