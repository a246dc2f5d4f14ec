/** The `ladder` command: dispatches to a subcommand, maps failures to exit codes, never prints a stack trace. */
import { ContentDirectoryError } from '../ladder/load.ts';
import { readEnv } from '../environment.ts';
import { visible } from '../ladder/text.ts';
import { EXIT, processIo, UsageError, type Io } from './usage.ts';

export const mainHelp = `Usage: ladder <command> [options]

Parity checks and publishes a dual career ladder.

Commands:
  check     check the ladder: format, references, tracks and parity
  build     check the ladder, then build the site and its search index
  new       start a new level, track, family or competency; add a grade's pay band
  diff      compare two versions of the ladder (directories or git refs)
  import    write a ladder from a spreadsheet (CSV or XLSX)
  export    write the ladder as a spreadsheet (XLSX or a folder of CSV files)
  schema    write JSON Schemas of the frontmatter, for editors
  rules     list every rule of the check: id, severity and what it catches
  init      start your own ladder repository (package.json, astro.config.mjs, content/)

Run "ladder <command> --help" for a command's options.
The content directory is ./content, or $LADDER_CONTENT, or --content DIR.
`;

type Command = (argv: string[], io: Io) => number | Promise<number>;

/** Each command is imported only when it runs, so `ladder check` loads neither Astro nor the diff engine. */
const commands: Record<string, () => Promise<Command>> = {
  check: async () => (await import('./check.ts')).runCheck,
  build: async () => (await import('./build.ts')).runBuild,
  new: async () => (await import('./new.ts')).runNew,
  diff: async () => (await import('./diff.ts')).runDiff,
  schema: async () => (await import('./schema.ts')).runSchema,
  rules: async () => (await import('./rules.ts')).runRules,
  init: async () => (await import('./init.ts')).runInit,
  import: async () => (await import('./import.ts')).runImport,
  export: async () => (await import('./export.ts')).runExport,
};

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    io.stdout(mainHelp);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const load = commands[name];
  if (!load) {
    io.stderr(`ladder: unknown command "${name}"\n\n${mainHelp}`);
    return EXIT.usage;
  }
  try {
    const command = await load();
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ContentDirectoryError || isArgError(error)) {
      // The message may name a path as it was given: a line break or an escape sequence in it is shown, not obeyed.
      io.stderr(`ladder ${name}: ${visible((error as Error).message)}\nRun "ladder ${name} --help" for usage.\n`);
      return EXIT.usage;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`ladder ${name}: internal error: ${visible(message)}\n`);
    if (readEnv(io.env).debug) io.stderr(`${(error as Error).stack ?? ''}\n`);
    return EXIT.usage;
  }
}

/** Errors thrown by node:util parseArgs for unknown or malformed options. */
function isArgError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof TypeError && typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
