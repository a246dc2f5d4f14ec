import { describe, expect, it } from 'vitest';
import { check, checkSources } from '../src/ladder/check.ts';
import { levelExpectations } from '../src/ladder/expectations.ts';
import { miniLadder, SAMPLE } from './helpers/ladder.ts';

function levelWith(body: string) {
  const files = miniLadder();
  files['levels/eng-ic/senior.md'] = files['levels/eng-ic/senior.md']!.replace(/\n---\n[\s\S]*$/, `\n---\n\n${body}`);
  return checkSources(files).ladder.level.get('eng-ic/senior')!;
}

describe('expectations', () => {
  it('are the list items of each section, in order, with ids numbered per section', () => {
    const level = levelWith(
      'Intro is not an expectation.\n\n## Craft\n\n- Writes *clear* code.\n- Reviews [designs](https://example.com).\n  - Nested point.\n\n## People\n\n- Mentors one person.\n',
    );
    expect(levelExpectations(level)).toEqual([
      {
        competency: 'craft',
        heading: 'Craft',
        anchor: 'craft',
        expectations: [
          { id: 'craft-1', text: 'Writes clear code.' },
          { id: 'craft-2', text: 'Reviews designs.' },
          { id: 'craft-3', text: 'Nested point.' },
        ],
      },
      { competency: 'people', heading: 'People', anchor: 'people', expectations: [{ id: 'people-1', text: 'Mentors one person.' }] },
    ]);
  });

  it('are the sentences of a section written as prose', () => {
    const level = levelWith('## Craft\n\nWrites clear code. Reviews designs, e.g. APIs, with care! Asks why?\n\n## People\n\n- Mentors.\n');
    expect(levelExpectations(level)[0]!.expectations.map((e) => e.text)).toEqual(['Writes clear code.', 'Reviews designs, e.g. APIs, with care!', 'Asks why?']);
  });

  it('are identical across two checks of the same text, and every sample level has some in each section', () => {
    const a = check(SAMPLE).ladder;
    const b = check(SAMPLE).ladder;
    for (const level of a.levels) {
      const mine = levelExpectations(level);
      expect(mine).toEqual(levelExpectations(b.level.get(level.id)!));
      for (const section of mine) expect(section.expectations.length).toBeGreaterThanOrEqual(3);
    }
  });
});
