/**
 * The one place where the commands resolve a path and keep it inside the
 * folder it belongs to: the content folder for `ladder new`, the output
 * folder for `ladder build`. A symbolic link on the way is never followed.
 */
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';

/** Why a path cannot be written inside its folder (a link on the way, or a path that leaves it). */
export class ConfinementError extends Error {}

/** Whether child is strictly inside parent (paths as given, not resolved). */
export function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** The real path of a path that may not exist yet: its nearest existing ancestor resolved, the rest appended. */
export function realish(path: string): string {
  const rest: string[] = [];
  let current = path;
  for (;;) {
    try {
      return join(realpathSync(current), ...rest.reverse());
    } catch {
      const parent = dirname(current);
      if (parent === current) return path;
      rest.push(basename(current));
      current = parent;
    }
  }
}

/**
 * Writes a new file at `rel` (forward slashes) inside `dir`, creating its
 * folders, without following a symbolic link anywhere below `dir` and
 * without leaving it. Never replaces a file ('wx'): EEXIST is thrown as it is.
 */
export function writeNewFileInside(dir: string, rel: string, text: string): string {
  const target = walkInside(dir, rel, true);
  // 'wx' is O_CREAT|O_EXCL: it fails on an existing file and on a link put there since the walk.
  writeFileSync(target, text, { flag: 'wx' });
  return target;
}

/**
 * Reads an existing file at `rel` inside `dir` as UTF-8, through no symbolic
 * link (O_NOFOLLOW on the file itself, lstat on the folders above it).
 */
export function readFileInside(dir: string, rel: string): string {
  const target = walkInside(dir, rel, false);
  const fd = openSync(target, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  try {
    if (!fstatSync(fd).isFile()) throw new ConfinementError(`${rel} is not a file`);
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

/**
 * Replaces the text of an existing file at `rel` inside `dir`, provided it
 * still reads `expected` (nobody saved it in between): the new text goes to
 * a temporary file beside it, which is then renamed over it, so that a
 * reader never sees half a file and a link put there is replaced, not
 * followed. The file keeps its permissions. Throws ConfinementError when
 * the file changed or a link is on the way.
 */
export function replaceFileInside(dir: string, rel: string, expected: string, text: string): string {
  const target = walkInside(dir, rel, false);
  const stat = lstatSync(target);
  if (!stat.isFile()) throw new ConfinementError(`${rel} is not a file`);
  if (readFileInside(dir, rel) !== expected) throw new ConfinementError(`${rel} changed while the command ran: run it again`);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  writeFileSync(temporary, text, { flag: 'wx', mode: stat.mode & 0o7777 });
  try {
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  return target;
}

/** The absolute path of `rel` inside `dir`, refusing a path that leaves it or passes a symbolic link; creates missing folders when asked. */
function walkInside(dir: string, rel: string, create: boolean): string {
  const target = resolve(dir, ...rel.split('/'));
  if (!isInside(dir, target)) throw new ConfinementError(`${rel} is outside the content folder ${dir}`);
  let current = dir;
  const parts = relative(dir, target).split(sep);
  for (const [i, part] of parts.entries()) {
    current = join(current, part);
    const last = i === parts.length - 1;
    let stat;
    try {
      stat = lstatSync(current);
    } catch {
      if (!last && create) mkdirSync(current);
      else if (!create) throw new ConfinementError(`${rel} does not exist`);
      continue;
    }
    const shown = relative(dir, current).split(sep).join('/');
    if (stat.isSymbolicLink()) {
      throw new ConfinementError(
        `${shown} is a symbolic link, which ladder new does not write through (the checker does not follow links either): replace it with a real ${last ? 'file' : 'folder'}`,
      );
    }
    if (!last && !stat.isDirectory()) throw new ConfinementError(`${shown} is a file, not a folder`);
  }
  return target;
}
