/**
 * Reading a version of the content directory from a git commit without
 * touching the working tree (for `ladder diff`): the commit's Markdown files
 * (src/git/tree.ts) written into a temporary directory that check() reads.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { listVersion, readBlobs } from './tree.ts';
import { existingAncestor, GitError, gitRoot, gitText, realpath } from './run.ts';

/** A git problem that makes a version unreadable: not a repository, an unknown ref, no content at that ref. */
export class GitRefError extends GitError {}

export interface Snapshot {
  /** A temporary directory holding the content files as they were at the commit. */
  dir: string;
  /** The full commit id. */
  commit: string;
  /** Removes the temporary directory. */
  cleanup(): void;
}

/** The commit a ref names, or undefined. */
export function resolveCommit(ref: string, cwd: string): string | undefined {
  if (ref.startsWith('-') || ref.trim() === '') return undefined;
  const result = gitText(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], cwd);
  return result.ok ? result.stdout.trim() : undefined;
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

  const version = listVersion(root, commit, rel);
  if (!version) throw new GitRefError(`git ls-tree failed at ${ref}`);
  if (version.size === 0) throw new GitRefError(`There is no ladder in ${rel || '.'}/ at ${ref}`);
  const blobs = readBlobs(root, version.values());

  const dir = mkdtempSync(join(tmpdir(), 'ladder-diff-'));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  try {
    for (const [path, oid] of version) {
      const content = blobs.get(oid);
      if (!content) throw new GitRefError(`git cat-file could not read ${path} at ${ref}`);
      const target = join(dir, ...path.split('/'));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
  } catch (error) {
    cleanup();
    throw error;
  }
  return { dir, commit, cleanup };
}
