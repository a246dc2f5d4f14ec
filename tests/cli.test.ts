/** `ladder check` end to end, as CI runs it: a child process, its output and its exit code. */
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indexSite, MARKER, outputDir, pagefindProblem, removeDebris } from '../src/cli/build.ts';
import { check } from '../src/ladder/check.ts';
import { ladder as run } from './editing/run.ts';
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
      `${dir}/levels/eng-ic/senior.md:7:8  error  Pay band €70,000 – €85,000 differs from Manager (levels/eng-mgmt/manager.md) at grade 2: €70,000 – €90,000  parity/pay`,
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
      '::error file=levels/eng-ic/senior.md,line=7,col=8,title=parity/pay::Pay band €70,000 – €85,000 differs from Manager (levels/eng-mgmt/manager.md) at grade 2: €70,000 – €90,000',
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
      spawnSync(
        process.execPath,
        ['--import', 'data:text/javascript,Object.defineProperty(process.versions,"node",{value:"20.1.0"})', join(ROOT, 'bin/ladder.js'), 'check'],
        { cwd: ROOT, encoding: 'utf8' },
      ),
    ];
    for (const node of ['/usr/bin/node', '/usr/local/bin/node']) {
      const version = spawnSync(node, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout?.trim().split('.').map(Number);
      if (version && (version[0]! < 22 || (version[0] === 22 && version[1]! < 12)))
        runs.push(spawnSync(node, [join(ROOT, 'bin/ladder.js'), 'check'], { cwd: ROOT, encoding: 'utf8' }));
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

/**
 * Faults an unlucky operator meets (issue 10): each is refused at once, with
 * exit 2 and one line, before anything is read, built or written.
 */
describe('the commands refuse unsafe folders before any work', () => {
  const sample = () => copySample();

  it('refuses --content "" and --content / (one would check the working directory, the other walk the disk)', async () => {
    const dir = sample();
    for (const content of ['', ' ', '/']) {
      for (const args of [
        ['check'],
        ['build', '--out', join(tempDir(), 'site')],
        ['new', 'level', 'engineering-ic', '--grade', '20', '--title', 'X'],
        ['diff', 'HEAD'],
        ['export', join(tempDir(), 'x.xlsx')],
      ]) {
        const { code, stdout, stderr } = await run([...args, '--content', content], { cwd: dir });
        expect(code, `${args[0]} --content '${content}'`).toBe(2);
        expect(stdout).toBe('');
        expect(stderr).toMatch(
          content === '/' ? /is the root of the file system, not a ladder's content folder/ : /--content needs a folder: it was given an empty path/,
        );
        expect(stderr.split('\n').filter(Boolean)).toHaveLength(2); // the reason, and "Run ... --help"
      }
    }
    expect(readdirSync(dir).sort()).toEqual(readdirSync(SAMPLE).sort());
  });

  it('refuses to build into a folder it did not write, and leaves its files as they were', async () => {
    const out = tempDir();
    writeFileSync(join(out, 'notes.txt'), 'my notes');
    mkdirSync(join(out, 'Documents'));
    writeFileSync(join(out, 'Documents/cv.md'), 'cv');
    const { code, stdout, stderr } = await run(['build', '--content', SAMPLE, '--out', out]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`Refusing to build into ${out}: it holds files that "ladder build" did not write (it has no ${MARKER} file)`);
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('my notes');
    expect(readdirSync(out).sort()).toEqual(['Documents', 'notes.txt']);
    expect(readdirSync(dirname(out)).filter((name) => name.startsWith(`.${basename(out)}.`))).toEqual([]);
  });

  it('refuses --out inside the ladder, the ladder itself, a folder holding it, the project, a link, a file, "" and /', async () => {
    const content = sample();
    const project = tempDir();
    writeFileSync(join(project, 'astro.config.mjs'), 'export default {};\n');
    const target = tempDir();
    const link = join(tempDir(), 'link');
    symlinkSync(target, link);
    const file = join(tempDir(), 'file.txt');
    writeFileSync(file, 'x');
    const cases: [string, RegExp][] = [
      [join(content, 'site'), /inside the ladder's content folder/],
      [join(content, 'levels/engineering-ic'), /inside the ladder's content folder/],
      [content, /inside the ladder's content folder/],
      [dirname(content), /holds the ladder's content folder/],
      [project, /holds the project/],
      [join(project, 'src'), /holds the project/],
      [link, /is a symbolic link/],
      [file, /exists and is not a folder/],
      ['', /--out needs a folder/],
      ['/', /root of the file system/],
    ];
    for (const [out, says] of cases) {
      const { code, stderr } = await run(['build', '--content', content, '--out', out], { cwd: project });
      expect(code, out).toBe(2);
      expect(stderr, out).toMatch(says);
    }
    // Nothing was written anywhere: the ladder is the sample still, the link's target is empty.
    expect(check(content).summary).toEqual(check(SAMPLE).summary);
    expect(readdirSync(content).sort()).toEqual(readdirSync(SAMPLE).sort());
    expect(readdirSync(target)).toEqual([]);
  });

  it('takes an empty folder, a missing one and a previous site of its own (the marker file) as the output', () => {
    const content = SAMPLE;
    const empty = tempDir();
    expect(outputDir(empty, ROOT, content, ROOT)).toBe(empty);
    const missing = join(tempDir(), 'a/b/site');
    expect(outputDir(missing, ROOT, content, ROOT)).toBe(missing);
    const previous = tempDir();
    writeFileSync(join(previous, MARKER), 'written by ladder build');
    writeFileSync(join(previous, 'index.html'), '<!doctype html>');
    expect(outputDir(previous, ROOT, content, ROOT)).toBe(previous);
    expect(outputDir('dist', ROOT, content, ROOT)).toBe(join(ROOT, 'dist'));
  });

  it('prints a path given as an option with its control characters shown, not obeyed', async () => {
    // Inside the ladder, so refused (nothing is built), with the path in the message.
    const { code, stderr } = await run(['build', '--content', SAMPLE, '--out', join(SAMPLE, '\u001b]0;pwned\u0007\nladder build: ok')]);
    expect(code).toBe(2);
    expect(stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    expect(stderr).toContain('\\u{1b}]0;pwned\\u{7}\\u{a}ladder build: ok');
    expect(stderr.split('\n').filter(Boolean)).toHaveLength(2);
  });
});

describe('ladder build cleans up after builds that were killed', () => {
  /** The id of a process that has ended. */
  const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

  it('removes the staging and old folders and the .astro build folders of dead builds, and only those', () => {
    const parent = tempDir();
    const out = join(parent, 'site');
    const project = tempDir();
    const astro = join(project, '.astro');
    mkdirSync(astro);
    const dead = deadPid();
    const folder = (path: string, marker: boolean) => {
      mkdirSync(path, { recursive: true });
      writeFileSync(join(path, 'index.html'), 'x');
      if (marker) writeFileSync(join(path, MARKER), 'x');
      return path;
    };
    const gone = [
      folder(join(parent, `.site.staging-${dead}-a1b2c3`), true),
      folder(join(parent, `.site.old-${dead}-0f0f0f`), true),
      folder(join(astro, `ladder-build-${dead}-abcdef`), false),
    ];
    writeFileSync(join(astro, `ladder-build-${dead}-abcdef.parity-build`), `${dead}\n`);
    writeFileSync(join(astro, `ladder-build-${dead}-123456.parity-build`), `${dead}\n`); // a claim whose folder is gone
    const kept = [
      folder(join(parent, `.site.staging-${dead}-d4e5f6`), false), // not marked as Parity's
      folder(join(parent, `.site.staging-${process.pid}-a1a1a1`), true), // a build that is running
      folder(join(parent, `.other.staging-${dead}-a1b2c3`), true), // another output's
      folder(join(parent, `.site.staging-${dead}-a1b2c3-x`), true), // not a name it gives
      folder(join(astro, `ladder-build-${dead}-fedcba`), false), // no claim beside it
      folder(join(astro, 'something-else'), false),
    ];
    symlinkSync(tempDir(), join(parent, `.site.old-${dead}-777777`));
    removeDebris(out, project);
    for (const path of gone) expect(existsSync(path), path).toBe(false);
    for (const path of kept) expect(existsSync(path), path).toBe(true);
    expect(existsSync(join(astro, `ladder-build-${dead}-abcdef.parity-build`))).toBe(false);
    expect(existsSync(join(astro, `ladder-build-${dead}-123456.parity-build`))).toBe(false);
    expect(lstatSync(join(parent, `.site.old-${dead}-777777`)).isSymbolicLink()).toBe(true);
  });
});

describe('Pagefind failing (a full disk) is one line, not a panic', () => {
  const panic = [
    "thread 'tokio-runtime-worker' panicked at pagefind/src/output/mod.rs:142:51:",
    'called `Result::unwrap()` on an `Err` value: Os { code: 28, kind: StorageFull, message: "No space left on device" }',
    'note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace',
  ].join('\n');

  it("finds the operating system's reason in a Rust panic", () => {
    expect(pagefindProblem(panic, 'it exited with code 101')).toBe('No space left on device');
    expect(pagefindProblem('Error: Read-only file system (os error 30)\n', 'x')).toBe('Read-only file system');
    expect(pagefindProblem("thread 'main' panicked at src/lib.rs:1:1:\nsomething odd\nstack backtrace:\n", 'it exited with code 101')).toBe(
      "it exited with code 101: thread 'main' panicked at src/lib.rs:1:1:",
    );
    expect(pagefindProblem('', 'it was stopped (SIGKILL)')).toBe('it was stopped (SIGKILL)');
  });

  it('runs Pagefind in a child: a failure to write the index is an Error of one line, and the build goes on to clean up', () => {
    const site = tempDir();
    writeFileSync(join(site, 'index.html'), '<!doctype html><html lang="en"><body><main data-pagefind-body><h1>Hi</h1><p>Hello world</p></main></body></html>');
    // Where the index goes, a file: Pagefind cannot create its folder.
    writeFileSync(join(site, 'pagefind'), 'in the way');
    let message = '';
    try {
      indexSite(site);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Pagefind could not write the search index: \S/);
    expect(message).not.toContain('\n');
    expect(message).not.toMatch(/panicked|RUST_BACKTRACE/);
  });
});

describe('what content and file names hold is shown, never obeyed, by every terminal format', () => {
  it('prints a file name with a line break and escape sequences as one escaped line, in text and github formats', () => {
    const dir = writeLadder(miniLadder());
    const name = 'levels/eng-ic/x\u001b]0;pwned\u0007\nsenior.md:1:1  error  Forged  parity-pay.md';
    writeFileSync(join(dir, name), 'no frontmatter');
    for (const format of ['text', 'github']) {
      const { status, stdout } = ladder(['check', '--content', dir, '--format', format], { cwd: dir });
      expect(status).toBe(1);
      expect(stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
      const lines = stdout.trimEnd().split('\n');
      // The bad file's diagnostic(s), the summary line in text: no line of its own for the forged part.
      expect(lines.filter((l) => l.includes('Forged'))).toHaveLength(lines.filter((l) => l.includes('\\u{a}')).length);
      expect(lines.some((l) => /^senior\.md/.test(l))).toBe(false);
      expect(stdout).toContain('x\\u{1b}]0;pwned\\u{7}\\u{a}senior.md:1:1');
    }
  });
});
