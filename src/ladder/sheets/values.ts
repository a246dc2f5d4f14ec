/**
 * Cell values as a ladder needs them: amounts, grades, lists and ids, each
 * either read or refused with a message in an HR editor's words.
 */
import { slugify } from '../model.ts';
import { SLUG_PATTERN } from '../schema.ts';
import { unguard } from '../csv.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** A cell's text as written: the formula guard of an export removed, surrounding whitespace trimmed. */
export const text = (raw: string): string => unguard(raw.trim());

/**
 * An amount per year: "185000", "185,000", "185 000", "185.000", "$185,000",
 * "185k", "185000.00". Never negative.
 */
export function parseAmount(raw: string, what: string): Parsed<number> {
  const original = raw.trim();
  let s = original
    .replace(/[\s\u00a0\u202f']/g, '')
    .replace(/^[A-Z]{3}|[A-Z]{3}$/g, '')
    .replace(/^[$€£¥₹]|[$€£¥₹]$/g, '');
  let factor = 1;
  if (/[kK]$/.test(s)) {
    factor = 1000;
    s = s.slice(0, -1);
  }
  if (/^\d{1,3}([.,])\d{3}(\1\d{3})*$/.test(s)) s = s.replace(/[.,]/g, '');
  else if (/^\d{1,3}(,\d{3})+\.\d+$/.test(s)) s = s.replace(/,/g, '');
  else if (/^\d{1,3}(\.\d{3})+,\d+$/.test(s)) s = s.replace(/\./g, '').replace(',', '.');
  else s = s.replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(s)) return { ok: false, message: `${what} must be an amount such as 185000, not "${original}"` };
  const value = Math.round(Number(s) * factor * 100) / 100;
  if (!Number.isSafeInteger(Math.round(value))) return { ok: false, message: `${what} is too large: "${original}"` };
  return { ok: true, value };
}

/** A pay range in one cell: "100,000 - 130,000", "$100k–$130k", "100000 to 130000"; one amount is both ends. */
export function parseRange(raw: string, what: string): Parsed<{ min: number; max: number }> {
  const original = raw.trim();
  const parts = original.split(/\s*(?:[–—]|\s-\s|(?<=\d[kK]?)-(?=\s*[$€£¥₹]?\d)|\bto\b)\s*/);
  if (parts.length > 2) return { ok: false, message: `${what} must be one amount or a range such as 100,000 - 130,000, not "${original}"` };
  const min = parseAmount(parts[0]!, what);
  const max = parseAmount(parts[1] ?? parts[0]!, what);
  if (!min.ok || !max.ok) return { ok: false, message: `${what} must be one amount or a range such as 100,000 - 130,000, not "${original}"` };
  return { ok: true, value: { min: min.value, max: max.value } };
}

/** A grade: "4", "4.0", "L4", "Level 4", "IC4", "P4" are grade 4. */
export function parseGrade(raw: string): Parsed<number> {
  const original = raw.trim();
  const match = /^(?:[a-z]{1,6}[ -]?)?(\d{1,3})(?:\.0+)?$/i.exec(original);
  const value = match ? Number(match[1]) : NaN;
  if (!Number.isInteger(value) || value < 1 || value > 99) {
    return { ok: false, message: `The grade must be a whole number from 1 to 99 (such as 4 or L4), not "${original}"` };
  }
  return { ok: true, value };
}

/** A number such as an order, a factor or a percentage. */
export function parseNumber(raw: string, what: string): Parsed<number> {
  const s = raw.trim().replace(/%$/, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return { ok: false, message: `${what} must be a number, not "${raw.trim()}"` };
  return { ok: true, value: Number(s) };
}

/** A list in one cell: items separated by ";", "," or line breaks. */
export function parseList(raw: string): string[] {
  return raw
    .split(/[;,\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/**
 * An id from a cell: a slug, so that no cell can name a path outside the
 * content directory ("../x" becomes "x"). undefined when nothing is left.
 */
export function idFrom(raw: string): string | undefined {
  const ascii = raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  if (!/[a-z0-9]/.test(ascii)) return undefined;
  const id = slugify(raw);
  return SLUG_PATTERN.test(id) ? id : undefined;
}

/** A name for an id that came without one: "engineering-ic" → "Engineering ic". */
export function humanize(value: string): string {
  if (value !== slugify(value)) return value.replace(/\s+/g, ' ').trim();
  const words = value.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
