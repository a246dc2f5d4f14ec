/**
 * The web editor's configuration (Sveltia CMS, docs/editing.md), generated
 * at every build from the format's schemas (src/editor/schema.ts, through
 * z.toJSONSchema) and from the ladder itself (its tracks, scopes and zones).
 * Served at /admin/config.yml. Nothing here lists a field of the format: a
 * field added to a schema appears in the forms at the next build; what is
 * written here is only where a field needs more than its type says
 * (references to other files, the ladder's own scopes and zones, where pay
 * is best edited).
 *
 * Levels get one folder collection per track ("Levels: <track>"), sorted by
 * grade. Every collection reads and writes its files through the format of
 * its kind (`parity-<kind>-frontmatter`, src/editor/format.ts), registered by the admin
 * page's script.
 */
import { stringify } from 'yaml';
import type { Ladder, Track } from '../ladder/model.ts';
import type { FileKind } from '../ladder/schema.ts';
import { parseRepository } from '../site/links.ts';
import { BODY } from './format.ts';
import { fileShape, type FieldShape, type JsonSchema, type SchemaKind, type Shape } from './schema.ts';

export interface EditorField {
  label: string;
  name: string;
  widget: string;
  hint?: string;
  required?: boolean;
  default?: unknown;
  options?: (string | { label: string; value: string | number })[];
  multiple?: boolean;
  value_type?: 'int' | 'float';
  min?: number;
  max?: number;
  pattern?: [string, string];
  fields?: EditorField[];
  collection?: string;
  value_field?: string;
  search_fields?: string[];
  display_fields?: string[];
  summary?: string;
  label_singular?: string;
  collapsed?: boolean | 'auto';
  modes?: ('raw' | 'rich_text')[];
}

export interface EditorFile {
  name: string;
  label: string;
  file: string;
  format: string;
  fields: EditorField[];
}

export interface EditorCollection {
  name: string;
  label: string;
  label_singular?: string;
  description?: string;
  folder?: string;
  files?: EditorFile[];
  create?: boolean;
  format?: string;
  identifier_field?: string;
  slug?: string;
  summary?: string;
  sortable_fields?: { fields: string[]; default: { field: string; direction: 'ascending' | 'descending' } };
  fields?: EditorField[];
}

export interface EditorBackend {
  name: 'github';
  repo: string;
  branch: string;
  base_url?: string;
  auth_endpoint?: string;
  site_domain?: string;
  api_root?: string;
  auth_methods?: ('oauth' | 'token')[];
}

export interface EditorConfig {
  load_config_file: false;
  app_title: string;
  backend: EditorBackend;
  publish_mode: 'editorial_workflow';
  site_url?: string;
  display_url?: string;
  media_folder: string;
  public_folder: string;
  slug: { encoding: 'ascii'; clean_accents: boolean; sanitize_replacement: string };
  editor: { preview: boolean };
  output: { omit_empty_optional_fields: boolean };
  collections: EditorCollection[];
}

export interface EditorOptions {
  /** The content directory relative to the repository root (default: content). */
  contentPath?: string;
  branch?: string;
  /** The OAuth provider's base URL (the backend's base_url). */
  authBaseUrl?: string;
  /** Its path for authorization (the backend's auth_endpoint). */
  authEndpoint?: string;
  /** With Netlify as the OAuth provider: the Netlify site's domain (the backend's site_domain). */
  authSiteDomain?: string;
  /** The published site, for "view live" links. */
  siteUrl?: string;
  /** The name of the project's folder: what the editor asks to pick when it edits a local copy of a ladder that names no repository. */
  folderName?: string;
}

/** The file format the admin page registers for each kind of file (src/editor/format.ts). */
export const formatName = (kind: SchemaKind): string => `parity-${kind}-frontmatter`;

/** The hosts the editor talks to, besides the site: the Git host's API, when the ladder names a repository. */
export function apiOrigins(config: Pick<EditorConfig, 'backend'>): string[] {
  if (config.backend.repo.startsWith(`${LOCAL_OWNER}/`)) return [];
  return [new URL(config.backend.api_root ?? 'https://api.github.com').origin];
}

/** The owner that stands in the configuration of a ladder that names no repository (no GitHub account has a dot in its name). */
const LOCAL_OWNER = 'local.copy';

/** The decisions that the ladder's levels use, sorted; computed once per ladder, not once per track. */
const decisionsInUse = new WeakMap<Ladder, string[]>();

/** Where a field needs more than its type says: references to other files, the ladder's own scopes and zones, where pay is edited. */
type Override = (field: EditorField, ladder: Ladder) => EditorField;

const relation =
  (collection: string, multiple: boolean): Override =>
  (field) => ({
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

/** The ladder's zones beyond the first (the anchor, whose band is the band's own min and max), when it has any. */
function extraZones(ladder: Ladder): string[] {
  const zones = (ladder as { zones?: readonly { id: string; declared?: boolean }[] }).zones ?? [];
  return zones
    .filter((z) => z.declared !== false)
    .slice(1)
    .map((z) => z.id);
}

const zoneKey: Override = (field, ladder) => {
  const zones = extraZones(ladder);
  return zones.length > 0 ? { ...field, widget: 'select', options: zones, pattern: undefined } : field;
};

/** With family bands (format 1.1), a level's own pay is the exception: the hint says where pay is set. */
const payOverride: Override = (field) =>
  familyHasBands()
    ? {
        ...field,
        label: 'Pay (only if this level differs from its family band)',
        hint: `${field.hint ?? ''} Leave this empty: the family's band for this grade applies (Families, then the family, then Bands), the same for every track. Set it only for a level paid differently on purpose; the check then compares it with the other tracks at this grade.`.trim(),
      }
    : field;

const OVERRIDES: Partial<Record<SchemaKind, Record<string, Override>>> = {
  ladder: { 'parity.exceptions.family': relation('families', false) },
  family: {
    bands: (field) => ({
      ...field,
      label: 'Bands',
      hint: `${field.hint ?? ''} One band per grade: every track of the family at that grade is paid this, so a grade-wide raise is one edit here.`.trim(),
      label_singular: 'grade',
    }),
    'bands.zones.zone': zoneKey,
  },
  track: { family: relation('families', false), competencies: relation('competencies', true) },
  level: {
    pay: payOverride,
    'pay.zones.zone': zoneKey,
    'authority.scope': (field, ladder) => ({ ...field, widget: 'select', options: [...ladder.scopes], pattern: undefined }),
    'authority.decisions': (field, ladder) => {
      let used = decisionsInUse.get(ladder);
      if (!used) decisionsInUse.set(ladder, (used = [...new Set(ladder.levels.flatMap((l) => l.authority.decisions))].sort()));
      const hint = used.length > 0 ? `${field.hint ?? ''} In use: ${used.join(', ')}.`.trim() : field.hint;
      return { ...field, ...(hint ? { hint } : {}) };
    },
  },
};

function familyHasBands(): boolean {
  return fileShape('family').some((f) => f.name === 'bands');
}

/** The editor's fields for a kind of file, in schema order. */
export function editorFields(kind: SchemaKind, ladder: Ladder): EditorField[] {
  return editorFieldsOf(fileShape(kind), kind, ladder);
}

/** The editor's fields for the given shape of a kind of file (src/editor/schema.ts). */
export function editorFieldsOf(fields: readonly FieldShape[], kind: SchemaKind, ladder: Ladder): EditorField[] {
  return fields.map((f) => fieldFor(f, kind, f.name, ladder));
}

function fieldFor(f: FieldShape, kind: SchemaKind, path: string, ladder: Ladder): EditorField {
  let field = toField(f.name, f.shape, f.required, kind, path, ladder);
  const override = OVERRIDES[kind]?.[path];
  if (override) field = override(field, ladder);
  return clean(field);
}

function toField(name: string, shape: Shape, required: boolean, kind: SchemaKind, path: string, ladder: Ladder): EditorField {
  const s = shape.schema;
  const field: EditorField = { label: labelFor(name), name, widget: 'string' };
  if (s.description) field.hint = s.description;
  if (!required) field.required = false;
  if (s.default !== undefined && (shape.type === 'scalar' || (shape.type === 'list' && shape.item.type === 'scalar'))) field.default = s.default;
  switch (shape.type) {
    case 'object':
      field.widget = 'object';
      field.fields = shape.fields.map((sub) => fieldFor(sub, kind, `${path}.${sub.name}`, ladder));
      break;
    case 'record': {
      // A map keyed by grade or zone: a list of items that carry their key (src/editor/format.ts).
      field.widget = 'list';
      const key: EditorField = clean({
        ...scalarField(shape.key.name, shape.key.schema, true),
        label: shape.key.label,
        ...(shape.key.numeric ? { widget: 'number', value_type: 'int', min: 1, pattern: undefined } : {}),
      });
      const keyOverride = OVERRIDES[kind]?.[`${path}.${shape.key.name}`];
      const value =
        shape.value.type === 'object'
          ? shape.value.fields.map((sub) => fieldFor(sub, kind, `${path}.${sub.name}`, ladder))
          : [clean({ ...toField('value', shape.value, true, kind, `${path}.value`, ladder), label: 'Value' })];
      field.fields = [keyOverride ? clean(keyOverride(key, ladder)) : key, ...value];
      field.summary = summaryFor(field.fields);
      field.collapsed = true;
      break;
    }
    case 'list':
      field.widget = 'list';
      if (shape.item.type === 'object') {
        field.fields = shape.item.fields.map((sub) => fieldFor(sub, kind, `${path}.${sub.name}`, ladder));
        field.summary = summaryFor(field.fields);
        field.collapsed = true;
      }
      // A list of plain values: the editor edits it as comma-separated text and stores a YAML list.
      if (s.minItems) field.min = s.minItems;
      break;
    default:
      Object.assign(field, scalarField(name, s, required), { label: field.label, ...(field.hint ? { hint: field.hint } : {}) });
      if (!required) field.required = false;
      if (s.default !== undefined) field.default = s.default;
  }
  return field;
}

function scalarField(name: string, s: JsonSchema, required: boolean): EditorField {
  const field: EditorField = { label: labelFor(name), name, widget: 'string' };
  if (!required) field.required = false;
  if (s.description) field.hint = s.description;
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  if (s.enum) {
    field.widget = 'select';
    field.options = s.enum.map(String);
  } else if (type === 'string') {
    field.widget = (s.maxLength ?? 0) > 120 ? 'text' : 'string';
    if (s.pattern) field.pattern = [s.pattern, s.description ?? 'Use lowercase letters, digits and single hyphens'];
  } else if (type === 'integer' || type === 'number') {
    field.widget = 'number';
    field.value_type = type === 'integer' ? 'int' : 'float';
    const min = s.minimum ?? (s.exclusiveMinimum !== undefined && type === 'integer' ? s.exclusiveMinimum + 1 : s.exclusiveMinimum);
    const max = s.maximum ?? s.exclusiveMaximum;
    if (min !== undefined && min > -Number.MAX_SAFE_INTEGER) field.min = min;
    if (max !== undefined && max < Number.MAX_SAFE_INTEGER) field.max = max;
  } else if (type === 'boolean') {
    field.widget = 'boolean';
  }
  return field;
}

function summaryFor(fields: EditorField[]): string | undefined {
  const names = fields.filter((f) => f.widget !== 'object' && f.widget !== 'list').map((f) => f.name);
  return names.length > 0
    ? names
        .slice(0, 3)
        .map((n) => `{{fields.${n}}}`)
        .join(' · ')
    : undefined;
}

function labelFor(name: string): string {
  const words = name.replace(/[-_]/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Drops keys set to undefined, so that the YAML holds only what the editor should read. */
function clean(field: EditorField): EditorField {
  return Object.fromEntries(Object.entries(field).filter(([, v]) => v !== undefined)) as unknown as EditorField;
}

const body = (label: string, hint: string, defaultValue?: string): EditorField => ({
  label,
  name: BODY,
  widget: 'markdown',
  hint,
  // Plain Markdown first (what is typed is what is saved); the rich-text view is one click away.
  modes: ['raw', 'rich_text'],
  required: false,
  ...(defaultValue ? { default: defaultValue } : {}),
});

/** A new level's body in the editor starts with a heading for every competency of its track. */
function levelBodyTemplate(ladder: Ladder, track: Track): string {
  return track.competencies.map((id) => `## ${ladder.competency.get(id)?.name ?? id}\n\n- `).join('\n\n');
}

export function editorConfig(ladder: Ladder, options: EditorOptions = {}): EditorConfig {
  const content = (options.contentPath ?? 'content').replace(/\\/g, '/').replace(/^\.\/|\/+$/g, '') || '.';
  const at = (path: string) => (content === '.' ? path : `${content}/${path}`);
  const repo = parseRepository(ladder.repository);
  const folder = (name: string, label: string, singular: string, kind: FileKind, description: string, extra: EditorField[]): EditorCollection => ({
    name,
    label,
    label_singular: singular,
    description,
    folder: at(name),
    create: true,
    // The extension is the format's own (md), registered with it by the admin page.
    format: formatName(kind),
    identifier_field: 'name',
    slug: '{{slug}}',
    summary: '{{name}}',
    fields: [...editorFields(kind, ladder), ...extra],
  });

  const collections: EditorCollection[] = [
    {
      name: 'ladder',
      label: 'Ladder',
      description:
        'The ladder itself: its name, currency, scopes, parity policy and exceptions, and the home page text; and the "Which track fits me?" page once content/choose.md exists.',
      files: [
        {
          name: 'ladder',
          label: 'Ladder settings and home page',
          file: at('ladder.md'),
          format: formatName('ladder'),
          fields: [...editorFields('ladder', ladder), body('Home page introduction', 'Shown at the top of the home page.')],
        },
        // The editor edits a file of a "files" collection but never creates it: offered once choose.md exists.
        ...(ladder.pages.has('choose')
          ? [
              {
                name: 'choose',
                label: '"Which track fits me?" page',
                file: at('choose.md'),
                format: formatName('choose'),
                fields: [...editorFields('choose', ladder), body('Text', 'The question, the equal tracks and the lateral moves, in your words.')],
              },
            ]
          : []),
      ],
    },
    folder(
      'families',
      'Families',
      'Family',
      'family',
      familyHasBands() ? 'Job families, such as Engineering, with the pay band of each grade.' : 'Job families, such as Engineering.',
      [body('Description', 'What the family does.')],
    ),
    folder('competencies', 'Competencies', 'Competency', 'competency', 'Competencies; level pages use their names as section headings.', [
      body('Description', 'What the competency means.'),
    ]),
    folder('tracks', 'Tracks', 'Track', 'track', 'Tracks of each family: individual contributor or management.', [
      body('Description', 'Who the track is for.'),
    ]),
    ...ladder.tracks.map(
      (track): EditorCollection => ({
        name: `levels-${track.id}`,
        label: `Levels: ${track.name}`,
        label_singular: `${track.name} level`,
        description: familyHasBands()
          ? `Levels of ${track.name} (${at(`levels/${track.id}`)}/), by grade. Their pay comes from the family's band for their grade: raise pay there, once for every track.`
          : `Levels of ${track.name} (${at(`levels/${track.id}`)}/), by grade. A level at a grade another track of the family has must share its pay band and authority, or the check fails.`,
        folder: at(`levels/${track.id}`),
        create: true,
        format: formatName('level'),
        identifier_field: 'title',
        slug: '{{slug}}',
        summary: 'Grade {{grade}}: {{title}}',
        sortable_fields: { fields: ['grade', 'title'], default: { field: 'grade', direction: 'ascending' } },
        fields: [
          ...editorFields('level', ladder),
          body('Expectations', 'An optional introduction, then one "## " section per competency of the track.', levelBodyTemplate(ladder, track)),
        ],
      }),
    ),
  ];

  const backend: EditorBackend = repo
    ? {
        name: 'github',
        repo: `${repo.owner}/${repo.name}`,
        branch: options.branch ?? 'main',
        ...(repo.host !== 'github.com' ? { api_root: `https://${repo.host}/api/v3` } : {}),
        ...(options.authBaseUrl ? { base_url: options.authBaseUrl } : {}),
        ...(options.authEndpoint ? { auth_endpoint: options.authEndpoint } : {}),
        ...(options.authSiteDomain ? { site_domain: options.authSiteDomain } : {}),
      }
    : // No repository: the editor can only edit a local copy (on this computer, from localhost). It offers one
      // sign-in method all the same (it needs one), which leads nowhere: the page says to work with the local folder.
      { name: 'github', repo: `${LOCAL_OWNER}/${slugFor(options.folderName ?? 'ladder')}`, branch: options.branch ?? 'main', auth_methods: ['token'] };

  return {
    load_config_file: false,
    app_title: `Edit ${ladder.name}`,
    backend,
    publish_mode: 'editorial_workflow',
    ...(options.siteUrl ? { site_url: options.siteUrl, display_url: options.siteUrl } : {}),
    media_folder: 'public/uploads',
    public_folder: '/uploads',
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    // The preview pane shows what `ladder check` says of the entry (src/editor/preview.ts).
    editor: { preview: true },
    // An optional field left empty is left out of the file, as the format wants, not written as "".
    output: { omit_empty_optional_fields: true },
    collections,
  };
}

function slugFor(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[^\w.-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'ladder'
  );
}

export function editorConfigYaml(ladder: Ladder, options: EditorOptions = {}): string {
  const header = [
    '# Web editor (Sveltia CMS) configuration, generated from the ladder format (src/ladder/schema.ts)',
    '# and the ladder itself by src/editor/config.ts at every build. Do not edit: change the',
    '# schema or the content and rebuild. See docs/editing.md.',
  ].join('\n');
  return `${header}\n${stringify(editorConfig(ladder, options), { lineWidth: 0 })}`;
}
