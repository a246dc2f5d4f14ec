/**
 * A self-assessment against one level: its data, and its JSON and CSV forms
 * (export, import, and what the browser keeps in localStorage). Pure and
 * framework-free: the worksheet's script (src/client/worksheet.ts) and the
 * unit tests share it. Nothing here touches the network, the DOM or storage.
 *
 * Answers are keyed by expectation id (`<competency>-<n>`, see
 * src/ladder/expectations.ts). The expectation's text travels with each
 * answer, so that a file still lands on the right expectation after the
 * ladder inserts or rewords one: an import matches by text first, then by id.
 */
import { toCsv as writeCsv, unguard } from '../ladder/csv.ts';

export { guard, unguard } from '../ladder/csv.ts';

export const RATINGS = ['not-yet', 'sometimes', 'consistently'] as const;
export type Rating = (typeof RATINGS)[number];
export const RATING_LABELS: Record<Rating, string> = { 'not-yet': 'Not yet', sometimes: 'Sometimes', consistently: 'Consistently' };

export const FORMAT = 'parity-self-assessment';
export const VERSION = 1;
/** Larger files are refused before they are read. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
export const MAX_EVIDENCE = 20_000;
export const CSV_COLUMNS = ['level', 'competency', 'expectation_id', 'expectation', 'rating', 'evidence'] as const;

/** One expectation of the worksheet, as the page shows it. */
export interface WorksheetItem {
  id: string;
  /** The competency's heading ("Technical craft"). */
  competency: string;
  text: string;
}

/** The worksheet of one level. */
export interface Worksheet {
  /** `<track>/<level>` */
  level: string;
  title: string;
  items: WorksheetItem[];
}

export interface Answer {
  rating: Rating | null;
  evidence: string;
}

/** Answers by expectation id of the worksheet. Expectations without an answer are absent. */
export type Answers = Record<string, Answer>;

/** What an imported file (or the browser's storage) holds, before it is matched to the worksheet. */
export interface ImportedAssessment {
  level: string;
  title?: string;
  items: { id: string; text?: string; rating: Rating | null; evidence: string }[];
}

export type Parsed = { ok: true; value: ImportedAssessment } | { ok: false; error: string };

/** The JSON file, as exported and as kept in localStorage. */
export interface AssessmentFile {
  format: typeof FORMAT;
  version: typeof VERSION;
  level: string;
  title: string;
  /** ISO 8601: when the file was written. */
  saved: string;
  expectations: { id: string; competency: string; expectation: string; rating: Rating | null; evidence: string }[];
}

export const emptyAnswer = (): Answer => ({ rating: null, evidence: '' });
const isEmpty = (a: Answer | undefined) => !a || (a.rating === null && a.evidence.trim() === '');

// ─── Export ─────────────────────────────────────────────────────────────────

export function toFile(sheet: Worksheet, answers: Answers, now: Date = new Date()): AssessmentFile {
  return {
    format: FORMAT,
    version: VERSION,
    level: sheet.level,
    title: sheet.title,
    saved: now.toISOString(),
    expectations: sheet.items.map((item) => ({
      id: item.id,
      competency: item.competency,
      expectation: item.text,
      rating: answers[item.id]?.rating ?? null,
      evidence: answers[item.id]?.evidence ?? '',
    })),
  };
}

export function toJson(sheet: Worksheet, answers: Answers, now: Date = new Date()): string {
  return `${JSON.stringify(toFile(sheet, answers, now), null, 2)}\n`;
}

/**
 * RFC 4180: CRLF line ends, fields with a comma, quote or line break quoted,
 * quotes doubled, with a byte-order mark so that spreadsheets read UTF-8. Text
 * that a spreadsheet would run as a formula (=, +, -, @) gets a leading
 * apostrophe, which the import removes again.
 */
export function toCsv(sheet: Worksheet, answers: Answers): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const item of sheet.items) {
    const answer = answers[item.id];
    rows.push([sheet.level, item.competency, item.id, item.text, answer?.rating ? RATING_LABELS[answer.rating] : '', answer?.evidence ?? '']);
  }
  return `\uFEFF${writeCsv(rows)}`;
}

// ─── Import ─────────────────────────────────────────────────────────────────

const LEVEL_ID = /^[a-z0-9]+(-[a-z0-9]+)*\/[a-z0-9]+(-[a-z0-9]+)*$/;

/** A JSON or CSV file: by its name, else by its first character. */
export function parseFile(name: string, text: string): Parsed {
  const body = text.replace(/^\uFEFF/, '');
  const lower = name.toLowerCase();
  if (lower.endsWith('.json')) return parseJson(body);
  if (lower.endsWith('.csv')) return parseCsv(body);
  return body.trimStart().startsWith('{') ? parseJson(body) : parseCsv(body);
}

export function parseJson(text: string): Parsed {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail(`This is not a valid JSON file (${error instanceof Error ? error.message : 'parse error'}).`);
  }
  if (!isObject(data) || data.format !== FORMAT) return fail('This JSON file is not a self-assessment exported from this site.');
  if (data.version !== VERSION)
    return fail(`This self-assessment was written by another version of the site (version ${String(data.version)}); this page reads version ${VERSION}.`);
  if (typeof data.level !== 'string' || !LEVEL_ID.test(data.level))
    return fail('The file does not say which level it assesses ("level" is missing or malformed).');
  if (!Array.isArray(data.expectations)) return fail('The file has no list of expectations ("expectations" is missing).');
  const items: ImportedAssessment['items'] = [];
  const problems: string[] = [];
  data.expectations.forEach((raw: unknown, i: number) => {
    const where = `expectation ${i + 1}`;
    if (!isObject(raw)) return problems.push(`${where} is not an object`);
    if (typeof raw.id !== 'string' || raw.id.trim() === '') return problems.push(`${where} has no id`);
    const rating = readRating(raw.rating);
    if (rating === undefined)
      return problems.push(`${where} (${raw.id}) has the rating ${JSON.stringify(raw.rating)}, which is not one of ${RATINGS.join(', ')}`);
    const evidence = raw.evidence ?? '';
    if (typeof evidence !== 'string') return problems.push(`${where} (${raw.id}) has evidence that is not text`);
    if (evidence.length > MAX_EVIDENCE) return problems.push(`${where} (${raw.id}) has more than ${MAX_EVIDENCE} characters of evidence`);
    items.push({ id: raw.id, ...(typeof raw.expectation === 'string' ? { text: raw.expectation } : {}), rating, evidence });
    return undefined;
  });
  if (problems.length > 0) return fail(`The file could not be imported: ${listProblems(problems)}.`);
  return { ok: true, value: { level: data.level, ...(typeof data.title === 'string' ? { title: data.title } : {}), items } };
}

export function parseCsv(text: string): Parsed {
  const table = readCsv(text.replace(/^\uFEFF/, ''));
  if (!table.ok) return table;
  const [header, ...rows] = table.rows.filter((row) => !(row.length === 1 && row[0] === ''));
  if (!header) return fail('The CSV file is empty.');
  const names = header.map((h) => h.trim().toLowerCase());
  const col = (name: string) => names.indexOf(name);
  const missing = ['level', 'expectation_id', 'rating', 'evidence'].filter((name) => col(name) < 0);
  if (missing.length > 0)
    return fail(
      `This CSV file is not a self-assessment exported from this site: it has no ${missing.map((m) => `"${m}"`).join(', ')} column${missing.length === 1 ? '' : 's'}.`,
    );
  const levels = new Set<string>();
  const items: ImportedAssessment['items'] = [];
  const problems: string[] = [];
  rows.forEach((row, i) => {
    const line = `row ${i + 2}`;
    const cell = (name: string) => (col(name) >= 0 ? (row[col(name)] ?? '') : '');
    const id = cell('expectation_id').trim();
    if (!id) return problems.push(`${line} has no expectation_id`);
    const level = cell('level').trim();
    if (!LEVEL_ID.test(level)) return problems.push(`${line} has no valid level`);
    levels.add(level);
    const rating = readRating(cell('rating'));
    if (rating === undefined)
      return problems.push(`${line} has the rating "${cell('rating')}", which is not one of ${RATINGS.map((r) => RATING_LABELS[r]).join(', ')}`);
    const evidence = unguard(cell('evidence'));
    if (evidence.length > MAX_EVIDENCE) return problems.push(`${line} has more than ${MAX_EVIDENCE} characters of evidence`);
    const expectation = col('expectation') >= 0 ? { text: unguard(cell('expectation')) } : {};
    items.push({ id, ...expectation, rating, evidence });
    return undefined;
  });
  if (problems.length > 0) return fail(`The file could not be imported: ${listProblems(problems)}.`);
  if (levels.size > 1) return fail(`The CSV file mixes several levels (${[...levels].join(', ')}); import one level at a time.`);
  const level = [...levels][0];
  if (!level) return fail('The CSV file has no rows of answers.');
  return { ok: true, value: { level, items } };
}

/** A rating as written in a file: a slug or its label, any case; empty is no rating; undefined when unknown. */
export function readRating(value: unknown): Rating | null | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') return undefined;
  const key = value
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  if (key === '') return null;
  return (RATINGS as readonly string[]).includes(key) ? (key as Rating) : undefined;
}

/** RFC 4180 with some tolerance: LF or CRLF line ends, a quote inside an unquoted field kept as it is. */
export function readCsv(text: string): { ok: true; rows: string[][] } | { ok: false; error: string } {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let quoteLine = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      quoteLine = line;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      line++;
    } else field += c;
  }
  if (quoted) return fail(`The CSV file is cut short: a quoted field that starts on line ${quoteLine} is never closed.`);
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return { ok: true, rows };
}

// ─── Matching a file to the worksheet ───────────────────────────────────────

export interface MergeReport {
  /** Answers placed on an expectation of the worksheet. */
  matched: number;
  /** Of those, placed on an expectation whose text has changed since (matched by id only). */
  reworded: number;
  /** Answers for expectations this level no longer has: left out. */
  unmatched: number;
}

export type Merged = { ok: true; answers: Answers; report: MergeReport } | { ok: false; error: string };

/**
 * Puts imported answers on the worksheet. The file must assess this level.
 * Each answer goes to the expectation with the same text (wherever it moved),
 * else to the one with the same id; answers the file has replace the current
 * ones, the others are kept.
 */
export function merge(sheet: Worksheet, imported: ImportedAssessment, current: Answers = {}): Merged {
  if (imported.level !== sheet.level) {
    const what = imported.title ? `"${imported.title}" (${imported.level})` : imported.level;
    return fail(`This file is a self-assessment of ${what}, not of ${sheet.title}. Open that level's worksheet to import it.`);
  }
  const answers: Answers = { ...current };
  const free = new Set(sheet.items.map((item) => item.id));
  const byText = new Map<string, string[]>();
  for (const item of sheet.items) {
    const key = normalize(item.text);
    byText.set(key, [...(byText.get(key) ?? []), item.id]);
  }
  const report: MergeReport = { matched: 0, reworded: 0, unmatched: 0 };
  const pending: ImportedAssessment['items'] = [];
  // First pass: by text (an expectation that moved keeps its answer).
  for (const item of imported.items) {
    const candidates = item.text !== undefined ? (byText.get(normalize(item.text)) ?? []).filter((id) => free.has(id)) : [];
    const target = candidates.includes(item.id) ? item.id : candidates[0];
    if (target === undefined) {
      pending.push(item);
      continue;
    }
    free.delete(target);
    answers[target] = { rating: item.rating, evidence: item.evidence };
    report.matched++;
  }
  // Second pass: by id (the ladder reworded the expectation).
  for (const item of pending) {
    if (!free.has(item.id)) {
      if (!isEmpty(item)) report.unmatched++;
      continue;
    }
    free.delete(item.id);
    answers[item.id] = { rating: item.rating, evidence: item.evidence };
    report.matched++;
    if (item.text !== undefined && !isEmpty(item)) report.reworded++;
  }
  for (const [id, answer] of Object.entries(answers)) if (isEmpty(answer)) delete answers[id];
  return { ok: true, answers, report };
}

/** "Imported 12 answers." and what was left out, for the page's status line. */
export function describeReport(report: MergeReport): string {
  const n = (count: number, what: string) => `${count} ${what}${count === 1 ? '' : 's'}`;
  const parts = [`Imported ${n(report.matched, 'expectation')}.`];
  if (report.reworded > 0)
    parts.push(
      `${n(report.reworded, 'expectation')} ${report.reworded === 1 ? 'was' : 'were'} reworded since the file was saved: check ${report.reworded === 1 ? 'that answer' : 'those answers'}.`,
    );
  if (report.unmatched > 0)
    parts.push(`${n(report.unmatched, 'answer')} for expectations this level no longer has ${report.unmatched === 1 ? 'was' : 'were'} left out.`);
  return parts.join(' ');
}

/** How far along a worksheet is. */
export function progress(sheet: Worksheet, answers: Answers): { rated: number; total: number; counts: Record<Rating, number> } {
  const counts: Record<Rating, number> = { 'not-yet': 0, sometimes: 0, consistently: 0 };
  let rated = 0;
  for (const item of sheet.items) {
    const rating = answers[item.id]?.rating;
    if (rating) {
      counts[rating]++;
      rated++;
    }
  }
  return { rated, total: sheet.items.length, counts };
}

/** The localStorage key of a level's answers: the site's base path keeps two ladders on one origin apart. */
export function storageKey(base: string, level: string): string {
  return `parity-assessment:${base}${level}`;
}

export const STORAGE_PREFIX = 'parity-assessment:';

// ─── Helpers ────────────────────────────────────────────────────────────────

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(error: string): { ok: false; error: string } {
  return { ok: false, error };
}

function listProblems(problems: string[]): string {
  const shown = problems.slice(0, 3).join('; ');
  return problems.length > 3 ? `${shown}; and ${problems.length - 3} more` : shown;
}
