/**
 * The one CSV writer (RFC 4180) and the one formula guard, for every CSV that
 * Parity writes or reads back: `/ladder.csv`, the self-assessment, and the
 * spreadsheets of `ladder import` / `ladder export`.
 *
 * A spreadsheet evaluates a cell that starts with `=`, `+`, `-`, `@`, a tab or
 * a carriage return. Such text gets one leading apostrophe (`'=1+1`), and so
 * does text that already starts with apostrophes before one of those
 * characters, so that `unguard(guard(x)) === x` for every string. A field
 * with a comma, a semicolon (European Excel splits on `;`), a quote or a line
 * break is quoted, so that no part of it becomes a cell of its own.
 */

const FORMULA = /^'*[=+\-@\t\r]/;
const GUARDED = /^'+[=+\-@\t\r]/;

/** Text a spreadsheet will show as text: a leading apostrophe before a formula. */
export function guard(text: string): string {
  return FORMULA.test(text) ? `'${text}` : text;
}

/** The inverse of {@link guard}: what was guarded loses its one apostrophe. */
export function unguard(text: string): string {
  return GUARDED.test(text) ? text.slice(1) : text;
}

/**
 * One field: text is guarded, then quoted when it holds a separator, a quote or
 * a line break. Numbers are written as they are (Parity's amounts are never negative).
 */
export function csvField(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : guard(value);
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Whole rows, CRLF line ends (RFC 4180), a final line end. */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
