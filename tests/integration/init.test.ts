/** `ladder init`: a company repository that passes the check, never overwriting a file nor writing through a link. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../src/ladder/check.ts';
import { actionsOf, outdatedActions } from '../helpers/actions.ts';
import { cleanup, ROOT, tempDir } from '../helpers/ladder.ts';

afterAll(cleanup);

function ladder(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/ladder.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, LADDER_CONTENT: '' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('ladder init', () => {
  it('writes a repository whose ladder passes the check with only placeholder warnings', () => {
    const dir = join(tempDir('init-'), 'acme-careers');
    const { status, stdout, stderr } = ladder(['init', dir], ROOT);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toContain('npm install && npm run build');
    for (const file of ['package.json', 'astro.config.mjs', 'README.md', '.gitignore', '.nvmrc', '.github/workflows/ladder.yml', 'content/ladder.md']) {
      expect(existsSync(join(dir, file)), file).toBe(true);
    }
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const own = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.name).toBe('acme-careers');
    expect(pkg.dependencies['parity-ladder']).toBe(`^${own.version}`);
    expect(pkg.scripts.build).toBe('ladder build');
    expect(readFileSync(join(dir, 'astro.config.mjs'), 'utf8')).toMatch(/import parity from 'parity-ladder';[\s\S]*parity\(/);
    const result = check(join(dir, 'content'));
    expect(result.summary.errors).toBe(0);
    expect(new Set(result.diagnostics.map((d) => d.rule))).toEqual(new Set(['content/placeholder']));
    const kinds = new Set(result.ladder.tracks.map((t) => t.kind));
    expect(kinds).toEqual(new Set(['individual-contributor', 'management']));
    expect(new Set(result.ladder.levels.map((l) => l.grade)).size).toBe(3);
    expect(result.ladder.name).toBe('Acme Careers');
  });

  it('uses CI actions that run on Node 24, every one of them', () => {
    const workflow = readFileSync(join(ROOT, 'templates/init/github/workflows/ladder.yml'), 'utf8');
    const used = actionsOf(workflow).map(([action]) => action);
    expect(used).toEqual(
      expect.arrayContaining(['actions/checkout', 'actions/setup-node', 'actions/configure-pages', 'actions/upload-pages-artifact', 'actions/deploy-pages']),
    );
    expect(outdatedActions(workflow)).toEqual([]);
    // The check itself catches a Node-20 major.
    expect(outdatedActions(workflow.replace('deploy-pages@v5', 'deploy-pages@v4'))).toEqual(['actions/deploy-pages@v4 (needs v5+)']);
  });

  it('refuses a folder that already holds a ladder, and writes nothing', () => {
    const dir = tempDir('init-');
    mkdirSync(join(dir, 'content'));
    writeFileSync(join(dir, 'content/ladder.md'), '---\nname: Ours\ncurrency: EUR\n---\n');
    const { status, stderr } = ladder(['init'], dir);
    expect(status).toBe(2);
    expect(stderr).toContain('already holds a ladder');
    expect(existsSync(join(dir, 'package.json'))).toBe(false);
  });

  it('keeps every file that is already there, byte for byte', () => {
    const dir = tempDir('init-');
    writeFileSync(join(dir, 'README.md'), 'Our own readme\n');
    writeFileSync(join(dir, 'package.json'), '{"name":"ours"}\n');
    const { status, stdout } = ladder(['init', dir], ROOT);
    expect(status).toBe(0);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('Our own readme\n');
    expect(readFileSync(join(dir, 'package.json'), 'utf8')).toBe('{"name":"ours"}\n');
    expect(stdout).toMatch(/kept as they were \((README\.md, package\.json|package\.json, README\.md)\)/);
    expect(stdout).toContain('add "parity-ladder"');
    expect(existsSync(join(dir, 'content/ladder.md'))).toBe(true);
  });

  it('never writes through a symbolic link to a folder outside', () => {
    const dir = tempDir('init-');
    const outside = tempDir('init-outside-');
    symlinkSync(outside, join(dir, 'content'));
    const { status, stderr } = ladder(['init', dir], ROOT);
    expect(status).toBe(2);
    expect(stderr).toContain('symbolic link');
    expect(existsSync(join(outside, 'ladder.md'))).toBe(false);
  });
});
