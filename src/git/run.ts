/**
 * The one way Parity runs git, for the history (src/git/history.ts), `ladder
 * diff` (src/git/version.ts) and the site's repository links
 * (src/site/repository.ts): never a prompt, no optional locks, paths
 * unquoted, output as bytes. Every reader asks git for NUL-framed output
 * (`-z`), so that no file name or commit message can pass for a separator.
 */
import { spawnSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { dirname } from 'node:path';

/** git could not be run at all (not installed, not executable). */
export class GitError extends Error {}

export interface GitResult {
  /** Exit status 0. */
  ok: boolean;
  stdout: Buffer;
  stderr: string;
}

/** Runs `git ARGS` in `cwd`, with `input` on its stdin. Throws GitError only when git cannot be started. */
export function git(args: readonly string[], cwd: string, input?: string): GitResult {
  const result = spawnSync('git', ['-c', 'core.quotePath=false', ...args], {
    cwd,
    input,
    maxBuffer: 1024 * 1024 * 1024,
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' },
  });
  if (result.error) throw new GitError(`git could not be run: ${result.error.message}`);
  return { ok: result.status === 0, stdout: result.stdout, stderr: result.stderr.toString('utf8').trim() };
}

/** {@link git}, with stdout as text. */
export function gitText(args: readonly string[], cwd: string, input?: string): { ok: boolean; stdout: string; stderr: string } {
  const result = git(args, cwd, input);
  return { ...result, stdout: result.stdout.toString('utf8') };
}

/** The top directory of the git work tree that holds `path`, if any. Throws GitError when git cannot be run. */
export function gitRoot(path: string): string | undefined {
  const result = gitText(['rev-parse', '--show-toplevel'], path);
  return result.ok ? result.stdout.trim() : undefined;
}

/** The real path (links resolved), or the path itself when it does not exist. */
export function realpath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** The path itself if it exists, else its nearest existing parent. */
export function existingAncestor(path: string): string {
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
