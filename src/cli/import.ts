/** `ladder import FILE`: a ladder from the spreadsheet a company already has. */
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { summarize, type Diagnostic } from '../ladder/diagnostics.ts';
import { FORMATS, formatGithub, formatJson, formatSummary, formatText, type Format } from '../ladder/formatters/index.ts';
import { hasErrors, importSpreadsheet, type ImportResult } from '../ladder/sheets/import.ts';
import { contentFor } from './content.ts';
import { EXIT, UsageError, type Io } from './usage.ts';

export const importHelp = `Usage: ladder import FILE [--content DIR] [--dry-run] [--force] [--format text|json|github]

Writes a ladder from a spreadsheet: an .xlsx workbook, a .csv file (with the
sibling files of an export, such as expectations.csv), or a folder written by
"ladder export". The layout is recognised from the header row: Parity's own
(the columns of /ladder.csv), long (one row per expectation), wide with
competencies down, or wide with levels down. See docs/import.md.

What the sheet does not say (pay, tracks, grades, text) is written as a
"TODO:" placeholder and listed at the end, with the check of the result.
Nothing is written when the sheet has errors.

Options:
  --content DIR     the content directory to write (default: $LADDER_CONTENT, else ./content)
  --dry-run         write nothing; list what would be written and check the result
  --force           overwrite files that exist (see the change with "ladder diff")
  --format FORMAT   text (default), json or github, as for "ladder check"
  -h, --help        show this help

Exit codes: 0 imported and the ladder passes "ladder check" (warnings allowed),
1 the sheet has errors, a file exists, or the resulting ladder has errors,
2 the command could not run (bad flag, FILE missing).
`;

export async function runImport(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      content: { type: 'string' },
      format: { type: 'string', default: 'text' },
      'dry-run': { type: 'boolean' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) {
    io.stdout(importHelp);
    return EXIT.ok;
  }
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`Unknown format "${values.format}": use one of ${FORMATS.join(', ')}`);
  if (positionals.length !== 1)
    throw new UsageError(positionals.length === 0 ? 'Name the spreadsheet to import: ladder import FILE' : 'Import one spreadsheet at a time');
  const label = positionals[0]!;
  const path = resolve(io.cwd, label);
  if (!existsSync(path)) throw new UsageError(`No such file: ${label}`);
  const dir = contentFor(values.content, io);
  const result = await importSpreadsheet(path, label, dir, { force: values.force, dryRun: values['dry-run'] });
  const rel = relative(io.cwd, dir).replace(/\\/g, '/');
  const prefix = rel === '' ? '' : rel.startsWith('..') ? `${dir}/` : `${rel}/`;
  const checked = result.check?.diagnostics ?? [];
  const failed = hasErrors(result.diagnostics) || hasErrors(result.conflicts) || hasErrors(checked);

  if (format === 'json') {
    const all = [...result.diagnostics, ...result.conflicts, ...checked];
    const summary = summarize(all, 1 + result.also.length + (result.check?.summary.files ?? 0));
    const json = JSON.parse(formatJson(all, summary)) as Record<string, unknown>;
    io.stdout(
      `${JSON.stringify({ ...json, ok: !failed, written: result.written, layouts: result.layouts, files: result.files, todo: result.todo }, null, 2)}\n`,
    );
  } else if (format === 'github') {
    // Sheet problems are located in FILE (relative to the working directory), the rest in the content directory.
    const content = [...result.conflicts, ...checked];
    const summary = summarize([...result.diagnostics, ...content], 1 + result.also.length + (result.check?.summary.files ?? 0));
    const sheet = formatGithub(result.diagnostics, summary).split('\n').slice(0, -2);
    io.stdout([...sheet, formatGithub(content, summary, prefix).trimEnd()].join('\n') + '\n');
  } else {
    io.stdout(textReport(result, prefix, io.tty, Boolean(values['dry-run'])));
  }
  return failed ? EXIT.problems : EXIT.ok;
}

function textReport(result: ImportResult, prefix: string, color: boolean, dryRun: boolean): string {
  const out: string[] = [];
  const lines = (diagnostics: readonly Diagnostic[], p: string) => {
    const text = formatText(diagnostics, { errors: 0, warnings: 0, files: 0 }, { color, prefix: p });
    return text.split('\n').slice(0, -2);
  };
  out.push(...lines(result.diagnostics, ''), ...lines(result.conflicts, prefix));
  if (hasErrors(result.diagnostics)) {
    const s = summarize(result.diagnostics, 1 + result.also.length);
    out.push(formatSummary(s, color), 'Nothing was written: fix the sheet and import it again.');
    return `${out.join('\n')}\n`;
  }
  if (hasErrors(result.conflicts)) {
    out.push(
      `Nothing was written: ${result.conflicts.filter((d) => d.severity === 'error').length} file(s) would be overwritten (use --force), or cannot be written.`,
    );
    return `${out.join('\n')}\n`;
  }
  if (result.layouts.length > 0) out.push(`Read as: ${result.layouts.join('; ')}.`);
  const verb = {
    create: dryRun ? 'would create' : 'created',
    overwrite: dryRun ? 'would overwrite' : 'overwrote',
    unchanged: 'unchanged',
    keep: 'kept (the sheet does not describe it)',
  } as const;
  const changed = result.files.filter((f) => f.action === 'create' || f.action === 'overwrite');
  for (const f of result.files) if (f.action !== 'unchanged') out.push(`  ${verb[f.action]}  ${prefix}${f.path}`);
  const unchanged = result.files.length - result.files.filter((f) => f.action !== 'unchanged').length;
  out.push(
    `${dryRun ? 'Dry run: nothing written; ' : ''}${changed.length} file(s) ${dryRun ? 'to write' : 'written'}${unchanged > 0 ? `, ${unchanged} unchanged` : ''}.`,
  );
  if (result.todo.length > 0) {
    out.push('', 'Still to fill in:');
    for (const t of result.todo) out.push(`  - ${t}`);
  }
  if (result.check) {
    out.push('', `The check of the ${dryRun ? 'resulting ' : ''}ladder:`);
    out.push(formatText(result.check.diagnostics, result.check.summary, { color, prefix }).trimEnd());
  }
  return `${out.join('\n')}\n`;
}
