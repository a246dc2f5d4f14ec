/** `ladder diff BASE [HEAD]`: what changed between two versions of the ladder, for review. */
import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { check, type CheckResult } from '../ladder/check.ts';
import { GitError } from '../git/run.ts';
import { readContentAtRef } from '../git/version.ts';
import { diffLadders, formatDiffJson, formatDiffMarkdown, formatDiffText } from '../ladder/diff/index.ts';
import { contentFor } from './content.ts';
import { EXIT, UsageError, type Io } from './usage.ts';

export const diffHelp = `Usage: ladder diff BASE [HEAD] [--content DIR] [--format text|markdown|json]

Compares two versions of the ladder: levels, tracks, families and
competencies added, removed or renamed; pay bands, scope, budget and
decisions changed; competency sections reworded; and problems that
"ladder check" finds in one version and not in the other.

BASE and HEAD are each a directory (a content directory, or a folder that
holds content/) or a git commit, branch or tag, whose content directory is
read from git history without touching your files. Without HEAD, the ladder
in the working tree is compared.

Examples:
  ladder diff main                     your edits against the main branch
  ladder diff HEAD~1 HEAD              what the last commit changed
  ladder diff origin/main --format markdown > comment.md

Options:
  --content DIR     the content directory (default: $LADDER_CONTENT, else ./content);
                    also where content lives inside a git ref
  --format FORMAT   text (default), markdown (a pull-request comment) or json
  -h, --help        show this help

Exit codes: 0 the versions were compared (whatever changed), 2 the command
could not run (bad flag, unknown ref, no ladder there).
`;

const FORMATS = ['text', 'markdown', 'json'] as const;
type DiffFormat = (typeof FORMATS)[number];

export function runDiff(argv: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      content: { type: 'string' },
      format: { type: 'string', default: 'text' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) {
    io.stdout(diffHelp);
    return EXIT.ok;
  }
  const format = values.format as DiffFormat;
  if (!FORMATS.includes(format)) throw new UsageError(`Unknown format "${values.format}": use one of ${FORMATS.join(', ')}`);
  if (positionals.length < 1 || positionals.length > 2) throw new UsageError('Give one or two versions to compare: ladder diff BASE [HEAD]');
  const [baseSpec, headSpec] = positionals as [string, string | undefined];
  const content = contentFor(values.content, io);

  const cleanups: (() => void)[] = [];
  try {
    const base = load(baseSpec, content, io, cleanups);
    const head = headSpec === undefined ? { result: check(content), label: `working tree (${shown(io, content)})` } : load(headSpec, content, io, cleanups);
    const diff = diffLadders(base.result, head.result, { baseLabel: base.label, headLabel: head.label });
    if (format === 'json') io.stdout(formatDiffJson(diff));
    else if (format === 'markdown') io.stdout(formatDiffMarkdown(diff));
    else io.stdout(formatDiffText(diff));
    return EXIT.ok;
  } catch (error) {
    if (error instanceof GitError) throw new UsageError(error.message);
    throw error;
  } finally {
    for (const cleanup of cleanups) cleanup();
  }
}

/** A version: a directory if one exists at that path, else a git ref. */
function load(spec: string, content: string, io: Io, cleanups: (() => void)[]): { result: CheckResult; label: string } {
  const path = resolve(io.cwd, spec);
  if (isDirectory(path)) {
    // A folder that holds content/ (a checkout of the project) stands for its content directory.
    const dir = !existsSync(join(path, 'ladder.md')) && isDirectory(join(path, 'content')) ? join(path, 'content') : path;
    // A mistyped folder would otherwise read as a ladder of which everything was added or removed.
    if (!existsSync(join(dir, 'ladder.md'))) throw new UsageError(`There is no ladder in ${shown(io, dir)}: it has no ladder.md`);
    return { result: check(dir), label: shown(io, dir) };
  }
  const snapshot = readContentAtRef(spec, content);
  cleanups.push(snapshot.cleanup);
  const result = check(snapshot.dir);
  return { result, label: `${spec} (${snapshot.commit.slice(0, 7)})` };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function shown(io: Io, path: string): string {
  const rel = relative(io.cwd, path).replace(/\\/g, '/');
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
}
