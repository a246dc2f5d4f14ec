/** `ladder rules`: every rule of `ladder check`, from the rule registry (src/ladder/rules/). */
import { parseArgs } from 'node:util';
import { ruleTable } from '../ladder/rules/docs.ts';
import { registry } from '../ladder/rules/registry.ts';
import { EXIT, UsageError, type Io } from './usage.ts';

export const rulesHelp = `Usage: ladder rules [--format text|json|markdown]

Lists every rule of "ladder check": its id, its severity and what it
catches. docs/format.md says what each one means and what to do about it.

Options:
  --format FORMAT   text (default): one line per rule
                    json: [{"id", "severity", "since", "description", "means", "fix"}]
                    markdown: the table of docs/format.md
  -h, --help        show this help
`;

const FORMATS = ['text', 'json', 'markdown'] as const;

export function runRules(argv: string[], io: Io): number {
  const { values } = parseArgs({
    args: argv,
    options: { format: { type: 'string', default: 'text' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    io.stdout(rulesHelp);
    return EXIT.ok;
  }
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new UsageError(`Unknown format "${values.format}": use one of ${FORMATS.join(', ')}`);
  if (format === 'json') {
    const rules = registry.map(({ meta }) => ({
      id: meta.id,
      severity: meta.severity,
      ...(meta.severityNote ? { severityNote: meta.severityNote } : {}),
      since: meta.since,
      description: meta.description,
      means: meta.docs.means,
      fix: meta.docs.fix,
    }));
    io.stdout(`${JSON.stringify(rules, null, 2)}\n`);
  } else if (format === 'markdown') {
    io.stdout(`${ruleTable(registry)}\n`);
  } else {
    const width = Math.max(...registry.map((r) => r.meta.id.length));
    io.stdout(
      registry
        .map(({ meta }) => `${meta.id.padEnd(width)}  ${meta.severity.padEnd(7)}  ${meta.description}${meta.severityNote ? ` (${meta.severityNote})` : ''}\n`)
        .join(''),
    );
  }
  return EXIT.ok;
}
