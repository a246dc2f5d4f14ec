/**
 * Every amount of money of a ladder, in every way a site could print it, and
 * a search of every byte of a built site for them: HTML, JSON, CSV, SVG, XML,
 * and Pagefind's index (its files are gzip, with a `pagefind_dcd` signature
 * and JSON or CBOR inside: decompressed before the search).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Ladder } from '../../src/ladder/model.ts';
import { resolvePay } from '../../src/ladder/pay.ts';

export interface Amount {
  value: number;
  currency: string;
  /** Where it comes from: "engineering-ic/staff-engineer pay in germany (min)". */
  what: string;
}

/**
 * Every amount the ladder holds: each level's band in every zone (derived and
 * hand-set alike), each family band in every zone, equity, budgets; and each
 * bonus target (a percentage, with currency "%").
 */
export function ladderAmounts(ladder: Ladder): Amount[] {
  const out: Amount[] = [];
  const anchor = ladder.zones[0]!.currency;
  const pay = (p: NonNullable<Ladder['levels'][number]['pay']>, who: string) => {
    for (const z of p.zones) {
      out.push({ value: z.min, currency: z.zone.currency, what: `${who} in ${z.zone.id} (min, ${z.basis})` });
      out.push({ value: z.max, currency: z.zone.currency, what: `${who} in ${z.zone.id} (max, ${z.basis})` });
    }
    if (p.equity) {
      out.push({ value: p.equity.min, currency: anchor, what: `${who} equity (min)` });
      out.push({ value: p.equity.max, currency: anchor, what: `${who} equity (max)` });
    }
    if (p.bonus !== undefined) out.push({ value: p.bonus, currency: '%', what: `${who} bonus` });
  };
  for (const level of ladder.levels) {
    if (level.pay) pay(level.pay, `${level.id} pay`);
    out.push({ value: level.authority.budget, currency: ladder.currency, what: `${level.id} budget` });
  }
  for (const family of ladder.families) {
    for (const band of family.bands.values()) pay(resolvePay(band, ladder.zones, ladder.rounding), `${family.id} band of grade ${band.grade}`);
  }
  return out;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The ways an amount may be printed: raw, grouped by comma, dot or (no-break) space, as money in English, German and French, compact ("$185K"). */
export function spellings(amount: Amount): string[] {
  const n = amount.value;
  if (amount.currency === '%') return [`${n}%`, `${n} %`, `${n}\u00a0%`, `${n}\u202f%`];
  const en = n.toLocaleString('en');
  const forms = new Set<string>([String(n), en, en.replace(/,/g, '.'), en.replace(/,/g, ' '), en.replace(/,/g, '\u00a0'), en.replace(/,/g, '\u202f')]);
  for (const locale of ['en', 'en-US', 'de-DE', 'fr-FR']) {
    forms.add(new Intl.NumberFormat(locale, { style: 'currency', currency: amount.currency, maximumFractionDigits: 0 }).format(n));
  }
  forms.add(new Intl.NumberFormat('en', { style: 'currency', currency: amount.currency, notation: 'compact', maximumFractionDigits: 1 }).format(n));
  return [...forms];
}

/**
 * A pattern per spelling, bounded so that it is not found inside a longer
 * number ("500" in "1500", "$500" in "$500,000", "185,000" in "1,185,000"),
 * while a CSV's "185000,240000" still holds both. Bare numbers below 10,000 (a budget of 500, a bonus of 10) are
 * too common to search for alone in a site's CSS and scripts: they are found
 * through their money and grouped spellings, and bonuses as percentages.
 */
export function needles(amounts: readonly Amount[]): { pattern: RegExp; text: string; amount: Amount }[] {
  const out: { pattern: RegExp; text: string; amount: Amount }[] = [];
  const seen = new Set<string>();
  for (const amount of amounts) {
    for (const text of spellings(amount)) {
      if (amount.currency !== '%' && /^\d+$/.test(text) && amount.value < 10_000) continue;
      if (seen.has(text)) continue;
      seen.add(text);
      out.push({ text, amount, pattern: new RegExp(`(?<!\\d)(?<!(?<![\\d.,])\\d{1,3}[.,])${escape(text)}(?!\\d)(?![.,]\\d{3}(?!\\d))`, 'u') });
    }
  }
  return out;
}

/** Every file of a built site, as text (Pagefind's gzip files decompressed). */
export function siteTexts(dir: string): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) {
        walk(path);
        continue;
      }
      let bytes = readFileSync(path);
      // Pagefind's index, fragments, filters, metadata and WebAssembly are gzip streams.
      if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
      out.push({ file: relative(dir, path).split('\\').join('/'), text: bytes.toString('latin1') + '\n' + bytes.toString('utf8') });
    }
  };
  walk(dir);
  return out;
}

/** Where any spelling of any amount occurs in the site: "file: text (what)". */
export function findAmounts(dir: string, amounts: readonly Amount[]): string[] {
  const list = needles(amounts);
  const found: string[] = [];
  for (const { file, text } of siteTexts(dir)) {
    // A percentage in a stylesheet or a script is geometry ("width: 25%"): the site's and Pagefind's own code,
    // which no content reaches (the twin builds of pay.test.ts show that no file depends on an amount).
    const code = /\.(css|js)$/.test(file);
    for (const needle of list) {
      if (code && needle.amount.currency === '%') continue;
      if (needle.pattern.test(text)) found.push(`${file}: ${JSON.stringify(needle.text)} (${needle.amount.what})`);
    }
  }
  return found;
}
