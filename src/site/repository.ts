/**
 * Where the published ladder's files live in the repository that ladder.md
 * names, for the "Suggest a change" links and the web editor's folders. The
 * content directory's path is read from git, not from the working directory:
 * a ladder built with `--content` from another checkout (or a CI workspace
 * at any depth) still links to the right file.
 */
import { existsSync, realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { gitRoot } from '../git/run.ts';
import { siteConfig, type SiteConfig } from './config.ts';

const memo = new Map<string, string>();

/**
 * The content directory's path inside its repository, with forward slashes
 * ("content", "ladders/acme", or "." for the repository's top folder):
 * the `repository.contentPath` option when set, else the path from the top of the git work
 * tree that holds it, else (no git) the path from the working directory when
 * it is inside it, else "." (the content directory is taken to be the
 * repository).
 */
export function contentPathInRepository(
  dir: string = siteConfig().contentDir,
  explicitPath: string | undefined = siteConfig().repository.contentPath,
  cwd: string = process.cwd(),
): string {
  const explicit = explicitPath?.trim();
  if (explicit) return tidy(explicit);
  const key = `${cwd}\0${dir}`;
  let path = memo.get(key);
  if (path === undefined) {
    path = fromGitOrCwd(resolve(cwd, dir), cwd);
    memo.set(key, path);
  }
  return path;
}

/** The branch that edits and the web editor's pull requests start from: the `repository.branch` option (default main). */
export function editBranch(repository: SiteConfig['repository'] = siteConfig().repository): string {
  return repository.branch.trim() || 'main';
}

function fromGitOrCwd(dir: string, cwd: string): string {
  const real = existsSync(dir) ? realpathSync(dir) : dir;
  let root: string | undefined;
  try {
    root = existsSync(dir) ? gitRoot(dir) : undefined;
  } catch {
    root = undefined; // git is not installed
  }
  if (root) return tidy(relative(realpathSync(root), real));
  const fromCwd = relative(existsSync(cwd) ? realpathSync(cwd) : cwd, real);
  return fromCwd.startsWith('..') || isAbsolute(fromCwd) ? '.' : tidy(fromCwd);
}

function tidy(path: string): string {
  return (
    path
      .split(sep)
      .join('/')
      .replace(/\\/g, '/')
      .replace(/^(\.\/)+|\/+$/g, '') || '.'
  );
}
