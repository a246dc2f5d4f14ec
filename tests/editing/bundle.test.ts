/**
 * The web editor is self-hosted: its program comes from the npm package the
 * lockfile pins, and the build leaves out the package's references to fonts
 * on a CDN (src/integration/editor.ts). If a new version of the package
 * changes how it loads fonts, these tests say so.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserStandIn, vitePluginEditor, withoutCdnFonts } from '../../src/integration/editor.ts';
import { ROOT } from '../helpers/ladder.ts';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version: string; integrity?: string }> };
const EDITOR = join(ROOT, 'node_modules/@sveltia/cms');

describe('the editor package', () => {
  it('is a dependency at an exact version, which the lockfile pins with its integrity hash', () => {
    const version = pkg.dependencies['@sveltia/cms'];
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(lock.packages['node_modules/@sveltia/cms']).toMatchObject({ version, integrity: expect.stringMatching(/^sha512-/) });
    expect(JSON.parse(readFileSync(join(EDITOR, 'package.json'), 'utf8')).version).toBe(version);
  });

  it('loses every CDN font rule, and only those, when the site is built', () => {
    const code = readFileSync(join(EDITOR, 'npm/index.js'), 'utf8');
    const cdn = code.match(/https:\/\/cdn\.jsdelivr\.net\/fontsource\/[^)\s`'"]+/g) ?? [];
    expect(cdn.length).toBeGreaterThanOrEqual(3);
    const { code: out, removed } = withoutCdnFonts(code);
    expect(removed).toBe(cdn.length);
    expect(out).not.toMatch(/cdn\.jsdelivr\.net/);
    // The package's own copies of those fonts, which it loads itself, are still there.
    expect(out).toMatch(/assets\/material-symbols-outlined[^`'"]*\.woff2/);
    expect(code.length - out.length).toBeLessThan(4000);
  });
});

describe('the core in the browser build', () => {
  const plugin = vitePluginEditor();
  const resolve = (consumer: 'client' | 'server', id: string, importer: string) =>
    plugin.resolveId.call({ environment: { config: { consumer } } }, id, importer);

  it("gives the core's Node imports stand-ins in the browser only, and only the core's", () => {
    expect(resolve('client', 'node:fs', '/p/src/ladder/load.ts')).toBe('\0parity:browser:node:fs');
    expect(resolve('client', 'node:path', '/p/node_modules/parity-ladder/src/ladder/check.ts')).toBe('\0parity:browser:node:path');
    expect(resolve('server', 'node:fs', '/p/src/ladder/load.ts')).toBeUndefined();
    expect(resolve('client', 'node:fs', '/p/src/site/history.ts')).toBeUndefined();
    expect(resolve('client', 'yaml', '/p/src/ladder/load.ts')).toBeUndefined();
  });

  it('stands in with every name of the Node module, each of which refuses to run', async () => {
    const code = plugin.load('\0parity:browser:node:fs')!;
    for (const name of ['readdirSync', 'statSync', 'lstatSync', 'openSync', 'readSync', 'closeSync', 'readlinkSync', 'fstatSync', 'constants'])
      expect(code).toContain(`export const ${name} =`);
    const module = (await import(`data:text/javascript,${encodeURIComponent(browserStandIn('node:fs', ['readdirSync']))}`)) as { readdirSync: () => void };
    expect(() => module.readdirSync()).toThrow(
      "node:fs readdirSync() is not available in the browser: the web editor's check reads the ladder's files from memory",
    );
  });
});
