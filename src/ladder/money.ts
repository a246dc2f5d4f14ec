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
