/**
 * The layouts `ladder import` reads, each recognised from its header row
 * (examples of each in docs/import.md):
 *
 * - Parity's own: the columns of /ladder.csv, one row per level, with side
 *   sheets (or sibling CSV files) for settings, families, tracks,
 *   competencies, expectations, bands, zones and exceptions;
 * - long: one row per level × competency × expectation;
 * - wide, competencies down: competencies as rows, levels as columns;
 * - wide, levels down: levels as rows, competency areas as columns.
 *
 * Every problem is a diagnostic located at its cell; nothing throws.
 */
import type { Diagnostic, Location } from '../diagnostics.ts';
import { TRACK_KINDS } from '../schema.ts';
import { columnOf, headerRow, matchHeader, records, type Aliases, type Header } from './columns.ts';
import { emptyDraft, type Draft, type LevelDraft } from './draft.ts';
import { readBands, readZones } from './pay.ts';
import { SIDE_SHEETS } from './read.ts';
import { cell, isEmptyRow, normalizeHeader, sheetProblem, type Table } from './table.ts';
import { humanize, idFrom, parseAmount, parseGrade, parseList, parseNumber, text } from './values.ts';

export const LEVEL_FIELDS = {
  id: ['level id'],
  family: ['job family', 'department', 'function'],
  track: ['track id', 'career track', 'ladder', 'path'],
  track_kind: ['kind', 'track type', 'type'],
  grade: ['grade level', 'level number', 'career level', 'job grade'],
  title: ['level', 'level title', 'level name', 'job title', 'role', 'position', 'name', 'job'],
  summary: ['overview', 'one line summary'],
  pay_min: ['salary min', 'min salary', 'minimum salary', 'min pay', 'pay band min', 'base min', 'salary minimum'],
  pay_max: ['salary max', 'max salary', 'maximum salary', 'max pay', 'pay band max', 'base max', 'salary maximum'],
  currency: [],
  scope: [],
  budget: ['approval limit', 'spend limit'],
  decisions: ['decision rights'],
  url: ['link'],
  intro: ['introduction'],
  bonus: ['target bonus', 'bonus target'],
  equity_min: ['equity minimum'],
  equity_max: ['equity maximum'],
} as const;
type LevelField = keyof typeof LEVEL_FIELDS;

const COMPETENCY = ['competency', 'competency area', 'competencies', 'area', 'skill', 'dimension', 'category', 'pillar', 'attribute', 'theme', 'focus area'];
const TEXT = ['text', 'expectation', 'expectations', 'behaviour', 'behaviours', 'behavior', 'behaviors', 'description', 'criteria', 'examples', 'details'];

const longAliases = { ...LEVEL_FIELDS, competency: COMPETENCY, text: TEXT } as const;
type LongField = keyof typeof longAliases;

const is = (cellText: string, names: readonly string[]) => names.map(normalizeHeader).includes(normalizeHeader(cellText));

export type Layout = 'parity' | 'long' | 'wide-competencies-down' | 'wide-levels-down';

export const LAYOUT_NAMES: Record<Layout, string> = {
  parity: "Parity's own (one row per level)",
  long: 'long (one row per expectation)',
  'wide-competencies-down': 'wide, competencies down (levels as columns)',
  'wide-levels-down': 'wide, levels down (competencies as columns)',
};

/** Which layout a header row is, or why it is none. */
export function detectLayout(cells: readonly string[]): Layout | undefined {
  const h = matchHeader(cells, longAliases);
  const first = cells[0]?.trim() ?? '';
  if (h.index.competency !== undefined && h.index.text !== undefined && (h.index.title !== undefined || h.index.id !== undefined)) return 'long';
  // At least two level columns, so that a title row above the header ("", "Engineering ladder") is not taken for one.
  if ((first === '' || is(first, COMPETENCY)) && cells.slice(1).filter((c) => c.trim() !== '').length >= 2 && h.index.title === undefined) return 'wide-competencies-down';
  if (h.index.title !== undefined && h.index.competency === undefined) {
    const others = levelHeader(cells, 0).other.filter((o) => !is(o.text, TEXT));
    return others.length === 0 ? 'parity' : 'wide-levels-down';
  }
  return undefined;
}

interface Context {
  draft: Draft;
  diagnostics: Diagnostic[];
  /** The track for levels of a sheet without a track column. */
  defaultTrack: { id: string; name: string };
  /** Levels by `track/slug`, and the row that gave them. */
  byId: Map<string, LevelDraft>;
  /** Grades taken, by `track\0grade`. */
  byGrade: Map<string, LevelDraft>;
}

/** Reads every sheet of the file into one draft ladder. */
export function readDraft(tables: readonly Table[]): { draft: Draft; diagnostics: Diagnostic[] } {
  const draft = emptyDraft();
  const diagnostics: Diagnostic[] = [];
  const side = new Map<string, Table>();
  const main: Table[] = [];
  for (const table of tables) {
    const name = normalizeHeader(table.name);
    if ((SIDE_SHEETS as readonly string[]).includes(name) && !side.has(name)) side.set(name, table);
    else main.push(table);
  }
  const levelsSheet = main.find((t) => normalizeHeader(t.name) === 'levels');
  const ladders = levelsSheet ? [levelsSheet] : main;
  const ctx: Context = { draft, diagnostics, defaultTrack: { id: 'individual-contributor', name: 'Individual contributor' }, byId: new Map(), byGrade: new Map() };

  // Side sheets that the levels need first: competencies, tracks, families, settings.
  if (side.has('settings')) readSettings(side.get('settings')!, ctx);
  if (side.has('families')) readFamilies(side.get('families')!, ctx);
  if (side.has('competencies')) readCompetencies(side.get('competencies')!, ctx);
  if (side.has('tracks')) readTracks(side.get('tracks')!, ctx);

  let read = 0;
  for (const table of ladders) {
    if (table.rows.every(isEmptyRow)) continue;
    const at = headerRow(table, (cells) => detectLayout(cells) !== undefined);
    if (at === undefined) {
      const first = table.rows.findIndex((r) => !isEmptyRow(r));
      if (ladders.length > 1 && !levelsSheet) {
        diagnostics.push(sheetProblem(table, first + 1, 1, 'import/layout', `This sheet is not read: its header row is none of the layouts Parity reads (see docs/import.md)`, 'warning'));
        continue;
      }
      diagnostics.push(sheetProblem(table, first + 1, 1, 'import/layout', explainHeader(table.rows[first]!)));
      read++;
      continue;
    }
    read++;
    const layout = detectLayout(table.rows[at]!)!;
    ctx.defaultTrack = ladders.length > 1 && idFrom(table.name) ? { id: idFrom(table.name)!, name: table.name.trim() } : { id: 'individual-contributor', name: 'Individual contributor' };
    if (!draft.layouts.includes(LAYOUT_NAMES[layout])) draft.layouts.push(LAYOUT_NAMES[layout]);
    if (layout === 'long') readLong(table, at, ctx);
    else if (layout === 'wide-competencies-down') readCompetenciesDown(table, at, ctx);
    else readLevelsDown(table, at, ctx);
  }
  if (read === 0) {
    const table = ladders[0] ?? tables[0];
    diagnostics.push(sheetProblem(table ?? { file: '?' }, 1, 1, 'import/empty', 'The sheet is empty: it needs a header row and one row per level (see docs/import.md)'));
  }

  if (side.has('expectations')) readExpectations(side.get('expectations')!, ctx);
  if (side.has('bands')) draft.bands = readBands(side.get('bands')!, diagnostics);
  if (side.has('zones')) draft.zones = readZones(side.get('zones')!, diagnostics);
  if (side.has('exceptions')) readExceptions(side.get('exceptions')!, ctx);
  return { draft, diagnostics };
}

function explainHeader(cells: readonly string[]): string {
  const h = matchHeader(cells, longAliases);
  if (h.index.competency !== undefined && h.index.text === undefined) {
    return 'The header row has a competency column but no column for the expectation text (such as "Expectation" or "Text"): add one';
  }
  if (h.index.competency !== undefined) return 'The header row has competency and expectation columns but no column naming the level (such as "Level" or "Title"): add one';
  const known = Object.keys(h.index).filter((k) => k !== 'text');
  if (known.length > 0) return `The header row has no column for the level's title (such as "title", "Level" or "Job title"): add one (it has ${known.join(', ')})`;
  return 'The first row is not a header row Parity knows: use the columns of /ladder.csv (id, track, grade, title, ...), or one of the layouts in docs/import.md';
}

// ---------- one row per level: Parity's own and wide, levels down ----------

function readLevelsDown(table: Table, at: number, ctx: Context): void {
  const header = levelHeader(table.rows[at]!, at);
  const competencyColumns: { index: number; id: string; name: string }[] = [];
  for (const o of header.other) {
    const id = idFrom(o.text);
    if (!id || is(o.text, TEXT)) {
      ctx.diagnostics.push(sheetProblem(table, at + 1, o.index + 1, 'import/unknown-column', `The column "${o.text}" names no competency, so it is left out`, 'warning'));
      continue;
    }
    competencyColumns.push({ index: o.index, id: resolveCompetency(ctx, o.text) ?? id, name: o.text });
  }
  for (let i = at + 1; i < table.rows.length; i++) {
    const row = table.rows[i]!;
    if (isEmptyRow(row)) continue;
    const level = levelFromRow(table, i, row, header, ctx);
    if (!level) continue;
    for (const c of competencyColumns) {
      const value = text(row[c.index] ?? '');
      if (value === '') continue;
      level.sections.push({ competency: c.id, heading: ctx.draft.competencies.get(c.id)?.name ?? c.name, text: proseToMarkdown(value), at: loc(table, i + 1, c.index + 1) });
    }
  }
}

/**
 * "Level" names the title unless another column does ("Title", "Job title"):
 * then "Level" is the grade (a sheet with "Level | Title" numbers its levels).
 */
function levelHeader<K extends string>(cells: readonly string[], at: number, aliases: Aliases<K | LevelField> = LEVEL_FIELDS as Aliases<K | LevelField>): Header<K | LevelField> {
  const header = matchHeader(cells, aliases, at);
  const titleAt = header.index.title;
  if (titleAt === undefined || normalizeHeader(cells[titleAt] ?? '') !== 'level') return header;
  const strong = header.other.find((o) => is(o.text, LEVEL_FIELDS.title.filter((a) => a !== 'level')) || normalizeHeader(o.text) === 'title');
  if (!strong) return header;
  header.index.title = strong.index;
  header.other = header.other.filter((o) => o !== strong);
  if (header.index.grade === undefined) header.index.grade = titleAt;
  else header.other.push({ index: titleAt, text: cells[titleAt]! });
  return header;
}

/** "Area | Competency | ...": the column headed exactly "Competency" is the competency, the other a group heading. */
function preferCompetency(header: Header<LongField>, cells: readonly string[]): Header<LongField> {
  const exact = cells.findIndex((c) => normalizeHeader(c) === 'competency');
  const at = header.index.competency;
  if (exact < 0 || at === undefined || exact === at) return header;
  header.index.competency = exact;
  header.other = header.other.filter((o) => o.index !== exact);
  return header;
}

/** One level from a row: its fields, checked; undefined (with a diagnostic) when the row cannot be a level. */
function levelFromRow(
  table: Table,
  i: number,
  row: readonly string[],
  header: Header<LevelField>,
  ctx: Context,
  place?: (key: LevelField) => { row: number; column: number },
): LevelDraft | undefined {
  const rowNo = i + 1;
  const col = (key: LevelField) => (place ? place(key).column : columnOf(header, key));
  const rowOf = (key: LevelField) => (place ? place(key).row : rowNo);
  const get = (key: LevelField) => text(cell(row, header.index[key]));
  const fail = (key: LevelField, message: string) => ctx.diagnostics.push(sheetProblem(table, rowOf(key), col(key), 'import/value', message));
  const title = get('title').replace(/\s+/g, ' ');
  const id = get('id');
  if (title === '') {
    fail('title', 'This row has no title: every level needs one (or delete the row)');
    return undefined;
  }
  const [idTrack, idSlug] = id.includes('/') ? [id.slice(0, id.indexOf('/')), id.slice(id.indexOf('/') + 1)] : [undefined, id || undefined];
  const track = trackFrom(table, rowOf('track'), get('track') || idTrack || '', col(get('track') ? 'track' : 'id'), ctx, get('family'), get('track_kind'), col('track_kind'));
  if (!track) return undefined;
  const slug = idFrom(idSlug ?? title);
  if (!slug) {
    fail(idSlug ? 'id' : 'title', `Cannot make a file name from "${idSlug ?? title}": use letters or digits`);
    return undefined;
  }
  const level: LevelDraft = { track, slug, title, sections: [], at: loc(table, rowOf('title'), place ? col('title') : 1) };
  if (header.index.grade !== undefined) {
    const grade = parseGrade(get('grade') || '');
    if (!grade.ok) fail('grade', get('grade') === '' ? `${title} has no grade: give every level a whole number from 1 to 99` : grade.message);
    else level.grade = grade.value;
  }
  if (get('summary')) level.summary = get('summary').replace(/\s+/g, ' ');
  if (get('intro')) level.intro = get('intro');
  const pay: NonNullable<LevelDraft['pay']> = {};
  for (const [key, field, what] of [
    ['pay_min', 'min', 'The bottom of the pay band'],
    ['pay_max', 'max', 'The top of the pay band'],
    ['equity_min', 'equityMin', 'The equity minimum'],
    ['equity_max', 'equityMax', 'The equity maximum'],
  ] as const) {
    if (!get(key)) continue;
    const amount = parseAmount(get(key), what);
    if (amount.ok) pay[field] = amount.value;
    else fail(key, amount.message);
  }
  if (get('bonus')) {
    const bonus = parseNumber(get('bonus'), 'The bonus target (a percentage)');
    if (bonus.ok) pay.bonus = bonus.value;
    else fail('bonus', bonus.message);
  }
  if (Object.keys(pay).length > 0) level.pay = pay;
  if (header.index.scope !== undefined && get('scope')) {
    const scope = idFrom(get('scope'));
    if (scope) level.scope = scope;
    else fail('scope', `"${get('scope')}" is not a scope such as team or company`);
  }
  if (header.index.budget !== undefined && get('budget')) {
    const budget = parseAmount(get('budget'), 'The budget');
    if (budget.ok) level.budget = budget.value;
    else fail('budget', budget.message);
  } else if (header.index.budget !== undefined && header.index.scope !== undefined) level.budget = 0;
  if (header.index.decisions !== undefined) level.decisions = [...new Set(parseList(get('decisions')).map((d) => idFrom(d)).filter((d): d is string => d !== undefined))];
  if (get('currency') && !ctx.draft.currency) ctx.draft.currency = get('currency').toUpperCase();
  return register(table, level, ctx) ? level : undefined;
}

/** Adds a level unless its id or its grade in the track is taken. */
function register(table: Table, level: LevelDraft, ctx: Context): boolean {
  const key = `${level.track}/${level.slug}`;
  const taken = ctx.byId.get(key);
  if (taken) {
    ctx.diagnostics.push(sheetProblem(table, level.at.line, 1, 'import/duplicate-level', `${level.title} is in the sheet twice (as ${key}, also at row ${taken.at.line}): one row per level, or give them different titles or ids`));
    return false;
  }
  if (level.grade !== undefined) {
    const other = ctx.byGrade.get(`${level.track}\u0000${level.grade}`);
    if (other) {
      ctx.diagnostics.push(sheetProblem(table, level.at.line, 1, 'import/duplicate-level', `Track ${level.track} already has a level at grade ${level.grade}: ${other.title} (row ${other.at.line}). A track has one level per grade`));
      return false;
    }
    ctx.byGrade.set(`${level.track}\u0000${level.grade}`, level);
  }
  ctx.byId.set(key, level);
  ctx.draft.levels.push(level);
  return true;
}

/** The track a row names (id or name), made known to the draft; the sheet's default track when the cell is empty. */
function trackFrom(table: Table, row: number, raw: string, column: number, ctx: Context, familyCell: string, kindCell: string, kindColumn: number): string | undefined {
  let id: string;
  if (raw === '') {
    id = ctx.defaultTrack.id;
    if (!ctx.draft.tracks.has(id)) {
      ctx.draft.tracks.set(id, { name: ctx.defaultTrack.name, described: false });
      ctx.draft.notes.push(`The sheet names no track: its levels are in track "${id}" of family "main"; rename them, and add a management track if there is one.`);
    }
  } else {
    const found = ctx.draft.tracks.has(slugOr(raw)) ? slugOr(raw) : [...ctx.draft.tracks].find(([, t]) => t.name && normalizeHeader(t.name) === normalizeHeader(raw))?.[0];
    const made = found ?? idFrom(raw);
    if (!made) {
      ctx.diagnostics.push(sheetProblem(table, row, column, 'import/value', `"${raw}" cannot be a track id: use letters or digits`));
      return undefined;
    }
    id = made;
    if (!ctx.draft.tracks.has(id)) ctx.draft.tracks.set(id, { name: humanize(raw), described: false });
  }
  const track = ctx.draft.tracks.get(id)!;
  if (!track.described) {
    if (familyCell && !track.family) {
      const family = idFrom(familyCell);
      if (family) {
        track.family = family;
        if (!ctx.draft.families.has(family)) ctx.draft.families.set(family, { name: humanize(familyCell), described: false });
      }
    }
    if (kindCell && !track.kind) {
      const kind = trackKind(kindCell);
      if (kind) track.kind = kind;
      else ctx.diagnostics.push(sheetProblem(table, row, kindColumn, 'import/value', `The track kind must be individual-contributor or management, not "${kindCell}"`));
    }
  }
  return id;
}

const slugOr = (raw: string) => idFrom(raw) ?? raw;

function trackKind(raw: string): string | undefined {
  const n = normalizeHeader(raw);
  if ((TRACK_KINDS as readonly string[]).includes(raw.trim())) return raw.trim();
  if (['ic', 'individual contributor', 'individual', 'contributor', 'technical'].includes(n)) return 'individual-contributor';
  if (['management', 'manager', 'managers', 'mgmt', 'm', 'people manager', 'leadership'].includes(n)) return 'management';
  return undefined;
}

// ---------- long: one row per expectation ----------

function readLong(table: Table, at: number, ctx: Context): void {
  const header = preferCompetency(levelHeader<LongField>(table.rows[at]!, at, longAliases), table.rows[at]!);
  const levelColumns = header as unknown as Header<LevelField>;
  const sections = new Map<LevelDraft, Map<string, { heading: string; lines: string[]; at: Location }>>();
  const seen = new Map<string, LevelDraft>();
  for (const o of header.other) {
    const what = is(o.text, COMPETENCY) ? 'is read as a group of competencies, which Parity does not keep' : 'is not one Parity reads in this layout';
    ctx.diagnostics.push(sheetProblem(table, at + 1, o.index + 1, 'import/unknown-column', `The column "${o.text}" ${what}, so it is left out`, 'warning'));
  }
  for (let i = at + 1; i < table.rows.length; i++) {
    const row = table.rows[i]!;
    if (isEmptyRow(row)) continue;
    const get = (key: LongField) => text(cell(row, header.index[key]));
    const title = get('title').replace(/\s+/g, ' ');
    const key = `${normalizeHeader(get('track'))}\u0000${normalizeHeader(title || get('id'))}`;
    let level = seen.get(key);
    if (!level) {
      level = levelFromRow(table, i, row, levelColumns, ctx);
      if (!level) continue;
      seen.set(key, level);
      sections.set(level, new Map());
    } else if (header.index.grade !== undefined && get('grade') !== '') {
      const grade = parseGrade(get('grade'));
      if (grade.ok && level.grade !== undefined && grade.value !== level.grade) {
        ctx.diagnostics.push(sheetProblem(table, i + 1, columnOf(header, 'grade'), 'import/value', `${level.title} is grade ${level.grade} at row ${level.at.line}, not ${grade.value}: one grade per level`));
      }
    }
    const competencyCell = get('competency');
    const competency = competencyCell ? resolveCompetency(ctx, competencyCell) : undefined;
    const expectation = get('text');
    if (!competency) {
      if (expectation !== '' || competencyCell !== '') {
        ctx.diagnostics.push(
          sheetProblem(table, i + 1, columnOf(header, 'competency'), 'import/unknown-competency', competencyCell === '' ? `This expectation of ${level.title} names no competency: fill in the competency cell` : `"${competencyCell}" names no competency${ctx.draft.competencies.size > 0 ? ` (the competencies are ${[...ctx.draft.competencies.values()].map((c) => c.name).join(', ')})` : ''}`),
        );
      }
      continue;
    }
    if (expectation === '') continue;
    const byCompetency = sections.get(level)!;
    const section = byCompetency.get(competency) ?? { heading: ctx.draft.competencies.get(competency)?.name ?? competencyCell, lines: [], at: loc(table, i + 1, columnOf(header, 'competency')) };
    section.lines.push(proseToMarkdown(expectation));
    byCompetency.set(competency, section);
  }
  for (const [level, byCompetency] of sections) {
    for (const [competency, s] of byCompetency) level.sections.push({ competency, heading: s.heading, text: s.lines.join('\n'), at: s.at });
  }
}

// ---------- wide, competencies down: levels as columns ----------

function readCompetenciesDown(table: Table, at: number, ctx: Context): void {
  const headerCells = table.rows[at]!;
  const columns: { index: number; level: LevelDraft | undefined; title: string; fields: Map<LevelField, string> }[] = [];
  let describe: number | undefined;
  // "Area | Competency | L1 | L2": the last of the leading competency columns names the competency.
  let name = 0;
  while (name + 1 < headerCells.length && is(headerCells[name + 1] ?? '', COMPETENCY)) name++;
  for (let c = name + 1; c < headerCells.length; c++) {
    const title = text(headerCells[c] ?? '').replace(/\s+/g, ' ');
    if (title === '') continue;
    if (is(title, TEXT) && describe === undefined) {
      describe = c;
      continue;
    }
    columns.push({ index: c, level: undefined, title, fields: new Map() });
  }
  const fieldRows = new Map<LevelField, number>();
  const competencyRows: number[] = [];
  for (let i = at + 1; i < table.rows.length; i++) {
    const row = table.rows[i]!;
    if (isEmptyRow(row)) continue;
    const label = text(row[name] ?? '');
    const field = fieldOf(label) ?? (name > 0 ? fieldOf(text(row[0] ?? '')) : undefined);
    if (field && field !== 'title' && !fieldRows.has(field)) {
      fieldRows.set(field, i);
      for (const c of columns) c.fields.set(field, row[c.index] ?? '');
    } else competencyRows.push(i);
  }
  // Each column is a level; field rows (grade, summary, pay...) give its fields.
  for (const c of columns) {
    const cells: string[] = [];
    const keys: LevelField[] = ['title', ...c.fields.keys()];
    cells.push(c.title, ...c.fields.values());
    const index: Partial<Record<LevelField, number>> = {};
    keys.forEach((k, n) => (index[k] = n));
    c.level = levelFromRow(table, at, cells, { row: at, index, other: [] }, ctx, (key) => ({ row: (fieldRows.get(key) ?? at) + 1, column: c.index + 1 }));
  }
  for (const i of competencyRows) {
    const row = table.rows[i]!;
    const label = text(row[name] ?? '');
    // A row with a name and no expectations is a heading that groups the competencies below it.
    if (columns.every((c) => text(row[c.index] ?? '') === '')) continue;
    const competency = label ? resolveCompetency(ctx, label) : undefined;
    if (!competency) {
      ctx.diagnostics.push(sheetProblem(table, i + 1, name + 1, 'import/unknown-competency', label === '' ? 'This row has expectations but names no competency in its first cell' : `"${label}" names no competency`));
      continue;
    }
    if (describe !== undefined && text(row[describe] ?? '') !== '') {
      const entry = ctx.draft.competencies.get(competency)!;
      if (!entry.described) entry.text = text(row[describe] ?? '');
    }
    for (const c of columns) {
      const value = text(row[c.index] ?? '');
      if (!c.level || value === '') continue;
      c.level.sections.push({ competency, heading: ctx.draft.competencies.get(competency)?.name ?? label, text: proseToMarkdown(value), at: loc(table, i + 1, c.index + 1) });
    }
  }
}

function fieldOf(label: string): LevelField | undefined {
  const h = matchHeader([label], LEVEL_FIELDS);
  return (Object.keys(h.index) as LevelField[])[0];
}

// ---------- side sheets ----------

/**
 * A competency cell: the id or name of a known competency (case-insensitive),
 * or, when no sheet listed the competencies, a new one named by the cell.
 */
function resolveCompetency(ctx: Context, raw: string): string | undefined {
  const name = raw.trim();
  const n = normalizeHeader(name);
  for (const [id, c] of ctx.draft.competencies) if (id === name || normalizeHeader(c.name) === n || normalizeHeader(id) === n) return id;
  if ([...ctx.draft.competencies.values()].some((c) => c.described)) return undefined;
  const id = idFrom(name);
  if (!id) return undefined;
  ctx.draft.competencies.set(id, { name: humanize(name), described: false });
  return id;
}

function readSettings(table: Table, ctx: Context): void {
  const read = records(table, { field: ['setting', 'key'], value: [] }, ['field', 'value'], ctx.diagnostics);
  if (!read) return;
  const settings: NonNullable<Draft['settings']> = {};
  for (const r of read.rows) {
    const field = normalizeHeader(r.get('field'));
    const value = text(r.get('value'));
    const at = columnOf(read.header, 'value');
    if (value === '') continue;
    if (field === 'name') settings.name = value;
    else if (field === 'currency') settings.currency = value.toUpperCase();
    else if (field === 'repository') settings.repository = value;
    else if (field === 'scopes') settings.scopes = parseList(value).map((s) => idFrom(s)).filter((s): s is string => s !== undefined);
    else if (field === 'pay policy' || field === 'parity pay') settings.payPolicy = value;
    else if (field === 'visibility pay' || field === 'pay visibility') settings.visibilityPay = value;
    else if (field === 'intro' || field === 'introduction') settings.intro = value;
    else if (field === 'rounding') {
      const n = parseNumber(value, 'The rounding');
      if (n.ok) settings.rounding = n.value;
      else ctx.diagnostics.push(sheetProblem(table, r.row, at, 'import/value', n.message));
    } else ctx.diagnostics.push(sheetProblem(table, r.row, 1, 'import/unknown-column', `"${r.get('field')}" is not a setting Parity reads (name, currency, repository, scopes, pay_policy, rounding, visibility_pay, intro)`, 'warning'));
  }
  ctx.draft.settings = settings;
}

const named = { id: [], name: [], text: ['description', 'body'] } as const;

function readFamilies(table: Table, ctx: Context): void {
  const read = records(table, { ...named, order: [] }, ['id'], ctx.diagnostics);
  for (const r of read?.rows ?? []) {
    const id = idFrom(text(r.get('id')));
    if (!id) {
      ctx.diagnostics.push(sheetProblem(table, r.row, columnOf(read!.header, 'id'), 'import/value', 'The family needs an id, such as engineering'));
      continue;
    }
    const family: NonNullable<ReturnType<Draft['families']['get']>> = { name: text(r.get('name')) || humanize(id), described: true };
    if (r.has('text')) family.text = text(r.get('text'));
    if (r.has('order')) {
      const order = parseNumber(r.get('order'), 'The order');
      if (order.ok) family.order = order.value;
      else ctx.diagnostics.push(sheetProblem(table, r.row, columnOf(read!.header, 'order'), 'import/value', order.message));
    }
    ctx.draft.families.set(id, family);
  }
}

function readCompetencies(table: Table, ctx: Context): void {
  const read = records(table, named, ['id'], ctx.diagnostics);
  for (const r of read?.rows ?? []) {
    const id = idFrom(text(r.get('id')));
    if (!id) {
      ctx.diagnostics.push(sheetProblem(table, r.row, columnOf(read!.header, 'id'), 'import/value', 'The competency needs an id, such as technical-craft'));
      continue;
    }
    const competency: NonNullable<ReturnType<Draft['competencies']['get']>> = { name: text(r.get('name')) || humanize(id), described: true };
    if (r.has('text')) competency.text = text(r.get('text'));
    ctx.draft.competencies.set(id, competency);
  }
}

function readTracks(table: Table, ctx: Context): void {
  const read = records(table, { ...named, family: [], kind: ['track kind', 'track_kind'], competencies: [], order: [] }, ['id'], ctx.diagnostics);
  for (const r of read?.rows ?? []) {
    const col = (key: 'id' | 'family' | 'kind' | 'competencies' | 'order') => columnOf(read!.header, key);
    const id = idFrom(text(r.get('id')));
    if (!id) {
      ctx.diagnostics.push(sheetProblem(table, r.row, col('id'), 'import/value', 'The track needs an id, such as engineering-ic'));
      continue;
    }
    const track: NonNullable<ReturnType<Draft['tracks']['get']>> = { name: text(r.get('name')) || humanize(id), described: true };
    const family = idFrom(text(r.get('family')));
    if (family) track.family = family;
    else ctx.diagnostics.push(sheetProblem(table, r.row, col('family'), 'import/value', `Track ${id} needs a family`));
    if (r.has('kind')) {
      const kind = trackKind(r.get('kind'));
      if (kind) track.kind = kind;
      else ctx.diagnostics.push(sheetProblem(table, r.row, col('kind'), 'import/value', `The track kind must be individual-contributor or management, not "${text(r.get('kind'))}"`));
    }
    if (r.has('competencies')) {
      const list: string[] = [];
      for (const item of parseList(r.get('competencies'))) {
        const c = resolveCompetency(ctx, item);
        if (c) list.push(c);
        else ctx.diagnostics.push(sheetProblem(table, r.row, col('competencies'), 'import/unknown-competency', `"${item}" names no competency of the competencies sheet`));
      }
      track.competencies = list;
    }
    if (r.has('text')) track.text = text(r.get('text'));
    if (r.has('order')) {
      const order = parseNumber(r.get('order'), 'The order');
      if (order.ok) track.order = order.value;
      else ctx.diagnostics.push(sheetProblem(table, r.row, col('order'), 'import/value', order.message));
    }
    if (family && !ctx.draft.families.has(family)) ctx.draft.families.set(family, { name: humanize(family), described: false });
    ctx.draft.tracks.set(id, track);
  }
}

/** Parity's own expectations: one row per level and competency, the section's Markdown as it is. */
function readExpectations(table: Table, ctx: Context): void {
  const read = records(table, { level: ['level id', 'id'], competency: COMPETENCY, text: TEXT }, ['level', 'competency', 'text'], ctx.diagnostics);
  const byTitle = new Map<string, LevelDraft[]>();
  for (const level of ctx.draft.levels) byTitle.set(normalizeHeader(level.title), [...(byTitle.get(normalizeHeader(level.title)) ?? []), level]);
  const seen = new Map<string, number>();
  for (const r of read?.rows ?? []) {
    const col = (key: 'level' | 'competency' | 'text') => columnOf(read!.header, key);
    const ref = text(r.get('level'));
    const level = ctx.byId.get(ref) ?? (byTitle.get(normalizeHeader(ref))?.length === 1 ? byTitle.get(normalizeHeader(ref))![0] : undefined);
    if (!level) {
      ctx.diagnostics.push(sheetProblem(table, r.row, col('level'), 'import/unknown-level', ref === '' ? 'This expectation names no level' : `"${ref}" names no level of the levels sheet (use its id, such as engineering-ic/staff-engineer)`));
      continue;
    }
    const heading = text(r.get('competency'));
    const competency = heading ? resolveCompetency(ctx, heading) : undefined;
    if (!competency) {
      ctx.diagnostics.push(sheetProblem(table, r.row, col('competency'), 'import/unknown-competency', heading === '' ? `This expectation of ${level.title} names no competency` : `"${heading}" names no competency`));
      continue;
    }
    const key = `${level.track}/${level.slug}\u0000${competency}`;
    if (seen.has(key)) {
      ctx.diagnostics.push(sheetProblem(table, r.row, col('competency'), 'import/duplicate-level', `${level.title} already has its ${heading} expectations at row ${seen.get(key)}: one row per level and competency`));
      continue;
    }
    seen.set(key, r.row);
    level.sections.push({ competency, heading, text: text(r.get('text')), at: loc(table, r.row, col('competency')) });
  }
}

function readExceptions(table: Table, ctx: Context): void {
  const read = records(table, { family: [], grade: [], rule: [], reason: [] }, ['family', 'grade', 'rule', 'reason'], ctx.diagnostics);
  const list: NonNullable<Draft['exceptions']> = [];
  for (const r of read?.rows ?? []) {
    const grade = parseGrade(r.get('grade'));
    if (!grade.ok) {
      ctx.diagnostics.push(sheetProblem(table, r.row, columnOf(read!.header, 'grade'), 'import/value', grade.message));
      continue;
    }
    list.push({ family: idFrom(text(r.get('family'))) ?? '', grade: grade.value, rule: text(r.get('rule')), reason: text(r.get('reason')) });
  }
  ctx.draft.exceptions = list;
}

/** Prose from one cell as Markdown: a list stays a list, lines become bullets, a paragraph one bullet. */
export function proseToMarkdown(value: string): string {
  const lines = value.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  return lines.map((l) => (/^([-*+] |\d+[.)] )/.test(l) ? l : `- ${l.replace(/^[•·▪◦‣–—]\s*/, '')}`)).join('\n');
}

const loc = (table: Table, line: number, column: number): Location => ({ file: table.file, line, column });
