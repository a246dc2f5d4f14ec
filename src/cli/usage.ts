import { readEnv } from '../environment.ts';

/** An error in how the command was called: printed with a hint, exit code 2. */
export class UsageError extends Error {}

export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Whether stdout is a terminal (colours). */
  tty: boolean;
}

export const processIo = (): Io => ({
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  tty: Boolean(process.stdout.isTTY) && !readEnv().noColor,
});
