/**
 * The Decap CMS configuration, generated from the Zod schemas (through
 * z.toJSONSchema, so every field, type, bound, enum, default and description
 * comes from the one definition the checker uses) and from the ladder itself
 * (its tracks and scopes). Served at /admin/config.yml by the site build.
 *
 * Decap has no collection for "a folder of folders of entries" that fits
 * levels/<track>/<level>.md (its nested collections expect one index file per
 * folder), so levels get one folder collection per track: "Levels: <track>".
 * A track added in a pull request gets its collection at the next deploy.
 */
import { stringify } from 'yaml';
import { z } from 'zod';
import { parseRepository } from '../site/links.ts';
import type { Ladder, Track } from './model.ts';
import { pageSchemas, schemas, type FileKind, type PageName } from './schema.ts';

/** A kind of content file, or an optional page such as choose.md. */
type SchemaKind = FileKind | PageName;
const allSchemas = { ...schemas, ...pageSchemas };

export interface DecapField {
  label: string;
  name: string;
  widget: string;
  hint?: string;
  required?: boolean;
  default?: unknown;
  options?: string[];
  multiple?: boolean;
  value_type?: 'int' | 'float';
  min?: number;
  max?: number;
  step?: number;
  pattern?: [string, string];
  fields?: DecapField[];
  field?: DecapField;
  collection?: string;
  value_field?: string;
  search_fields?: string[];
  display_fields?: string[];
  summary?: string;
  collapsed?: boolean;
}

export interface DecapCollection {
  name: string;
  label: string;
  label_singular?: string;
  description?: string;
  folder?: string;
  files?: { name: string; label: string; file: string; fields: DecapField[] }[];
  create?: boolean;
  delete?: boolean;
  extension?: string;
  format?: string;
  identifier_field?: string;
  slug?: string;
  summary?: string;
  sortable_fields?: string[];
  fields?: DecapField[];
}

export interface DecapConfig {
  backend: { name: 'github'; repo: string; branch: string; base_url?: string; auth_endpoint?: string; site_domain?: string; api_root?: string };
  publish_mode: 'editorial_workflow';
  local_backend: boolean;
  site_url?: string;
  display_url?: string;
  media_folder: string;
  public_folder: string;
  slug: { encoding: 'ascii'; clean_accents: boolean; sanitize_replacement: string };
  editor: { preview: boolean };
  collections: DecapCollection[];
}

export interface CmsOptions {
  /** The content directory relative to the repository root (default: content). */
  contentPath?: string;
  branch?: string;
  /** The OAuth provider's base URL (Decap's backend.base_url). */
  authBaseUrl?: string;
  /** Its path for authorization (Decap's backend.auth_endpoint). */
  authEndpoint?: string;
  /** With Netlify as the OAuth provider: the Netlify site's domain (Decap's backend.site_domain). */
  authSiteDomain?: string;
  /** The published site, for "view live" links. */
  siteUrl?: string;
}

/** Stands in for the repository when ladder.md has none: the admin page explains what to set. */
export const MISSING_REPOSITORY = 'OWNER/REPOSITORY';

type JsonSchema = {
  type?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: string[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  pattern?: string;
  format?: string;
};

/** The JSON Schema of a kind of file, as Decap's fields are derived from it. */
export function frontmatterSchema(kind: SchemaKind): JsonSchema {
  // Converted once per kind (8 ms each): the config needs the level schema once per track.
  let schema = jsonSchemas.get(kind);
  if (!schema) jsonSchemas.set(kind, (schema = z.toJSONSchema(allSchemas[kind], { io: 'input', target: 'draft-7', unrepresentable: 'any' }) as JsonSchema));
  return structuredClone(schema);
}

const jsonSchemas = new Map<SchemaKind, JsonSchema>();

/** The decisions that the ladder's levels use, sorted; computed once per ladder, not once per track. */
const decisionsInUse = new WeakMap<Ladder, string[]>();

/** Where a field needs more than its type says: references to other files, and the ladder's own scopes. */
type Override = (field: DecapField, ladder: Ladder) => DecapField;

const relation = (collection: string, multiple: boolean): Override => (field) => ({
  label: field.label,
  name: field.name,
  widget: 'relation',
  collection,
  value_field: '{{slug}}',
  search_fields: ['name'],
  display_fields: ['name'],
  ...(multiple ? { multiple: true, min: 1 } : {}),
  ...(field.hint ? { hint: field.hint } : {}),
  ...(field.required === false ? { required: false } : {}),
});

const OVERRIDES: Partial<Record<SchemaKind, Record<string, Override>>> = {
  ladder: { 'parity.exceptions.family': relation('families', false) },
  track: { family: relation('families', false), competencies: relation('competencies', true) },
  level: {
    'authority.scope': (field, ladder) => ({ ...field, widget: 'select', options: [...ladder.scopes], pattern: undefined }),
    'authority.decisions': (field, ladder) => {
      let used = decisionsInUse.get(ladder);
      if (!used) decisionsInUse.set(ladder, (used = [...new Set(ladder.levels.flatMap((l) => l.authority.decisions))].sort()));
      const hint = used.length > 0 ? `${field.hint ?? ''} In use: ${used.join(', ')}.`.trim() : field.hint;
      return { ...field, ...(hint ? { hint } : {}) };
    },
  },
};

/** Decap fields for a kind of file, in schema order. */
export function decapFields(kind: SchemaKind, ladder: Ladder): DecapField[] {
  const schema = frontmatterSchema(kind);
  return objectFields(schema, kind, '', ladder);
}

function objectFields(schema: JsonSchema, kind: SchemaKind, prefix: string, ladder: Ladder): DecapField[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const path = prefix ? `${prefix}.${name}` : name;
    let field = toField(name, property, required.has(name), kind, path, ladder);
    const override = OVERRIDES[kind]?.[path];
    if (override) field = override(field, ladder);
    return clean(field);
  });
}

function toField(name: string, s: JsonSchema, required: boolean, kind: SchemaKind, path: string, ladder: Ladder): DecapField {
  const field: DecapField = { label: labelFor(name), name, widget: 'string' };
  if (s.description) field.hint = s.description;
  if (!required) field.required = false;
  if (s.default !== undefined) field.default = s.default;
  if (s.enum) {
    field.widget = 'select';
    field.options = [...s.enum];
  } else if (s.type === 'string') {
    field.widget = (s.maxLength ?? 0) > 120 ? 'text' : 'string';
    if (s.pattern) field.pattern = [s.pattern, s.description ?? 'Use lowercase letters, digits and single hyphens'];
  } else if (s.type === 'integer' || s.type === 'number') {
    field.widget = 'number';
    field.value_type = s.type === 'integer' ? 'int' : 'float';
    if (s.minimum !== undefined) field.min = s.minimum;
    if (s.maximum !== undefined && s.maximum < Number.MAX_SAFE_INTEGER) field.max = s.maximum;
    if (s.type === 'number') field.step = 1000;
  } else if (s.type === 'boolean') {
    field.widget = 'boolean';
  } else if (s.type === 'array') {
    field.widget = 'list';
    const items = s.items ?? {};
    if (items.type === 'object') {
      field.fields = objectFields(items, kind, path, ladder);
      field.summary = summaryFor(field.fields);
      field.collapsed = true;
    }
    // A list of plain strings: Decap edits it as comma-separated text and stores a YAML list.
    if (s.minItems) field.min = s.minItems;
  } else if (s.type === 'object') {
    field.widget = 'object';
    field.fields = objectFields(s, kind, path, ladder);
  }
  return field;
}

function summaryFor(fields: DecapField[]): string | undefined {
  const names = fields.map((f) => f.name);
  return names.length > 0 ? names.slice(0, 3).map((n) => `{{fields.${n}}}`).join(' · ') : undefined;
}

function labelFor(name: string): string {
  const words = name.replace(/[-_]/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Drops keys set to undefined, so that the YAML holds only what Decap should read. */
function clean(field: DecapField): DecapField {
  return Object.fromEntries(Object.entries(field).filter(([, v]) => v !== undefined)) as unknown as DecapField;
}

const body = (label: string, hint: string, defaultValue?: string): DecapField => ({
  label,
  name: 'body',
  widget: 'markdown',
  hint,
  ...(defaultValue ? { default: defaultValue } : {}),
});

/** A new level's body in the CMS starts with a heading for every competency of its track. */
function levelBodyTemplate(ladder: Ladder, track: Track): string {
  return track.competencies.map((id) => `## ${ladder.competency.get(id)?.name ?? id}\n\n- `).join('\n\n');
}

export function decapConfig(ladder: Ladder, options: CmsOptions = {}): DecapConfig {
  const content = (options.contentPath ?? 'content').replace(/\\/g, '/').replace(/^\.\/|\/+$/g, '') || '.';
  const at = (path: string) => (content === '.' ? path : `${content}/${path}`);
  const repo = parseRepository(ladder.repository);
  const folder = (name: string, label: string, singular: string, kind: FileKind, description: string, extra: DecapField[]): DecapCollection => ({
    name,
    label,
    label_singular: singular,
    description,
    folder: at(name),
    create: true,
    extension: 'md',
    format: 'frontmatter',
    identifier_field: 'name',
    slug: '{{slug}}',
    summary: '{{name}}',
    fields: [...decapFields(kind, ladder), ...extra],
  });

  const collections: DecapCollection[] = [
    {
      name: 'ladder',
      label: 'Ladder',
      description: 'The ladder itself: its name, currency, scopes, parity policy and exceptions, and the home page text; and the "Which track fits me?" page once content/choose.md exists.',
      files: [
        {
          name: 'ladder',
          label: 'Ladder settings and home page',
          file: at('ladder.md'),
          fields: [...decapFields('ladder', ladder), body('Home page introduction', 'Shown at the top of the home page.')],
        },
        // Decap edits a file of a "files" collection but never creates it: offered once choose.md exists.
        ...(ladder.pages.has('choose')
          ? [
              {
                name: 'choose',
                label: '"Which track fits me?" page',
                file: at('choose.md'),
                fields: [...decapFields('choose', ladder), body('Text', 'The question, the equal tracks and the lateral moves, in your words.')],
              },
            ]
          : []),
      ],
    },
    folder('families', 'Families', 'Family', 'family', 'Job families, such as Engineering.', [body('Description', 'What the family does.')]),
    folder('competencies', 'Competencies', 'Competency', 'competency', 'Competencies; level pages use their names as section headings.', [
      body('Description', 'What the competency means.'),
    ]),
    folder('tracks', 'Tracks', 'Track', 'track', 'Tracks of each family: individual contributor or management.', [
      body('Description', 'Who the track is for.'),
    ]),
    ...ladder.tracks.map(
      (track): DecapCollection => ({
        name: `levels-${track.id}`,
        label: `Levels: ${track.name}`,
        label_singular: `${track.name} level`,
        description: `Levels of ${track.name} (${at(`levels/${track.id}`)}/). A new level at a grade another track of the family has must copy its pay band and authority exactly, or the pull request's check fails.`,
        folder: at(`levels/${track.id}`),
        create: true,
        extension: 'md',
        format: 'frontmatter',
        identifier_field: 'title',
        slug: '{{slug}}',
        summary: 'Grade {{grade}}: {{title}}',
        sortable_fields: ['grade', 'title'],
        fields: [
          ...decapFields('level', ladder),
          body('Expectations', 'An optional introduction, then one "## " section per competency of the track.', levelBodyTemplate(ladder, track)),
        ],
      }),
    ),
  ];

  return {
    backend: {
      name: 'github',
      repo: repo ? `${repo.owner}/${repo.name}` : MISSING_REPOSITORY,
      branch: options.branch ?? 'main',
      ...(repo && repo.host !== 'github.com' ? { api_root: `https://${repo.host}/api/v3` } : {}),
      ...(options.authBaseUrl ? { base_url: options.authBaseUrl } : {}),
      ...(options.authEndpoint ? { auth_endpoint: options.authEndpoint } : {}),
      ...(options.authSiteDomain ? { site_domain: options.authSiteDomain } : {}),
    },
    publish_mode: 'editorial_workflow',
    // On localhost, `npx decap-server` lets Decap edit the files of a local clone without GitHub.
    local_backend: true,
    ...(options.siteUrl ? { site_url: options.siteUrl, display_url: options.siteUrl } : {}),
    media_folder: 'public/uploads',
    public_folder: '/uploads',
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    editor: { preview: false },
    collections,
  };
}

export function decapConfigYaml(ladder: Ladder, options: CmsOptions = {}): string {
  const header = [
    '# Decap CMS configuration, generated from the ladder format (src/ladder/schema.ts)',
    '# and the ladder itself by src/ladder/cms.ts at every build. Do not edit: change the',
    '# schema or the content and rebuild. See docs/editing.md.',
  ].join('\n');
  return `${header}\n${stringify(decapConfig(ladder, options), { lineWidth: 0 })}`;
}
