/**
 * docs/editing.md shows real output. This replays its three walk-throughs on
 * a copy of the sample (content/, the ladder the guide is about) in a git
 * repository and checks that every output the guide shows is what the
 * commands print today.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, CONTENT, editFile, ROOT, tempDir } from '../helpers/ladder.ts';
import { ladder } from './run.ts';

afterAll(cleanup);

const HASH = /\(([0-9a-f]{7})\)/g;
const doc = readFileSync(join(ROOT, 'docs/editing.md'), 'utf8').replace(HASH, '(HASH)');

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'HR',
  GIT_AUTHOR_EMAIL: 'hr@example.com',
  GIT_COMMITTER_NAME: 'HR',
  GIT_COMMITTER_EMAIL: 'hr@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
};

/** The words of a command as the guide writes them: the values that hold spaces in quotes. */
const quoted = (argv: string[]) => argv.map((word) => (/\s/.test(word) ? `"${word}"` : word)).join(' ');

function project(): { dir: string; run: (...argv: string[]) => Promise<{ code: number; output: string }> } {
  const dir = tempDir('parity-docs-');
  cpSync(CONTENT, join(dir, 'content'), { recursive: true });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: { ...GIT_ENV, HOME: dir } });
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-q', '-m', 'Sample');
  git('checkout', '-q', '-b', 'work');
  const run = async (...argv: string[]) => {
    const [command, ...rest] = argv;
    const result = await ladder([command!, ...rest, '--content', join(dir, 'content')], { cwd: dir });
    // What the terminal shows: a command writes its report to stdout, or says why it wrote nothing on stderr.
    return { code: result.code, output: `$ ladder ${quoted(argv)}\n${result.stdout}${result.stderr}` };
  };
  return { dir, run };
}

/** The guide shows this command and its output. */
function shown({ output }: { output: string }): void {
  const [command, ...lines] = output.replace(HASH, '(HASH)').trimEnd().split('\n');
  expect(lines.join('\n')).not.toBe('');
  expect(doc, `docs/editing.md does not show "${command}" (or its output changed):\n${output}`).toContain(`${command}\n${lines.join('\n')}`);
}

/** Replaces one grade's entry of families/engineering.md (the lines from "  N:" up to the next grade). */
const setBand = (dir: string, grade: number, lines: string) =>
  editFile(dir, 'content/families/engineering.md', (t) => t.replace(new RegExp(`\\n  ${grade}:\\n(    .*\\n|      .*\\n)*`), `\n${lines}`));

const GRADE_4 = (min: number) => `  4:\n    min: ${min}\n    max: 250000\n    bonus: 10\n    zones:\n      germany: { min: 123000, max: 157500 }\n`;

describe('docs/editing.md', () => {
  it("walk-through 1: raise a grade's band", async () => {
    const { dir, run } = project();
    setBand(dir, 4, GRADE_4(195000));
    expect(doc).toContain(`# content/families/engineering.md\nbands:\n  ...\n${GRADE_4(195000)}`);
    const passes = await run('check');
    shown(passes);
    expect(passes.code).toBe(0);
    // The error you may meet: a band that overtakes the grade above.
    setBand(dir, 4, GRADE_4(225000));
    const regression = await run('check');
    shown(regression);
    expect(regression.code).toBe(1);
    setBand(dir, 4, GRADE_4(195000));
    shown(await run('diff', 'main'));
    const markdown = (await run('diff', 'main', '--format', 'markdown')).output;
    const rows = markdown.split('\n').filter((l) => l.startsWith('| ✏️'));
    expect(rows.length).toBeGreaterThan(0);
    for (const line of rows) expect(doc).toContain(`> ${line}`);
  });

  it('walk-through 2: add a grade at the top of both tracks', async () => {
    const { dir, run } = project();
    const band = [
      'new',
      'band',
      'engineering',
      '--grade',
      '9',
      '--min',
      '420000',
      '--max',
      '540000',
      '--bonus',
      '30',
      '--equity-min',
      '240000',
      '--equity-max',
      '480000',
    ];
    const refused = await run(...band);
    shown(refused);
    expect(refused.code).toBe(1);
    const written = await run(...band, '--zone', 'germany=265000-340000');
    shown(written);
    expect(written.code).toBe(0);
    shown(await run('new', 'level', 'engineering-management', '--grade', '9', '--title', 'SVP of Engineering'));
    shown(await run('check'));
    shown(await run('new', 'level', 'engineering-ic', '--grade', '9', '--title', 'Engineering Fellow'));
    shown(await run('check'));
    // The new file as the guide shows it (its decisions shortened).
    const fellow = readFileSync(join(dir, 'content/levels/engineering-ic/engineering-fellow.md'), 'utf8');
    expect(doc).toContain(
      fellow
        .split('\n')
        .slice(0, 9)
        .join('\n')
        .replace(/decisions: \[([^,]+), ([^,]+), [^\]]+\]/, 'decisions: [$1, $2, ...]'),
    );
    // The committee settles the top of the band at 560,000, typed the way a spreadsheet shows it.
    editFile(dir, 'content/families/engineering.md', (t) => t.replace('    max: 540000\n', '    max: 560,000\n'));
    const mistake = await run('check');
    shown(mistake);
    expect(mistake.code).toBe(1);
    editFile(dir, 'content/families/engineering.md', (t) => t.replace('    max: 560,000\n', '    max: 560000\n'));
    // "replace the TODOs": the editor writes the summary, the introduction and each section.
    for (const file of ['levels/engineering-ic/engineering-fellow.md', 'levels/engineering-management/svp-of-engineering.md']) {
      editFile(dir, `content/${file}`, (t) => t.replace(/TODO: /g, 'Written: '));
    }
    const passes = await run('check');
    shown(passes);
    expect(passes.code).toBe(0);
    shown(await run('diff', 'main'));
  });

  it('walk-through 3: add an exception, with its reason', async () => {
    const { dir, run } = project();
    shown(await run('new', 'level', 'engineering-management', '--grade', '9', '--title', 'Chief Technology Officer', '--id', 'cto'));
    editFile(dir, 'content/levels/engineering-management/cto.md', (t) => t.replace(/TODO: /g, 'Written: '));
    shown(await run('check'));
    const ladderMd = join(dir, 'content/ladder.md');
    const original = readFileSync(ladderMd, 'utf8');
    const exception = (lines: string) => writeFileSync(ladderMd, original.replace('  pay: identical\n', `  pay: identical\n  exceptions:\n${lines}`));
    exception('    - family: engineering\n      grade: 10\n      rule: parity/celing\n');
    shown(await run('check'));
    const reason = 'The CTO is one executive role that reports to the CEO and sits on the board; it has no individual-contributor counterpart by design.';
    exception(`    - family: engineering\n      grade: 10\n      rule: parity/ceiling\n      reason: ${reason}\n`);
    shown(await run('check'));
    exception(`    - family: engineering\n      grade: 9\n      rule: parity/ceiling\n      reason: ${reason}\n`);
    expect(doc).toContain(`      reason: ${reason}`);
    const passes = await run('check');
    shown(passes);
    expect(passes.code).toBe(0);
    shown(await run('diff', 'main'));
  });
});
