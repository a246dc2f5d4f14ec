/**
 * `ladder export`, framework-free: the content files as the sheets of
 * Parity's own layout, taken from the frontmatter and Markdown as written
 * (not from the checked model), so that what a file leaves out (a level's
 * pay when its family has a band, `scopes` when they are the default) is
 * left out of the sheet too, and the import writes the file back as it was.
 */
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { parseFrontmatter } from '../frontmatter.ts';
import { OPTIONAL_PAGES, readContentDir } from '../load.ts';
import { parseMarkdown } from '../markdown.ts';
import { BAND_COLUMNS, bandRows, levelPayCells, levelZonesCell, ZONE_COLUMNS, zoneRows } from './pay.ts';

export interface Sheet {
  name: string;
  rows: (string | number)[][];
}

/**
 * The first columns of Parity's own layout, one row per level: the columns of
 * the site's /ladder.csv (src/site/export.ts), so that either file imports.
 */
export const CSV_COLUMNS = [
  'id',
  'family',
  'track',
  'track_kind',
  'grade',
  'title',
  'summary',
  'pay_min',
  'pay_max',
  'currency',
  'scope',
  'budget',
  'decisions',
  'url',
  'bonus',
  'equity_min',
  'equity_max',
] as const;

export const LEVEL_COLUMNS = [...CSV_COLUMNS, 'pay_zones', 'intro'] as const;

export interface ExportSheetsOptions {
  /** The `url` of a level, by its id: the site's address of its page (the core knows no URL). */
  levelUrl: (id: string) => string;
}

type Data = Record<string, unknown>;
interface Parsed {
  path: string;
  data: Data;
  body: string;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
const num = (v: unknown): number | string => (typeof v === 'number' ? v : str(v));

/** The sheets, in the order of the workbook; diagnostics for files that cannot be read (then no sheets). */
export function exportSheets(dir: string, options: ExportSheetsOptions): { sheets: Sheet[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const parsed: Parsed[] = [];
  for (const file of readContentDir(dir)) {
    if (!file.path.endsWith('.md')) continue;
    if (file.text === undefined) {
      diagnostics.push(diagnostic({ file: file.path, line: 1, column: 1 }, 'syntax/frontmatter', file.unreadable ?? 'This file cannot be read'));
      continue;
    }
    const result = parseFrontmatter(file.path, file.text);
    if (!result.ok) {
      for (const e of result.errors) diagnostics.push(diagnostic({ file: file.path, line: e.line, column: e.column }, 'syntax/frontmatter', e.message));
      continue;
    }
    const data = result.file.data && typeof result.file.data === 'object' ? (result.file.data as Data) : {};
    parsed.push({ path: file.path, data, body: result.file.body });
  }
  if (diagnostics.length > 0) return { sheets: [], diagnostics };

  const at = (folder: string) =>
    parsed.filter((p) => p.path.startsWith(`${folder}/`) && p.path.split('/').length === 2).map((p) => ({ ...p, id: p.path.slice(folder.length + 1, -3) }));
  const ladder = parsed.find((p) => p.path === 'ladder.md') ?? { path: 'ladder.md', data: {}, body: '' };
  const families = at('families');
  const competencies = at('competencies');
  const tracks = at('tracks');
  const trackOf = new Map(tracks.map((t) => [t.id, t]));
  const levels = parsed
    .filter((p) => /^levels\/[^/]+\/[^/]+\.md$/.test(p.path))
    .map((p) => {
      const [, track, file] = p.path.split('/');
      return { ...p, track: track!, slug: file!.slice(0, -3) };
    })
    .sort((a, b) => (a.track === b.track ? Number(a.data.grade) - Number(b.data.grade) || (a.slug < b.slug ? -1 : 1) : a.track < b.track ? -1 : 1));

  const levelRows: (string | number)[][] = [[...LEVEL_COLUMNS]];
  const expectationRows: (string | number)[][] = [['level', 'competency', 'text']];
  for (const level of levels) {
    const track = trackOf.get(level.track);
    const authority = (level.data.authority && typeof level.data.authority === 'object' ? level.data.authority : {}) as Data;
    const pay = levelPayCells(level.data.pay);
    const { intro, sections } = splitRaw(level.body);
    const id = `${level.track}/${level.slug}`;
    const cells: Record<string, string | number> = {
      pay_zones: levelZonesCell(level.data.pay),
      id,
      family: str(track?.data.family),
      track: level.track,
      track_kind: str(track?.data.kind),
      grade: num(level.data.grade),
      title: str(level.data.title),
      summary: str(level.data.summary),
      ...pay,
      currency: str(ladder.data.currency),
      scope: str(authority.scope),
      budget: num(authority.budget),
      decisions: Array.isArray(authority.decisions) ? authority.decisions.map(str).join(';') : str(authority.decisions),
      url: options.levelUrl(id),
      intro,
    };
    levelRows.push(LEVEL_COLUMNS.map((column) => cells[column] ?? ''));
    for (const s of sections) expectationRows.push([id, s.heading, s.text]);
  }

  const settings: (string | number)[][] = [['field', 'value']];
  const l = ladder.data;
  const parity = (l.parity && typeof l.parity === 'object' ? l.parity : {}) as Data;
  const visibility = (l.visibility && typeof l.visibility === 'object' ? l.visibility : {}) as Data;
  const setting = (field: string, value: unknown) => {
    if (value !== undefined && value !== null && value !== '') settings.push([field, typeof value === 'number' ? value : str(value)]);
  };
  setting('name', l.name);
  setting('currency', l.currency);
  setting('repository', l.repository);
  setting('scopes', Array.isArray(l.scopes) ? l.scopes.map(str).join(', ') : undefined);
  setting('pay_policy', parity.pay);
  setting('rounding', l.rounding);
  setting('visibility_pay', visibility.pay);
  setting('intro', ladder.body.trim());

  const exceptions: (string | number)[][] = [['family', 'grade', 'rule', 'reason']];
  for (const e of Array.isArray(parity.exceptions) ? parity.exceptions : []) {
    const x = (e && typeof e === 'object' ? e : {}) as Data;
    exceptions.push([str(x.family), num(x.grade), str(x.rule), str(x.reason)]);
  }

  return {
    diagnostics,
    sheets: [
      { name: 'levels', rows: levelRows },
      { name: 'expectations', rows: expectationRows },
      { name: 'bands', rows: [[...BAND_COLUMNS], ...bandRows(families)] },
      { name: 'zones', rows: [[...ZONE_COLUMNS], ...zoneRows(l)] },
      {
        name: 'tracks',
        rows: [
          ['id', 'name', 'family', 'kind', 'competencies', 'order', 'text'],
          ...tracks.map((t) => [
            t.id,
            str(t.data.name),
            str(t.data.family),
            str(t.data.kind),
            Array.isArray(t.data.competencies) ? t.data.competencies.map(str).join(', ') : '',
            num(t.data.order),
            t.body.trim(),
          ]),
        ],
      },
      { name: 'families', rows: [['id', 'name', 'order', 'text'], ...families.map((f) => [f.id, str(f.data.name), num(f.data.order), f.body.trim()])] },
      { name: 'competencies', rows: [['id', 'name', 'text'], ...competencies.map((c) => [c.id, str(c.data.name), c.body.trim()])] },
      { name: 'settings', rows: settings },
      {
        name: 'pages',
        rows: [
          ['page', 'title', 'text'],
          ...parsed
            .filter((p) => (OPTIONAL_PAGES as readonly string[]).includes(p.path.slice(0, -3)))
            .map((p) => [p.path.slice(0, -3), str(p.data.title), p.body.trim()]),
        ],
      },
      { name: 'exceptions', rows: exceptions },
    ],
  };
}

/** A body split at its `##` headings, each part as the Markdown it was written in. */
export function splitRaw(body: string): { intro: string; sections: { heading: string; text: string }[] } {
  const tree = parseMarkdown(body);
  const cuts: { start: number; end: number; heading: string }[] = [];
  for (const node of tree.children) {
    if (node.type !== 'heading' || node.depth !== 2 || !node.position) continue;
    const start = node.position.start.offset ?? 0;
    const end = node.position.end.offset ?? start;
    cuts.push({
      start,
      end,
      heading: body
        .slice(start, end)
        .replace(/^#+[ \t]*/, '')
        .replace(/[ \t]+#+[ \t]*$/, '')
        .trim(),
    });
  }
  const intro = body.slice(0, cuts[0]?.start ?? body.length).trim();
  const sections = cuts.map((c, i) => ({ heading: c.heading, text: body.slice(c.end, cuts[i + 1]?.start ?? body.length).trim() }));
  return { intro, sections };
}
