/**
 * docs/format.md's table "Every rule, and what to do about it", written from
 * the registry: the table sits between two marker comments, and everything
 * else of the page is left as it is. `npm run rules:doc` writes it; a test
 * fails when the committed page differs.
 */
import type { RuleModule } from './rule.ts';

export const TABLE_START = "<!-- rules:start: generated from src/ladder/rules/ by `npm run rules:doc`; edit a rule's meta, not this table -->";
export const TABLE_END = '<!-- rules:end -->';

/** A Markdown table cell: one line, its pipes escaped. */
const cell = (text: string) => text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');

/** The severity column: "warning", or "error (warning outside the ladder's folders)". */
export const severityText = (rule: RuleModule) => (rule.meta.severityNote ? `${rule.meta.severity} (${rule.meta.severityNote})` : rule.meta.severity);

/** The table, one row per rule in the registry's order; (1.1) marks a rule new in version 1.1. */
export function ruleTable(rules: readonly RuleModule[]): string {
  const rows = rules.map(({ meta }) => {
    const means = `${meta.since === '1.0' ? '' : `(${meta.since}) `}${meta.docs.means}`;
    return `| \`${meta.id}\` | ${cell(severityText({ meta }))} | ${cell(means)} | ${cell(meta.docs.fix)} |`;
  });
  return ['| rule | severity | what it means | what to do |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** The page with its rule table replaced; undefined when the page lacks the two markers (in that order). */
export function withRuleTable(page: string, rules: readonly RuleModule[]): string | undefined {
  const start = page.indexOf(TABLE_START);
  const end = page.indexOf(TABLE_END);
  if (start < 0 || end < start) return undefined;
  return `${page.slice(0, start)}${TABLE_START}\n${ruleTable(rules)}\n${page.slice(end)}`;
}
