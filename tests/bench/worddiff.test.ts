/**
 * src/ladder/worddiff.ts must give exactly jsdiff's diffWordsWithSpace result
 * (it replaces it on the promotion pages for speed, not to change them).
 */
import { diffWordsWithSpace as jsdiff } from 'diff';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateLadder } from '../../bench/generate.ts';
import { check, checkSources } from '../../src/ladder/check.ts';
import type { Ladder } from '../../src/ladder/model.ts';
import { renderText } from '../../src/ladder/render.ts';
import { diffWordsWithSpace } from '../../src/ladder/worddiff.ts';
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
    expect(changes.filter((c) => !c.added).map((c) => c.value).join('')).toBe(a);
    expect(changes.filter((c) => !c.removed).map((c) => c.value).join('')).toBe(b);
  });
});
