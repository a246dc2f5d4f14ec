/**
 * The one CSV writer (RFC 4180) and the one formula guard, for every CSV that
 * Parity writes or reads back: `/ladder.csv`, the self-assessment, and the
 * spreadsheets of `ladder import` / `ladder export`.
 *
 * A spreadsheet evaluates a cell that starts with `=`, `+`, `-`, `@`, a tab or
 * a carriage return. Such text gets one leading apostrophe (`'=1+1`), and so
 * does text that already starts with apostrophes before one of those
 * characters, so that `unguard(guard(x)) === x` for every string.
 *
 * The same holds after every semicolon: Excel set to a European list
 * separator opens a comma-separated file by splitting each line on `;`, and
 * a quote in the middle of such a part is no quote to it, so
 * `a;=cmd|' /C calc'!A0` would become a cell `=cmd|' /C calc'!A0`. Each
 * `;`-separated part is guarded like a whole cell (`a;'=cmd…`). A field with
 * a comma, a semicolon, a quote or a line break is also quoted, so that a
 * reader that honours quotes keeps it in one cell.
 */

/** The start of the text or of a `;`-separated part, then apostrophes and a formula character. */
const FORMULA = /(^|;)('*[=+\-@\t\r])/g;
const GUARDED = /(^|;)'('*[=+\-@\t\r])/g;

/** Text a spreadsheet will show as text: an apostrophe before a formula, at the start and after each `;`. */
export function guard(text: string): string {
  return text.replace(FORMULA, "$1'$2");
}

/** The exact inverse of {@link guard}: each guarded part loses its one apostrophe. */
export function unguard(text: string): string {
  return text.replace(GUARDED, '$1$2');
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
