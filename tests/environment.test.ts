/**
 * The environment is read in one place (src/environment.ts): the core takes
 * its content directory from the caller, and no other module reads a
 * LADDER_* variable or NO_COLOR.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readEnv } from '../src/environment.ts';
import { contentDir } from '../src/ladder/check.ts';
import { contentFor } from '../src/cli/content.ts';
import { ROOT } from './helpers/ladder.ts';

const saved = process.env.LADDER_CONTENT;
afterEach(() => {
  if (saved === undefined) delete process.env.LADDER_CONTENT;
  else process.env.LADDER_CONTENT = saved;
});

describe('the environment', () => {
  it('is read by readEnv alone: blank counts as unset, values are trimmed', () => {
    expect(readEnv({ LADDER_CONTENT: ' ladder ', LADDER_OUT: '  ', LADDER_DEBUG: '1', NO_COLOR: '' })).toEqual({
      content: 'ladder',
      site: undefined,
      base: undefined,
      out: undefined,
      debug: true,
      noColor: false,
    });
  });

  it('does not reach the core: contentDir() is ./content whatever LADDER_CONTENT says', () => {
    process.env.LADDER_CONTENT = '/somewhere/else';
    expect(contentDir(undefined, '/work')).toBe(resolve('/work', 'content'));
    expect(contentDir('ladder', '/work')).toBe(resolve('/work', 'ladder'));
  });

  it('gives the commands --content, else LADDER_CONTENT, else ./content', () => {
    expect(contentFor('a', { env: { LADDER_CONTENT: 'b' }, cwd: '/w' })).toBe(resolve('/w/a'));
    expect(contentFor(undefined, { env: { LADDER_CONTENT: 'b' }, cwd: '/w' })).toBe(resolve('/w/b'));
    expect(contentFor(undefined, { env: { LADDER_CONTENT: ' ' }, cwd: '/w' })).toBe(resolve('/w/content'));
  });

  it('is named nowhere else in src/', () => {
    const src = join(ROOT, 'src');
    const files = (readdirSync(src, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => /\.(ts|astro)$/.test(f) && f !== 'environment.ts');
    expect(files.length).toBeGreaterThan(50);
    const reads = files.filter((f) => /\benv\s*(\.\s*|\[\s*['"])(LADDER_[A-Z_]+|NO_COLOR)\b/.test(readFileSync(join(src, f), 'utf8')));
    expect(reads).toEqual([]);
  });
});
