/**
 * The web editor's program is built once and reused by later site builds
 * until a file it is made of changes (src/integration/editor-program.ts).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { vitePluginEditor } from '../../src/integration/editor.ts';
import { discard, editorProgram, installProgram, isCurrent, type EditorProgram } from '../../src/integration/editor-program.ts';
import { PACKAGE_ROOT } from '../../src/integration/virtual.ts';
import { ROOT } from '../helpers/ladder.ts';

describe('isCurrent', () => {
  const manifest = { root: PACKAGE_ROOT, base: '/', entry: 'admin.x.js', inputs: { '/a.ts': 'A', '/b.js': 'B', '/yarn.lock': '' } };

  it('takes a program whose every input has the content it was built from', () => {
    expect(isCurrent(manifest, '/', (path) => ({ '/a.ts': 'A', '/b.js': 'B' })[path])).toBe(true);
  });

  it('refuses it when a lockfile that was not there appears, or the package moved (a copied project)', () => {
    expect(isCurrent(manifest, '/', (path) => ({ '/a.ts': 'A', '/b.js': 'B', '/yarn.lock': 'Y' })[path])).toBe(false);
    expect(isCurrent({ ...manifest, root: '/elsewhere' }, '/', (path) => ({ '/a.ts': 'A', '/b.js': 'B' })[path])).toBe(false);
  });

  it('refuses it when one input changed or is gone, when the base path differs, or when it lists no input', () => {
    expect(isCurrent(manifest, '/', (path) => ({ '/a.ts': 'A', '/b.js': 'changed' })[path])).toBe(false);
    expect(isCurrent(manifest, '/', (path) => ({ '/a.ts': 'A' })[path])).toBe(false);
    expect(isCurrent(manifest, '/careers/', () => 'A')).toBe(false);
    expect(isCurrent({ ...manifest, inputs: {} }, '/', () => 'A')).toBe(false);
  });
});

describe("the loader's import of the program", () => {
  const plugin = vitePluginEditor({ program: '/careers/_astro/admin.abc.js' });
  const resolve = (consumer: 'client' | 'server', id: string, importer: string) =>
    plugin.resolveId.call({ environment: { config: { consumer } } }, id, importer);

  it("is the built program's URL, kept as written, in the browser build of the loader only", () => {
    expect(resolve('client', './admin.ts', '/p/src/editor/load.ts')).toEqual({ id: '/careers/_astro/admin.abc.js', external: 'absolute' });
    expect(resolve('client', './admin.ts', '/p/node_modules/parity-ladder/src/editor/load.ts?v=1')).toMatchObject({ external: 'absolute' });
    expect(resolve('server', './admin.ts', '/p/src/editor/load.ts')).toBeUndefined();
    expect(resolve('client', './admin.ts', '/p/src/editor/other.ts')).toBeUndefined();
    expect(vitePluginEditor().resolveId.call({ environment: { config: { consumer: 'client' } } }, './admin.ts', '/p/src/editor/load.ts')).toBeUndefined();
  });
});

describe('editorProgram', () => {
  const cache = mkdtempSync(join(tmpdir(), 'parity-program-'));
  const programs: EditorProgram[] = [];
  afterAll(() => {
    for (const program of programs) discard(program);
    rmSync(cache, { recursive: true, force: true });
  });
  const get = async (base: string) => {
    const program = await editorProgram(cache, base, ROOT);
    programs.push(program);
    return program;
  };

  it('builds the program once, reuses it, and builds it again when an input changes', async () => {
    const first = await get('/careers/');
    expect(first.built).toBe(true);
    expect(first.url).toMatch(/^\/careers\/_astro\/admin\.[\w-]+\.js$/);
    const entry = readFileSync(join(first.dir, first.url.split('/').at(-1)!), 'utf8');
    expect(entry).toContain('registerCustomFormat');
    // Its assets and chunks are found below the base path, and the CDN fonts are gone as in a bundled build.
    expect(readdirSync(first.dir).some((file) => file.endsWith('.woff2'))).toBe(true);
    expect(
      readdirSync(first.dir)
        .filter((file) => file.endsWith('.js'))
        .map((file) => readFileSync(join(first.dir, file), 'utf8'))
        .join(''),
    ).not.toMatch(/cdn\.jsdelivr\.net/);

    const second = await get('/careers/');
    expect(second).toMatchObject({ built: false, url: first.url });
    expect(readdirSync(second.dir).sort()).toEqual(readdirSync(first.dir).sort());

    // One of the files it was made of is not what it was: the manifest says so, and the program is made again.
    const [slot] = readdirSync(cache).filter((name) => name.startsWith('editor-'));
    const manifestPath = join(cache, slot!, 'parity-editor-manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { inputs: Record<string, string> };
    const input = Object.keys(manifest.inputs).find((path) => path.endsWith('src/ladder/check.ts'))!;
    expect(input).toBeDefined();
    manifest.inputs[input] = 'not its hash';
    writeFileSync(manifestPath, JSON.stringify(manifest));
    expect((await get('/careers/')).built).toBe(true);
    expect((await get('/careers/')).built).toBe(false);
    // Nothing is left of the builds but the program itself.
    expect(readdirSync(cache).filter((name) => !/^editor-[0-9a-f]{12}$/.test(name))).toEqual([]);
    // The manifest watches the lockfile too, and the sources the bundler left out.
    const watched = Object.keys((JSON.parse(readFileSync(manifestPath, 'utf8')) as { inputs: Record<string, string> }).inputs);
    expect(watched).toContain(join(ROOT, 'package-lock.json'));
    expect(watched).toContain(join(PACKAGE_ROOT, 'src/ladder/scaffold.ts'));
  }, 120_000);

  it('copies the program into the built site, and leaves no copy behind', async () => {
    const program = await get('/careers/');
    const site = mkdtempSync(join(tmpdir(), 'parity-site-'));
    try {
      installProgram(program, site);
      expect(existsSync(join(site, '_astro', program.url.split('/').at(-1)!))).toBe(true);
      discard(program);
      expect(existsSync(program.dir)).toBe(false);
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  }, 60_000);
});
