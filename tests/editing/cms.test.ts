/** The Decap CMS configuration: generated from the schemas, every field present, references as relations. */
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/ladder/check.ts';
import { decapConfig, decapConfigYaml, frontmatterSchema, MISSING_REPOSITORY, type DecapCollection, type DecapField } from '../../src/ladder/cms.ts';
import type { FileKind } from '../../src/ladder/schema.ts';
import { checkFiles, miniLadder, SAMPLE } from '../helpers/ladder.ts';

const sample = check(SAMPLE).ladder;
const withRepo = { ...sample, repository: 'https://github.com/acme/career-ladder' };

type Schema = { type?: string; properties?: Record<string, Schema>; items?: Schema };

/** Every field path of a JSON Schema: "pay", "pay.min", "parity.exceptions.reason", ... */
function schemaPaths(schema: Schema, prefix = ''): string[] {
  return Object.entries(schema.properties ?? {}).flatMap(([name, s]) => {
    const path = prefix ? `${prefix}.${name}` : name;
    const inner = s.type === 'array' ? (s.items ?? {}) : s;
    return [path, ...schemaPaths(inner, path)];
  });
}

function fieldPaths(fields: DecapField[], prefix = ''): string[] {
  return fields.flatMap((f) => {
    const path = prefix ? `${prefix}.${f.name}` : f.name;
    return [path, ...fieldPaths(f.fields ?? [], path)];
  });
}

function collection(name: string): DecapCollection {
  const found = decapConfig(withRepo).collections.find((c) => c.name === name);
  if (!found) throw new Error(`no collection ${name}`);
  return found;
}

const fieldsOf = (c: DecapCollection) => c.fields ?? c.files?.[0]?.fields ?? [];
const field = (fields: DecapField[], path: string): DecapField | undefined => {
  const [head, ...rest] = path.split('.');
  const f = fields.find((x) => x.name === head);
  return rest.length === 0 ? f : field(f?.fields ?? [], rest.join('.'));
};

describe('the Decap CMS configuration', () => {
  const collections: [FileKind, string][] = [
    ['ladder', 'ladder'],
    ['family', 'families'],
    ['competency', 'competencies'],
    ['track', 'tracks'],
    ...sample.tracks.map((t): [FileKind, string] => ['level', `levels-${t.id}`]),
  ];

  it.each(collections)('lists every %s field of the schema in the %s collection, plus the body', (kind, name) => {
    const paths = fieldPaths(fieldsOf(collection(name)));
    expect(paths.filter((p) => p !== 'body')).toEqual(schemaPaths(frontmatterSchema(kind)));
    expect(paths).toContain('body');
  });

  it('uses the editorial workflow and the repository of ladder.md', () => {
    const config = decapConfig(withRepo, { authBaseUrl: 'https://auth.example.com' });
    expect(config.publish_mode).toBe('editorial_workflow');
    expect(config.backend).toEqual({ name: 'github', repo: 'acme/career-ladder', branch: 'main', base_url: 'https://auth.example.com' });
    expect(decapConfig(sample).backend.repo).toBe(MISSING_REPOSITORY);
    expect(decapConfig({ ...sample, repository: 'https://git.acme.example/hr/ladder.git' }).backend).toMatchObject({
      repo: 'hr/ladder',
      api_root: 'https://git.acme.example/api/v3',
    });
  });

  it('points at the content folders, one level collection per track', () => {
    const config = decapConfig(withRepo, { contentPath: 'ladders/acme' });
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
    expect(field(ladderFields, 'parity.exceptions.rule')).toMatchObject({ widget: 'select', options: ['parity/ceiling', 'parity/pay', 'parity/authority', 'parity/variable-pay'] });
    expect(field(ladderFields, 'repository')).toMatchObject({ widget: 'string', required: false });
    const levels = fieldsOf(collection('levels-engineering-ic'));
    expect(field(levels, 'grade')).toMatchObject({ widget: 'number', value_type: 'int', min: 1, max: 99 });
    expect(field(levels, 'pay.min')).toMatchObject({ widget: 'number', min: 0 });
    expect(field(levels, 'authority.scope')).toMatchObject({ widget: 'select', options: sample.scopes });
    expect(field(levels, 'authority.decisions')).toMatchObject({ widget: 'list' });
    expect(field(levels, 'summary')).toMatchObject({ widget: 'text' });
    // A new level starts with a heading for each competency of its track.
    const body = field(levels, 'body')!;
    expect(body.widget).toBe('markdown');
    expect(String(body.default).match(/^## .+$/gm)).toEqual(
      sample.track.get('engineering-ic')!.competencies.map((c) => `## ${sample.competency.get(c)!.name}`),
    );
  });

  it('is valid YAML that reads back as the same configuration', () => {
    const text = decapConfigYaml(withRepo);
    expect(text.startsWith('# Decap CMS configuration')).toBe(true);
    expect(parse(text)).toEqual(JSON.parse(JSON.stringify(decapConfig(withRepo))));
  });

  it('offers the "Which track fits me?" page once content/choose.md exists, with the fields of its schema', () => {
    const files = (l: typeof sample) => decapConfig({ ...l, repository: withRepo.repository }).collections.find((c) => c.name === 'ladder')!.files!;
    expect(files(sample).map((f) => f.name)).toEqual(['ladder']);
    const withPage = checkFiles({ ...miniLadder(), 'choose.md': '---\ntitle: Lead people, or go deep?\n---\n\nAsk yourself one question.\n' });
    expect(withPage.ok).toBe(true);
    const choose = files(withPage.ladder).find((f) => f.name === 'choose')!;
    expect(choose.file).toBe('content/choose.md');
    expect(fieldPaths(choose.fields)).toEqual([...schemaPaths(frontmatterSchema('choose')), 'body']);
    expect(field(choose.fields, 'title')).toMatchObject({ widget: 'string', required: false });
  });
});
