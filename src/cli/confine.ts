/**
 * The one place where the commands resolve a path and keep it inside the
 * folder it belongs to: the content folder for `ladder new`, the output
 * folder for `ladder build`. A symbolic link on the way is never followed.
 */
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { lstatSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';

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
      if (!last) mkdirSync(current);
      continue;
    }
    const shown = relative(dir, current).split(sep).join('/');
    if (stat.isSymbolicLink()) {
      throw new ConfinementError(`${shown} is a symbolic link, which ladder new does not write through (the checker does not follow links either): replace it with a real ${last ? 'file' : 'folder'}`);
    }
    if (!last && !stat.isDirectory()) throw new ConfinementError(`${shown} is a file, not a folder`);
  }
  // 'wx' is O_CREAT|O_EXCL: it fails on an existing file and on a link put there since the walk.
  writeFileSync(target, text, { flag: 'wx' });
  return target;
}
