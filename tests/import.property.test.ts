/**
 * Property: random edits of the cells of an exported ladder import without
 * throwing; every diagnostic is located in a sheet that exists; and text
 * that a spreadsheet would run as a formula comes back exactly as typed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFrontmatter } from '../src/ladder/frontmatter.ts';
import { exportSheets, type Sheet } from '../src/ladder/sheets/export.ts';
import { importSpreadsheet } from '../src/ladder/sheets/import.ts';
import { writeCsvFolder, xlsxBuffer } from '../src/ladder/sheets/write.ts';
import { toCsv } from '../src/ladder/csv.ts';
import { writeFileSync } from 'node:fs';
import { cleanup, miniLadder, tempDir, writeLadder } from './helpers/ladder.ts';

afterAll(cleanup);

const source = writeLadder(miniLadder());
const exported = exportSheets(source, { levelUrl: (id) => `/levels/${id}/` }).sheets;
const clone = (sheets: readonly Sheet[]): Sheet[] => sheets.map((s) => ({ name: s.name, rows: s.rows.map((r) => [...r]) }));

/** Text with what breaks spreadsheets: formula starts, quotes, separators, line breaks, apostrophes. */
const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.stringMatching(/^['=+\-@";,\n\r\t a-z0-9]{0,20}$/),
  fc.constantFrom('=1+1', "'=1+1", "''-x", '@SUM(A1)', '+3', '-', '"', '""', ';', '\r\n', 'four', '1e9', '-5', '0', ''),
);

const edit = fc.record({ sheet: fc.nat(), row: fc.nat(), column: fc.nat(), value: nasty });

describe('ladder import, property', () => {
  it('random edits of exported cells (CSV and XLSX) import without throwing, and every problem is located in the sheet', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 4 }), fc.boolean(), async (edits, xlsx) => {
        const sheets = clone(exported);
        for (const e of edits) {
          const sheet = sheets[e.sheet % sheets.length]!;
          if (sheet.rows.length < 2) continue;
          const row = sheet.rows[1 + (e.row % (sheet.rows.length - 1))]!;
          row[e.column % row.length] = e.value;
        }
        const out = tempDir();
        const file = xlsx ? join(out, 'ladder.xlsx') : join(out, 'csv');
        if (xlsx) writeFileSync(file, await xlsxBuffer(sheets));
        else writeCsvFolder(file, sheets);
        const content = join(out, 'content');
        const result = await importSpreadsheet(file, 'FILE', content, {});
        for (const d of result.diagnostics) {
          expect(d.file.startsWith('FILE')).toBe(true);
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.column).toBeGreaterThanOrEqual(1);
        }
        if (result.diagnostics.some((d) => d.severity === 'error')) expect(existsSync(content)).toBe(false);
        else expect(result.check).toBeDefined();
      }),
      { numRuns: 40 },
    );
  });

  it('a summary typed as any text, formulas included, imports back as exactly that text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .string({ minLength: 1, maxLength: 60 })
          .map((s) =>
            s
              .replace(/[\u0000-\u001f\u007f]/g, ' ')
              .replace(/\s+/g, ' ')
              .trim(),
          )
          .filter((s) => s !== ''),
        fc.boolean(),
        async (summary, xlsx) => {
          const sheets = clone(exported);
          const levels = sheets[0]!;
          const column = levels.rows[0]!.indexOf('summary');
          levels.rows[1]![column] = summary;
          const out = tempDir();
          const file = xlsx ? join(out, 'ladder.xlsx') : join(out, 'csv');
          if (xlsx) writeFileSync(file, await xlsxBuffer(sheets));
          else writeCsvFolder(file, sheets);
          const content = join(out, 'content');
          const result = await importSpreadsheet(file, 'FILE', content, {});
          expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
          const id = String(levels.rows[1]![0]);
          const parsed = parseFrontmatter('x.md', readFileSync(join(content, `levels/${id}.md`), 'utf8'));
          expect(parsed.ok && (parsed.file.data as { summary: string }).summary).toBe(summary);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('sheets laid out by people (codes, titles, notes, blanks, "see E3", group rows, in any place) import without throwing, located', async () => {
    const word = fc.constantFrom(
      '',
      '',
      '',
      'E1',
      'E2\nEngineer',
      'M1 - Manager',
      'Level 3',
      'IC4',
      '3',
      'Senior Engineer (E3)',
      'Engineer II (2-6+)',
      'Director of Engineering',
      'Competency',
      'Area',
      'Title',
      'Level',
      'Grade',
      'Scope',
      'Decisions',
      'Track',
      'Summary',
      'Notes',
      'Examples',
      'Description',
      'Expectation',
      'Technical skills',
      'Impact',
      'Management track',
      '-',
      'n/a',
      '—',
      'see E1',
      'same as previous',
      'see E9',
      'Writes code\nand tests.',
      'team',
      '=1+1',
      '1,000',
      'four',
    );
    const grid = fc.array(fc.array(word, { minLength: 1, maxLength: 7 }), { minLength: 1, maxLength: 9 });
    await fc.assert(
      fc.asyncProperty(grid, fc.boolean(), async (rows, xlsx) => {
        const out = tempDir();
        const file = join(out, xlsx ? 'sheet.xlsx' : 'sheet.csv');
        writeFileSync(file, xlsx ? await xlsxBuffer([{ name: 'Sheet1', rows }]) : toCsv(rows));
        const content = join(out, 'content');
        const result = await importSpreadsheet(file, 'FILE', content, {});
        for (const d of [...result.diagnostics, ...(result.check?.diagnostics ?? [])]) {
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.column).toBeGreaterThanOrEqual(1);
          expect(d.message).not.toMatch(/undefined|\[object|NaN/);
        }
        for (const d of result.diagnostics) expect(d.file).toBe('FILE');
        if (result.diagnostics.some((d) => d.severity === 'error')) expect(existsSync(content)).toBe(false);
        // What the import writes is always well-formed: the check may find parity problems, never broken files.
        else
          expect((result.check?.diagnostics ?? []).filter((d) => /^(syntax|schema|ref|track\/duplicate|content\/(missing|unsafe))/.test(d.rule))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
