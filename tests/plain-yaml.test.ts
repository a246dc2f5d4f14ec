/**
 * The fast reading of plain frontmatter (src/ladder/plain-yaml.ts) must never
 * read a block differently from `yaml`, the parser that decides: whenever it
 * reads a block, `yaml` reads the same block without an error or a warning,
 * to the same data, with nothing check would report (no alias, no tag, no
 * number written with a thousands separator). Tested on generated YAML that
 * walks every edge of the plain subset (numbers in every notation, indicator
 * characters, quotes and escapes, brackets and braces, block scalars, keys
 * YAML reads as numbers or booleans, indentation off by one, tabs, duplicate
 * keys), on the sample ladder, and on cases written out.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAlias, isCollection, isScalar, parseDocument, visit } from 'yaml';
import { parseFrontmatter } from '../src/ladder/frontmatter.ts';
import { isPlain, readPlainYaml } from '../src/ladder/plain-yaml.ts';
import { generateLadder } from '../bench/generate.ts';
import { CONTENT, ROOT, SAMPLE } from './helpers/ladder.ts';

const YAML_OPTIONS = { uniqueKeys: true, prettyErrors: false, strict: true } as const;
const THOUSANDS = /^[+-]?\d{1,3}(?:[.,]\d{3})+$/;

/** What `yaml` makes of a block, and whether check would report anything of it beyond the data. */
function byYaml(text: string) {
  const doc = parseDocument(text, YAML_OPTIONS);
  let odd = false;
  visit(doc, {
    Node(_, node) {
      if (isAlias(node) || node.anchor !== undefined) odd = true;
      // A tag written in the text: `yaml` leaves the tag of a node undefined unless one was written.
      if (node.tag !== undefined) odd = true;
      if (isScalar(node) && typeof node.value === 'number' && THOUSANDS.test(String(node.source))) odd = true;
    },
    // A field without a name, or whose name is a list or a group.
    Pair(_, pair) {
      const key = pair.key;
      if (key === null || isCollection(key) || (isScalar(key) && (key.value === null || String(key.value).trim() === ''))) odd = true;
    },
  });
  return { errors: doc.errors.map((e) => e.code), warnings: doc.warnings.map((w) => w.code), data: doc.toJS() ?? {}, odd };
}

/** Holds the fast reading to `yaml` on one block; returns whether the fast reading took it. */
function agrees(text: string): boolean {
  const plain = readPlainYaml(text);
  if (plain === undefined) return false;
  const reference = byYaml(text);
  expect({ text, errors: reference.errors, warnings: reference.warnings, odd: reference.odd }).toEqual({ text, errors: [], warnings: [], odd: false });
  // Node's own deep equality: prototypes, own keys, -0 against 0 (vitest's compares each object's "constructor", which a key
  // of that name replaces); and the keys in the same order, which messages listing fields follow.
  expect({ text, same: isDeepStrictEqual(plain, reference.data), order: JSON.stringify(plain) }).toEqual({
    text,
    same: true,
    order: JSON.stringify(reference.data),
  });
  return true;
}

// ---------------------------------------------------------------- a generator of YAML around the edges of the subset

/** Pieces of values: ordinary words, and every way a word can mean something else to YAML. */
const WORDS = [
  'Senior',
  'Engineer',
  'Boston and New York',
  'R&D',
  "Lab Manager's",
  'say "hi"',
  '(II)',
  'a,b',
  'é',
  'Zürich',
  '日本',
  '😀',
  'a:b',
  'https://example.com/x',
  'x#y',
  'yes',
  'no',
  'on',
  'off',
  'true',
  'True',
  'FALSE',
  'null',
  'Null',
  'NaN',
  'Infinity',
  'y',
  'n',
  'e5',
  'x_1',
  'a-b',
];
const TRICKY = [
  'a: b',
  'x #y',
  '#',
  ':',
  ': x',
  '-x',
  '- x',
  '?x',
  ':x',
  '%x',
  '@x',
  '`x`',
  '|',
  '>',
  '!x',
  '!!str x',
  '&a x',
  '*a',
  '~',
  '.inf',
  '.5',
  '1_000',
  '0x1F',
  '0o17',
  '0b11',
  '012',
  '1e3',
  '-0',
  '+1',
  '95.000',
  '1.250',
  '-95.000',
  '1,000',
  '1.',
  '1.50',
  '0',
  '85000',
  '12345678901234567890',
  '2026-01-01',
  '12:30',
  '[x]',
  '{y}',
  '[a, [b]]',
  '{a: {b: 1}}',
  'x [y]',
  '\\',
  '\\n',
  '---',
  '...',
  '<<',
  '  ',
  ' ',
  '\t',
  '\u00a0',
  '\u2028',
  '\u0085',
  '\r',
  '\u200b',
  '\ufeff',
  '\x7f',
  '\ud800',
];
const NUMBERS = ['0', '1', '7', '-5', '85000', '1500000', '0.9', '1.5', '12.25', '100.0', '0.05', '95.000', '0.125', '1.2345'];

const word = fc.constantFrom(...WORDS);
const anyWord = fc.oneof(
  { weight: 16, arbitrary: word },
  { weight: 1, arbitrary: fc.constantFrom(...TRICKY) },
  { weight: 4, arbitrary: fc.constantFrom(...NUMBERS) },
);
const plainText = fc.array(anyWord, { minLength: 1, maxLength: 3 }).map((words) => words.join(' '));
const quoted = fc.oneof(
  fc
    .array(fc.oneof(word, fc.constantFrom('\\"', '\\\\', '\\n', '\\t', '\\x41', '\\u00e9', "'", ': ', ' #')), { maxLength: 3 })
    .map((parts) => `"${parts.join(' ')}"`),
  fc.array(fc.oneof(word, fc.constantFrom("''", '"', ': ', ' #', '\\')), { maxLength: 3 }).map((parts) => `'${parts.join(' ')}'`),
  fc.constantFrom('"unclosed', "'unclosed", '"a" b', "'a' b"),
);
const item = fc.oneof(
  { weight: 6, arbitrary: word },
  { weight: 2, arbitrary: plainText },
  { weight: 3, arbitrary: fc.constantFrom(...NUMBERS) },
  { weight: 2, arbitrary: quoted },
  { weight: 1, arbitrary: fc.constantFrom(...TRICKY) },
);
const flowList = fc
  .tuple(fc.array(item, { maxLength: 4 }), fc.constantFrom(', ', ',', ' , '), fc.boolean())
  .map(([items, comma, trailing]) => `[${items.join(comma)}${trailing && items.length > 0 ? ',' : ''}]`);
const key = fc.oneof(
  { weight: 30, arbitrary: fc.constantFrom('name', 'title', 'grade', 'min', 'max', 'summary', 'zones', 'bonus', 'scope', 'decisions', 'a-b', 'x_1', 'Zones') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '1',
      '2',
      '10',
      '01',
      '0',
      '-1',
      '1.5',
      'true',
      'null',
      'NULL',
      'trueish',
      'a.b',
      '__proto__',
      'constructor',
      'x y',
      '-a',
      'é',
      '"q"',
      "'q'",
      '?',
      '',
      '<<',
      '[a]',
      '{a: 1}',
      '&a',
      '!k',
    ),
  },
);
const flowMap = fc
  .tuple(
    fc.array(fc.tuple(key, item, fc.constantFrom(': ', ':', ':  ')), { maxLength: 3 }),
    fc.constantFrom(['{ ', ' }'], ['{', '}'], ['{ ', '}'], ['{', ' }']),
  )
  .map(([pairs, [open, close]]) => `${open}${pairs.map(([k, v, colon]) => `${k}${colon}${v}`).join(', ')}${close}`);
const scalar = fc.oneof(
  { weight: 5, arbitrary: plainText },
  { weight: 2, arbitrary: quoted },
  { weight: 2, arbitrary: flowList },
  { weight: 2, arbitrary: flowMap },
);

/** A literal or folded block: its header, and lines indented by a random amount over the key. */
const block = fc.record({
  header: fc.constantFrom('|', '|-', '>', '>-', '|+', '>+', '|2', '| # note'),
  lines: fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.oneof(plainText, fc.constant(''), fc.constantFrom('#not a comment', 'a: b', '  more'))), {
    maxLength: 4,
  }),
});

type Tree = { kind: 'map'; entries: [string, Value][] } | { kind: 'seq'; items: Value[] };
type Value = { kind: 'scalar'; text: string } | { kind: 'block'; header: string; lines: [number, string][] } | Tree;

const value: fc.Memo<Value> = fc.memo((depth) =>
  depth <= 1
    ? fc.oneof(
        scalar.map((text) => ({ kind: 'scalar' as const, text })),
        block.map((b) => ({ kind: 'block' as const, ...b })),
      )
    : fc.oneof(
        { weight: 4, arbitrary: scalar.map((text) => ({ kind: 'scalar' as const, text })) },
        { weight: 1, arbitrary: block.map((b) => ({ kind: 'block' as const, ...b })) },
        { weight: 2, arbitrary: tree(depth - 1) },
      ),
);
const tree = (depth: number): fc.Arbitrary<Tree> =>
  fc.oneof(
    fc.array(fc.tuple(key, value(depth)), { minLength: 1, maxLength: 4 }).map((entries) => ({ kind: 'map' as const, entries })),
    fc.array(value(depth), { minLength: 1, maxLength: 3 }).map((items) => ({ kind: 'seq' as const, items })),
  );

/** Writes a tree as YAML; `step` is how far each level is indented (random, as an editor's are). */
function render(node: Tree, indent: number, step: number, out: string[], lead = ''): void {
  const pad = ' '.repeat(indent);
  const write = (head: string, v: Value, childIndent: number) => {
    if (v.kind === 'scalar') out.push(`${head} ${v.text}`);
    else if (v.kind === 'block') {
      out.push(`${head} ${v.header}`);
      for (const [extra, text] of v.lines) out.push(text === '' ? '' : `${' '.repeat(childIndent + extra)}${text}`);
    } else {
      out.push(head);
      render(v, childIndent, step, out);
    }
  };
  if (node.kind === 'map') {
    node.entries.forEach(([k, v], i) => write(`${i === 0 && lead ? lead : pad}${k}:`, v, indent + step));
  } else {
    for (const v of node.items) {
      if (v.kind === 'map') {
        render(v, indent + 2, step, out, `${pad}- `);
      } else if (v.kind === 'scalar') out.push(`${pad}- ${v.text}`);
      else write(`${pad}-`, v, indent + step);
    }
  }
}

/** After writing, what an editor or an attacker may do to the lines: comments, blank lines, a line moved, a tab, a line twice. */
const mutation = fc.oneof(
  { weight: 8, arbitrary: fc.constant((lines: string[]) => lines) },
  { weight: 1, arbitrary: fc.nat().map((i) => (lines: string[]) => lines.toSpliced(i % (lines.length + 1), 0, '# a comment')) },
  fc.nat().map((i) => (lines: string[]) => lines.toSpliced(i % (lines.length + 1), 0, '')),
  fc.nat().map((i) => (lines: string[]) => lines.toSpliced(i % (lines.length + 1), 0, '   ')),
  fc.tuple(fc.nat(), fc.constantFrom(-2, -1, 1, 2)).map(([i, by]) => (lines: string[]) => {
    const at = i % lines.length;
    const line = lines[at]!;
    return lines.with(at, by > 0 ? `${' '.repeat(by)}${line}` : line.replace(new RegExp(`^ {0,${-by}}`), ''));
  }),
  fc.nat().map((i) => (lines: string[]) => lines.with(i % lines.length, `\t${lines[i % lines.length]}`)),
  // Leading spaces made no-break or ideographic spaces (as many, or one more), which YAML does not count as indentation.
  fc.tuple(fc.nat(), fc.constantFrom('\u00a0', '\u3000', '\u2003'), fc.boolean()).map(([i, space, more]) => (lines: string[]) => {
    const line = lines[i % lines.length]!;
    const indent = /^ */.exec(line)![0].length + (more ? 1 : 0);
    return lines.with(i % lines.length, `${space.repeat(Math.max(indent, 1))}${line.trimStart()}`);
  }),
  fc.nat().map((i) => (lines: string[]) => lines.toSpliced(i % lines.length, 0, lines[i % lines.length]!)),
  fc.nat().map((i) => (lines: string[]) => lines.with(i % lines.length, `${lines[i % lines.length]}  # note`)),
  fc.nat().map((i) => (lines: string[]) => lines.with(i % lines.length, `${lines[i % lines.length]}   `)),
);

const documents = fc
  .tuple(
    fc.array(fc.tuple(key, value(3)), { minLength: 1, maxLength: 5 }).map((entries) => ({ kind: 'map' as const, entries })),
    fc.constantFrom(2, 2, 2, 4, 3, 1),
    fc.array(mutation, { maxLength: 2 }),
  )
  .map(([root, step, mutations]) => {
    const lines: string[] = [];
    render(root, 0, step, lines);
    return mutations.reduce((acc, mutate) => mutate(acc), lines).join('\n');
  });

describe('the fast reading of plain frontmatter', () => {
  it('reads generated YAML as `yaml` does, or leaves it to `yaml`', () => {
    let taken = 0;
    let left = 0;
    fc.assert(
      fc.property(documents, (text) => {
        if (agrees(text)) taken++;
        else left++;
      }),
      { numRuns: Number(process.env.RUNS ?? 6000) },
    );
    // The generator walks both sides of the edge: it would prove nothing if the fast reading took every block or none.
    expect(taken).toBeGreaterThan(400);
    expect(left).toBeGreaterThan(400);
  });

  it('has a reference that sees what check would report', () => {
    // The comparison above would prove nothing if these went unseen.
    for (const text of ['a: !!str x', 'a: !!map {}', 'a: &x 1', 'a: &x 1\nb: *x', ': v', '[a]: v', 'pay: 95.000']) {
      expect({ text, odd: byYaml(text).odd || byYaml(text).errors.length > 0 }).toEqual({ text, odd: true });
    }
    expect(byYaml('a: 95\nb: [x, 1.5]\nc: { d: e }').odd).toBe(false);
  });

  it("reads every frontmatter block of the sample, its fixture copy, `ladder init`'s template and generated 1.1 ladders, as `yaml` does", () => {
    const read = (dir: string) =>
      Object.fromEntries(
        (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
          .filter((path) => path.endsWith('.md'))
          .map((path) => [path, readFileSync(join(dir, path), 'utf8')]),
      );
    const ladders = [
      read(CONTENT),
      read(SAMPLE),
      read(join(ROOT, 'templates', 'init', 'content')),
      generateLadder({ families: 2, grades: 6, seed: 3 }),
      generateLadder({ families: 2, grades: 6, seed: 4, bands: true, zones: true }),
    ];
    for (const files of ladders) {
      expect(Object.keys(files).length).toBeGreaterThan(10);
      for (const [path, text] of Object.entries(files)) {
        const lines = text.split(/\r?\n/);
        const block = lines.slice(1, lines.indexOf('---', 1)).join('\n');
        // A ladder that Parity writes or ships takes the fast path: the speed of the check depends on it.
        expect({ path, plain: isPlain(block) }).toEqual({ path, plain: true });
        expect(agrees(block)).toBe(true);
      }
    }
  });

  it.each([
    // What the two parsers read differently, and, beside it, what the subset leaves out to stay clear of the edges.
    ['a binary number (3 to js-yaml, text to `yaml`)', 'grade: 0b11'],
    ['an unknown tag (an error to js-yaml, text to `yaml`)', 'title: !local Engineer'],
    ['a number with an underscore', 'pay: 1_000'],
    ['a leading zero', 'grade: 012'],
    ['a thousands separator (reported by check)', 'pay:\n  min: 95.000'],
    ['a thousands separator in a list', 'grades: [1, 2.500]'],
    ['a thousands separator in braces', 'zones:\n  de: { min: 95.000}'],
    ['a decimal with three places (the shape of a thousands separator)', 'factor: 0.125'],
    ['an exponent', 'budget: 1e6'],
    ['a sign', 'grade: +1'],
    ['an anchor and an alias', 'a: &x 1\nb: *x'],
    ['a tag', 'title: !!str Engineer'],
    ['a merge key', 'base:\n  a: 1\n<<: x'],
    ['": " in a value', 'title: Engineer: Senior'],
    ['a value over two lines', 'summary: Leads the team\n  and the roadmap'],
    ['a list in a list', 'decisions: [a, [b]]'],
    ['a group in a group in braces', 'zones: { germany: { min: 1 } }'],
    ['a tab', 'title:\tEngineer'],
    ['a duplicate key', 'title: A\ntitle: B'],
    ['a duplicate key in braces', 'zones: { a: 1, a: 2 }'],
    ['a key YAML reads as a boolean', 'true: x'],
    ['a key YAML reads as null', 'null: x'],
    ['a prototype key', '__proto__: x'],
    ['an escape other than \\" and \\\\', 'title: "a\\nb"'],
    ['a carriage return', 'title: a\rb'],
    ['a line separator', 'title: a\u2028b'],
    ['a list at the top', '- a\n- b'],
    ["a list at its key's indentation", 'decisions:\n- a\n- b'],
    ['an indentation that matches nothing', 'pay:\n    min: 1\n  max: 2'],
    ['a key indented under a value', 'title: A\n  grade: 1'],
    ['an empty block', 'summary: |\ngrade: 1'],
    ['a block kept with its trailing lines', 'summary: |+\n  text\n'],
    ['a block with an indentation indicator', 'summary: |2\n   text'],
    ['a folded block with a more-indented line', 'summary: >\n  a\n    b\n  c'],
    ['a block with a line of spaces', 'summary: |\n  a\n     \n  b'],
    // A no-break or ideographic space is no indentation to YAML: the line ends the block, and must be read as a line.
    ['a line after a block that starts with a no-break space', 'a: |\n\u00a0x: 0b101'],
    ['a line in a block that starts with ideographic spaces', 'a: >\n  text\n\u3000\u3000x: 0b1'],
    ['a field without a name after a block', 'a: |\n\u00a0: 1'],
    ['a tag after a block', 'a: |\n  text\n\u00a0\u00a0x: !!str 1'],
    ['a question mark key', '? a\n: b'],
    ['a directive-like value', 'title: "%x"\n%YAML 1.2'],
  ])('leaves %s to `yaml`', (_, text) => {
    expect(readPlainYaml(text)).toBeUndefined();
  });

  it.each([
    ['an empty block', '', {}],
    ['comments only', '# a comment\n\n# another', {}],
    [
      'fields, a group and a list',
      'name: Engineering\norder: 1\npay:\n  min: 85000\n  max: 111000\nscopes: [team, org]',
      {
        name: 'Engineering',
        order: 1,
        pay: { min: 85000, max: 111000 },
        scopes: ['team', 'org'],
      },
    ],
    [
      'bands by grade, with zones in braces',
      'bands:\n  1:\n    min: 105000\n    zones:\n      germany: { min: 66000, max: 85000 }',
      {
        bands: { 1: { min: 105000, zones: { germany: { min: 66000, max: 85000 } } } },
      },
    ],
    [
      'a list of groups',
      'zones:\n  - id: us\n    name: Boston and New York\n  - id: de\n    factor: 0.9',
      {
        zones: [
          { id: 'us', name: 'Boston and New York' },
          { id: 'de', factor: 0.9 },
        ],
      },
    ],
    [
      'quotes, colons in URLs, apostrophes and comments',
      "a: \"Engineer: Senior\"\nb: 'it''s'\nc: https://x.org/a#b # note\nd: Lab Manager's",
      {
        a: 'Engineer: Senior',
        b: "it's",
        c: 'https://x.org/a#b',
        d: "Lab Manager's",
      },
    ],
    ['booleans, null and an empty value', 'a: true\nb: FALSE\nc: null\nd:\ne: yes', { a: true, b: false, c: null, d: null, e: 'yes' }],
    ['literal and folded blocks', 'a: |\n  one\n    two\n\n  three\nb: >-\n  folded\n  text\nc: 1', { a: 'one\n  two\n\nthree\n', b: 'folded text', c: 1 }],
  ])('reads %s as `yaml` does', (_, text, expected) => {
    expect(readPlainYaml(text)).toStrictEqual(expected);
    expect(agrees(text)).toBe(true);
  });

  it('places a problem in a block read the fast way where `yaml` places it', () => {
    const source = '---\ntitle: Staff Engineer\ngrade: 5\npay:\n  min: 150000\n  max: 195000\nzones:\n  - id: de\n    name: Germany\n---\n\nBody.\n';
    expect(isPlain(source.split('---\n')[1]!.trimEnd())).toBe(true);
    const result = parseFrontmatter('levels/a/b.md', source);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.file.locate(['pay', 'max'])).toEqual({ file: 'levels/a/b.md', line: 6, column: 8 });
    expect(result.file.locate(['pay', 'max'], 'key')).toEqual({ file: 'levels/a/b.md', line: 6, column: 3 });
    expect(result.file.locate(['zones', 0, 'name'])).toEqual({ file: 'levels/a/b.md', line: 9, column: 11 });
    expect(result.file.locate(['nowhere'])).toEqual({ file: 'levels/a/b.md', line: 1, column: 1 });
    expect(result.file.bodyLine).toBe(11);
  });

  it('answers on long hostile lines (a regex that backtracks would outlast the time limit of the test)', () => {
    for (const text of [`title: ${'a '.repeat(50_000)}:`, `a: [${'b '.repeat(50_000)}`, `a: {${' b: c,'.repeat(20_000)}`, `a: "${'\\"'.repeat(50_000)}`]) {
      expect(readPlainYaml(text)).toBeUndefined();
    }
  });
});
