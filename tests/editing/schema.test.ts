/**
 * The JSON Schemas that editors use: generated from the Zod schemas, committed
 * in schemas/ (and never stale), accepting every file of the sample ladder and
 * rejecting malformed frontmatter the way `ladder check` does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonSchema, jsonSchemaFiles, SCHEMA_KINDS, schemaFileName } from '../../src/cli/schema.ts';
import { parseFrontmatter } from '../../src/ladder/frontmatter.ts';
import { OPTIONAL_PAGES } from '../../src/ladder/load.ts';
import { schemas, type FileKind } from '../../src/ladder/schema.ts';
import { cleanup, CONTENT, ROOT, SAMPLE, tempDir } from '../helpers/ladder.ts';
import { ladder } from './run.ts';

afterAll(cleanup);

const ajv = new Ajv({ allErrors: true, strict: true });
// z.url() becomes format "uri"; ajv ships no formats of its own.
ajv.addFormat('uri', (value: string) => URL.canParse(value));
const validators = Object.fromEntries(SCHEMA_KINDS.map((kind) => [kind, ajv.compile(jsonSchema(kind))])) as Record<FileKind, ReturnType<Ajv['compile']>>;

function kindOf(path: string): FileKind {
  if (path === 'ladder.md') return 'ladder';
  if (path.startsWith('families/')) return 'family';
  if (path.startsWith('competencies/')) return 'competency';
  if (path.startsWith('tracks/')) return 'track';
  return 'level';
}

/** Every entry file of the sample (content/) and of the Northwind fixture, as paths from the project root. */
function sampleFiles(): string[] {
  return [CONTENT, SAMPLE].flatMap((dir) =>
    (readdirSync(dir, { recursive: true }) as string[])
      .map((p) => p.replace(/\\/g, '/'))
      // The optional pages (choose.md, pay.md) are not entries: they have schemas of their own (pageSchemas).
      .filter((p) => p.endsWith('.md') && !(OPTIONAL_PAGES as readonly string[]).includes(p.slice(0, -'.md'.length)))
      .map((p) => `${relative(ROOT, dir).replace(/\\/g, '/')}/${p}`),
  );
}

function frontmatterOf(text: string): unknown {
  const parsed = parseFrontmatter('x.md', text);
  if (!parsed.ok) throw new Error(parsed.errors[0]?.message);
  return parsed.file.data;
}

describe('ladder schema', () => {
  it('the committed schemas/ are exactly what the command generates', () => {
    for (const [name, text] of jsonSchemaFiles()) {
      expect(readFileSync(join(ROOT, 'schemas', name), 'utf8'), `schemas/${name} is stale: run "ladder schema"`).toBe(text);
    }
    expect(readdirSync(join(ROOT, 'schemas')).sort()).toEqual([...jsonSchemaFiles().keys()].sort());
  });

  it('writes one schema per kind of file, and --check tells stale from fresh', async () => {
    const out = tempDir('parity-schemas-');
    const written = await ladder(['schema', '--out', out]);
    expect(written.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(SCHEMA_KINDS.map(schemaFileName).sort());
    expect((await ladder(['schema', '--out', out, '--check'])).code).toBe(0);
    const empty = tempDir('parity-schemas-');
    const stale = await ladder(['schema', '--out', empty, '--check']);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('level.schema.json');
  });

  it('rejects unknown flags with exit code 2', async () => {
    expect((await ladder(['schema', '--bogus'])).code).toBe(2);
  });

  it('describes every field, marks defaults optional and keeps keys strict', () => {
    const level = jsonSchema('level') as { required: string[]; additionalProperties: boolean; properties: Record<string, { description?: string }> };
    expect(level.additionalProperties).toBe(false);
    expect(level.required).toEqual(['title', 'grade', 'summary', 'authority']); // pay may come from the family's band (1.1)
    for (const [name, property] of Object.entries(level.properties)) expect(property.description, name).toBeTruthy();
    const ladderSchema = jsonSchema('ladder') as { required: string[] };
    expect(ladderSchema.required).toEqual(['name', 'currency']); // scopes and parity have defaults
  });

  it.each(sampleFiles())('accepts the sample file %s', (path) => {
    const data = frontmatterOf(readFileSync(join(ROOT, path), 'utf8'));
    const validate = validators[kindOf(path.replace(/^(content|tests\/fixtures\/northwind)\//, ''))];
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
  });

  const level = frontmatterOf(readFileSync(join(SAMPLE, 'levels/engineering-ic/staff-engineer.md'), 'utf8')) as Record<string, unknown>;
  const track = frontmatterOf(readFileSync(join(SAMPLE, 'tracks/engineering-ic.md'), 'utf8')) as Record<string, unknown>;
  const ladderData = frontmatterOf(readFileSync(join(SAMPLE, 'ladder.md'), 'utf8')) as Record<string, unknown>;
  const without = (data: Record<string, unknown>, key: string) => Object.fromEntries(Object.entries(data).filter(([k]) => k !== key));
  const authority = level.authority as Record<string, unknown>;

  const malformed: [string, FileKind, unknown][] = [
    ['a level without a title', 'level', without(level, 'title')],
    ['a misspelt field (sumary)', 'level', { ...without(level, 'summary'), sumary: 'x' }],
    ['a grade of 0', 'level', { ...level, grade: 0 }],
    ['a fractional grade', 'level', { ...level, grade: 4.5 }],
    ['a grade written as text', 'level', { ...level, grade: 'four' }],
    ['a negative band', 'level', { ...level, pay: { min: -1, max: 10 } }],
    ['a band without max', 'level', { ...level, pay: { min: 1 } }],
    ['an unknown key in pay', 'level', { ...level, pay: { min: 1, max: 2, mid: 1 } }],
    ['a scope that is not a slug', 'level', { ...level, authority: { ...authority, scope: 'Whole Company' } }],
    ['a decision listed twice', 'level', { ...level, authority: { ...authority, decisions: ['hiring', 'hiring'] } }],
    ['decisions as text', 'level', { ...level, authority: { ...authority, decisions: 'hiring' } }],
    ['an empty title', 'level', { ...level, title: '' }],
    ['a summary of 401 characters', 'level', { ...level, summary: 'x'.repeat(401) }],
    ['a track of an unknown kind', 'track', { ...track, kind: 'executive' }],
    ['a track without competencies', 'track', { ...track, competencies: [] }],
    ['a track with a family that is not a slug', 'track', { ...track, family: 'Engineering' }],
    ['a family without a name', 'family', {}],
    ['a competency with an extra field', 'competency', { name: 'Impact', weight: 2 }],
    ['a ladder without a currency', 'ladder', without(ladderData, 'currency')],
    ['a currency in lowercase', 'ladder', { ...ladderData, currency: 'usd' }],
    ['a repository that is not a URL', 'ladder', { ...ladderData, repository: 'acme/career-ladder' }],
    ['a parity policy that does not exist', 'ladder', { ...ladderData, parity: { pay: 'roughly' } }],
    ['an exception without a reason', 'ladder', { ...ladderData, parity: { exceptions: [{ family: 'engineering', grade: 9, rule: 'parity/ceiling' }] } }],
    [
      'an exception for an unknown rule',
      'ladder',
      { ...ladderData, parity: { exceptions: [{ family: 'engineering', grade: 9, rule: 'parity/title', reason: 'x' }] } },
    ],
  ];

  it.each(malformed)('rejects %s, as the checker does', (_name, kind, data) => {
    expect(validators[kind](data)).toBe(false);
    expect(schemas[kind].safeParse(data).success).toBe(false);
  });
});
