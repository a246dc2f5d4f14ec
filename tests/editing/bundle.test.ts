/**
 * The web editor is self-hosted: its program comes from the npm package the
 * lockfile pins, and the build leaves out the package's references to fonts
 * on a CDN (src/integration/editor.ts). If a new version of the package
 * changes how it loads fonts, these tests say so.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { quietCoreExternals, withoutCdnFonts } from '../../src/integration/editor.ts';
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

describe('the build', () => {
  it('passes on every warning but the left-out Node imports of the core', () => {
    const seen: string[] = [];
    const warn = (w: { message?: string }) => void seen.push(w.message ?? '');
    quietCoreExternals({ message: 'Module "node:fs" has been externalized for browser compatibility, imported by "/x/src/ladder/load.ts". See …' }, warn);
    quietCoreExternals({ message: 'Module "node:fs" has been externalized for browser compatibility, imported by "/x/src/site/history.ts". See …' }, warn);
    quietCoreExternals({ message: 'Circular dependency' }, warn);
    expect(seen).toEqual(['Module "node:fs" has been externalized for browser compatibility, imported by "/x/src/site/history.ts". See …', 'Circular dependency']);
  });
});
