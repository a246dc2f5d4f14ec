/**
 * Parity as a company installs it. From this repository: `npm pack`; then, in
 * a temporary folder outside it (no access to this repository's
 * node_modules): `npx ladder init` from the tarball, install the tarball,
 * build, and check every URL of the spec; the core's export; a component
 * override and a customCss file whose --parity-accent wins over Parity's
 * layered styles; a parity break that fails the check and the
 * build; a wrong option that fails with a message naming it.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postcss, { type AtRule, type Declaration } from 'postcss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'parity-package-'));
const project = join(work, 'acme-careers');
let tarball = '';

/** The environment of a company's machine: none of this repository's settings. */
const env = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !/^(LADDER_|NODE_PATH$|npm_|VITEST|NODE_ENV$|BASE_URL$|MODE$|DEV$|PROD$|SSR$)/.test(name)),
) as NodeJS.ProcessEnv;

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 540_000 });
}

function ok(result: SpawnSyncReturns<string>, what: string): string {
  if (result.status !== 0) throw new Error(`${what} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

afterAll(() => rmSync(work, { recursive: true, force: true }));

beforeAll(() => {
  const packed = ok(run('npm', ['pack', '--silent', '--pack-destination', work], ROOT), 'npm pack');
  tarball = join(work, packed.trim().split('\n').at(-1)!);
  expect(existsSync(join(ROOT, 'lib')), 'postpack removes lib/ again').toBe(false);
  ok(run('npx', ['--yes', `--package=${tarball}`, 'ladder', 'init', 'acme-careers'], work), 'ladder init');
  ok(run('npm', ['install', '--no-audit', '--no-fund', tarball], project), 'npm install');
});

/** Where each declaration of a custom property sits in the built CSS: its value and the cascade layers around it. */
function declarations(css: string, property: string): { value: string; selector: string; layers: string[] }[] {
  const found: { value: string; selector: string; layers: string[] }[] = [];
  postcss.parse(css).walkDecls(property, (decl: Declaration) => {
    const layers: string[] = [];
    let selector = '';
    for (let node = decl.parent; node && node.type !== 'root'; node = node.parent as typeof node) {
      if (node.type === 'atrule' && (node as AtRule).name === 'layer') layers.unshift((node as AtRule).params);
      if (node.type === 'rule' && !selector) selector = (node as { selector: string }).selector;
    }
    found.push({ value: decl.value, selector, layers });
  });
  return found;
}

/** Every page and file of the spec's URL table for this ladder, from its /ladder.json. */
function specUrls(dist: string): string[] {
  const data = JSON.parse(readFileSync(join(dist, 'ladder.json'), 'utf8')) as {
    families: { id: string }[];
    tracks: { id: string }[];
    competencies: { id: string }[];
    levels: { id: string; family: string; grade: number; track: string; next?: string | null }[];
  };
  const urls = ['/', '/compare/', '/parity/', '/ladder.json', '/ladder.csv'];
  for (const f of data.families) urls.push(`/families/${f.id}/`);
  for (const t of data.tracks) urls.push(`/tracks/${t.id}/`);
  for (const c of data.competencies) urls.push(`/competencies/${c.id}/`);
  for (const level of data.levels) {
    urls.push(`/levels/${level.id}/`, `/compare/${level.family}/${level.grade}/`);
    const higher = data.levels.some((other) => other.track === level.track && other.grade > level.grade);
    if (higher) urls.push(`/levels/${level.id}/next/`);
  }
  return [...new Set(urls)];
}

function fileOf(dist: string, url: string): string {
  return url.endsWith('/') ? join(dist, url, 'index.html') : join(dist, url);
}

describe('the packed package in a company repository', () => {
  it('ships what Node runs as JavaScript, and no tests, benchmarks or sample', () => {
    const listing = ok(run('tar', ['tzf', tarball], work), 'tar').split('\n');
    expect(listing).toContain('package/lib/cli/main.js');
    expect(listing).toContain('package/lib/ladder/index.js');
    expect(listing).toContain('package/lib/integration/index.js');
    expect(listing).toContain('package/LICENSE');
    expect(listing.some((f) => f.startsWith('package/tests/'))).toBe(false);
    expect(listing.some((f) => f.startsWith('package/bench/'))).toBe(false);
    expect(listing.some((f) => f.startsWith('package/content/'))).toBe(false);
    expect(listing.some((f) => f.endsWith('.test.ts'))).toBe(false);
  });

  it('checks the new ladder with the installed command', () => {
    const result = run('npx', ['--no-install', 'ladder', 'check'], project);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/0 errors and \d+ warnings/);
  });

  it('exposes the core to scripts as parity-ladder/core', () => {
    const script =
      "import { check } from 'parity-ladder/core'; const r = check('content'); console.log(JSON.stringify({ ok: r.ok, levels: r.ladder.levels.length }));";
    const out = JSON.parse(ok(run(process.execPath, ['--input-type=module', '-e', script], project), 'core import'));
    expect(out).toEqual({ ok: true, levels: 5 });
  });

  it('builds a site with every URL of the spec', () => {
    const out = ok(run('npm', ['run', 'build'], project), 'npm run build');
    expect(out).toContain('Built the site');
    const dist = join(project, 'dist');
    const urls = specUrls(dist);
    expect(urls.length).toBeGreaterThan(15);
    const missing = urls.filter((url) => !existsSync(fileOf(dist, url)));
    expect(missing).toEqual([]);
    expect(existsSync(join(dist, 'pagefind'))).toBe(true);
    expect(readdirSync(project).some((name) => name === 'src')).toBe(false);
  });

  it('shows a replaced component and a customCss file on the built pages', () => {
    writeFileSync(
      join(project, 'Footer.astro'),
      '---\nimport Default from \'parity-ladder/components/Footer.astro\';\n---\n<Default {...Astro.props} />\n<p class="acme-footer">Questions? Ask the Acme People team.</p>\n',
    );
    writeFileSync(join(project, 'brand.css'), ':root { --parity-accent: #b0005a; }\n.site-name { color: var(--parity-accent); }\n');
    const config = readFileSync(join(project, 'astro.config.mjs'), 'utf8');
    writeFileSync(
      join(project, 'astro.config.mjs'),
      config.replace("content: 'content',", "content: 'content',\n      customCss: ['./brand.css'],\n      components: { Footer: './Footer.astro' },"),
    );
    ok(run('npm', ['run', 'build'], project), 'build with overrides');
    const html = readFileSync(join(project, 'dist/index.html'), 'utf8');
    expect(html).toContain('Questions? Ask the Acme People team.');
    expect(html).toContain('ladder.json'); // the wrapped original footer is still there
    const css = readdirSync(join(project, 'dist/_astro'))
      .filter((f) => f.endsWith('.css'))
      .map((f) => readFileSync(join(project, 'dist/_astro', f), 'utf8'))
      .join('\n');
    // Parity's styles sit in the layer `parity`; the company's file is unlayered, so its
    // --parity-accent wins over Parity's by the cascade's layer order, whatever the order of the files.
    const accents = declarations(css, '--parity-accent');
    const parity = accents.filter((d) => d.layers.join() === 'parity');
    const company = accents.filter((d) => d.layers.length === 0);
    expect(parity.length).toBeGreaterThanOrEqual(2); // the light and the dark scheme
    expect(company).toEqual([{ value: '#b0005a', selector: ':root', layers: [] }]);
    expect(accents).toHaveLength(parity.length + company.length);
    expect(declarations(css, 'color').some((d) => d.selector === '.site-name' && d.value === 'var(--parity-accent)' && d.layers.length === 0)).toBe(true);
    // Every other rule of Parity's sits in the layer too: no unlayered declaration but the company's two.
    const unlayered: string[] = [];
    postcss.parse(css).walkDecls((decl) => {
      let node = decl.parent;
      while (node && node.type !== 'root' && !(node.type === 'atrule' && (node as AtRule).name === 'layer')) node = node.parent as typeof node;
      if (!node || node.type === 'root') unlayered.push(`${decl.prop}: ${decl.value}`);
    });
    expect(unlayered.sort()).toEqual(['--parity-accent: #b0005a', 'color: var(--parity-accent)']);
    writeFileSync(join(project, 'astro.config.mjs'), config);
  });

  it('fails the check and the build on a parity break, and publishes nothing', () => {
    const file = join(project, 'content/levels/engineering-ic/staff-engineer.md');
    const original = readFileSync(file, 'utf8');
    const before = readFileSync(join(project, 'dist/index.html'), 'utf8');
    // An IC level that overrides its family's band with a lower one: the convergence, in pay.
    writeFileSync(file, original.replace('authority:', 'pay:\n  min: 160000\n  max: 200000\nauthority:'));
    try {
      const checked = run('npx', ['--no-install', 'ladder', 'check'], project);
      expect(checked.status).toBe(1);
      expect(checked.stdout).toContain('parity/pay');
      const built = run('npm', ['run', 'build'], project);
      expect(built.status).toBe(1);
      expect(built.stderr).toContain('no site was built');
      expect(readFileSync(join(project, 'dist/index.html'), 'utf8')).toBe(before);
    } finally {
      writeFileSync(file, original);
    }
  });

  it('refuses a wrong option with a message naming it and the allowed ones, without a stack trace', () => {
    const config = readFileSync(join(project, 'astro.config.mjs'), 'utf8');
    writeFileSync(join(project, 'astro.config.mjs'), config.replace("content: 'content',", "contnet: 'x',"));
    try {
      // npm run build (ladder build), astro build and astro dev: one message each, no stack trace.
      for (const args of [
        ['npm', 'run', 'build'],
        ['npx', '--no-install', 'astro', 'build'],
        ['npx', '--no-install', 'astro', 'dev', '--port', '0'],
      ]) {
        const built = run(args[0]!, args.slice(1), project);
        const output = built.stdout + built.stderr;
        expect(built.status, `${args.join(' ')}:\n${output}`).toBe(1);
        expect(output).toContain('`contnet` is not an option. Did you mean `content`?');
        expect(output.split('`contnet` is not an option').length, `${args.join(' ')} says it once`).toBe(2);
        expect(output).toContain('customCss');
        expect(output).not.toMatch(/^\s+at .+:\d+:\d+/m);
        expect(output).not.toContain('Stack trace');
      }
    } finally {
      writeFileSync(join(project, 'astro.config.mjs'), config);
    }
  });

  it('refuses to init over the ladder it made', () => {
    const again = run('npx', ['--no-install', 'ladder', 'init'], project);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('already holds a ladder');
  });
});
