/** `ladder export FILE`: the whole ladder as a workbook (or a folder of CSV files) in Parity's own layout. */
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { extname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { summarize } from '../ladder/diagnostics.ts';
import { formatText } from '../ladder/formatters/index.ts';
import { exportSheets } from '../ladder/sheets/export.ts';
import { paths, withBase } from '../site/paths.ts';
import { writeCsvFolder, xlsxBuffer } from '../ladder/sheets/write.ts';
import { ContentDirectoryError } from '../ladder/load.ts';
import { contentFor } from './content.ts';
import { EXIT, UsageError, type Io } from './usage.ts';

export const exportHelp = `Usage: ladder export FILE [--content DIR] [--force]

Writes the whole ladder as a spreadsheet in Parity's own layout, to edit and
bring back with "ladder import FILE --force":
  FILE.xlsx   one workbook with the sheets levels, expectations, bands, zones,
              tracks, families, competencies, settings and exceptions
  DIR         any other name: a folder with one CSV file per sheet

Header rows are frozen; text that a spreadsheet would run as a formula
(starting with =, +, -, @) is written with a leading apostrophe, which
"ladder import" removes again. See docs/import.md.

Options:
  --content DIR     the content directory (default: $LADDER_CONTENT, else ./content)
  --force           replace FILE (or the CSV files in DIR) if it exists
  -h, --help        show this help

Exit codes: 0 exported, 1 a content file cannot be read, 2 the command could not run.
`;

export async function runExport(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { content: { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) {
    io.stdout(exportHelp);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new UsageError('Name the file to write: ladder export ladder.xlsx (or a folder for CSV files)');
  const label = positionals[0]!;
  const target = resolve(io.cwd, label);
  const dir = contentFor(values.content, io);
  if (!existsSync(resolve(dir, 'ladder.md'))) throw new ContentDirectoryError(`No ladder.md in ${dir}: there is no ladder to export`);
  const xlsx = extname(target).toLowerCase() === '.xlsx';
  if (!values.force && existsSync(target) && (xlsx || !statSync(target).isDirectory() || readdirSync(target).some((f) => f.endsWith('.csv')))) {
    throw new UsageError(`${label} exists: use --force to replace it`);
  }
  if (!xlsx && existsSync(target) && !statSync(target).isDirectory())
    throw new UsageError(`${label} is a file: name a folder for CSV files, or a file ending in .xlsx`);
  const { sheets, diagnostics } = exportSheets(dir, { levelUrl: (id) => withBase('/', paths.level(id)) });
  if (diagnostics.length > 0) {
    const rel = relative(io.cwd, dir).replace(/\\/g, '/');
    io.stdout(formatText(diagnostics, summarize(diagnostics, diagnostics.length), { color: io.tty, prefix: rel === '' ? '' : `${rel}/` }));
    io.stderr('Nothing was exported: fix these files first.\n');
    return EXIT.problems;
  }
  const levels = (sheets[0]?.rows.length ?? 1) - 1;
  if (xlsx) writeFileSync(target, await xlsxBuffer(sheets));
  else writeCsvFolder(target, sheets);
  io.stdout(`Exported ${levels} level${levels === 1 ? '' : 's'} to ${label}${xlsx ? '' : ` (${sheets.map((s) => `${s.name}.csv`).join(', ')})`}.\n`);
  return EXIT.ok;
}
