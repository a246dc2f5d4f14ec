/**
 * Reading a version of the content directory from a git commit without
 * touching the working tree: `git ls-tree` and `git cat-file --batch` into a
 * temporary directory that check() reads.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';


/** A git problem that makes a version unreadable: not a repository, an unknown ref, no content at that ref. */
export class GitRefError extends Error {}

export interface Snapshot {
  /** A temporary directory holding the content files as they were at the commit. */
  dir: string;
  /** The full commit id. */
  commit: string;
  /** Removes the temporary directory. */
  cleanup(): void;
}

function git(args: string[], cwd: string, input?: string): { ok: boolean; stdout: Buffer; stderr: string } {
  const result = spawnSync('git', args, { cwd, input, maxBuffer: 1024 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
  if (result.error) throw new GitRefError(`git could not be run: ${result.error.message}`);
  return { ok: result.status === 0, stdout: result.stdout, stderr: result.stderr.toString('utf8').trim() };
}

/** The top directory of the git work tree that holds `path`, if any. */
export function gitRoot(path: string): string | undefined {
  const result = git(['rev-parse', '--show-toplevel'], path);
  return result.ok ? result.stdout.toString('utf8').trim() : undefined;
}

/** The commit a ref names, or undefined. */
export function resolveCommit(ref: string, cwd: string): string | undefined {
  if (ref.startsWith('-') || ref.trim() === '') return undefined;
  const result = git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], cwd);
  return result.ok ? result.stdout.toString('utf8').trim() : undefined;
}

/**
 * Copies the Markdown files of a content directory, as they were at a git
 * ref, into a new temporary directory. Reads objects only: the working tree,
 * the index and HEAD are never touched.
 */
export function readContentAtRef(ref: string, contentDir: string): Snapshot {
  const absolute = resolve(contentDir);
  const probe = existingAncestor(absolute);
  const root = gitRoot(probe);
  if (!root) throw new GitRefError(`"${ref}" is not a directory, and ${probe} is not inside a git repository`);
  const commit = resolveCommit(ref, root);
  if (!commit) throw new GitRefError(`"${ref}" is neither a directory nor a git commit, branch or tag of ${root}`);
  const rel = relative(realpath(root), realpath(absolute)).split(sep).join('/');
  if (rel.startsWith('..')) throw new GitRefError(`The content directory ${absolute} is outside the git repository ${root}`);

  const listing = git(['ls-tree', '-r', '-z', '--full-tree', commit, ...(rel === '' ? [] : ['--', rel])], root);
  if (!listing.ok) throw new GitRefError(`git ls-tree failed at ${ref}: ${listing.stderr}`);
  const entries: { oid: string; path: string }[] = [];
  for (const record of listing.stdout.toString('utf8').split('\0')) {
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode, type, oid] = record.slice(0, tab).split(' ');
    const path = record.slice(tab + 1);
    if (type !== 'blob' || mode === '120000' || oid === undefined || !path.endsWith('.md')) continue;
    const inside = rel === '' ? path : path.slice(rel.length + 1);
    if (inside.split('/').some((part) => part === '..' || part === '')) continue;
    entries.push({ oid, path: inside });
  }
  if (entries.length === 0) throw new GitRefError(`There is no ladder in ${rel || '.'}/ at ${ref}`);

  const batch = git(['cat-file', '--batch'], root, `${entries.map((e) => e.oid).join('\n')}\n`);
  if (!batch.ok) throw new GitRefError(`git cat-file failed at ${ref}: ${batch.stderr}`);
  const dir = mkdtempSync(join(tmpdir(), 'ladder-diff-'));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  try {
    let offset = 0;
    const data = batch.stdout;
    for (const entry of entries) {
      const newline = data.indexOf(0x0a, offset);
      const header = data.subarray(offset, newline).toString('utf8');
      const size = Number(header.split(' ')[2]);
      if (!header.startsWith(entry.oid) || !Number.isFinite(size)) throw new GitRefError(`Unexpected output from git cat-file: ${header}`);
      const content = data.subarray(newline + 1, newline + 1 + size);
      offset = newline + 1 + size + 1;
      const target = join(dir, ...entry.path.split('/'));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
  } catch (error) {
    cleanup();
    throw error;
  }
  return { dir, commit, cleanup };
}

function realpath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function existingAncestor(path: string): string {
  let current = path;
  for (;;) {
    try {
      realpathSync(current);
      return current;
    } catch {
      const parent = dirname(current);
      if (parent === current) return current;
      current = parent;
    }
  }
}

/** One commit of `git log -z --raw` read by {@link parseLog}: its format fields, then its raw changes. */
export interface LogRecord {
  /** The fields of the format, in order; the first is the commit id. */
  fields: string[];
  /** `:mode mode oid oid status` and the path, for each file the commit changed. */
  changes: { meta: string; path: string }[];
}

/**
 * The one reader of `git log` output. The log must be asked for with `-z`,
 * `--raw` and a format whose fields are separated by `%x00` and start with
 * `%H`: NUL is the one byte that git does not keep in a commit message, so a
 * subject holding \x1e, \x1f or a line break cannot start a new entry or
 * field. Fields are taken by position; a change is a `:`-line and the path
 * after it, so a file name cannot pass for a commit either.
 */
export function parseLog(output: string, fieldCount: number): LogRecord[] {
  const tokens = output.split('\0');
  const records: LogRecord[] = [];
  let i = 0;
  while (i < tokens.length) {
    const id = tokens[i]!.replace(/^\n/, '');
    if (!/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(id)) {
      i++;
      continue;
    }
    const fields = [id, ...tokens.slice(i + 1, i + fieldCount)];
    i += fieldCount;
    const changes: LogRecord['changes'] = [];
    for (;;) {
      while (tokens[i] === '' || tokens[i] === '\n') i++;
      const meta = tokens[i]?.replace(/^\n/, '');
      if (meta === undefined || !meta.startsWith(':')) break;
      changes.push({ meta, path: tokens[i + 1] ?? '' });
      i += 2;
    }
    records.push({ fields, changes });
  }
  return records;
}
