/**
 * Header rows: which column holds which field, by the names spreadsheets
 * give them ("Job title", "Salary min", "Competency area"...). Matching is
 * case- and punctuation-insensitive (see normalizeHeader).
 */
import type { Diagnostic } from '../diagnostics.ts';
import { isEmptyRow, normalizeHeader, sheetProblem, type Table } from './table.ts';

export type Aliases<K extends string> = Record<K, readonly string[]>;

export interface Header<K extends string> {
  /** 0-based index of the header row in the table. */
  row: number;
  index: Partial<Record<K, number>>;
  /** Columns whose header names no known field, with their header text. */
  other: { index: number; text: string }[];
}

/** Matches the cells of one row against the aliases; the first column wins when two name the same field. */
export function matchHeader<K extends string>(cells: readonly string[], aliases: Aliases<K>, row = 0): Header<K> {
  const lookup = new Map<string, K>();
  for (const key of Object.keys(aliases) as K[]) {
    lookup.set(normalizeHeader(key), key);
    for (const alias of aliases[key]) lookup.set(normalizeHeader(alias), key);
  }
  const index: Partial<Record<K, number>> = {};
  const other: { index: number; text: string }[] = [];
  cells.forEach((raw, i) => {
    const text = raw.trim();
    if (text === '') return;
    const key = lookup.get(normalizeHeader(text));
    if (key !== undefined && index[key] === undefined) index[key] = i;
    else other.push({ index: i, text });
  });
  return { row, index, other };
}

/** The first non-empty row (within the first ten), where a title or notes row may come before the header. */
export function headerRow(table: Table, accept: (cells: readonly string[]) => boolean): number | undefined {
  let seen = 0;
  for (let i = 0; i < table.rows.length && seen < 10; i++) {
    if (isEmptyRow(table.rows[i])) continue;
    seen++;
    if (accept(table.rows[i]!)) return i;
  }
  return undefined;
}

/** A side sheet (settings, bands, ...) read as records keyed by field, with their row numbers. */
export function records<K extends string>(
  table: Table,
  aliases: Aliases<K>,
  required: readonly NoInfer<K>[],
  diagnostics: Diagnostic[],
): { header: Header<K>; rows: { row: number; get: (key: K) => string; has: (key: K) => boolean }[] } | undefined {
  const first = table.rows.findIndex((r) => !isEmptyRow(r));
  if (first < 0) return { header: { row: 0, index: {}, other: [] }, rows: [] };
  const header = matchHeader(table.rows[first]!, aliases, first);
  const missing = required.filter((key) => header.index[key] === undefined);
  if (missing.length > 0) {
    diagnostics.push(
      sheetProblem(
        table,
        first + 1,
        1,
        'import/missing-column',
        `The ${table.name} sheet needs a column ${missing.map((m) => `"${m}"`).join(', ')} in its header row`,
      ),
    );
    return undefined;
  }
  for (const o of header.other) {
    diagnostics.push(
      sheetProblem(
        table,
        first + 1,
        o.index + 1,
        'import/unknown-column',
        `The column "${o.text}" is not one Parity reads in the ${table.name} sheet, so it is left out`,
        'warning',
      ),
    );
  }
  const rows = [];
  for (let i = first + 1; i < table.rows.length; i++) {
    const cells = table.rows[i]!;
    if (isEmptyRow(cells)) continue;
    rows.push({
      row: i + 1,
      get: (key: K) => {
        const at = header.index[key];
        return at === undefined ? '' : (cells[at] ?? '');
      },
      has: (key: K) => header.index[key] !== undefined && (cells[header.index[key]!] ?? '').trim() !== '',
    });
  }
  return { header, rows };
}

/** 1-based column of a field, for locations (column 1 when the sheet lacks it). */
export const columnOf = <K extends string>(header: Header<K>, key: K): number => (header.index[key] ?? 0) + 1;
