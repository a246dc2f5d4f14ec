/**
 * parseFrontmatter finds its fences line by line and slices the body out of
 * the text, without cutting the file into lines: it must split exactly as
 * cutting into lines at "\n" or "\r\n" does, whatever the line ends.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { parseFrontmatter } from '../src/ladder/frontmatter.ts';

/** The definition: the lines of the text (without a BOM), the fences, the body joined with "\n". */
function reference(source: string) {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const lines = text.split(/\r?\n/);
  if (!/^---[ \t]*$/.test(lines[0] ?? '')) return undefined;
  const close = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)[ \t]*$/.test(line));
  if (close < 0) return undefined;
  return { body: lines.slice(close + 1).join('\n'), bodyLine: close + 2 };
}

it('splits a file into frontmatter and body as its lines say, with any line ends', () => {
  const pieces = ['---', '--- ', '...', '----', '\n', '\r\n', '\r', 'title: A', 'grade: 2', '# note', '', ' ', '\t', 'Body text', '## Craft', '\uFEFF'];
  fc.assert(
    fc.property(fc.boolean(), fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (fenced, parts) => {
      const source = `${fenced ? '---\n' : ''}${parts.join('')}`;
      const expected = reference(source);
      const result = parseFrontmatter('x.md', source);
      if (!expected) {
        expect(result.ok && result.file.body, JSON.stringify(source)).toBe(false);
        return;
      }
      if (!result.ok) {
        // The YAML between the fences may be broken: then only the errors are reported.
        expect(result.errors.length, JSON.stringify(source)).toBeGreaterThan(0);
        return;
      }
      expect({ body: result.file.body, bodyLine: result.file.bodyLine }, JSON.stringify(source)).toEqual(expected);
    }),
    { numRuns: 2000 },
  );
});

it('reads the fields between CRLF fences and locates them on their lines', () => {
  const result = parseFrontmatter('x.md', '\uFEFF---\r\ntitle: A\r\ngrade: 2\r\n---\r\nBody\r\nmore\r\n');
  expect(result.ok).toBe(true);
  if (!result.ok) return;
  expect(result.file.data).toEqual({ title: 'A', grade: 2 });
  expect(result.file.body).toBe('Body\nmore\n');
  expect(result.file.bodyLine).toBe(5);
  expect(result.file.locate(['grade'])).toEqual({ file: 'x.md', line: 3, column: 8 });
  expect(result.file.locate(['grade'], 'key')).toEqual({ file: 'x.md', line: 3, column: 1 });
});
