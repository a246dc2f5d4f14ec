/**
 * The rule registry (src/ladder/rules/): one module per rule id, the table
 * of docs/format.md generated from it, every rule id of the spec in it, and
 * every id the code can report in it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkSources } from '../src/ladder/check.ts';
import { TABLE_END, TABLE_START, withRuleTable } from '../src/ladder/rules/docs.ts';
import { rules } from '../src/ladder/rules/index.ts';
import { registry, ruleOf } from '../src/ladder/rules/registry.ts';
import type { RuleModule } from '../src/ladder/rules/rule.ts';
import contentDuplicateSection from '../src/ladder/rules/content/duplicate-section.ts';
import trackGradeGap from '../src/ladder/rules/track/grade-gap.ts';
import { PARITY_RULES } from '../src/ladder/schema.ts';
import { ladder } from './editing/run.ts';
import { miniLadder, positionOf, ROOT, type Files } from './helpers/ladder.ts';
import { testRule } from './helpers/rule-tester.ts';

const RULES_DIR = join(ROOT, 'src/ladder/rules');
const FORMAT_MD = join(ROOT, 'docs/format.md');

/** A rule's file: src/ladder/rules/<id>.ts, `schema/<field>` in schema/field.ts. */
const fileOf = (id: string) => join(RULES_DIR, `${id.replace(/<([^>]+)>/, '$1')}.ts`);
/** Ids compared with the spec's: a family of ids (`schema/<field path>`) by its prefix. */
const normal = (id: string) => id.replace(/<[^>]*>/, '<>');

/**
 * The rule table of the contract, shared/spec/ladder-format.md (version 1.1),
 * copied so that this test runs on a clean clone, where ../shared is absent:
 * id, severity, and the version that added it ("(1.1)" in the table).
 */
const SPEC_RULES: [id: string, severity: string, since: string][] = [
  ['syntax/frontmatter', 'error', '1.0'],
  ['schema/<field path>', 'error', '1.0'],
  ['ref/unknown', 'error', '1.0'],
  ['ref/orphan-level', 'error', '1.0'],
  ['track/duplicate-grade', 'error', '1.0'],
  ['track/grade-gap', 'error', '1.0'],
  ['pay/inverted', 'error', '1.0'],
  ['pay/regression', 'error', '1.0'],
  ['content/missing-section', 'error', '1.0'],
  ['content/unknown-section', 'warning', '1.0'],
  ['content/unsafe-html', 'error', '1.0'],
  ['parity/ceiling', 'error', '1.0'],
  ['parity/pay', 'error', '1.0'],
  ['parity/authority', 'error', '1.0'],
  ['parity/exception-unused', 'warning', '1.0'],
  ['pay/missing', 'error', '1.1'],
  ['pay/missing-zone', 'error', '1.1'],
  ['parity/variable-pay', 'error', '1.1'],
];

/** The contract where the project sits beside it (../shared/spec/ in the team's checkout), else undefined. */
function specFile(): string | undefined {
  for (let dir = ROOT; ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared/spec/ladder-format.md');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/** The rows of the spec's table "| rule | severity | what it catches |". */
function specRules(text: string): [string, string, string][] {
  const lines = text.split('\n');
  const header = lines.findIndex((line) => /^\|\s*rule\s*\|\s*severity\s*\|\s*what it catches\s*\|/.test(line));
  if (header < 0) throw new Error('the spec has no rule table');
  const rows: [string, string, string][] = [];
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    const [id, severity, catches] = line
      .split('|')
      .slice(1, 4)
      .map((cell) => cell.trim());
    rows.push([id!.replace(/^`|`$/g, ''), severity!, catches!.startsWith('(1.1)') ? '1.1' : '1.0']);
  }
  return rows;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|astro|js|mjs)$/.test(name) ? [path] : [];
  });
}

describe('the rule registry', () => {
  it('lists each rule once, with its meta complete', () => {
    const ids = registry.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { meta } of registry) {
      expect(meta.id, meta.id).toMatch(/^[a-z]+\/([a-z]+(-[a-z]+)*|<[a-z ]+>)$/);
      expect(['error', 'warning']).toContain(meta.severity);
      expect(['1.0', '1.1']).toContain(meta.since);
      expect(meta.description.length, `${meta.id}: description`).toBeGreaterThan(10);
      expect(meta.description, `${meta.id}: description is one line`).not.toMatch(/\n/);
      expect(meta.docs.means.length, `${meta.id}: docs.means`).toBeGreaterThan(10);
      expect(meta.docs.fix.length, `${meta.id}: docs.fix`).toBeGreaterThan(5);
    }
  });

  it('keeps each rule in its own file, src/ladder/rules/<id>.ts, and every file of a rule folder is a rule of the registry', async () => {
    for (const rule of registry) {
      const file = fileOf(rule.meta.id);
      expect(existsSync(file), `${rule.meta.id} should live in ${relative(ROOT, file)}`).toBe(true);
      const module = (await import(pathToFileURL(file).href)) as { default: RuleModule };
      expect(module.default, `${relative(ROOT, file)} should export the rule ${rule.meta.id} as its default`).toBe(rule);
    }
    const folders = readdirSync(RULES_DIR).filter((name) => statSync(join(RULES_DIR, name)).isDirectory());
    const files = folders.flatMap((folder) => readdirSync(join(RULES_DIR, folder)).map((name) => join(RULES_DIR, folder, name)));
    expect(files.map((f) => relative(RULES_DIR, f)).sort()).toEqual(registry.map((r) => relative(RULES_DIR, fileOf(r.meta.id))).sort());
  });

  it('runs the checks of the rules that have one, in the registry order', () => {
    expect(rules).toEqual(registry.flatMap((r) => (r.check ? [r.check] : [])));
    expect(rules.length).toBeGreaterThan(10);
  });

  it('lets an exception in ladder.md excuse exactly the parity rules that ladder.md may name', () => {
    const excusable = registry.filter((r) => r.meta.excusable).map((r) => r.meta.id);
    expect(excusable.sort()).toEqual([...PARITY_RULES].sort());
  });

  it('finds the rule of an id: its own, or the family of ids it belongs to', () => {
    expect(ruleOf('pay/regression')?.meta.id).toBe('pay/regression');
    expect(ruleOf('schema/pay.min')?.meta.id).toBe('schema/<field>');
    expect(ruleOf('schema/zones')?.meta.id).toBe('schema/zones');
    expect(ruleOf('schema/zones.factor')?.meta.id).toBe('schema/<field>');
    expect(ruleOf('pay/nonsense')).toBeUndefined();
    expect(ruleOf('import/value')).toBeUndefined();
    expect(ruleOf('schema/')).toBeUndefined();
  });
});

describe('docs/format.md', () => {
  it("has the registry's rule table, as `npm run rules:doc` writes it", () => {
    const page = readFileSync(FORMAT_MD, 'utf8');
    expect(page).toContain(TABLE_START);
    expect(page).toContain(TABLE_END);
    const generated = withRuleTable(page, registry);
    // On failure: run `npm run rules:doc` (or edit the rule's meta, not the table).
    expect(page, 'docs/format.md differs from the rule registry: run npm run rules:doc').toBe(generated);
  });

  it('would show a change of a rule in its table (the comparison can fail)', () => {
    const page = readFileSync(FORMAT_MD, 'utf8');
    const changed = registry.map((r) => (r.meta.id === 'pay/inverted' ? { ...r, meta: { ...r.meta, docs: { ...r.meta.docs, fix: 'Swap min and max.' } } } : r));
    const regenerated = withRuleTable(page, changed)!;
    expect(regenerated).not.toBe(page);
    expect(regenerated).toContain('| `pay/inverted` | error | A band');
    expect(regenerated).toContain('| Swap min and max. |');
    expect(withRuleTable('no markers here', registry)).toBeUndefined();
  });

  it("names every rule Parity adds to the contract's table among its decisions", () => {
    const page = readFileSync(FORMAT_MD, 'utf8');
    const added = /\*\*Rules added to the contract's table\*\*:([\s\S]*?)\n- \*\*/.exec(page)?.[1];
    expect(added, "the bullet 'Rules added to the contract's table'").toBeDefined();
    const spec = new Set(SPEC_RULES.map(([id]) => normal(id)));
    const own = registry.map((r) => r.meta.id).filter((id) => !spec.has(normal(id)));
    expect(own.length).toBeGreaterThan(0);
    for (const id of own) expect(added, id).toContain(`\`${id}\``);
    const named = [...added!.matchAll(/`([a-z]+\/[a-z-]+)`/g)].map((m) => m[1]);
    for (const id of named) expect(own, `${id} is named as added but is in the spec or no rule`).toContain(id);
  });
});

describe('the rules of the spec', () => {
  const file = specFile();

  it('are the copy this test keeps (compared with shared/spec/ladder-format.md where a checkout has it)', () => {
    // The copy: the spec's 18 rows, each id once, written as the spec writes ids.
    expect(SPEC_RULES).toHaveLength(18);
    expect(new Set(SPEC_RULES.map(([id]) => id)).size).toBe(SPEC_RULES.length);
    for (const [id, severity, since] of SPEC_RULES) {
      expect(id).toMatch(/^[a-z]+\/(?:[a-z-]+|<field path>)$/);
      expect(['error', 'warning']).toContain(severity);
      expect(['1.0', '1.1']).toContain(since);
    }
    if (file) expect(specRules(readFileSync(file, 'utf8'))).toEqual(SPEC_RULES);
  });

  it('are each in the registry, with the severity and the version of the spec', () => {
    const rows = file ? specRules(readFileSync(file, 'utf8')) : SPEC_RULES;
    const byId = new Map(registry.map((r) => [normal(r.meta.id), r]));
    for (const [id, severity, since] of rows) {
      const rule = byId.get(normal(id));
      expect(rule, `${id} of the spec is not in the registry`).toBeDefined();
      expect(rule!.meta.severity, `${id}: severity`).toBe(severity);
      expect(rule!.meta.since, `${id}: since`).toBe(since);
    }
  });
});

describe('every rule id the code can report', () => {
  const importTable = readFileSync(join(ROOT, 'docs/import.md'), 'utf8');
  const groups = [...new Set(registry.map((r) => r.meta.id.split('/')[0]!)), 'import'];
  const literal = new RegExp(`(['"])((?:${groups.join('|')})/[a-z][a-z0-9-]*)\\1`, 'g');

  it('is a rule of the registry (or, for ladder import, a row of docs/import.md)', () => {
    const found = new Map<string, string>();
    for (const path of sourceFiles(join(ROOT, 'src'))) {
      for (const match of readFileSync(path, 'utf8').matchAll(literal)) found.set(match[2]!, relative(ROOT, path));
    }
    // The scan finds ids where they are written (this test is not vacuous).
    expect(found.has('parity/pay')).toBe(true);
    expect(found.has('import/value')).toBe(true);
    for (const [id, path] of found) {
      if (id.startsWith('import/')) expect(importTable, `${id} (${path}) has no row in docs/import.md`).toContain(`| \`${id}\` |`);
      else expect(ruleOf(id)?.meta.id, `${id} (${path}) is no rule of the registry`).toBe(id);
    }
  });

  it('as a ladder is checked, resolves to a rule of the registry, with its severity', () => {
    const broken: Files[] = [];
    const edit = (change: (files: Files) => void) => {
      const files = miniLadder();
      change(files);
      broken.push(files);
    };
    const IC2 = 'levels/eng-ic/senior.md';
    edit((f) => (f[IC2] = f[IC2]!.replace('grade: 2', 'grade: 2\nsalary: 3').replace('min: 70000', 'min: "70k"')));
    edit((f) => (f['levels/eng-qa/tester.md'] = f[IC2]!));
    edit((f) => (f[IC2] = f[IC2]!.replace('## Craft', '## Crafts').replace('- Does people', '<script>x</script>')));
    edit((f) => (f['tracks/eng-ic.md'] = f['tracks/eng-ic.md']!.replace('family: eng', 'family: engg')));
    edit((f) => {
      f['notes.md'] = 'x';
      delete f['ladder.md'];
    });
    edit((f) => (f['families/Ops Team.md'] = f['families/eng.md']!));
    edit((f) => (f['ladder.md'] = f['ladder.md']!.replace('currency: EUR', 'currency: EUR\nzones: 3')));
    edit(
      (f) =>
        (f['ladder.md'] = f['ladder.md']!.replace(
          'currency: EUR',
          'currency: EUR\nparity:\n  exceptions:\n    - { family: eng, grade: 7, rule: parity/pay, reason: r }',
        )),
    );
    edit((f) => (f['levels/eng-mgmt/manager.md'] = f['levels/eng-mgmt/manager.md']!.replace('scope: group', 'scope: org')));
    const seen = new Set<string>();
    for (const files of broken) {
      for (const d of checkSources(files).diagnostics) {
        const rule = ruleOf(d.rule);
        expect(rule, `${d.rule} is no rule of the registry`).toBeDefined();
        if (!rule!.meta.severityNote) expect(d.severity, d.rule).toBe(rule!.meta.severity);
        seen.add(rule!.meta.id);
      }
    }
    // Rules of several kinds were reported: from the reader, the schema and the model.
    for (const id of [
      'schema/<field>',
      'schema/id',
      'ref/unknown',
      'ref/orphan-level',
      'content/unsafe-html',
      'content/missing-section',
      'layout/missing-ladder',
      'layout/unexpected-file',
      'parity/authority',
      'parity/exception-unused',
    ]) {
      expect(seen, id).toContain(id);
    }
  });
});

describe('ladder rules', () => {
  it('lists every rule of the registry, one line each, as text, JSON and the Markdown table', async () => {
    const text = await ladder(['rules']);
    expect(text.code).toBe(0);
    const lines = text.stdout.trimEnd().split('\n');
    expect(lines.map((line) => line.split(/\s+/)[0])).toEqual(registry.map((r) => r.meta.id));
    expect(lines.find((line) => line.startsWith('content/unknown-section'))).toMatch(
      /^content\/unknown-section +warning +a ## section that matches no competency/,
    );
    const json = JSON.parse((await ladder(['rules', '--format', 'json'])).stdout) as { id: string; severity: string; fix: string }[];
    expect(json.map((r) => r.id)).toEqual(registry.map((r) => r.meta.id));
    expect(json.find((r) => r.id === 'pay/inverted')).toMatchObject({ severity: 'error', fix: 'Swap them.' });
    const markdown = (await ladder(['rules', '--format', 'markdown'])).stdout;
    expect(readFileSync(FORMAT_MD, 'utf8')).toContain(markdown);
    const wrong = await ladder(['rules', '--format', 'yaml']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('Unknown format "yaml"');
  });
});

/** The rule tester (tests/helpers/rule-tester.ts), as a new rule's test would use it: see docs/contributing.md. */
const IC2 = 'levels/eng-ic/senior.md';
const M2 = 'levels/eng-mgmt/manager.md';
const gap = miniLadder();
gap[IC2] = gap[IC2]!.replace('grade: 2', 'grade: 4');
const duplicate = miniLadder();
duplicate[M2] = `${duplicate[M2]}\n## people\n\n- More people.\n`;

testRule(trackGradeGap, {
  valid: [miniLadder()],
  invalid: [
    {
      name: 'a track that skips grades 2 and 3',
      files: gap,
      errors: [{ file: IC2, ...positionOf(gap[IC2]!, 'grade: 4', 7), messageId: 'gap' }],
    },
  ],
});

testRule(contentDuplicateSection, {
  valid: [{ name: 'one section per competency', files: miniLadder() }],
  invalid: [
    {
      files: duplicate,
      errors: [{ file: M2, ...positionOf(duplicate[M2]!, '## people'), message: 'The section "people" appears twice: merge it into the one on line 14' }],
    },
  ],
});
