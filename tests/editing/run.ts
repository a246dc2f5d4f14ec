/** Runs the `ladder` CLI in-process with a captured Io, for the editing-loop tests. */
import { main } from '../../src/cli/main.ts';
import type { Io } from '../../src/cli/usage.ts';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export async function ladder(argv: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    tty: false,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
