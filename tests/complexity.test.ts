/**
 * The limits that keep bodies and frontmatter away from the parsers' cliffs
 * answer in one quick look when nothing is near a limit (issue 13): these
 * tests hold the quick look to the line-by-line definition, at the limits and
 * on random text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_MARKS_PER_BLOCK, MAX_MARKS_PER_BODY, MAX_NESTING, tooComplex } from '../src/ladder/complexity.ts';
import { parseFrontmatter } from '../src/ladder/frontmatter.ts';

/** The definition of content/too-complex, line by line, with no shortcut: the line of the first excess, or undefined. */
function reference(body: string): number | undefined {
  let total = 0;
  let block = 0;
  let blockStart = 0;
  for (const [i, line] of body.split('\n').entries()) {
    const prefix = /^(?:[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))*/.exec(line)?.[0] ?? '';
    if ((prefix.match(/>|[-*+]|\d+[.)]/g) ?? []).length > MAX_NESTING) return i + 1;
    if (line.trim() === '') {
      block = 0;
      blockStart = i + 1;
      continue;
    }
    const marks = line.match(/[*_`~[\]<>]/g)?.length ?? 0;
    block += marks;
    total += marks;
    if (block > MAX_MARKS_PER_BLOCK) return blockStart + 1;
    if (total > MAX_MARKS_PER_BODY) return i + 1;
  }
  return undefined;
}

describe('tooComplex', () => {
  it('takes quotes and lists nested as deep as the limit, and refuses one more', () => {
    for (const marker of ['>', '> ', '- ', '* ', '1. ', '  - ', '2) ']) {
      expect(tooComplex(`${marker.repeat(MAX_NESTING)}text`), marker).toBeUndefined();
      expect(tooComplex(`Intro\n\n${marker.repeat(MAX_NESTING + 1)}text`), marker).toMatchObject({ line: 3, column: 1 });
    }
  });

  it('takes as many marks as a paragraph may hold, and refuses one more, at the paragraph', () => {
    expect(tooComplex('*'.repeat(MAX_MARKS_PER_BLOCK))).toBeUndefined();
    expect(tooComplex(`Intro\n\n${'x_'.repeat(MAX_MARKS_PER_BLOCK + 1)}`)).toMatchObject({ line: 3 });
    // Many paragraphs under the paragraph limit: the body's own limit, at the line that passes it.
    const paragraph = '[a]'.repeat(300);
    const body = Array.from({ length: 20 }, () => paragraph).join('\n\n');
    expect(tooComplex(body)).toMatchObject({ line: reference(body), message: expect.stringMatching(/more than 10,000 Markdown marks/) });
  });

  it('finds what the line-by-line definition finds, where it finds it, on any text', () => {
    const pieces = ['>', '> ', '-', '- ', '*', '+ ', '1.', '12) ', ' ', '  ', '\t', '\n', '\n\n', 'word', '_', '`', '~', '[', ']', '<', '!'];
    const run = fc.tuple(fc.constantFrom(...pieces), fc.integer({ min: 1, max: 700 })).map(([piece, n]) => piece.repeat(n));
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), run), { maxLength: 40 }), (parts) => {
        const body = parts.join('');
        expect(tooComplex(body)?.line, JSON.stringify(body.slice(0, 200))).toBe(reference(body));
      }),
      { numRuns: 300 },
    );
  });
});

describe('frontmatter nesting', () => {
  const refused = (yaml: string) => {
    const result = parseFrontmatter('x.md', `---\n${yaml}\n---\n`);
    return !result.ok && result.errors.some((e) => /nested more than 64 levels deep/.test(e.message));
  };

  it('takes 64 levels of brackets or indentation, and refuses 65', () => {
    expect(refused(`x: ${'['.repeat(64)}1${']'.repeat(64)}`)).toBe(false);
    expect(refused(`x: ${'['.repeat(65)}1${']'.repeat(65)}`)).toBe(true);
    const block = (n: number) => Array.from({ length: n + 1 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n');
    expect(refused(block(64))).toBe(false);
    expect(refused(block(65))).toBe(true);
    // Brackets and indentation add up: 40 of one on a line indented 25 levels.
    expect(refused(`${block(25)} ${'{a: '.repeat(40)}1${'}'.repeat(40)}`)).toBe(true);
  });

  it('refuses the same frontmatter whether or not the quick look could rule it out', () => {
    const pieces = ['[', ']', '{', '}', '- ', '  ', '    ', 'a: ', '\n', '1'];
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constantFrom(...pieces),
            fc.constantFrom(...pieces).map((p) => p.repeat(40)),
          ),
          { maxLength: 30 },
        ),
        (parts) => {
          const yaml = `t: x\n${parts.join('')}`;
          expect(refused(yaml), JSON.stringify(yaml)).toBe(depth(yaml) > 64);
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** The definition of frontmatter depth: brackets open at a line plus half its indentation (spaces and list dashes). */
function depth(yaml: string): number {
  let deepest = 0;
  let brackets = 0;
  for (const line of yaml.split('\n')) {
    const indent = /^[ -]*/.exec(line)![0].length;
    if (indent === line.length) continue;
    deepest = Math.max(deepest, brackets + Math.floor(indent / 2));
    for (const c of line.slice(indent)) {
      if (c === '[' || c === '{') brackets++;
      else if ((c === ']' || c === '}') && brackets > 0) brackets--;
      else continue;
      deepest = Math.max(deepest, brackets + Math.floor(indent / 2));
    }
  }
  return deepest;
}
