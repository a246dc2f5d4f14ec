/**
 * A corpus of malformed inputs. Each must give located diagnostics and a
 * failed check: no exception, no hang, no prototype pollution.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../src/ladder/check.ts';
import { cleanup, miniLadder, ROOT, writeLadder } from './helpers/ladder.ts';

afterAll(cleanup);

const LEVEL = 'levels/eng-ic/senior.md';
const valid = miniLadder()[LEVEL]!;
const frontmatter = (yaml: string, body = '\n## Craft\n\n- x\n\n## People\n\n- y\n') => `---\n${yaml}\n---\n${body}`;
const withBody = (body: string) => valid.replace(/\n---\n[\s\S]*$/, `\n---\n\n${body}`);
const deep = (n: number) => `title: Deep\nx: ${'['.repeat(n)}1${']'.repeat(n)}`;
const deepBlock = (n: number) => `title: Deep\n${Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n')} 1`;
const bomb = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
].join('\n');

/** [name, path, content (string or bytes), the rule expected] */
const corpus: [string, string, string | Buffer, string][] = [
  ['empty file', LEVEL, '', 'syntax/frontmatter'],
  ['whitespace only', LEVEL, '  \n\n', 'syntax/frontmatter'],
  ['no frontmatter', LEVEL, '# Senior Engineer\n\nGood at things.\n', 'syntax/frontmatter'],
  ['frontmatter never closed', LEVEL, '---\ntitle: Senior\ngrade: 2\n', 'syntax/frontmatter'],
  ['frontmatter not at the start', LEVEL, `\n${valid}`, 'syntax/frontmatter'],
  ['broken YAML: unclosed flow list', LEVEL, valid.replace('decisions: [hiring]', 'decisions: [hiring'), 'syntax/frontmatter'],
  ['broken YAML: bad indentation', LEVEL, valid.replace('  max: 90000', '    max: 90000\n max: 1'), 'syntax/frontmatter'],
  ['broken YAML: tab indentation', LEVEL, valid.replace('  min: 70000', '\tmin: 70000'), 'syntax/frontmatter'],
  ['duplicate key', LEVEL, valid.replace('grade: 2', 'grade: 2\ngrade: 3'), 'syntax/frontmatter'],
  ['binary bytes', LEVEL, Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0xff, 0xfe, 0x00, 0x01, 0x02]), 'syntax/frontmatter'],
  ['invalid UTF-8', LEVEL, Buffer.concat([Buffer.from('---\ntitle: '), Buffer.from([0xc3, 0x28]), Buffer.from('\n---\n')]), 'syntax/frontmatter'],
  ['YAML alias bomb', LEVEL, frontmatter(bomb), 'syntax/frontmatter'],
  ['5,000-deep flow nesting', LEVEL, frontmatter(deep(5000)), 'syntax/frontmatter'],
  ['500-deep block nesting', LEVEL, frontmatter(deepBlock(500)), 'syntax/frontmatter'],
  ['frontmatter is a list', LEVEL, frontmatter('- title\n- grade'), 'syntax/frontmatter'],
  ['frontmatter is a scalar', LEVEL, frontmatter('just text'), 'syntax/frontmatter'],
  ['empty frontmatter', LEVEL, frontmatter(''), 'schema/title'],
  ['__proto__ key', LEVEL, valid.replace('grade: 2', 'grade: 2\n__proto__:\n  polluted: true'), 'schema/__proto__'],
  ['constructor key', LEVEL, valid.replace('grade: 2', 'grade: 2\nconstructor:\n  prototype:\n    polluted: true'), 'schema/constructor'],
  ['nested __proto__ key', LEVEL, valid.replace('  min: 70000', '  min: 70000\n  __proto__: {polluted: true}'), 'schema/pay.__proto__'],
  ['id with ..', 'levels/eng-ic/a..b.md', valid, 'schema/id'],
  ['folder id with uppercase', 'levels/Eng-IC/senior.md', valid, 'schema/id'],
  ['family reference with ../', 'tracks/eng-ic.md', miniLadder()['tracks/eng-ic.md']!.replace('family: eng', 'family: ../eng'), 'schema/family'],
  ['competency reference with /', 'tracks/eng-ic.md', miniLadder()['tracks/eng-ic.md']!.replace('[craft, people]', '[craft, people/x]'), 'schema/competencies'],
  ['pay as .inf', LEVEL, valid.replace('max: 90000', 'max: .inf'), 'schema/pay.max'],
  ['pay as .nan', LEVEL, valid.replace('min: 70000', 'min: .nan'), 'schema/pay.min'],
  ['negative pay', LEVEL, valid.replace('min: 70000', 'min: -70000'), 'schema/pay.min'],
  ['negative grade', LEVEL, valid.replace('grade: 2', 'grade: -2'), 'schema/grade'],
  ['fractional grade', LEVEL, valid.replace('grade: 2', 'grade: 2.5'), 'schema/grade'],
  ['grade as text', LEVEL, valid.replace('grade: 2', 'grade: "2"'), 'schema/grade'],
  ['huge budget', LEVEL, valid.replace('budget: 2000', 'budget: 1e400'), 'schema/authority.budget'],
  ['pay as a string', LEVEL, valid.replace('min: 70000', 'min: 70k'), 'schema/pay.min'],
  ['title is a map', LEVEL, valid.replace('title: Senior Engineer', 'title: {a: 1}'), 'schema/title'],
  ['title is empty', LEVEL, valid.replace('title: Senior Engineer', 'title: ""'), 'schema/title'],
  ['decisions not slugs', LEVEL, valid.replace('decisions: [hiring]', 'decisions: [Hiring People]'), 'schema/authority.decisions'],
  ['kind unknown', 'tracks/eng-ic.md', miniLadder()['tracks/eng-ic.md']!.replace('individual-contributor', 'specialist'), 'schema/kind'],
  ['raw <script> in a body', LEVEL, withBody('## Craft\n\n<script>alert(1)</script>\n\n## People\n\n- y\n'), 'content/unsafe-html'],
  ['inline raw HTML', LEVEL, withBody('## Craft\n\n- <img src=x onerror=alert(1)>\n\n## People\n\n- y\n'), 'content/unsafe-html'],
  ['javascript: link', LEVEL, withBody('## Craft\n\n- [x](javascript:alert(1))\n\n## People\n\n- y\n'), 'content/unsafe-html'],
  ['JaVaScRiPt: link with entity', LEVEL, withBody('## Craft\n\n- [x](JaVa&#115;cript:alert(1))\n\n## People\n\n- y\n'), 'content/unsafe-html'],
  ['javascript: autolink', LEVEL, withBody('## Craft\n\n- <javascript:alert(1)>\n\n## People\n\n- y\n'), 'content/unsafe-html'],
  ['data: image', LEVEL, withBody('## Craft\n\n![x](data:text/html;base64,PHNjcmlwdD4=)\n\n## People\n\n- y\n'), 'content/unsafe-html'],
  ['javascript: reference definition', LEVEL, withBody('## Craft\n\n- [x][1]\n\n[1]: javascript:alert(1)\n\n## People\n\n- y\n'), 'content/unsafe-html'],
  ['HTML comment', LEVEL, withBody('## Craft\n\n<!-- hidden -->\n\n## People\n\n- y\n'), 'content/unsafe-html'],
];

describe.each(corpus)('%s', (_name, path, content, rule) => {
  it(`gives ${rule}, located, and a failed check`, () => {
    const files = miniLadder();
    if (path !== LEVEL) delete files[path.startsWith('levels/') ? LEVEL : path];
    const dir = writeLadder(files);
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
    const started = Date.now();
    const result = check(dir);
    expect(Date.now() - started).toBeLessThan(10_000); // no hang (a guard, not a benchmark)
    expect(result.ok).toBe(false);
    const found = result.diagnostics.find((d) => d.rule === rule);
    expect(found, JSON.stringify(result.diagnostics, null, 1)).toBeDefined();
    expect(found!.file).toBe(path);
    expect(found!.line).toBeGreaterThanOrEqual(1);
    expect(found!.column).toBeGreaterThanOrEqual(1);
    const lines = typeof content === 'string' ? content.split('\n').length : 1;
    expect(found!.line).toBeLessThanOrEqual(Math.max(lines, 1));
    expect(found!.message).not.toMatch(/\n|at .*\.ts:\d+/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

it('the corpus has at least 30 malformed inputs', () => {
  expect(corpus.length).toBeGreaterThanOrEqual(30);
});

describe('through the CLI', () => {
  it('exits 1 with located lines and no stack trace for every kind of garbage at once', () => {
    const files = miniLadder();
    const dir = writeLadder(files);
    const garbage = corpus.filter(([, path]) => path === LEVEL);
    for (const [i, [, , content]] of garbage.entries()) writeFileSync(join(dir, `levels/eng-ic/garbage-${i}.md`), content);
    let status = 0;
    let stdout = '';
    let stderr = '';
    try {
      execFileSync(process.execPath, [join(ROOT, 'bin/ladder.js'), 'check', '--content', dir], { encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      const e = error as { status: number; stdout: string; stderr: string };
      status = e.status;
      stdout = e.stdout;
      stderr = e.stderr;
    }
    expect(status).toBe(1);
    expect(stderr).toBe('');
    expect(stdout).not.toMatch(/^\s+at /m);
    const located = stdout.split('\n').filter((line) => /^\S+\.md:\d+:\d+ {2}(error|warning) {2}/.test(line));
    expect(located.length).toBeGreaterThanOrEqual(garbage.length);
    for (let i = 0; i < garbage.length; i++) expect(stdout).toContain(`garbage-${i}.md:`);
  });
});

describe('things in the content folder that are not entries', () => {
  it('reports a folder named like an entry as that entry, and nothing that follows from it', () => {
    const files = miniLadder();
    delete files['tracks/eng-ic.md'];
    const dir = writeLadder(files);
    mkdirSync(join(dir, 'tracks/eng-ic.md'));
    const result = check(dir);
    expect(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`)).toEqual(['tracks/eng-ic.md:1:1 syntax/frontmatter']);
    expect(result.diagnostics[0]!.message).toContain('This is a folder, not a file');
  });

  it('warns about files in the ladder folders that are not Markdown, and ignores others', () => {
    const dir = writeLadder({ ...miniLadder(), 'families/notes.txt': 'notes', 'levels/eng-ic/README': 'read me', 'logo.png': 'png' });
    const result = check(dir);
    expect(result.ok).toBe(true);
    expect(result.diagnostics.map((d) => `${d.file} ${d.severity} ${d.rule}`)).toEqual([
      'families/notes.txt warning layout/unexpected-file',
      'levels/eng-ic/README warning layout/unexpected-file',
    ]);
  });
});
