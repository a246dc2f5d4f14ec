/**
 * Sheets out: an XLSX workbook (write-excel-file) or a folder of CSV files
 * (the one CSV writer, src/ladder/csv.ts). Header rows are bold and frozen,
 * columns as wide as their content up to a readable limit, and every text
 * cell goes through the formula guard, so that no spreadsheet program runs
 * a cell and the import reads back exactly what was exported.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import writeXlsxFile from 'write-excel-file/node';
import { guard, toCsv } from '../csv.ts';
import type { Sheet } from './export.ts';

/** Characters: the widest a column gets (long text wraps inside it). */
const MAX_WIDTH = 60;

function width(rows: readonly (readonly (string | number)[])[], column: number): number {
  let widest = 6;
  for (const row of rows) {
    const value = row[column];
    const longest = String(value ?? '').split('\n').reduce((n, line) => Math.max(n, line.length), 0);
    widest = Math.max(widest, Math.min(MAX_WIDTH, longest + 2));
  }
  return widest;
}

export async function xlsxBuffer(sheets: readonly Sheet[]): Promise<Buffer> {
  const workbook = sheets.map((sheet) => {
    const columns = (sheet.rows[0] ?? []).map((_, i) => ({ width: width(sheet.rows, i) }));
    const data = sheet.rows.map((row, r) =>
      row.map((value) => {
        if (typeof value === 'number') return { value, type: Number };
        const text = guard(value);
        return r === 0 ? { value: text, type: String, fontWeight: 'bold' as const } : { value: text, type: String, wrap: text.includes('\n'), alignVertical: 'top' as const };
      }),
    );
    return { sheet: sheet.name, data, columns, stickyRowsCount: 1 };
  });
  return writeXlsxFile(workbook as Parameters<typeof writeXlsxFile>[0]).toBuffer();
}

/** One CSV file per sheet, UTF-8 with a byte-order mark so that Excel reads accents right. */
export function writeCsvFolder(dir: string, sheets: readonly Sheet[]): string[] {
  mkdirSync(dir, { recursive: true });
  return sheets.map((sheet) => {
    const path = join(dir, `${sheet.name}.csv`);
    writeFileSync(path, `\ufeff${toCsv(sheet.rows)}`);
    return path;
  });
}
