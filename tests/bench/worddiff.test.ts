/**
 * src/ladder/worddiff.ts must give exactly jsdiff's results: diffWordsWithSpace
 * (the promotion pages) and diffWords (`ladder diff`'s excerpts). It replaces
 * jsdiff for speed, not to change them; jsdiff stays a development dependency
 * for these tests alone.
 */
import { diffWords as jsdiffWords, diffWordsWithSpace as jsdiff } from 'diff';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateLadder } from '../../bench/generate.ts';
import { check, checkSources } from '../../src/ladder/check.ts';
import type { Ladder } from '../../src/ladder/model.ts';
import { renderText } from '../../src/ladder/render.ts';
import { diffWords, diffWordsWithSpace } from '../../src/ladder/worddiff.ts';
import { flat, wordExcerpts } from '../../src/ladder/diff/compare.ts';
import { SAMPLE } from '../helpers/ladder.ts';

/** jsdiff's change objects, with only the fields it documents. */
const reference = (a: string, b: string) => jsdiff(a, b).map(({ value, count, added, removed }) => ({ value, count, added, removed }));

/** The plain text of every section of every level. */
const sectionTexts = (ladder: Ladder) => ladder.levels.flatMap((level) => level.sections.map((section) => renderText(section)));

describe('diffWordsWithSpace', () => {
  it('matches jsdiff on every pair of sections of the sample ladder', () => {
    const texts = sectionTexts(check(SAMPLE).ladder);
    let pairs = 0;
    for (let i = 0; i < texts.length; i += 5) {
      for (let j = 0; j < texts.length; j += 9) {
        expect(diffWordsWithSpace(texts[i]!, texts[j]!)).toEqual(reference(texts[i]!, texts[j]!));
        pairs++;
      }
    }
    expect(pairs).toBeGreaterThan(100);
  });

  it('matches jsdiff on consecutive levels of a generated ladder (shared phrases, many ties)', () => {
    const { ladder } = checkSources(generateLadder({ families: 1, grades: 8, competencies: 3, seed: 9 }));
    const texts = sectionTexts(ladder);
    for (let i = 0; i + 3 < texts.length; i++) expect(diffWordsWithSpace(texts[i]!, texts[i + 3]!)).toEqual(reference(texts[i]!, texts[i + 3]!));
  });

  it('matches jsdiff on long texts (the path arrays grow)', () => {
    const files = generateLadder({ families: 1, grades: 4, competencies: 12, seed: 5 });
    const bodies = Object.keys(files)
      .filter((path) => path.startsWith('levels/'))
      .map((path) => files[path]!.split('\n---\n')[1]!);
    expect(bodies[0]!.length).toBeGreaterThan(5000);
    expect(diffWordsWithSpace(bodies[0]!, bodies[1]!)).toEqual(reference(bodies[0]!, bodies[1]!));
  });

  it('matches jsdiff on edge cases', () => {
    for (const [a, b] of [
      ['', ''],
      ['', 'new text'],
      ['old text', ''],
      ['same', 'same'],
      ['a b c', 'a b c d'],
      ['x a b c', 'a b c'],
      ['line one\nline two', 'line one\r\nline two\n'],
      ['Café crème, s’il vous plaît.', 'Cafe creme, please.'],
      ['  leading and trailing  ', 'leading and trailing'],
    ]) {
      expect(diffWordsWithSpace(a!, b!), `${a} → ${b}`).toEqual(reference(a!, b!));
    }
  });

  it('matches jsdiff on random texts from a small vocabulary', () => {
    const token = fc.constantFrom('a', 'b', 'the', 'team', ' ', ' ', ' ', '  ', '\n', '\r\n', '.', ',', 'é', '–', '\t');
    const text = fc.array(token, { maxLength: 60 }).map((tokens) => tokens.join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(diffWordsWithSpace(a, b)).toEqual(reference(a, b));
      }),
      { numRuns: 1500 },
    );
  });

  it('spells both texts back: equal and removed parts give the old one, equal and added the new one', () => {
    const a = 'Leads the design of shared systems across several teams.\nReviews designs.';
    const b = 'Sets the direction of shared systems for the whole organisation.\nReviews designs and code.';
    const changes = diffWordsWithSpace(a, b);
    expect(
      changes
        .filter((c) => !c.added)
        .map((c) => c.value)
        .join(''),
    ).toBe(a);
    expect(
      changes
        .filter((c) => !c.removed)
        .map((c) => c.value)
        .join(''),
    ).toBe(b);
  });
});

/**
 * jsdiff's diffWords, each value without the whitespace at its edges (which
 * jsdiff moves between neighbouring changes; ladder diff trims it anyway).
 */
const referenceWords = (a: string, b: string) => jsdiffWords(a, b).map(({ value, count, added, removed }) => ({ value: value.trim(), count, added, removed }));

describe('diffWords', () => {
  it('matches jsdiff on every pair of sections of the sample ladder, as ladder diff flattens them', () => {
    const texts = sectionTexts(check(SAMPLE).ladder).map(flat);
    let pairs = 0;
    for (let i = 0; i < texts.length; i += 5) {
      for (let j = 0; j < texts.length; j += 9) {
        expect(diffWords(texts[i]!, texts[j]!)).toEqual(referenceWords(texts[i]!, texts[j]!));
        pairs++;
      }
    }
    expect(pairs).toBeGreaterThan(100);
  });

  it('matches jsdiff on consecutive levels of a generated ladder', () => {
    const { ladder } = checkSources(generateLadder({ families: 1, grades: 8, competencies: 3, seed: 9 }));
    const texts = sectionTexts(ladder).map(flat);
    for (let i = 0; i + 3 < texts.length; i++) expect(diffWords(texts[i]!, texts[i + 3]!)).toEqual(referenceWords(texts[i]!, texts[i + 3]!));
  });

  it('matches jsdiff on edge cases', () => {
    for (const [a, b] of [
      ['', ''],
      ['', 'new text'],
      ['old text', ''],
      ['same', 'same'],
      ['a b c', 'a b c d'],
      ['x a b c', 'a b c'],
      ['foo bar baz', 'foo qux baz'],
      ['Leads teams, reviews code.', 'Leads teams; reviews all code!'],
      ['Café crème, s’il vous plaît.', 'Cafe creme, please.'],
      ['a  b', 'a b'],
    ]) {
      expect(diffWords(a!, b!), `${a} → ${b}`).toEqual(referenceWords(a!, b!));
    }
  });

  it('matches jsdiff on random texts, flattened as ladder diff does and as written', () => {
    const token = fc.constantFrom('a', 'b', 'the', 'team', ' ', ' ', ' ', '  ', '\n', '.', ',', 'é', '–', '"', '(', ')');
    const text = fc.array(token, { maxLength: 60 }).map((tokens) => tokens.join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(diffWords(flat(a), flat(b))).toEqual(referenceWords(flat(a), flat(b)));
      }),
      { numRuns: 1500 },
    );
  });

  it('gives ladder diff the excerpts jsdiff gave it', () => {
    const texts = sectionTexts(check(SAMPLE).ladder).map(flat);
    // wordExcerpts reads only the trimmed values and kinds, which the tests above hold equal; here, its output itself.
    const expected = (before: string, after: string) => {
      const parts = referenceWords(before, after);
      const out: { before: string; removed: string; added: string; after: string }[] = [];
      const words = (t: string) => t.split(' ').filter(Boolean);
      for (let i = 0; i < parts.length; i++) {
        if (!parts[i]!.added && !parts[i]!.removed) continue;
        let removed = '';
        let added = '';
        const start = i;
        while (i < parts.length && (parts[i]!.added || parts[i]!.removed)) {
          if (parts[i]!.added) added += parts[i]!.value;
          else removed += parts[i]!.value;
          i++;
        }
        const prev = words(start > 0 ? parts[start - 1]!.value : '');
        const next = words(i < parts.length ? parts[i]!.value : '');
        i--;
        out.push({
          before: (prev.length > 5 ? '…' : '') + prev.slice(-5).join(' '),
          removed,
          added,
          after: next.slice(0, 5).join(' ') + (next.length > 5 ? '…' : ''),
        });
      }
      return out;
    };
    for (let i = 0; i + 7 < texts.length; i += 3) {
      const { excerpts, more } = wordExcerpts(texts[i]!, texts[i + 7]!);
      const all = expected(texts[i]!, texts[i + 7]!);
      expect(excerpts).toEqual(all.slice(0, 3));
      expect(more).toBe(Math.max(0, all.length - 3));
    }
  });
});
