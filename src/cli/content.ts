/** The content directory of a command: its --content, else $LADDER_CONTENT (src/environment.ts), else ./content. */
import { readEnv } from '../environment.ts';
import { contentDir } from '../ladder/check.ts';
import type { Io } from './usage.ts';

export function contentFor(flag: string | undefined, io: Pick<Io, 'env' | 'cwd'>): string {
  return contentDir(flag ?? readEnv(io.env).content, io.cwd);
}
