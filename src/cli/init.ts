/**
 * `ladder init [DIR]`: a company's own ladder repository in one command.
 * It writes a package.json that depends on this package, an astro.config.mjs
 * with the integration, a content/ folder that passes `ladder check` (with
 * `content/placeholder` warnings for what is left to write), a CI workflow
 * and a README of the company's own, from templates/init/. It never
 * overwrites a file, never writes through a symbolic link, and refuses a
 * folder that already holds a ladder.
 */
import { closeSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { check } from '../ladder/check.ts';
import { EXIT, UsageError, type Io } from './usage.ts';

export const initHelp = `Usage: ladder init [DIR]

Starts your own ladder repository in DIR (default: the current folder), which
must be empty or hold no ladder yet: package.json, astro.config.mjs, a small
content/ ladder to edit, a CI workflow and a README. Existing files are kept.

Then: cd DIR && npm install && npm run build

Exit codes: 0 written, 2 the folder already holds a ladder or cannot be written.
`;

const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TEMPLATE = join(PACKAGE_ROOT, 'templates', 'init');
/** Files npm would drop or act on inside a package are stored under another name. */
const RENAMED: Record<string, string> = { gitignore: '.gitignore', nvmrc: '.nvmrc', github: '.github' };

export function runInit(argv: string[], io: Io): number {
  const { values, positionals } = parseArgs({ args: argv, options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  if (values.help) {
    io.stdout(initHelp);
    return EXIT.ok;
  }
  if (positionals.length > 1) throw new UsageError(`one folder at most, not ${positionals.length}`);
  const target = resolve(io.cwd, positionals[0] ?? '.');
  if (existsSync(target)) {
    const stat = lstatSync(target);
    if (stat.isSymbolicLink()) throw new UsageError(`${target} is a symbolic link; name the folder itself`);
    if (!stat.isDirectory()) throw new UsageError(`${target} exists and is not a folder`);
    const ladder = existingLadder(target);
    if (ladder) throw new UsageError(`${target} already holds a ladder (${ladder}); "ladder init" starts a new one in an empty folder`);
  }

  mkdirSync(target, { recursive: true });
  const own = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string; peerDependencies?: Record<string, string> };
  const name = titleFrom(basename(target));
  const values_: Record<string, string> = {
    __NAME__: /\b(ladder|careers?)\b/i.test(name) ? name : `${name} Career Ladder`,
    __PACKAGE__: packageName(basename(target)),
    __PARITY__: `^${own.version}`,
    __ASTRO__: own.peerDependencies?.astro ?? '^7.0.0',
  };
  const written: string[] = [];
  const kept: string[] = [];
  for (const file of templateFiles(TEMPLATE)) {
    const out = join(target, ...file.split('/').map((part) => RENAMED[part] ?? part));
    ensureFolder(target, dirname(out));
    const text = readFileSync(join(TEMPLATE, file), 'utf8').replace(/__[A-Z]+__/g, (key) => values_[key] ?? key);
    if (writeNew(out, text)) written.push(rel(target, out));
    else kept.push(rel(target, out));
  }

  const result = check(join(target, 'content'));
  const shownRel = relative(io.cwd, target);
  const shown = shownRel === '' ? '.' : shownRel.startsWith('..') ? target : shownRel;
  io.stdout(
    `✔ Started a ladder in ${shown}: ${written.length} files written${kept.length > 0 ? `, ${kept.length} kept as they were (${kept.join(', ')})` : ''}.\n`,
  );
  io.stdout(`  The example ladder has ${result.summary.errors} errors and ${result.summary.warnings} warnings (the TODOs left to write).\n\n`);
  io.stdout(`Next:\n  ${shown === '.' ? '' : `cd ${shellQuote(shown)} && `}npm install && npm run build\n`);
  io.stdout(`Then edit content/ladder.md first: README.md says what to change, in order.\n`);
  if (kept.includes('package.json')) {
    io.stdout(
      `\nYour package.json was kept: add "parity-ladder" and "astro" to its dependencies, and the scripts "check": "ladder check" and "build": "ladder build".\n`,
    );
  }
  return EXIT.ok;
}

/** A ladder already in the folder: its content/ladder.md, or a ladder.md at the top. */
function existingLadder(dir: string): string | undefined {
  for (const candidate of ['content/ladder.md', 'ladder.md']) if (existsSync(join(dir, candidate))) return candidate;
  return undefined;
}

function templateFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...templateFiles(join(dir, entry.name), path));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/** Creates the folders of a path inside `root`, refusing any that is a symbolic link. */
function ensureFolder(root: string, dir: string): void {
  const parts = relative(root, dir).split(sep).filter(Boolean);
  let current = root;
  for (const part of parts) {
    current = join(current, part);
    if (existsSync(current) || isLink(current)) {
      const stat = lstatSync(current);
      if (stat.isSymbolicLink()) throw new UsageError(`${current} is a symbolic link: "ladder init" writes only inside ${root}`);
      if (!stat.isDirectory()) throw new UsageError(`${current} exists and is not a folder`);
    } else mkdirSync(current);
  }
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Writes a file that does not exist yet (O_EXCL: never over a file or through a link); false if something is there. */
function writeNew(path: string, text: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new UsageError(`cannot write ${path}: ${(error as Error).message}`);
  }
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** A path as a POSIX shell reads it back: single-quoted unless it is plain. */
function shellQuote(path: string): string {
  return /^[\w./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

function rel(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

/** "acme-careers" → "Acme Careers"; a folder named like a path segment only. */
export function titleFrom(folder: string): string {
  const words = folder
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return 'Our';
  return words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ');
}

/** An npm package name from the folder's name. */
export function packageName(folder: string): string {
  const slug = folder
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'career-ladder' : slug.slice(0, 200);
}
