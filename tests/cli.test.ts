/** `ladder check` end to end, as CI runs it: a child process, its output and its exit code. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, copySample, editFile, miniLadder, ROOT, SAMPLE, tempDir, writeLadder } from './helpers/ladder.ts';

afterAll(cleanup);

function ladder(args: string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}) {
  const env = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, LADDER_CONTENT: undefined, ...options.env };
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/ladder.js'), ...args], {
    cwd: options.cwd ?? ROOT,
    env: Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The mini ladder with one pay band lowered: two parity/pay errors. */
function brokenLadder(): string {
  const files = miniLadder();
  files['levels/eng-ic/senior.md'] = files['levels/eng-ic/senior.md']!.replace('max: 90000', 'max: 85000');
  return writeLadder(files);
}

describe('ladder check', () => {
  it('passes the sample ladder from the project root with exit 0', () => {
    const { status, stdout, stderr } = ladder(['check']);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^✔ No problems in \d+ files\n$/);
    expect(status).toBe(0);
  });

  it('exits 1 and prints compiler-style lines for a broken ladder', () => {
    const dir = brokenLadder();
    const { status, stdout } = ladder(['check', '--content', dir]);
    expect(status).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      `${dir}/levels/eng-ic/senior.md:7:8  error  Pay band 70000–85000 differs from Manager (levels/eng-mgmt/manager.md) at grade 2: 70000–90000  parity/pay`,
    );
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('✖ 2 errors and 0 warnings in 9 files');
    expect(stdout).not.toContain('\u001b['); // no colours when not a terminal
  });

  it('prints paths relative to the working directory', () => {
    const dir = brokenLadder();
    const { stdout } = ladder(['check', '--content', '.'], { cwd: dir });
    expect(stdout.split('\n')[0]).toMatch(/^levels\/eng-ic\/senior\.md:7:8 {2}error/);
  });

  it('prints the spec JSON shape with --format json', () => {
    const dir = brokenLadder();
    const { status, stdout } = ladder(['check', '--content', dir, '--format', 'json']);
    expect(status).toBe(1);
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual(['ok', 'diagnostics', 'summary']);
    expect(report.ok).toBe(false);
    expect(report.summary).toEqual({ errors: 2, warnings: 0, files: 9 });
    expect(report.diagnostics[0]).toMatchObject({
      file: 'levels/eng-ic/senior.md',
      line: 7,
      column: 8,
      rule: 'parity/pay',
      severity: 'error',
      related: [{ file: 'levels/eng-mgmt/manager.md', line: 7, column: 8 }],
    });
  });

  it('prints GitHub workflow commands with --format github, escaped', () => {
    const dir = brokenLadder();
    const { status, stdout } = ladder(['check', '--content', dir, '--format', 'github'], { cwd: dir });
    expect(status).toBe(1);
    const first = stdout.split('\n')[0];
    expect(first).toBe(
      '::error file=levels/eng-ic/senior.md,line=7,col=8,title=parity/pay::Pay band 70000–85000 differs from Manager (levels/eng-mgmt/manager.md) at grade 2: 70000–90000',
    );
  });

  it('reads LADDER_CONTENT, and --content wins over it', () => {
    const broken = brokenLadder();
    expect(ladder(['check'], { env: { LADDER_CONTENT: broken } }).status).toBe(1);
    expect(ladder(['check', '--content', SAMPLE], { env: { LADDER_CONTENT: broken } }).status).toBe(0);
  });

  it('exits 0 with warnings only', () => {
    const dir = copySample();
    editFile(dir, 'levels/engineering-ic/staff-engineer.md', (t) => `${t}\n## Hobbies\n\n- Gardening.\n`);
    const { status, stdout } = ladder(['check', '--content', dir]);
    expect(status).toBe(0);
    expect(stdout).toContain('warning  "## Hobbies" matches no competency');
    expect(stdout).toContain('0 errors and 1 warning');
  });

  it('exits 2 with a message, not a stack trace, when it cannot run', () => {
    for (const args of [
      ['check', '--content', join(tempDir(), 'missing')],
      ['check', '--format', 'xml'],
      ['check', '--bogus'],
      ['check', 'extra'],
      ['frobnicate'],
    ]) {
      const { status, stdout, stderr } = ladder(args);
      expect(status, args.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^ladder/);
      expect(stderr).not.toMatch(/^\s+at /m);
    }
    const missing = ladder(['check'], { env: { LADDER_CONTENT: '/nonexistent/ladder' } });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('Content directory not found: /nonexistent/ladder');
  });

  it('tells a user of an old Node.js which version it needs, without a stack trace', () => {
    // Node 20 as this Node reports it; and, where the machine has one, a real Node older than 22.12.
    const runs = [
      spawnSync(process.execPath, ['--import', 'data:text/javascript,Object.defineProperty(process.versions,"node",{value:"20.1.0"})', join(ROOT, 'bin/ladder.js'), 'check'], { cwd: ROOT, encoding: 'utf8' }),
    ];
    for (const node of ['/usr/bin/node', '/usr/local/bin/node']) {
      const version = spawnSync(node, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout?.trim().split('.').map(Number);
      if (version && (version[0]! < 22 || (version[0] === 22 && version[1]! < 12))) runs.push(spawnSync(node, [join(ROOT, 'bin/ladder.js'), 'check'], { cwd: ROOT, encoding: 'utf8' }));
    }
    for (const run of runs) {
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/^ladder: Node\.js 22\.12 or newer is needed; this is v2\d\.\d+\.\d+\n$/);
      expect(run.stdout).toBe('');
    }
  });

  it('explains itself with --help', () => {
    const top = ladder(['--help']);
    expect(top.status).toBe(0);
    expect(top.stdout).toContain('check');
    const sub = ladder(['check', '--help']);
    expect(sub.status).toBe(0);
    for (const flag of ['--content', '--format', 'text', 'json', 'github', 'Exit codes']) expect(sub.stdout).toContain(flag);
  });
});
