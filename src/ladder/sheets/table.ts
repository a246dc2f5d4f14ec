/**
 * A sheet as text cells, and diagnostics located in it: FILE:row:column
 * (1-based, as a spreadsheet program numbers them), with the sheet's name in
 * the message when the file is a workbook of several sheets.
 */
import { diagnostic, type Diagnostic, type Severity } from '../diagnostics.ts';

export interface Table {
  /** The sheet's name (XLSX), or the CSV file's name without .csv. */
  name: string;
  /** The file as the user named it, for locations. */
  file: string;
  xlsx: boolean;
  /** Rows of cells, every cell as text. */
  rows: string[][];
  /** Merged cells (XLSX), 0-based and inclusive: only the top-left cell of each holds the text. */
  merges?: Merge[];
}

export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * Copies the text of merged cells that `accept` chooses into every cell they
 * cover (left empty by the file), within the rows and columns the sheet has:
 * one text across E1-E3 is E1's, E2's and E3's text.
 */
export function fillMerges(table: Table, accept: (merge: Merge) => boolean): void {
  const width = table.rows.reduce((n, r) => Math.max(n, r.length), 0);
  for (const m of table.merges ?? []) {
    if (!accept(m)) continue;
    const source = table.rows[m.top]?.[m.left] ?? '';
    if (source.trim() === '') continue;
    for (let r = m.top; r <= Math.min(m.bottom, table.rows.length - 1); r++) {
      const row = table.rows[r]!;
      for (let c = m.left; c <= Math.min(m.right, width - 1); c++) {
        if ((row[c] ?? '').trim() === '') row[c] = source;
      }
    }
  }
}

export function sheetProblem(
  table: Pick<Table, 'file'> & Partial<Pick<Table, 'name' | 'xlsx'>>,
  row: number,
  column: number,
  rule: string,
  message: string,
  severity: Severity = 'error',
): Diagnostic {
  const text = table.xlsx && table.name !== undefined ? `Sheet "${table.name}", cell ${columnName(column)}${row}: ${message}` : message;
  return diagnostic({ file: table.file, line: row, column }, rule, text, severity);
}

/** 1 → A, 27 → AA. */
export function columnName(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A header cell in comparable form: lowercase words separated by single spaces. */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A cell's text without surrounding whitespace. */
export const cell = (row: readonly string[] | undefined, index: number | undefined): string => (index === undefined ? '' : (row?.[index] ?? '').trim());

export const isEmptyRow = (row: readonly string[] | undefined): boolean => !row || row.every((c) => c.trim() === '');
