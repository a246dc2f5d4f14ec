/** parity({...}): the options' defaults, and errors that name the wrong option and the allowed ones. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPONENT_NAMES } from '../../src/integration/components.ts';
import parity from '../../src/integration/index.ts';
import { optionsSchema, parseOptions, ParityOptionsError } from '../../src/integration/options.ts';
import { ROUTES } from '../../src/integration/routes.ts';
import { readFileSync } from 'node:fs';
import { cleanup, miniLadder, ROOT, SAMPLE, tempDir, writeLadder } from '../helpers/ladder.ts';
import { astroProject, ladderIn, removeProjects } from '../helpers/project.ts';

function problems(input: unknown): string[] {
  try {
    parseOptions(input);
  } catch (error) {
    if (error instanceof ParityOptionsError) return error.problems;
    throw error;
  }
  throw new Error('expected the options to be refused');
}

describe('parity() options', () => {
  it('fills every default from nothing', () => {
    const options = parseOptions(undefined);
    expect(options.content).toBe('content');
    expect(options.pages).toEqual({ assess: true, changes: true, search: true, choose: true });
    expect(options.history).toEqual({ limit: 50 });
    expect(options.components).toEqual({});
    expect(options.customCss).toEqual([]);
  });

  it('names a misspelt option, the one probably meant, and every allowed one', () => {
    const [message] = problems({ contnet: 'x' });
    expect(message).toContain('`contnet` is not an option');
    expect(message).toContain('Did you mean `content`?');
    for (const key of Object.keys(optionsSchema.shape)) expect(message).toContain(key);
  });

  it('names a misspelt nested option with its parent', () => {
    const [message] = problems({ pages: { serch: false } });
    expect(message).toContain('`pages.serch` is not an option');
    expect(message).toContain('Did you mean `search`?');
    expect(message).toContain('assess, changes, search, choose');
  });

  it('lists the components that can be replaced when one does not exist', () => {
    const [message] = problems({ components: { Sidebar: './x.astro' } });
    expect(message).toContain('components');
    for (const name of COMPONENT_NAMES) expect(message).toContain(name);
  });

  it('says what type a value should be', () => {
    expect(problems({ content: 42 })[0]).toBe('`content` should be text (a string).');
    expect(problems({ editLinks: 'yes' })[0]).toBe('`editLinks` should be true or false.');
  });

  it('throws from parity() itself, before Astro starts, with the message and no internals', () => {
    expect(() => parity({ contnet: 'x' } as never)).toThrow(/`contnet` is not an option\. Did you mean `content`\?/);
    let thrown: unknown;
    try {
      parity({ contnet: 'x' } as never);
    } catch (error) {
      thrown = error;
    }
    // Astro prints a stack trace whenever the error has one.
    expect((thrown as Error).stack).toBe('');
  });

  it('has a route for every optional page switch and an entry file for every route', async () => {
    const { existsSync } = await import('node:fs');
    const { fileURLToPath } = await import('node:url');
    for (const route of ROUTES)
      expect(existsSync(fileURLToPath(new URL(`../../src/routes/${route.entrypoint}`, import.meta.url))), route.entrypoint).toBe(true);
    const switches = new Set(ROUTES.map((r) => r.page).filter(Boolean));
    expect([...switches].sort()).toEqual(Object.keys(parseOptions({}).pages).sort());
  });

  it('has a default component file for every overridable name', async () => {
    const { existsSync } = await import('node:fs');
    const { defaultComponent } = await import('../../src/integration/virtual.ts');
    for (const name of COMPONENT_NAMES) expect(existsSync(defaultComponent(name)), name).toBe(true);
  });

  it('reaches every overridable component through its virtual module, never by a path, so that an override shows everywhere', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { fileURLToPath } = await import('node:url');
    const src = fileURLToPath(new URL('../../src/', import.meta.url));
    const byPath = new RegExp(`from\\s+['"][^'"]*/(${COMPONENT_NAMES.join('|')})\\.astro['"]`);
    const files = (readdirSync(src, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => /\.(astro|ts)$/.test(f));
    expect(files.length).toBeGreaterThan(50);
    const found = files.filter((file) => byPath.test(readFileSync(`${src}${file}`, 'utf8'))).map((f) => f.replace(/\\/g, '/'));
    expect(found).toEqual([]);
  });
});

/** The three ways a company builds or previews: each says what is wrong in one message, exit 1, no stack trace. */
describe('a wrong option, from the command line', () => {
  let project: string;
  beforeAll(() => {
    project = astroProject(`{ contnet: 'x' }`);
  });
  afterAll(removeProjects);

  const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
  const cases: [string, string[]][] = [
    ['ladder build', [join(ROOT, 'bin/ladder.js'), 'build', '--content', SAMPLE, '--out', 'dist']],
    ['ladder build, reading the content from the config', [join(ROOT, 'bin/ladder.js'), 'build', '--out', 'dist']],
    ['astro build', [ASTRO, 'build']],
    ['astro dev', [ASTRO, 'dev', '--port', '0']],
  ];
  it.each(cases)('%s', (_name, args) => {
    const env = { ...process.env, NO_COLOR: '1', LADDER_CONTENT: '', ASTRO_TELEMETRY_DISABLED: '1' };
    const run = spawnSync(process.execPath, args, { cwd: project, env, encoding: 'utf8', timeout: 60_000 });
    const output = `${run.stdout}${run.stderr}`;
    expect(run.status, output).toBe(1);
    expect(output).toContain('`contnet` is not an option. Did you mean `content`?');
    expect(output.split('`contnet` is not an option').length, 'said once').toBe(2);
    expect(output).not.toMatch(/^\s+at .+:\d+:\d+/m);
    expect(output).not.toContain('Stack trace');
  });
});

describe('parity({ content })', () => {
  afterAll(() => {
    removeProjects();
    cleanup();
  });

  it('is the ladder that ladder build checks and builds, when neither --content nor LADDER_CONTENT says otherwise', async () => {
    const project = astroProject(`{ content: 'people/ladder' }`);
    const files = miniLadder();
    files['ladder.md'] = files['ladder.md']!.replace('name: Mini Ladder', 'name: Configured Ladder');
    writeLadder(files, join(project, 'people/ladder'));
    const out = join(tempDir('parity-configured-'), 'site');
    const run = await ladderIn(project, ['build', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Built the site of Configured Ladder');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('Configured Ladder');
    // LADDER_CONTENT still wins over the config (a CI override).
    const other = writeLadder(miniLadder());
    const overridden = await ladderIn(project, ['build', '--out', out], { LADDER_CONTENT: other });
    expect(overridden.code).toBe(0);
    expect(overridden.stdout).toContain('Built the site of Mini Ladder');
  });
});
