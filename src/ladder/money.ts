/** Money as people read it: "$185,000". One formatter per currency, shared by the site, diffs and history. */
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(currency: string): Intl.NumberFormat {
  let f = formatters.get(currency);
  if (!f) {
    f = new Intl.NumberFormat('en', { style: 'currency', currency, minimumFractionDigits: 0, maximumFractionDigits: 0 });
    formatters.set(currency, f);
  }
  return f;
}

/** "$185,000" */
export function formatMoney(amount: number, currency: string): string {
  return formatter(currency).format(amount);
}

/** "$185,000 – $240,000" (one amount when min and max are equal): the one way every face prints a band or an equity range. */
export function formatBand(range: { min: number; max: number }, currency: string): string {
  return range.min === range.max ? formatMoney(range.min, currency) : `${formatMoney(range.min, currency)} – ${formatMoney(range.max, currency)}`;
}

/** "10%": a bonus target, in percent of base pay. */
export function formatBonus(percent: number): string {
  return `${Number(percent.toFixed(2))}%`;
}
