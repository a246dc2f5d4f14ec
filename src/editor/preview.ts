/**
 * The editor's preview pane: what `ladder check` would report for the entry
 * being edited, as it is typed (src/editor/check.ts), then the entry's text.
 * The rest of the ladder is read from what the editor loaded (the local
 * folder or the repository), through the preview API's getCollection.
 *
 * Written against the editor's preview-template API (Decap-compatible:
 * createClass and h are the editor's own React, on window).
 */
import type { Diagnostic } from '../ladder/diagnostics.ts';
import { checkEntry, type EntryReport } from './check.ts';
import type { EditorCollection, EditorConfig } from './config.ts';
import { writeEntry } from './format.ts';
import type { SchemaKind } from './schema.ts';

/** The slice of Immutable.js the preview props are made of. */
interface ImmutableLike {
  get(key: string): unknown;
  toJS(): unknown;
}

interface PreviewProps {
  entry: ImmutableLike;
  widgetFor(name: string): unknown;
  getCollection(name: string): Promise<ImmutableLike[]>;
}

type H = (type: string, props?: Record<string, unknown> | null, ...children: unknown[]) => unknown;
interface Component {
  props: PreviewProps;
  state: { report?: EntryReport; failed?: string };
  setState(state: Partial<Component['state']>): void;
  timer?: ReturnType<typeof setTimeout>;
  run(): Promise<void>;
}
type CreateClass = (spec: Record<string, unknown> & ThisType<Component>) => unknown;

export interface PreviewApi {
  registerPreviewTemplate(name: string, component: unknown): void;
  registerPreviewStyle(style: string, options?: { raw?: boolean }): void;
}

/** Where each collection's files are, relative to the content directory, and of what kind. */
export interface Layout {
  prefix: string;
  collections: { name: string; kind: SchemaKind; folder?: string; files?: { name: string; file: string; kind: SchemaKind }[] }[];
}

const kindOfFormat = (format: string | undefined): SchemaKind | undefined => /^parity-([a-z]+)-frontmatter$/.exec(format ?? '')?.[1] as SchemaKind | undefined;

/** The content folders of the configuration, relative to the content directory. */
export function layoutOf(config: Pick<EditorConfig, 'collections'>): Layout {
  const ladderFile = config.collections.flatMap((c) => c.files ?? []).find((f) => kindOfFormat(f.format) === 'ladder')?.file ?? 'ladder.md';
  const prefix = ladderFile.slice(0, ladderFile.length - 'ladder.md'.length);
  const rel = (path: string) => (path.startsWith(prefix) ? path.slice(prefix.length) : path);
  return {
    prefix,
    collections: config.collections.flatMap((c: EditorCollection): Layout['collections'] => {
      if (c.files) {
        const files = c.files.flatMap((f) => {
          const kind = kindOfFormat(f.format);
          return kind ? [{ name: f.name, file: rel(f.file), kind }] : [];
        });
        return [{ name: c.name, kind: files[0]?.kind ?? 'ladder', files }];
      }
      const kind = kindOfFormat(c.format);
      return kind && c.folder ? [{ name: c.name, kind, folder: rel(c.folder) }] : [];
    }),
  };
}

/** Every file the editor has loaded, as text, by its path in the content directory. */
async function loadedFiles(layout: Layout, getCollection: PreviewProps['getCollection']): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const collection of layout.collections) {
    let entries: ImmutableLike[];
    try {
      entries = await getCollection(collection.name);
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (!entry) continue;
      const slug = String(entry.get('slug') ?? '');
      const data = (entry.get('data') as ImmutableLike | undefined)?.toJS() as Record<string, unknown> | undefined;
      if (!data) continue;
      const single = collection.files?.find((f) => f.name === slug) ?? (collection.files?.length === 1 ? collection.files[0] : undefined);
      const path = collection.folder ? `${collection.folder}/${slug}.md` : single?.file;
      if (!path) continue;
      files[path] = writeEntry(single?.kind ?? collection.kind, data);
    }
  }
  return files;
}

/** The entry's path in the content directory: from the file it was read from, else where a new entry will be written. */
function entryPath(layout: Layout, collection: Layout['collections'][number], entry: ImmutableLike, file?: { file: string }): string {
  if (file) return file.file;
  const path = String(entry.get('path') ?? '');
  if (path.startsWith(layout.prefix) && path.endsWith('.md')) return path.slice(layout.prefix.length);
  const slug = String(entry.get('slug') ?? '') || 'new-entry';
  return `${collection.folder}/${slug}.md`;
}

const SEVERITY: Record<string, string> = { error: 'Error', warning: 'Warning' };

function describe(h: H, d: Diagnostic, withFile: boolean): unknown {
  return h(
    'li',
    { key: `${d.file}:${d.line}:${d.column}:${d.rule}:${d.message}`, className: `parity-${d.severity}` },
    h('strong', null, SEVERITY[d.severity] ?? d.severity),
    ` ${withFile ? `in ${d.file}, ` : ''}line ${d.line}, column ${d.column}: ${d.message} `,
    h('code', null, d.rule),
  );
}

/** Registers the preview of every collection of the configuration. */
export function registerPreviews(
  cms: PreviewApi,
  config: Pick<EditorConfig, 'collections'>,
  win: { h?: H; createClass?: CreateClass } = window as never,
): void {
  const h = win.h;
  const createClass = win.createClass;
  if (!h || !createClass) return;
  const layout = layoutOf(config);
  for (const collection of layout.collections) {
    const templates = collection.files
      ? collection.files.map((f) => ({ name: f.name, kind: f.kind, file: f }))
      : [{ name: collection.name, kind: collection.kind, file: undefined }];
    for (const template of templates) {
      const Preview = createClass({
        getInitialState() {
          return {};
        },
        componentDidMount() {
          void this.run();
        },
        componentDidUpdate(previous: PreviewProps) {
          if (previous.entry === this.props.entry) return;
          clearTimeout(this.timer);
          this.timer = setTimeout(() => void this.run(), 200);
        },
        componentWillUnmount() {
          clearTimeout(this.timer);
        },
        async run() {
          const entry = this.props.entry;
          try {
            const files = await loadedFiles(layout, this.props.getCollection);
            const data = (entry.get('data') as ImmutableLike).toJS() as Record<string, unknown>;
            const report = checkEntry(files, entryPath(layout, collection, entry, template.file), writeEntry(template.kind, data));
            if (this.props.entry === entry) this.setState({ report, failed: undefined });
          } catch (error) {
            if (this.props.entry === entry) this.setState({ failed: error instanceof Error ? error.message : String(error) });
          }
        },
        render() {
          const { report, failed } = this.state;
          const errors = report ? [...report.here, ...report.elsewhere].filter((d) => d.severity === 'error').length : 0;
          const summary = failed
            ? h('p', { className: 'parity-error' }, `The check could not run: ${failed}`)
            : !report
              ? h('p', null, 'Checking…')
              : report.here.length + report.elsewhere.length === 0
                ? h('p', { className: 'parity-ok' }, `ladder check finds no problem in ${report.file}.`)
                : h(
                    'p',
                    null,
                    errors > 0
                      ? `ladder check would refuse this change (${errors} error${errors === 1 ? '' : 's'}): fix it before saving.`
                      : 'ladder check would accept this change, with warnings.',
                  );
          return h(
            'div',
            { className: 'parity-preview' },
            h(
              'section',
              { className: 'parity-check', 'aria-live': 'polite', 'aria-label': 'What ladder check says' },
              h('h2', null, 'What ladder check says'),
              summary,
              report && report.here.length > 0 ? h('ul', null, ...report.here.map((d) => describe(h, d, false))) : null,
              report && report.elsewhere.length > 0 ? h('h3', null, 'Caused in other files') : null,
              report && report.elsewhere.length > 0 ? h('ul', null, ...report.elsewhere.map((d) => describe(h, d, true))) : null,
            ),
            h('div', { className: 'parity-body' }, this.props.widgetFor('body')),
          );
        },
      });
      cms.registerPreviewTemplate(template.name, Preview);
    }
  }
  cms.registerPreviewStyle(PREVIEW_CSS, { raw: true });
}

const PREVIEW_CSS = `
.parity-check { font: 1rem/1.5 system-ui, sans-serif; border: 2px solid #888; border-radius: 6px; padding: 0.5rem 1rem; margin-bottom: 1.5rem; }
.parity-check h2 { font-size: 1.1rem; margin: 0.25rem 0; }
.parity-check h3 { font-size: 1rem; margin: 0.75rem 0 0.25rem; }
.parity-check ul { padding-left: 1.25rem; margin: 0.25rem 0; }
.parity-check li { margin: 0.25rem 0; }
.parity-check code { font-size: 0.85em; }
.parity-error strong, p.parity-error { color: #b00020; }
.parity-warning strong { color: #8a5a00; }
.parity-ok { color: #1b6e20; }
@media (prefers-color-scheme: dark) {
  .parity-error strong, p.parity-error { color: #ff8a80; }
  .parity-warning strong { color: #ffd180; }
  .parity-ok { color: #9ccc65; }
}
`;
