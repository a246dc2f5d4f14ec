/** Runs the `ladder` command as a company does: bin/ladder.js in a child process, with none of the shell's LADDER_* settings. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './ladder.ts';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the `ladder` command (bin/ladder.js) in a child process, in `cwd`, with none of the shell's LADDER_* settings. */
export async function ladderIn(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const base = { ...process.env, NO_COLOR: '1', LADDER_SITE: '', LADDER_BASE: '', LADDER_OUT: '', LADDER_CONTENT: '' };
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(ROOT, 'bin/ladder.js'), ...args], {
      cwd,
      env: { ...base, ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}
