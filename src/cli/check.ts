/** `ladder check`: the command CI runs on every pull request. */
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { check } from '../ladder/check.ts';
import { FORMATS, formatGithub, formatJson, formatText, type Format } from '../ladder/formatters/index.ts';
import { contentFor } from './content.ts';
import { EXIT, UsageError, type Io } from './usage.ts';

export const checkHelp = `Usage: ladder check [--content DIR] [--format text|json|github]

Checks a career ladder: every file's frontmatter against the format, every
reference, the shape of each track, and parity between the tracks of each
family. Reports every problem in one run.

Options:
  --content DIR     the content directory (default: $LADDER_CONTENT, else ./content)
  --format FORMAT   text (default): one line per problem, like a compiler
                    json: {"ok", "diagnostics", "summary"} for machines
                    github: GitHub Actions annotations on the lines at fault
  -h, --help        show this help

Exit codes: 0 no errors (warnings allowed), 1 the ladder has errors,
2 the command could not run (bad flag, content directory missing).
`;

export function runCheck(argv: string[], io: Io): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      content: { type: 'string' },
      format: { type: 'string', default: 'text' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    io.stdout(checkHelp);
    return EXIT.ok;
  }
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`Unknown format "${values.format}": use one of ${FORMATS.join(', ')}`);
  const dir = contentFor(values.content, io);
  const result = check(dir);
  const rel = relative(io.cwd, result.dir).replace(/\\/g, '/');
  const prefix = rel === '' ? '' : rel.startsWith('..') ? `${result.dir}/` : `${rel}/`;
  if (format === 'json') io.stdout(formatJson(result.diagnostics, result.summary));
  else if (format === 'github') io.stdout(formatGithub(result.diagnostics, result.summary, prefix));
  else io.stdout(formatText(result.diagnostics, result.summary, { color: io.tty, prefix }));
  return result.ok ? EXIT.ok : EXIT.problems;
}
