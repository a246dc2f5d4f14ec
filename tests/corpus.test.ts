/**
 * A corpus of malformed inputs. Each must give located diagnostics and a
 * failed check: no exception, no hang, no prototype pollution.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, ftruncateSync, mkdirSync, openSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../src/ladder/check.ts';
import { formatMoney } from '../src/ladder/money.ts';
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

/**
 * Hostile and unlucky inputs (issue 10): each gives its rule, located where
 * the fix goes (the first line holding `at`, when given), in words an HR
 * editor understands (`says`), never the YAML library's own message.
 */
const hostile: { name: string; path?: string; content: string; rule: string; at?: string; says?: RegExp }[] = [
  // Control characters and bidi overrides: in fields, and in body text (headings, bullets, link text).
  {
    name: 'ESC in a title',
    content: valid.replace('title: Senior Engineer', 'title: "Sen\\eior"'),
    rule: 'schema/title',
    says: /escape character \(ESC, U\+001B\)/,
  },
  {
    name: 'right-to-left override in a title',
    content: valid.replace('title: Senior Engineer', 'title: "Senior \u202eremoh"'),
    rule: 'schema/title',
    says: /right-to-left override/,
  },
  { name: 'NUL escaped into a title', content: valid.replace('title: Senior Engineer', 'title: "Sen\\0ior"'), rule: 'schema/title', says: /NUL/ },
  {
    name: 'terminal title change in a heading',
    content: withBody('## Cr\u001b]0;pwned\u0007aft\u001b[2J\n\n- x\n\n## People\n\n- y\n'),
    rule: 'content/control-character',
    at: '## Cr',
    says: /escape character/,
  },
  {
    name: 'ESC in a bullet',
    content: withBody('## Craft\n\n- Does \u001b]0;pwn\u0007 craft.\n\n## People\n\n- y\n'),
    rule: 'content/control-character',
    at: '- Does',
    says: /^This line contains an escape character/,
  },
  {
    name: 'bidi override in a bullet',
    content: withBody('## Craft\n\n- Does \u202ecraft.\n\n## People\n\n- y\n'),
    rule: 'content/control-character',
    at: '- Does',
    says: /right-to-left override \(U\+202E\)/,
  },
  {
    name: 'bidi isolate in link text',
    content: withBody('## Craft\n\n- [sp\u2067ec](https://example.com/spec)\n\n## People\n\n- y\n'),
    rule: 'content/control-character',
    at: '- [sp',
    says: /right-to-left isolate/,
  },
  {
    name: 'line separator in a paragraph',
    content: withBody('## Craft\n\nOne\u2028two.\n\n## People\n\n- y\n'),
    rule: 'content/control-character',
    at: 'One',
    says: /line separator/,
  },
  {
    name: 'backspace in a family intro',
    path: 'families/eng.md',
    content: '---\nname: Engineering\n---\n\nBuilds\b\b\b\b\b\bDeletes software.\n',
    rule: 'content/control-character',
    at: 'Builds',
  },
  {
    name: 'ESC in an exception reason',
    path: 'ladder.md',
    content:
      '---\nname: Mini Ladder\ncurrency: EUR\nparity:\n  exceptions:\n    - family: eng\n      grade: 2\n      rule: parity/pay\n      reason: "Market\\e[2J data"\n---\n',
    rule: 'schema/parity.exceptions.reason',
    at: '"Market',
  },
  // Look-alike headings: a no-break space is a space; a zero-width space or a Cyrillic letter is named.
  {
    name: 'zero-width space in a heading',
    content: withBody('## Cr\u200baft\n\n- x\n\n## People\n\n- y\n'),
    rule: 'content/missing-section',
    at: '## Cr',
    says: /zero-width space \(U\+200B\)/,
  },
  {
    name: 'Cyrillic а in a heading',
    content: withBody('## Cr\u0430ft\n\n- x\n\n## People\n\n- y\n'),
    rule: 'content/missing-section',
    at: '## Cr',
    says: /Cyrillic letter а \(U\+0430\)/,
  },
  {
    name: 'no-break space after ##',
    content: withBody('##\u00a0Craft\n\n- x\n\n## People\n\n- y\n'),
    rule: 'content/missing-section',
    at: '##\u00a0Craft',
    says: /no-break space \(U\+00A0\)/,
  },
  // YAML tags outside the core schema, at the tag.
  {
    name: '!!js/function tag',
    content: valid.replace(/^summary: .*$/m, 'summary: !!js/function "function(){}"'),
    rule: 'syntax/frontmatter',
    at: '!!js',
    says: /"!!js\/function" is a YAML tag/,
  },
  {
    name: '!include tag',
    content: valid.replace(/^summary: .*$/m, 'summary: !include other.md'),
    rule: 'syntax/frontmatter',
    at: '!include',
    says: /"!include" is a YAML tag/,
  },
  {
    name: '!!binary tag',
    content: valid.replace(/^summary: .*$/m, 'summary: !!binary aGVsbG8='),
    rule: 'syntax/frontmatter',
    at: '!!binary',
    says: /"!!binary" is a YAML tag/,
  },
  {
    name: '!!timestamp tag',
    content: valid.replace(/^summary: .*$/m, 'summary: !!timestamp 2001-12-14'),
    rule: 'syntax/frontmatter',
    at: '!!timestamp',
    says: /"!!timestamp" is a YAML tag/,
  },
  { name: '!!set tag on a group', content: valid.replace('pay:\n', 'pay: !!set\n'), rule: 'syntax/frontmatter', at: '!!set' },
  { name: 'verbatim tag', content: valid.replace(/^summary: .*$/m, 'summary: !<tag:yaml.org,2002:js/undefined> x'), rule: 'syntax/frontmatter', at: '!<tag' },
  // Messages meant for programmers, said in HR words.
  {
    name: 'a second YAML document',
    content: valid.replace('grade: 2', 'grade: 2\n--- x\nfoo: 1'),
    rule: 'syntax/frontmatter',
    at: '--- x',
    says: /three dashes/,
  },
  { name: 'CR-only line endings', content: valid.replace(/\n/g, '\r'), rule: 'syntax/frontmatter', says: /carriage return only/ },
  {
    name: 'a list in brackets continued without indent',
    content: valid.replace('decisions: [hiring]', 'decisions: [hiring,\n  x]'),
    rule: 'syntax/frontmatter',
    at: 'decisions: [',
    says: /not closed: end it with "\]"/,
  },
  {
    name: 'a list in brackets on the next lines of a field',
    content: valid.replace(/^summary: .*$/m, 'summary: [a,\nb]'),
    rule: 'syntax/frontmatter',
    at: 'summary: [',
    says: /not closed/,
  },
  {
    name: 'quotes inside a quoted value',
    content: valid.replace(/^summary: .*$/m, 'summary: "He said "hi" ok"'),
    rule: 'syntax/frontmatter',
    at: 'summary: "',
    says: /single quotes/,
  },
  // Wrong locations: an alias and a key without a name, at themselves.
  {
    name: 'an undefined alias on line 10',
    content: valid.replace('decisions: [hiring]', 'decisions: *nope'),
    rule: 'syntax/frontmatter',
    at: '*nope',
    says: /"\*nope" repeats the value marked "&nope"/,
  },
  { name: 'a key with no name', content: valid.replace('grade: 2', 'grade: 2\n? \n: x'), rule: 'syntax/frontmatter', at: '? ', says: /no name/ },
  { name: 'a key written as ": value"', content: valid.replace('grade: 2', 'grade: 2\n: x'), rule: 'syntax/frontmatter', at: ': x', says: /no name/ },
  { name: 'a key that is a list', content: valid.replace('grade: 2', 'grade: 2\n[a, b]: x'), rule: 'syntax/frontmatter', at: '[a, b]', says: /not a list/ },
  // Images from other hosts: every reader's browser would call them.
  {
    name: 'a tracking pixel',
    content: withBody('## Craft\n\n- x ![](https://evil.example/p.gif)\n\n## People\n\n- y\n'),
    rule: 'content/external-image',
    at: '- x',
    says: /another site \(evil\.example\)/,
  },
  {
    name: 'a protocol-relative image',
    content: withBody('## Craft\n\n- x ![a](//evil.example/p.gif)\n\n## People\n\n- y\n'),
    rule: 'content/external-image',
    at: '- x',
  },
  {
    name: 'an image with a backslash for a slash',
    content: withBody('## Craft\n\n- x ![a](/\\evil.example/p.gif)\n\n## People\n\n- y\n'),
    rule: 'content/external-image',
    at: '- x',
  },
  {
    name: 'an image through a reference definition',
    content: withBody('## Craft\n\n- x ![a][1]\n\n[1]: http://evil.example/p.gif\n\n## People\n\n- y\n'),
    rule: 'content/external-image',
    at: '- x',
  },
  // Bodies that would overflow the Markdown parser's stack or take it minutes: refused before it reads them.
  {
    name: 'quotes nested 20,000 deep',
    content: withBody(`## Craft\n\n${'>'.repeat(20_000)} x\n\n## People\n\n- y\n`),
    rule: 'content/too-complex',
    at: '>>>',
    says: /nests quotes or lists 20000 deep/,
  },
  {
    name: 'lists nested 100 deep',
    content: withBody(`## Craft\n\n${'- '.repeat(100)}x\n\n## People\n\n- y\n`),
    rule: 'content/too-complex',
    at: '- - -',
    says: /nests quotes or lists 100 deep/,
  },
  {
    name: '50,000 emphasis marks around a word',
    content: withBody(`## Craft\n\n${'*'.repeat(50_000)}x${'*'.repeat(50_000)}\n\n## People\n\n- y\n`),
    rule: 'content/too-complex',
    at: '***',
    says: /more than 1,000 Markdown marks/,
  },
  { name: '30,000 unclosed links', content: withBody(`## Craft\n\n${'[x]('.repeat(30_000)}\n\n## People\n\n- y\n`), rule: 'content/too-complex', at: '[x](' },
  {
    name: 'marks spread over many paragraphs',
    content: withBody(`## Craft\n\n${Array.from({ length: 60 }, () => '*a* '.repeat(100)).join('\n\n')}\n\n## People\n\n- y\n`),
    rule: 'content/too-complex',
    says: /The text holds more than 10,000 Markdown marks/,
  },
  // A repository address that carries markup into every page's links.
  {
    name: 'a repository URL with markup',
    path: 'ladder.md',
    content: '---\nname: Mini Ladder\ncurrency: EUR\nrepository: https://github.com/acme/x"><svg onload=alert(1)>\n---\n',
    rule: 'schema/repository',
    at: 'https://',
  },
  {
    name: 'a repository URL with a query',
    path: 'ladder.md',
    content: '---\nname: Mini Ladder\ncurrency: EUR\nrepository: https://github.com/acme/x?a=<b>\n---\n',
    rule: 'schema/repository',
    at: 'https://',
  },
  {
    name: 'an http repository URL',
    path: 'ladder.md',
    content: '---\nname: Mini Ladder\ncurrency: EUR\nrepository: http://github.com/acme/x\n---\n',
    rule: 'schema/repository',
    at: 'http://',
  },
];

/** What the YAML library says to programmers; an HR editor never reads it. */
const PROGRAMMER = /parseAllDocuments|Flow sequence|Flow map|Unexpected scalar|node end|Implicit (map )?keys|Unresolved|group of fields|YAML\./;

describe.each(hostile)('$name', ({ path = LEVEL, content, rule, at, says }) => {
  it(`gives ${rule}${at ? ' where the fix goes' : ''}, in words an editor understands`, () => {
    const files = miniLadder();
    files[path] = content;
    const result = check(writeLadder(files));
    expect(result.ok).toBe(false);
    const found = result.diagnostics.find((d) => d.rule === rule);
    expect(found, JSON.stringify(result.diagnostics, null, 1)).toBeDefined();
    expect(found!.file).toBe(path);
    if (at !== undefined) {
      const lines = content.split(/\r?\n/);
      expect(found!.line, found!.message).toBe(lines.findIndex((l) => l.includes(at)) + 1);
    }
    if (says) expect(found!.message).toMatch(says);
    for (const d of result.diagnostics) expect(d.message).not.toMatch(PROGRAMMER);
  });
});

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

describe('faults and look-alikes (issue 10)', () => {
  it('matches a heading written with a no-break space (or another space-like character) to its competency', () => {
    const files = miniLadder();
    files['competencies/craft.md'] = '---\nname: Technical craft\n---\n\nThe craft.\n';
    files[LEVEL] = withBody('## Technical\u00a0craft\n\n- x\n\n## People\u2009\n\n- y\n');
    for (const level of ['levels/eng-ic/engineer.md', 'levels/eng-mgmt/manager.md']) files[level] = files[level]!.replace('## Craft', '## Technical craft');
    const result = check(writeLadder(files));
    expect(result.diagnostics).toEqual([]);
    expect(result.ladder.level.get('eng-ic/senior')!.sections.map((s) => s.competency)).toEqual(['craft', 'people']);
  });

  it('reads a body with some hundreds of Markdown marks in each of many paragraphs', () => {
    const files = miniLadder();
    files[LEVEL] = withBody(
      `## Craft\n\n${Array.from({ length: 20 }, (_, i) => `- **Item ${i}**: \`code\`, _this_ and [a link](https://example.com/${i}). `.repeat(12)).join('\n\n')}\n\n## People\n\n- y\n`,
    );
    const result = check(writeLadder(files));
    expect(result.diagnostics).toEqual([]);
  });

  it('reads -0 as pay or budget as 0, never "-0"', () => {
    const files = miniLadder();
    for (const level of ['levels/eng-ic/senior.md', 'levels/eng-mgmt/manager.md']) {
      files[level] = files[level]!.replace('min: 70000', 'min: -0').replace('budget: 2000', 'budget: -0.0');
    }
    files['levels/eng-ic/engineer.md'] = files['levels/eng-ic/engineer.md']!.replace('min: 50000', 'min: -0').replace('budget: 1000', 'budget: -0');
    const result = check(writeLadder(files));
    expect(result.diagnostics).toEqual([]);
    const senior = result.ladder.level.get('eng-ic/senior')!;
    expect(Object.is(senior.pay!.min, 0)).toBe(true);
    expect(Object.is(senior.authority.budget, 0)).toBe(true);
    expect(formatMoney(senior.pay!.min, 'USD')).toBe('$0');
    expect(JSON.stringify(senior.authority)).toContain('"budget":0');
  });

  it('reads the size of a 1.9 GB (sparse) file before any of it: "larger than 1 MiB", with its exact size', () => {
    const dir = writeLadder(miniLadder());
    const path = join(dir, 'levels/eng-ic/huge.md');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 1_900_000_000); // a hole: no disk space used
    closeSync(fd);
    const before = process.memoryUsage().rss;
    const result = check(dir);
    const found = result.diagnostics.find((d) => d.file === 'levels/eng-ic/huge.md');
    // The exact size comes from stat (a read would stop at 1 MiB + 1 byte), and nothing near 1.9 GB was allocated.
    expect(found).toMatchObject({ rule: 'syntax/frontmatter', line: 1, column: 1, message: expect.stringContaining('larger than 1 MiB (1900000000 bytes)') });
    expect(process.memoryUsage().rss - before).toBeLessThan(500 * 1024 * 1024);
  });

  it('reports a level, a track and a folder that are symbolic links at the link, and nothing as missing because of them', () => {
    const files = miniLadder();
    // Grade 3 above the linked grade 2: without the link reported, grade 2 would read as a gap and a parity ceiling.
    files['levels/eng-ic/principal.md'] = files[LEVEL]!.replace('grade: 2', 'grade: 3')
      .replace('title: Senior Engineer', 'title: Principal')
      .replace('min: 70000', 'min: 90000')
      .replace('max: 90000', 'max: 110000');
    const outside = writeLadder(files);
    const linked = (path: string) => {
      const dir = writeLadder(files);
      rmSync(join(dir, path), { recursive: true });
      symlinkSync(join(outside, path), join(dir, path));
      return check(dir);
    };
    for (const [path, what] of [
      [LEVEL, 'file'],
      ['levels/eng-mgmt', 'folder'],
      ['tracks/eng-ic.md', 'file'],
      ['competencies/craft.md', 'file'],
    ] as const) {
      const result = linked(path);
      expect(result.ok).toBe(false);
      expect(
        result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule}`),
        path,
      ).toEqual([`${path}:1:1 error layout/symbolic-link`]);
      expect(result.diagnostics[0]!.message).toBe(
        `${path} is a symbolic link (to ${join(outside, path)}), which the ladder does not follow, so nothing in it is read: put the ${what} itself here instead`,
      );
    }
    // Nothing in a link is read.
    expect(linked(LEVEL).ladder.levels.map((l) => l.id)).not.toContain('eng-ic/senior');
  });
});
