/**
 * Spreadsheets in: a CSV file (with the sibling CSV files of Parity's own
 * layout), a folder of them, or an XLSX workbook, read into tables of text
 * cells. Never throws on content: whatever is wrong with the file is a
 * diagnostic at FILE:row:column, and the limits below keep a hostile or
 * accidental file from hanging the command.
 *
 * Libraries (why, in docs/import.md): csv-parse for CSV, read-excel-file for
 * XLSX, after src/ladder/sheets/zip.ts has checked the archive.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import readExcelFile from 'read-excel-file/node';
import type { Diagnostic } from '../diagnostics.ts';
import { sheetProblem, type Merge, type Table } from './table.ts';
import { checkZip, sniff } from './zip.ts';

export const SHEET_LIMITS = {
  /** Bytes of one file, checked before it is read. */
  bytes: 16 * 1024 * 1024,
  /** Rows of one sheet: far beyond any ladder (100 levels × 10 competencies × 10 expectations is 10,000). */
  rows: 20_000,
  /** Columns of one sheet. */
  columns: 500,
};

/** The sheets of Parity's own layout besides levels, by name; as CSV they are sibling files named so. */
export const SIDE_SHEETS = ['settings', 'families', 'tracks', 'competencies', 'expectations', 'bands', 'zones', 'exceptions', 'pages'] as const;

export interface ReadResult {
  tables: Table[];
  diagnostics: Diagnostic[];
  /** Files read besides FILE, for the report. */
  also: string[];
}

/** Throws only UsageError-like problems of the command (a missing file); `label` is FILE as the user wrote it. */
export async function readSpreadsheet(path: string, label: string): Promise<ReadResult> {
  const stat = statSync(path);
  if (stat.isDirectory()) return readCsvFolder(path, label);
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx' || ext === '.xlsm') return readXlsx(path, label);
  const main = readCsv(path, label);
  const result: ReadResult = { tables: main.table ? [main.table] : [], diagnostics: main.diagnostics, also: [] };
  if (!main.table) return result;
  for (const name of SIDE_SHEETS) {
    const sibling = join(dirname(path), `${name}.csv`);
    if (sibling === path || basename(path).toLowerCase() === `${name}.csv` || !existsSync(sibling)) continue;
    const siblingLabel = join(dirname(label), `${name}.csv`);
    const side = readCsv(sibling, siblingLabel);
    result.diagnostics.push(...side.diagnostics);
    if (side.table) result.tables.push({ ...side.table, name });
    result.also.push(siblingLabel);
  }
  return result;
}

function readCsvFolder(dir: string, label: string): ReadResult {
  const result: ReadResult = { tables: [], diagnostics: [], also: [] };
  const main = join(dir, 'levels.csv');
  if (!existsSync(main)) {
    result.diagnostics.push(
      sheetProblem(
        { file: label },
        1,
        1,
        'import/missing-sheet',
        'This folder has no levels.csv: export a folder with "ladder export DIR", or import one CSV file',
      ),
    );
    return result;
  }
  for (const name of ['levels', ...SIDE_SHEETS]) {
    const path = join(dir, `${name}.csv`);
    if (!existsSync(path)) continue;
    const fileLabel = join(label, `${name}.csv`);
    const read = readCsv(path, fileLabel);
    result.diagnostics.push(...read.diagnostics);
    if (read.table) result.tables.push({ ...read.table, name });
    result.also.push(fileLabel);
  }
  return result;
}

function tooBig(path: string, label: string): Diagnostic | undefined {
  const size = statSync(path).size;
  if (size <= SHEET_LIMITS.bytes) return undefined;
  return sheetProblem(
    { file: label },
    1,
    1,
    'import/too-large',
    `The file is ${Math.round(size / 1024 / 1024)} MB; Parity reads spreadsheets of up to ${SHEET_LIMITS.bytes / 1024 / 1024} MB. A career ladder is far smaller: is this the right file?`,
  );
}

function readCsv(path: string, label: string): { table?: Table; diagnostics: Diagnostic[] } {
  const big = tooBig(path, label);
  if (big) return { diagnostics: [big] };
  const bytes = readFileSync(path);
  const kind = sniff(bytes);
  const where = { file: label };
  if (kind === 'zip')
    return {
      diagnostics: [sheetProblem(where, 1, 1, 'import/format', 'This file is an XLSX workbook (a zip archive), not CSV: give it a name ending in .xlsx')],
    };
  if (kind === 'xls')
    return { diagnostics: [sheetProblem(where, 1, 1, 'import/format', 'This is an old Excel .xls file: save it as .xlsx or as CSV and import that')] };
  const text = decode(bytes);
  if (text === undefined || (kind === 'binary' && !isUtf16(bytes))) {
    return {
      diagnostics: [sheetProblem(where, 1, 1, 'import/format', 'This file is not text, so it is not a CSV file: save the sheet as CSV (UTF-8) or as .xlsx')],
    };
  }
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      max_record_size: SHEET_LIMITS.bytes,
    }) as string[][];
  } catch (error) {
    const e = error as { lines?: number; message?: string; code?: string };
    const line = typeof e.lines === 'number' && e.lines > 0 ? e.lines : 1;
    return { diagnostics: [sheetProblem(where, line, 1, 'import/csv', `The CSV cannot be read here: ${csvMessage(e)}`)] };
  }
  return limitTable({ name: basename(path, extname(path)), file: label, xlsx: false, rows: records.map((row) => row.map(lines)) });
}

function csvMessage(e: { code?: string; message?: string }): string {
  if (e.code === 'CSV_QUOTE_NOT_CLOSED') return 'a quoted cell is never closed (a " without its closing ")';
  if (e.code === 'CSV_INVALID_CLOSING_QUOTE') return 'a " inside a quoted cell must be doubled ("")';
  return (e.message ?? 'unreadable').replace(/\s+/g, ' ');
}

/** UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252, which older Excel writes for "CSV". */
function decode(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function isUtf16(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** The separator of the header row: `,`, `;` (European Excel) or a tab, whichever occurs most outside quotes. */
export function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length && i < 65536; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c in counts) counts[c]!++;
  }
  const [best, count] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0]!;
  return count > 0 ? best : ',';
}

async function readXlsx(path: string, label: string): Promise<ReadResult> {
  const where = { file: label };
  const fail = (message: string, rule = 'import/format'): ReadResult => ({ tables: [], diagnostics: [sheetProblem(where, 1, 1, rule, message)], also: [] });
  const big = tooBig(path, label);
  if (big) return { tables: [], diagnostics: [big], also: [] };
  const bytes = readFileSync(path);
  const kind = sniff(bytes);
  if (kind === 'xls') return fail('This is an old Excel .xls file renamed .xlsx: open it and save it as .xlsx (Excel Workbook)');
  if (kind === 'text') return fail('This file is text, not an XLSX workbook: if it is CSV, give it a name ending in .csv');
  if (kind !== 'zip') return fail('This file is not an XLSX workbook (it does not start like one): save the sheet as .xlsx or CSV');
  const zip = checkZip(bytes);
  if (!zip.ok) return fail(`This XLSX file cannot be read: ${zip.message}`, 'import/too-large');
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    sheets = (await readExcelFile(bytes)) as unknown as { sheet: string; data: unknown[][] }[];
  } catch (error) {
    return fail(`This XLSX file cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const result: ReadResult = { tables: [], diagnostics: [], also: [] };
  const merges = mergedCells(bytes);
  for (const sheet of sheets) {
    const rows = sheet.data.map((row) => row.map((value) => lines(cellText(value))));
    const limited = limitTable({ name: sheet.sheet, file: label, xlsx: true, rows, merges: merges.get(sheet.sheet) ?? [] });
    result.diagnostics.push(...limited.diagnostics);
    if (limited.table) result.tables.push(limited.table);
  }
  return result;
}

/**
 * The merged cells of each sheet, by sheet name, from the workbook's XML
 * (read-excel-file does not report them). The archive has passed checkZip,
 * so its parts are of a bounded size. Anything unexpected: no merges.
 */
function mergedCells(bytes: Uint8Array): Map<string, Merge[]> {
  const out = new Map<string, Merge[]>();
  try {
    const files = unzipSync(bytes, {
      filter: (f) => f.name === 'xl/workbook.xml' || f.name === 'xl/_rels/workbook.xml.rels' || /^xl\/worksheets\/[^/]+\.xml$/.test(f.name),
    });
    const workbook = files['xl/workbook.xml'];
    const rels = files['xl/_rels/workbook.xml.rels'];
    if (!workbook || !rels) return out;
    const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
    const targets = new Map<string, string>();
    for (const tag of strFromU8(rels).match(/<(?:\w+:)?Relationship\b[^>]*>/g) ?? []) {
      const id = attr(tag, 'Id');
      const target = attr(tag, 'Target');
      if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    }
    for (const tag of strFromU8(workbook).match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []) {
      const name = attr(tag, 'name');
      const id = /\s[\w]+:id="([^"]*)"/.exec(tag)?.[1];
      const sheet = id ? files[targets.get(id) ?? ''] : undefined;
      if (name === undefined || !sheet) continue;
      const list: Merge[] = [];
      for (const m of strFromU8(sheet).matchAll(/<(?:\w+:)?mergeCell\b[^>]*\sref="([A-Z]{1,3})(\d{1,7})(?::([A-Z]{1,3})(\d{1,7}))?"/g)) {
        const top = Number(m[2]) - 1;
        const left = columnIndex(m[1]!);
        list.push({ top, left, bottom: m[4] ? Number(m[4]) - 1 : top, right: m[3] ? columnIndex(m[3]) : left });
      }
      out.set(unescapeXml(name), list);
    }
  } catch {
    return new Map();
  }
  return out;
}

/** A → 0, AA → 26. */
const columnIndex = (letters: string): number => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;

const unescapeXml = (text: string): string =>
  text.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-f]+|#\d+);/gi, (_, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' } as Record<string, string>)[e.toLowerCase()]!,
  );

/** A cell as text: numbers as written, dates as YYYY-MM-DD, booleans as TRUE/FALSE; a formula's saved value, never the formula. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/** Line breaks inside a cell as \n, whatever the spreadsheet program wrote. */
const lines = (text: string): string => text.replace(/\r\n?/g, '\n');

function limitTable(table: Table): { table?: Table; diagnostics: Diagnostic[] } {
  if (table.rows.length > SHEET_LIMITS.rows) {
    return {
      diagnostics: [
        sheetProblem(
          table,
          SHEET_LIMITS.rows + 1,
          1,
          'import/too-large',
          `The sheet has ${table.rows.length.toLocaleString('en-US')} rows; Parity reads at most ${SHEET_LIMITS.rows.toLocaleString('en-US')} (a ladder of 100 levels with 10 competencies of 10 expectations each is 10,000). Is this the right sheet?`,
        ),
      ],
    };
  }
  const wide = table.rows.findIndex((row) => row.length > SHEET_LIMITS.columns);
  if (wide >= 0) {
    return {
      diagnostics: [sheetProblem(table, wide + 1, SHEET_LIMITS.columns + 1, 'import/too-large', `The row has more than ${SHEET_LIMITS.columns} columns`)],
    };
  }
  return { table, diagnostics: [] };
}
