/**
 * Writes the rule table of docs/format.md from the rule registry
 * (src/ladder/rules/registry.ts). With --check, writes nothing and exits 1
 * when the page is stale, for CI.
 *
 *   node scripts/rules-doc.ts [--check]      (npm run rules:doc)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { withRuleTable } from '../src/ladder/rules/docs.ts';
import { registry } from '../src/ladder/rules/registry.ts';

const page = fileURLToPath(new URL('../docs/format.md', import.meta.url));
const before = readFileSync(page, 'utf8');
const after = withRuleTable(before, registry);
if (after === undefined) {
  process.stderr.write('rules-doc: docs/format.md has no <!-- rules:start … --> and <!-- rules:end --> markers around its rule table\n');
  process.exit(2);
}
if (process.argv.includes('--check')) {
  if (after !== before) {
    process.stderr.write('rules-doc: the rule table of docs/format.md differs from the rule registry: run npm run rules:doc\n');
    process.exit(1);
  }
} else if (after !== before) {
  writeFileSync(page, after);
  process.stdout.write(`rules-doc: wrote the table of ${registry.length} rules in docs/format.md\n`);
}
