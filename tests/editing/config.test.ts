/**
 * The web editor's configuration (src/editor/config.ts): generated from the
 * schemas, every field of every schema present (records, optional objects and
 * lists of objects included), references as relations, valid for the editor.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/ladder/check.ts';
import { editorConfig, editorConfigYaml, editorFields, editorFieldsOf, formatName, type EditorCollection, type EditorField } from '../../src/editor/config.ts';
import { frontmatterSchema, SCHEMA_KINDS, shapeOf, type JsonSchema, type SchemaKind } from '../../src/editor/schema.ts';
import { checkFiles, miniLadder, ROOT, SAMPLE } from '../helpers/ladder.ts';

const sample = check(SAMPLE).ladder;
const withRepo = { ...sample, repository: 'https://github.com/acme/career-ladder' };

/**
 * Every field path of a JSON Schema, walked here independently of the editor's
 * own reading of it: "pay", "pay.min", "parity.exceptions.reason"; a record's
 * values are walked like a list's items ("bands.min"), and the record is
 * listed in `records`.
 */
function schemaPaths(schema: JsonSchema, prefix = '', records: string[] = []): string[] {
  const inner = (s: JsonSchema): JsonSchema => {
    const options = (s.anyOf ?? s.oneOf ?? s.allOf ?? []).filter((o) => o.type !== 'null');
    return options.length === 1 ? inner({ ...options[0]!, description: s.description }) : s;
  };
  return Object.entries(inner(schema).properties ?? {}).flatMap(([name, raw]) => {
    const path = prefix ? `${prefix}.${name}` : name;
    const s = inner(raw);
    if (s.type === 'array') return [path, ...schemaPaths(inner(s.items ?? {}), path, records)];
    if (s.type === 'object' && !s.properties && typeof s.additionalProperties === 'object') {
      records.push(path);
      return [path, ...schemaPaths(inner(s.additionalProperties), path, records)];
    }
    return [path, ...schemaPaths(s, path, records)];
  });
}

function fieldPaths(fields: readonly EditorField[], prefix = ''): string[] {
  return fields.flatMap((f) => {
    const path = prefix ? `${prefix}.${f.name}` : f.name;
    return [path, ...fieldPaths(f.fields ?? [], path)];
  });
}

const field = (fields: readonly EditorField[], path: string): EditorField | undefined => {
  const [head, ...rest] = path.split('.');
  const f = fields.find((x) => x.name === head);
  return rest.length === 0 ? f : field(f?.fields ?? [], rest.join('.'));
};

/** The editor's fields cover the schema: each schema path once, plus one key field per record (its first field). */
function expectCoverage(schema: JsonSchema, fields: readonly EditorField[]): void {
  const records: string[] = [];
  const expected = schemaPaths(schema, '', records);
  const keys = records.map((path) => {
    const list = field(fields, path);
    expect(list?.widget, `${path} is edited as a list of keyed items`).toBe('list');
    return `${path}.${list!.fields![0]!.name}`;
  });
  const paths = fieldPaths(fields);
  expect(paths.filter((p) => !keys.includes(p)).sort()).toEqual([...expected].sort());
  expect(new Set(paths).size).toBe(paths.length);
}

function collection(name: string, ladder = withRepo): EditorCollection {
  const found = editorConfig(ladder).collections.find((c) => c.name === name);
  if (!found) throw new Error(`no collection ${name}`);
  return found;
}

const fieldsOf = (c: EditorCollection) => c.fields ?? c.files?.[0]?.fields ?? [];
const withoutBody = (fields: readonly EditorField[]) => fields.filter((f) => f.name !== 'body');

describe('the web editor configuration', () => {
  const collections: [SchemaKind, string][] = [
    ['ladder', 'ladder'],
    ['family', 'families'],
    ['competency', 'competencies'],
    ['track', 'tracks'],
    ...sample.tracks.map((t): [SchemaKind, string] => ['level', `levels-${t.id}`]),
  ];

  it.each(collections)('covers every field of the %s schema in the %s collection, plus the body', (kind, name) => {
    const fields = fieldsOf(collection(name));
    expectCoverage(frontmatterSchema(kind), withoutBody(fields));
    expect(fields.map((f) => f.name)).toContain('body');
  });

  it('covers every field of every schema of the format, walked from the Zod schemas', () => {
    expect(SCHEMA_KINDS.length).toBeGreaterThanOrEqual(6);
    for (const kind of SCHEMA_KINDS) expectCoverage(frontmatterSchema(kind), editorFields(kind, sample));
  });

  it('edits records as lists of keyed items, optional objects as optional, lists of objects with their fields (a 1.1-shaped schema)', () => {
    // The shapes format 1.1 adds (issue 12): a map of bands keyed by grade, each with optional equity and a map of zones.
    const range = z.strictObject({ min: z.number().nonnegative(), max: z.number().nonnegative() });
    const band = z.strictObject({
      min: z.number().nonnegative().meta({ description: 'Bottom of the band.' }),
      max: z.number().nonnegative(),
      bonus: z.number().min(0).max(200).optional(),
      equity: range.optional().meta({ description: 'Equity.' }),
      zones: z.record(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/), range).optional(),
    });
    const family = z.strictObject({
      name: z.string(),
      order: z.int().optional(),
      bands: z
        .record(z.string().regex(/^[1-9][0-9]?$/), band)
        .optional()
        .meta({ description: 'The band of each grade.' }),
      zonesList: z.array(z.strictObject({ id: z.string(), factor: z.number().positive().max(100).optional() })).optional(),
    });
    const schema = z.toJSONSchema(family, { io: 'input', target: 'draft-7' }) as JsonSchema;
    const shape = shapeOf(schema);
    const fields = editorFieldsOf(shape.type === 'object' ? shape.fields : [], 'family', sample);
    expectCoverage(schema, fields);
    expect(field(fields, 'bands')).toMatchObject({ widget: 'list', required: false, collapsed: true });
    expect(field(fields, 'bands.grade')).toMatchObject({ widget: 'number', value_type: 'int', min: 1, label: 'Grade' });
    expect(field(fields, 'bands.min')).toMatchObject({ widget: 'number', hint: 'Bottom of the band.' });
    expect(field(fields, 'bands.equity')).toMatchObject({ widget: 'object', required: false, hint: 'Equity.' });
    expect(field(fields, 'bands.zones')).toMatchObject({ widget: 'list', required: false });
    expect(field(fields, 'bands.zones.zone')).toMatchObject({ widget: 'string', label: 'Zone' });
    expect(field(fields, 'bands.bonus')).toMatchObject({ widget: 'number', min: 0, max: 200, required: false });
    expect(field(fields, 'zonesList')).toMatchObject({ widget: 'list', collapsed: true });
    expect(field(fields, 'zonesList.factor')).toMatchObject({ widget: 'number', value_type: 'float', max: 100, required: false });
  });

  it('is a configuration the editor accepts: valid against the JSON Schema that Sveltia CMS publishes', () => {
    const editorSchema = JSON.parse(readFileSync(join(ROOT, 'node_modules/@sveltia/cms/schema/sveltia-cms.json'), 'utf8'));
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(editorSchema);
    for (const ladder of [sample, withRepo]) {
      const config = JSON.parse(JSON.stringify(editorConfig(ladder, { authBaseUrl: 'https://auth.example.com', siteUrl: 'https://ladder.example.com/' })));
      const valid = validate(config);
      expect(valid ? [] : validate.errors?.map((e) => `${e.instancePath} ${e.message}`)).toEqual([]);
    }
  });

  it('reads and writes every collection through the format of its kind', () => {
    const config = editorConfig(withRepo);
    expect(config.collections.find((c) => c.name === 'families')?.format).toBe(formatName('family'));
    expect(config.collections.find((c) => c.name === 'ladder')?.files?.[0]?.format).toBe(formatName('ladder'));
    for (const c of config.collections.filter((c) => c.name.startsWith('levels-'))) expect(c.format).toBe(formatName('level'));
    expect(config.output).toEqual({ omit_empty_optional_fields: true });
    expect(config.editor).toEqual({ preview: true });
  });

  it('lists levels by grade, then by title', () => {
    for (const c of editorConfig(withRepo).collections.filter((c) => c.name.startsWith('levels-'))) {
      expect(c.sortable_fields).toEqual({ fields: ['grade', 'title'], default: { field: 'grade', direction: 'ascending' } });
      expect(c.summary).toBe('Grade {{grade}}: {{title}}');
    }
  });

  it('uses the editorial workflow and the repository of ladder.md; without one, a local copy only', () => {
    const config = editorConfig(withRepo, { authBaseUrl: 'https://auth.example.com' });
    expect(config.publish_mode).toBe('editorial_workflow');
    expect(config.backend).toEqual({ name: 'github', repo: 'acme/career-ladder', branch: 'main', base_url: 'https://auth.example.com' });
    expect(editorConfig(sample, { folderName: 'acme ladder' }).backend).toEqual({
      name: 'github',
      repo: 'local.copy/acme-ladder',
      branch: 'main',
      auth_methods: ['token'],
    });
    expect(editorConfig({ ...sample, repository: 'https://git.acme.example/hr/ladder.git' }).backend).toMatchObject({
      repo: 'hr/ladder',
      api_root: 'https://git.acme.example/api/v3',
    });
  });

  it('points at the content folders, one level collection per track', () => {
    const config = editorConfig(withRepo, { contentPath: 'ladders/acme' });
    expect(config.collections.find((c) => c.name === 'ladder')?.files?.[0]?.file).toBe('ladders/acme/ladder.md');
    expect(config.collections.find((c) => c.name === 'tracks')?.folder).toBe('ladders/acme/tracks');
    expect(config.collections.filter((c) => c.name.startsWith('levels-')).map((c) => c.folder)).toEqual(
      sample.tracks.map((t) => `ladders/acme/levels/${t.id}`),
    );
  });

  it('makes references relations or selects, and types fields from the schema', () => {
    const tracks = fieldsOf(collection('tracks'));
    expect(field(tracks, 'family')).toMatchObject({ widget: 'relation', collection: 'families', value_field: '{{slug}}' });
    expect(field(tracks, 'competencies')).toMatchObject({ widget: 'relation', collection: 'competencies', multiple: true, min: 1 });
    expect(field(tracks, 'kind')).toMatchObject({ widget: 'select', options: ['individual-contributor', 'management'] });
    const ladderFields = fieldsOf(collection('ladder'));
    expect(field(ladderFields, 'parity.exceptions.family')).toMatchObject({ widget: 'relation', collection: 'families' });
    expect(field(ladderFields, 'parity.exceptions.rule')).toMatchObject({ widget: 'select' });
    expect(field(ladderFields, 'parity.exceptions.rule')?.options).toContain('parity/ceiling');
    expect(field(ladderFields, 'repository')).toMatchObject({ widget: 'string', required: false });
    const levels = fieldsOf(collection('levels-engineering-ic'));
    expect(field(levels, 'grade')).toMatchObject({ widget: 'number', value_type: 'int', min: 1, max: 99 });
    expect(field(levels, 'pay.min')).toMatchObject({ widget: 'number', min: 0 });
    expect(field(levels, 'authority.scope')).toMatchObject({ widget: 'select', options: sample.scopes });
    expect(field(levels, 'authority.decisions')).toMatchObject({ widget: 'list' });
    expect(field(levels, 'summary')).toMatchObject({ widget: 'text' });
    // Help texts are the schemas' descriptions (the format docs' words).
    expect(field(levels, 'grade')?.hint).toBe(frontmatterSchema('level').properties!.grade!.description);
    // A new level starts with a heading for each competency of its track; the body is edited as plain Markdown first.
    const body = field(levels, 'body')!;
    expect(body).toMatchObject({ widget: 'markdown', modes: ['raw', 'rich_text'] });
    expect(String(body.default).match(/^## .+$/gm)).toEqual(
      sample.track.get('engineering-ic')!.competencies.map((c) => `## ${sample.competency.get(c)!.name}`),
    );
  });

  it('is valid YAML that reads back as the same configuration', () => {
    const text = editorConfigYaml(withRepo);
    expect(text.startsWith('# Web editor (Sveltia CMS) configuration')).toBe(true);
    expect(parse(text)).toEqual(JSON.parse(JSON.stringify(editorConfig(withRepo))));
  });

  it('offers the "Which track fits me?" page once content/choose.md exists, with the fields of its schema', () => {
    const files = (l: typeof sample) => editorConfig({ ...l, repository: withRepo.repository }).collections.find((c) => c.name === 'ladder')!.files!;
    expect(files(sample).map((f) => f.name)).toEqual(['ladder']);
    const withPage = checkFiles({ ...miniLadder(), 'choose.md': '---\ntitle: Lead people, or go deep?\n---\n\nAsk yourself one question.\n' });
    expect(withPage.ok).toBe(true);
    const choose = files(withPage.ladder).find((f) => f.name === 'choose')!;
    expect(choose.file).toBe('content/choose.md');
    expectCoverage(frontmatterSchema('choose'), withoutBody(choose.fields));
    expect(field(choose.fields, 'title')).toMatchObject({ widget: 'string', required: false });
  });
});
