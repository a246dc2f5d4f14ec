/**
 * How the site writes money, changes and slugs. Framework-free: the pages and
 * the /compare/ picker script share it.
 */

import { capitalize } from '../ladder/text.ts';
import { formatBand, formatBonus, formatMoney } from '../ladder/money.ts';

export { formatBand, formatBonus, formatMoney };

/**
 * The most zones the no-JavaScript zone picker offers: pay.css has one rule
 * per position (`.zone-set > :nth-child(n)`). A ladder with more zones shows
 * the anchor zone where one band is shown per level, and every zone on the
 * level pages and /pay/. (Here, not in pay.ts, so that the /compare/ picker's
 * script can read it without the core.)
 */
export const ZONE_PICKABLE = 12;

/** "+$35,000", "−$5,000", "no change" */
export function formatChange(delta: number, currency: string): string {
  if (delta === 0) return 'no change';
  return `${delta > 0 ? '+' : '−'}${formatMoney(Math.abs(delta), currency)}`;
}

/** "+15%" of a change from a base amount, or "" when the base is zero. */
export function formatPercent(delta: number, base: number): string {
  if (base === 0 || delta === 0) return '';
  const pct = Math.round((delta / base) * 100);
  return `${pct > 0 ? '+' : pct < 0 ? '−' : '±'}${Math.abs(pct)}%`;
}

/** "technical-direction" → "technical direction" */
export function humanize(slug: string): string {
  return slug.replace(/-/g, ' ');
}

/** "company" → "Company" (the phrases' own, src/ladder/diff/words.ts). */
export { capitalize };

/**
 * Row labels of a level's authority where rows of competencies follow: a
 * competency may well be called "Scope" too, and two rows must not read the same.
 */
export const AUTHORITY_LABELS = { scope: 'Authority: scope', budget: 'Authority: budget', decisions: 'Authority: decisions' } as const;

export const KIND_LABELS = {
  'individual-contributor': 'Individual contributor',
  management: 'Management',
} as const;

/**
 * A track's name that also says its kind, for screen readers and tooltips:
 * "Engineering, management" as it is, "Research" as "Research (management)".
 */
export function trackWithKind(name: string, kind: keyof typeof KIND_LABELS): string {
  const label = KIND_LABELS[kind].toLowerCase();
  const said = name.toLowerCase().includes(label) || (kind === 'individual-contributor' && /\bic\b/i.test(name));
  return said ? name : `${name} (${label})`;
}
