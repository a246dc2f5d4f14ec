/**
 * docs/editing.md shows real output. This replays its three walk-throughs on
 * a copy of the sample in a git repository and checks that every output the
 * guide shows is what the commands print today.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, editFile, ROOT, SAMPLE, tempDir } from '../helpers/ladder.ts';
import { ladder } from './run.ts';

afterAll(cleanup);

const HASH = /\(([0-9a-f]{7})\)/g;
const doc = readFileSync(join(ROOT, 'docs/editing.md'), 'utf8').replace(HASH, '(HASH)');

const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: 'HR', GIT_AUTHOR_EMAIL: 'hr@example.com', GIT_COMMITTER_NAME: 'HR', GIT_COMMITTER_EMAIL: 'hr@example.com', GIT_CONFIG_NOSYSTEM: '1' };

function project(): { dir: string; run: (...argv: string[]) => Promise<string> } {
  const dir = tempDir('parity-docs-');
  cpSync(SAMPLE, join(dir, 'content'), { recursive: true });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: { ...GIT_ENV, HOME: dir } });
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-q', '-m', 'Sample');
  git('checkout', '-q', '-b', 'work');
  const run = async (...argv: string[]) => {
    const [command, ...rest] = argv;
    const result = await ladder([command!, ...rest, '--content', join(dir, 'content')], { cwd: dir });
    return `$ ladder ${argv.join(' ').replace(/--title (.+?)( --|$)/, '--title "$1"$2')}\n${result.stdout}`;
  };
  return { dir, run };
}

/** The guide shows this output (after "$ ladder ..." lines that may differ in quoting). */
function shown(output: string): void {
  const body = output.split('\n').slice(1).join('\n').replace(HASH, '(HASH)').trimEnd();
  expect(body).not.toBe('');
  expect(doc, `docs/editing.md no longer matches:\n${output}`).toContain(body);
}

const band = (dir: string, file: string, from: [number | string, number | string], to: [number | string, number | string]) =>
  editFile(dir, `content/${file}`, (t) => t.replace(`  min: ${from[0]}\n  max: ${from[1]}`, `  min: ${to[0]}\n  max: ${to[1]}`));

const STAFF = 'levels/engineering-ic/staff-engineer.md';
const EM = 'levels/engineering-management/engineering-manager.md';

describe('docs/editing.md', () => {
  it('walk-through 1: raise a pay band across a grade', async () => {
    const { dir, run } = project();
    band(dir, STAFF, [185000, 240000], [195000, 250000]);
    shown(await run('check'));
    band(dir, STAFF, [195000, 250000], [225000, 250000]);
    band(dir, EM, [185000, 240000], [225000, 250000]);
    shown(await run('check'));
    band(dir, STAFF, [225000, 250000], [195000, 250000]);
    band(dir, EM, [225000, 250000], [195000, 250000]);
    shown(await run('check'));
    shown(await run('diff', 'main'));
    const markdown = await run('diff', 'main', '--format', 'markdown');
    for (const line of markdown.split('\n').filter((l) => l.startsWith('| ✏️'))) expect(doc).toContain(`> ${line}`);
  });

  it('walk-through 2: add a grade at the top of both tracks', async () => {
    const { dir, run } = project();
    shown(await run('new', 'level', 'engineering-management', '--grade', '9', '--title', 'SVP of Engineering'));
    shown(await run('check'));
    shown(await run('new', 'level', 'engineering-ic', '--grade', '9', '--title', 'Engineering Fellow'));
    shown(await run('check'));
    band(dir, 'levels/engineering-management/svp-of-engineering.md', [360000, 480000], [420000, '560,000']);
    shown(await run('check'));
    band(dir, 'levels/engineering-management/svp-of-engineering.md', [420000, '560,000'], [420000, 560000]);
    shown(await run('check'));
    band(dir, 'levels/engineering-ic/engineering-fellow.md', [360000, 480000], [420000, 560000]);
    // "replace the TODOs": the editor writes the summary, the introduction and each section.
    for (const file of ['levels/engineering-ic/engineering-fellow.md', 'levels/engineering-management/svp-of-engineering.md']) {
      editFile(dir, `content/${file}`, (t) => t.replace(/TODO: /g, 'Written: '));
    }
    shown(await run('check'));
    shown(await run('diff', 'main'));
  });

  it('walk-through 3: add an exception, with its reason', async () => {
    const { dir, run } = project();
    await run('new', 'level', 'engineering-management', '--grade', '9', '--title', 'Chief Technology Officer', '--id', 'cto');
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
    shown(await run('check'));
    shown(await run('diff', 'main'));
  });
});
