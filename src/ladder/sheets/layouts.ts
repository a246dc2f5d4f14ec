/**
 * The layouts `ladder import` reads, each recognised from its header row
 * (src/ladder/sheets/detect.ts; examples of each in docs/import.md):
 *
 * - Parity's own: the columns of /ladder.csv, one row per level, with side
 *   sheets (or sibling CSV files) for settings, families, tracks,
 *   competencies, expectations, bands, zones and exceptions;
 * - long: one row per level × competency × expectation;
 * - wide, competencies down: competencies as rows, levels as columns;
 * - wide, levels down: levels as rows, competency areas as columns.
 *
 * Parity's own layout with its id column is read exactly as written (it is
 * what `ladder export` writes, and must come back unchanged). The others are read as people write
 * them: level codes in titles (E1, M2) give grades and tracks, "-" and "n/a"
 * are empty cells, "see E3" is E3's text, notes columns are left out.
 *
 * Every problem is a diagnostic located at its cell; nothing throws.
 */
import type { Diagnostic, Location } from '../diagnostics.ts';
import { columnOf, matchHeader, records, type Aliases, type Header } from './columns.ts';
import {
  COMPETENCY,
  detectSheet,
  ignoredHeader,
  is,
  LEVEL_FIELDS,
  longAliases,
  TEXT,
  type Detected,
  type Layout,
  type LevelField,
  type LongField,
} from './detect.ts';
import { emptyDraft, type Draft, type LevelDraft } from './draft.ts';
import { levelLike, parseCode, parseLevelHeading } from './headings.ts';
import { OPTIONAL_PAGES } from '../load.ts';
import { parseLevelZones, readBands, readZones } from './pay.ts';
import { isBlankCell, proseToMarkdown, referenceIn } from './prose.ts';
import { SIDE_SHEETS } from './read.ts';
import { cell, fillMerges, isEmptyRow, normalizeHeader, sheetProblem, type Table } from './table.ts';
import { splitTracks, trackKind } from './tracks.ts';
import { humanize, idFrom, parseAmount, parseGrade, parseList, parseNumber, parseRange, text } from './values.ts';

export const LAYOUT_NAMES: Record<Layout, string> = {
  parity: "Parity's own (one row per level)",
  long: 'long (one row per expectation)',
  'wide-competencies-down': 'wide, competencies down (levels as columns)',
  'wide-levels-down': 'wide, levels down (competencies as columns)',
};

interface Pending {
  level: LevelDraft;
  table: Table;
  family: string;
  kind: string;
  kindAt: { row: number; column: number };
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
  /** Parity's own layout: cells exactly as written (no codes read from titles, "-" is text). */
  exact: boolean;
  /** Levels of the sheet being read that name no track: their tracks are decided when the whole sheet is read. */
  pending: Pending[];
  /** Notes already given for this sheet, so that each is said once. */
  said: Set<string>;
}

const DEFAULT_TRACK = { id: 'individual-contributor', name: 'Individual contributor' };

/** A cell's text; outside Parity's own layout, "-", "n/a", "TBD" and the like are empty. */
const value = (ctx: Pick<Context, 'exact'>, raw: string | undefined): string => {
  const t = text(raw ?? '');
  return !ctx.exact && isBlankCell(t) ? '' : t;
};

function note(ctx: Context, key: string, message: string): void {
  if (ctx.said.has(key)) return;
  ctx.said.add(key);
  ctx.draft.notes.push(message);
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
  const detected = ladders.map((t) => (t.rows.every(isEmptyRow) ? undefined : detectSheet(t)));
  // Several sheets of levels: each is a track named after its sheet ("Engineering", "Engineering management").
  const perSheet = detected.filter((d) => d !== undefined).length > 1;
  const ctx: Context = { draft, diagnostics, defaultTrack: DEFAULT_TRACK, byId: new Map(), byGrade: new Map(), exact: true, pending: [], said: new Set() };

  // Side sheets that the levels need first: competencies, tracks, families, settings.
  if (side.has('settings')) readSettings(side.get('settings')!, ctx);
  if (side.has('families')) readFamilies(side.get('families')!, ctx);
  if (side.has('competencies')) readCompetencies(side.get('competencies')!, ctx);
  if (side.has('tracks')) readTracks(side.get('tracks')!, ctx);

  let read = 0;
  ladders.forEach((table, n) => {
    if (table.rows.every(isEmptyRow)) return;
    const found = detected[n];
    if (found === undefined) {
      const first = table.rows.findIndex((r) => !isEmptyRow(r));
      if (ladders.length > 1 && !levelsSheet) {
        diagnostics.push(
          sheetProblem(
            table,
            first + 1,
            1,
            'import/layout',
            `This sheet is not read: its header row is none of the layouts Parity reads (see docs/import.md)`,
            'warning',
          ),
        );
        return;
      }
      diagnostics.push(sheetProblem(table, first + 1, 1, 'import/layout', explainHeader(table.rows[first]!)));
      read++;
      return;
    }
    read++;
    ctx.defaultTrack = perSheet && idFrom(table.name) ? { id: idFrom(table.name)!, name: table.name.trim() } : DEFAULT_TRACK;
    // Exactly as written: a sheet `ladder export` wrote (Parity's own layout, with its id column), so that it comes back unchanged.
    ctx.exact = found.layout === 'parity' && matchHeader(table.rows[found.at]!, LEVEL_FIELDS).index.id !== undefined;
    ctx.pending = [];
    ctx.said = new Set();
    if (!draft.layouts.includes(LAYOUT_NAMES[found.layout])) draft.layouts.push(LAYOUT_NAMES[found.layout]);
    if (found.layout === 'long') readLong(table, found.at, ctx);
    else if (found.layout === 'wide-competencies-down') readCompetenciesDown(table, found, ctx);
    else readLevelsDown(table, found, ctx);
    assignTracks(ctx);
  });
  if (read === 0) {
    const table = ladders[0] ?? tables[0];
    diagnostics.push(
      sheetProblem(table ?? { file: '?' }, 1, 1, 'import/empty', 'The sheet is empty: it needs a header row and one row per level (see docs/import.md)'),
    );
  }

  ctx.exact = true;
  if (side.has('expectations')) readExpectations(side.get('expectations')!, ctx);
  if (side.has('bands')) draft.bands = readBands(side.get('bands')!, diagnostics);
  if (side.has('zones')) draft.zones = readZones(side.get('zones')!, diagnostics);
  if (side.has('exceptions')) readExceptions(side.get('exceptions')!, ctx);
  if (side.has('pages')) readPages(side.get('pages')!, ctx);
  return { draft, diagnostics };
}

function explainHeader(cells: readonly string[]): string {
  const h = matchHeader(cells, longAliases);
  if (h.index.competency !== undefined && h.index.text === undefined) {
    return 'The header row has a competency column but no column for the expectation text (such as "Expectation" or "Text"): add one';
  }
  if (h.index.competency !== undefined)
    return 'The header row has competency and expectation columns but no column naming the level (such as "Level" or "Title"): add one';
  const known = Object.keys(h.index).filter((k) => k !== 'text');
  if (known.length > 0)
    return `The header row has no column for the level's title (such as "title", "Level" or "Job title"): add one (it has ${known.join(', ')})`;
  return 'The first row is not a header row Parity knows: use the columns of /ladder.csv (id, track, grade, title, ...), or one of the layouts in docs/import.md';
}

/** A column (or row) of notes, examples or links: left out, said at its header cell. */
function ignore(table: Table, row: number, column: number, label: string, ctx: Context, kind: 'column' | 'row'): void {
  ctx.diagnostics.push(
    sheetProblem(
      table,
      row,
      column,
      'import/unknown-column',
      `The ${kind} "${label.replace(/\s+/g, ' ')}" holds notes or examples, not a level, a field or a competency, so it is left out`,
      'warning',
    ),
  );
}

// ---------- levels, their sections, their tracks ----------

/** What a wide layout read for one level: its names (for "see E3") and its cells by competency. */
interface Entry {
  level: LevelDraft;
  names: string[];
  cells: Map<string, { heading: string; value: string; at: Location }>;
}

function addCell(entry: Entry, competency: string, heading: string, v: string, at: Location): void {
  const had = entry.cells.get(competency);
  if (had) had.value = `${had.value}\n\n${v}`;
  else entry.cells.set(competency, { heading, value: v, at });
}

/** The entries' cells as sections, a cell that says "see E3" (or "same as previous") taking E3's text. */
function writeSections(entries: readonly Entry[]): void {
  const byName = new Map<string, number>();
  entries.forEach((e, n) => {
    for (const name of e.names) if (normalizeHeader(name) !== '' && !byName.has(normalizeHeader(name))) byName.set(normalizeHeader(name), n);
  });
  entries.forEach((entry, n) => {
    for (const [competency, c] of entry.cells) {
      let v = c.value;
      let from = n;
      for (let hops = 0; hops < 8; hops++) {
        const ref = referenceIn(v);
        if (ref === undefined) break;
        const target = ref === 'previous' ? from - 1 : byName.get(normalizeHeader(ref));
        const next = target !== undefined && target >= 0 && target !== from ? entries[target]!.cells.get(competency)?.value : undefined;
        if (next === undefined) break;
        v = next;
        from = target!;
      }
      const markdown = proseToMarkdown(v);
      const had = entry.level.sections.find((s) => s.competency === competency);
      if (had) had.text = `${had.text}\n${markdown}`;
      else entry.level.sections.push({ competency, heading: c.heading, text: markdown, at: c.at });
    }
  });
}

/** The names a level goes by in "see ..." cells: its title, its code, the header as written. */
const namesOf = (level: LevelDraft, ...more: string[]): string[] => [level.title, level.code?.text ?? '', ...more.map((m) => m.replace(/\s+/g, ' '))];

/** Adds a level unless its id or its grade in the track is taken. */
function register(table: Table, level: LevelDraft, ctx: Context): boolean {
  const key = `${level.track}/${level.slug}`;
  const taken = ctx.byId.get(key);
  if (taken) {
    ctx.diagnostics.push(
      sheetProblem(
        table,
        level.at.line,
        1,
        'import/duplicate-level',
        `${level.title} is in the sheet twice (as ${key}, also at row ${taken.at.line}): one row per level, or give them different titles or ids`,
      ),
    );
    return false;
  }
  if (level.grade !== undefined) {
    const other = ctx.byGrade.get(`${level.track}\u0000${level.grade}`);
    if (other) {
      ctx.diagnostics.push(
        sheetProblem(
          table,
          level.at.line,
          1,
          'import/duplicate-level',
          `Track ${level.track} already has a level at grade ${level.grade}: ${other.title} (row ${other.at.line}). A track has one level per grade`,
        ),
      );
      return false;
    }
    ctx.byGrade.set(`${level.track}\u0000${level.grade}`, level);
  }
  ctx.byId.set(key, level);
  ctx.draft.levels.push(level);
  return true;
}

/**
 * The levels of a sheet that named no track go to the sheet's track, or,
 * when they mix IC and management levels (E1..E4 and M1, M2; "Engineer" and
 * "Engineering Manager"), to an IC and a management track of one family.
 */
function assignTracks(ctx: Context): void {
  const pending = ctx.pending;
  ctx.pending = [];
  if (pending.length === 0) return;
  const inputs = pending.map((p) => {
    let kind: ReturnType<typeof trackKind>;
    if (p.kind !== '') {
      kind = trackKind(p.kind);
      if (!kind)
        ctx.diagnostics.push(
          sheetProblem(p.table, p.kindAt.row, p.kindAt.column, 'import/value', `The track kind must be individual-contributor or management, not "${p.kind}"`),
        );
    }
    return { title: p.level.title, code: p.level.code, grade: p.level.grade, kind };
  });
  const split = splitTracks(inputs, ctx.defaultTrack);
  const made: string[] = [];
  for (const group of split.groups) {
    if (!ctx.draft.tracks.has(group.id)) {
      ctx.draft.tracks.set(group.id, { name: group.name, described: false });
      made.push(group.id);
    }
    const track = ctx.draft.tracks.get(group.id)!;
    if (!track.described) {
      if (group.kind && !track.kind) track.kind = group.kind;
      const familyCell = group.members.map((m) => pending[m]!.family).find((f) => f !== '');
      const family = familyCell ? idFrom(familyCell) : undefined;
      if (family && !track.family) {
        track.family = family;
        if (!ctx.draft.families.has(family)) ctx.draft.families.set(family, { name: humanize(familyCell!), described: false });
      }
    }
    for (const m of group.members) pending[m]!.level.track = group.id;
  }
  if (split.how) {
    const list = split.groups.map((g) => {
      const names = g.members.map((m) => pending[m]!.level.code?.text ?? pending[m]!.level.title);
      return `${g.id} (${names.slice(0, 6).join(', ')}${names.length > 6 ? ', ...' : ''})`;
    });
    const prefixes = new Set(pending.map((p) => p.level.code?.prefix).filter((p) => p));
    ctx.draft.notes.push(
      `The sheet names no track, so its levels were split by ${split.how} into ${split.groups.length} tracks of one family: ${list.join('; ')}. Check the split${prefixes.size > 1 ? `; the grades are the numbers of the codes, so ${[...prefixes].map((p) => `${p}1`).join(' and ')} are one grade: if a manager's level is the peer of a higher IC level, change its grade` : ''}.`,
    );
  } else if (made.length > 0) {
    const id = made[0]!;
    ctx.draft.notes.push(
      `The sheet names no track: its levels are in track "${id}" of family "main"; rename them, and add a management track if there is one.`,
    );
  }
  for (const p of pending) register(p.table, p.level, ctx);
}

/** The track a row names (id or name), made known to the draft. */
function trackFrom(
  table: Table,
  row: number,
  raw: string,
  column: number,
  ctx: Context,
  familyCell: string,
  kindCell: string,
  kindColumn: number,
): string | undefined {
  const found = ctx.draft.tracks.has(slugOr(raw))
    ? slugOr(raw)
    : [...ctx.draft.tracks].find(([, t]) => t.name && normalizeHeader(t.name) === normalizeHeader(raw))?.[0];
  const id = found ?? idFrom(raw);
  if (!id) {
    ctx.diagnostics.push(sheetProblem(table, row, column, 'import/value', `"${raw}" cannot be a track id: use letters or digits`));
    return undefined;
  }
  if (!ctx.draft.tracks.has(id)) ctx.draft.tracks.set(id, { name: humanize(raw), described: false });
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
      else
        ctx.diagnostics.push(
          sheetProblem(table, row, kindColumn, 'import/value', `The track kind must be individual-contributor or management, not "${kindCell}"`),
        );
    }
  }
  return id;
}

const slugOr = (raw: string) => idFrom(raw) ?? raw;

/**
 * One level from a row: its fields, checked; undefined (with a diagnostic)
 * when the row cannot be a level. A level whose row names no track waits in
 * ctx.pending for the end of the sheet (see assignTracks).
 */
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
  const get = (key: LevelField) => value(ctx, cell(row, header.index[key]));
  const fail = (key: LevelField, message: string) => ctx.diagnostics.push(sheetProblem(table, rowOf(key), col(key), 'import/value', message));
  const rawTitle = get('title');
  // Outside Parity's own layout a title may carry the level's code and experience: "E1\nAssociate Engineer", "Engineer II (2-6+)".
  const heading = ctx.exact ? { title: rawTitle.replace(/\s+/g, ' ') || undefined, code: undefined, experience: undefined } : parseLevelHeading(rawTitle);
  const gradeCell = get('grade');
  const gradeCode = gradeCell !== '' ? parseCode(gradeCell) : undefined;
  const title = heading.title ?? heading.code?.text ?? '';
  const id = get('id');
  if (title === '') {
    if (ctx.exact) fail('title', 'This row has no title: every level needs one (or delete the row)');
    else
      ctx.diagnostics.push(
        sheetProblem(table, rowOf('title'), col('title'), 'import/skipped', 'This row has no title, so it is not read as a level', 'warning'),
      );
    return undefined;
  }
  const [idTrack, idSlug] = id.includes('/') ? [id.slice(0, id.indexOf('/')), id.slice(id.indexOf('/') + 1)] : [undefined, id || undefined];
  const slug = idFrom(idSlug ?? title);
  if (!slug) {
    fail(idSlug ? 'id' : 'title', `Cannot make a file name from "${idSlug ?? title}": use letters or digits`);
    return undefined;
  }
  const level: LevelDraft = { track: '', slug, title, sections: [], at: loc(table, rowOf('title'), place ? col('title') : 1) };
  const code = gradeCode ?? heading.code;
  if (code) level.code = code;
  if (gradeCell !== '') {
    const grade = gradeCode ? { ok: true as const, value: gradeCode.grade } : parseGrade(gradeCell);
    if (!grade.ok) fail('grade', grade.message);
    else level.grade = grade.value;
  } else if (heading.code) {
    level.grade = heading.code.grade;
    note(ctx, 'grade-from-code', `Grades were read from the level codes in the titles (${heading.code.text} is grade ${heading.code.grade}): check them.`);
  } else if (header.index.grade !== undefined) fail('grade', `${title} has no grade: give every level a whole number from 1 to 99`);
  if (get('summary')) level.summary = get('summary').replace(/\s+/g, ' ');
  if (get('intro')) level.intro = get('intro');
  else if (heading.experience) {
    level.intro = `Typical experience: ${heading.experience.replace(/^</, 'under ').replace(/^>/, 'over ').replace(/^~/, 'about ')}.`;
    note(
      ctx,
      'experience',
      `Years of experience in brackets after a title ("${rawTitle.replace(/\s+/g, ' ')}") were taken out of the title and written as the level's introduction ("${level.intro}"): check it.`,
    );
  }
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
  if (get('pay_range') && pay.min === undefined && pay.max === undefined) {
    const range = parseRange(get('pay_range'), 'The pay range');
    if (range.ok) Object.assign(pay, range.value);
    else fail('pay_range', range.message);
  }
  if (get('bonus')) {
    const bonus = parseNumber(get('bonus'), 'The bonus target (a percentage)');
    if (bonus.ok) pay.bonus = bonus.value;
    else fail('bonus', bonus.message);
  }
  if (get('pay_zones')) {
    const zones = parseLevelZones(get('pay_zones'));
    if (zones.ok) pay.zones = zones.value;
    else fail('pay_zones', zones.message);
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
  if (header.index.decisions !== undefined)
    level.decisions = [
      ...new Set(
        parseList(get('decisions'))
          .map((d) => idFrom(d))
          .filter((d): d is string => d !== undefined),
      ),
    ];
  if (get('currency') && !ctx.draft.currency) ctx.draft.currency = get('currency').toUpperCase();

  const trackCell = get('track') || idTrack || '';
  if (trackCell === '') {
    ctx.pending.push({ level, table, family: get('family'), kind: get('track_kind'), kindAt: { row: rowOf('track_kind'), column: col('track_kind') } });
    return level;
  }
  const track = trackFrom(table, rowOf('track'), trackCell, col(get('track') ? 'track' : 'id'), ctx, get('family'), get('track_kind'), col('track_kind'));
  if (!track) return undefined;
  level.track = track;
  return register(table, level, ctx) ? level : undefined;
}

/**
 * Whether the cells under a field's header (or beside its row label) are
 * that field: a "Scope" whose cells are prose ("Owns features within their
 * team") is a competency, not the authority scope, and the same for
 * decisions and the short fields.
 */
function fits(field: LevelField, values: readonly string[]): boolean {
  const filled = values.map((v) => v.trim()).filter((v) => v !== '');
  const short = (v: string) => !v.includes('\n') && v.length <= 60;
  switch (field) {
    case 'scope':
      return filled.every((v) => /^[A-Za-z0-9]+(?:[ -][A-Za-z0-9]+)?$/.test(v) && v.length <= 24);
    case 'decisions':
      return filled.every((v) => parseList(v).every((item) => item.length <= 40 && item.split(/\s+/).length <= 4));
    case 'track':
    case 'family':
    case 'track_kind':
    case 'currency':
    case 'id':
      return filled.every(short);
    default:
      return true;
  }
}

// ---------- one row per level: Parity's own and wide, levels down ----------

function readLevelsDown(table: Table, found: Detected, ctx: Context): void {
  const at = found.at;
  const header = levelHeader(table.rows[at]!, at);
  if (found.titleColumn !== undefined && header.index.title === undefined) {
    header.index.title = found.titleColumn;
    header.other = header.other.filter((o) => o.index !== found.titleColumn);
  }
  if (!ctx.exact) {
    // A field column whose cells are not that field (a "Scope" of prose) is a competency.
    for (const key of ['scope', 'decisions', 'track', 'family', 'track_kind'] as const) {
      const index = header.index[key];
      if (index === undefined) continue;
      const cells = table.rows.slice(at + 1).map((r) => value(ctx, r[index]));
      if (fits(key, cells)) continue;
      delete header.index[key];
      header.other.push({ index, text: text(table.rows[at]![index] ?? '') });
    }
    header.other.sort((a, b) => a.index - b.index);
  }
  if (!ctx.exact && header.index.grade === undefined) {
    // A column without a header whose cells are level codes (E1, M1) beside the titles: the grades.
    const width = table.rows.reduce((n, r) => Math.max(n, r.length), 0);
    for (let c = 0; c < width; c++) {
      if (text(table.rows[at]![c] ?? '') !== '' || c === header.index.title) continue;
      const cells = table.rows
        .slice(at + 1)
        .map((r) => value(ctx, r[c]))
        .filter((v) => v !== '');
      if (cells.length > 0 && cells.every((v) => parseCode(v) !== undefined)) {
        header.index.grade = c;
        break;
      }
    }
  }
  const competencyColumns: { index: number; id: string; name: string }[] = [];
  for (const o of header.other) {
    if (ignoredHeader(o.text)) {
      ignore(table, at + 1, o.index + 1, o.text, ctx, 'column');
      continue;
    }
    // "Description" beside competency columns: the level's introduction.
    if (!ctx.exact && is(o.text, TEXT) && header.index.intro === undefined) {
      header.index.intro = o.index;
      continue;
    }
    const id = idFrom(o.text);
    if (!id || is(o.text, TEXT)) {
      ctx.diagnostics.push(
        sheetProblem(table, at + 1, o.index + 1, 'import/unknown-column', `The column "${o.text}" names no competency, so it is left out`, 'warning'),
      );
      continue;
    }
    competencyColumns.push({ index: o.index, id: resolveCompetency(ctx, o.text) ?? id, name: o.text.replace(/\s+/g, ' ') });
  }
  // A merged cell across the rows of several levels (or several competencies) is the text of each.
  if (!ctx.exact) fillMerges(table, (m) => m.top > at && competencyColumns.some((c) => c.index === m.left));
  const entries: Entry[] = [];
  let last: Entry | undefined;
  let kindHint: string | undefined;
  for (let i = at + 1; i < table.rows.length; i++) {
    const row = table.rows[i]!;
    if (isEmptyRow(row)) continue;
    const titleCell = value(ctx, cell(row, header.index.title));
    const filled = competencyColumns.filter((c) => value(ctx, row[c.index]) !== '');
    if (!ctx.exact && competencyColumns.length > 0) {
      // A row without a title that goes on with more text: the level above continues (cells split over rows).
      if (titleCell === '' && last && filled.length > 0) {
        for (const c of filled) addCell(last, c.id, ctx.draft.competencies.get(c.id)?.name ?? c.name, value(ctx, row[c.index]), loc(table, i + 1, c.index + 1));
        continue;
      }
      // A row with only a heading that is no job title ("Management track", a footnote): not a level.
      const others = row.filter((c, n) => n !== header.index.title && c.trim() !== '');
      if (titleCell !== '' && others.length === 0 && !levelLike(titleCell)) {
        const kind = /manag|leadership|people/i.test(titleCell)
          ? 'management'
          : /individual|\bic\b|technical|engineering/i.test(titleCell)
            ? 'individual-contributor'
            : undefined;
        if (kind) kindHint = kind;
        ctx.diagnostics.push(
          sheetProblem(
            table,
            i + 1,
            (header.index.title ?? 0) + 1,
            'import/skipped',
            `"${titleCell.replace(/\s+/g, ' ')}" has no expectations and is no job title, so it is read as a heading${kind ? ` (the levels below it are ${kind} levels)` : ''}, not a level`,
            'warning',
          ),
        );
        continue;
      }
    }
    const level = levelFromRow(table, i, row, header, ctx);
    last = undefined;
    if (!level) continue;
    const pending = ctx.pending.at(-1);
    if (kindHint && pending?.level === level && pending.kind === '') pending.kind = kindHint;
    const entry: Entry = { level, names: namesOf(level, text(cell(row, header.index.title))), cells: new Map() };
    for (const c of filled) addCell(entry, c.id, ctx.draft.competencies.get(c.id)?.name ?? c.name, value(ctx, row[c.index]), loc(table, i + 1, c.index + 1));
    entries.push(entry);
    last = entry;
  }
  writeSections(entries);
}

/**
 * "Level" names the title unless another column does ("Title", "Job title"):
 * then "Level" is the grade (a sheet with "Level | Title" numbers its levels).
 */
function levelHeader<K extends string>(
  cells: readonly string[],
  at: number,
  aliases: Aliases<K | LevelField> = LEVEL_FIELDS as Aliases<K | LevelField>,
): Header<K | LevelField> {
  const header = matchHeader(cells, aliases, at);
  const titleAt = header.index.title;
  if (titleAt === undefined || normalizeHeader(cells[titleAt] ?? '') !== 'level') return header;
  const strong = header.other.find(
    (o) =>
      is(
        o.text,
        LEVEL_FIELDS.title.filter((a) => a !== 'level'),
      ) || normalizeHeader(o.text) === 'title',
  );
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

// ---------- long: one row per expectation ----------

function readLong(table: Table, at: number, ctx: Context): void {
  const header = preferCompetency(levelHeader<LongField>(table.rows[at]!, at, longAliases), table.rows[at]!);
  // One summary per row and no text column (the FT's competencies): the summary is the expectation.
  if (header.index.text === undefined && header.index.summary !== undefined) {
    header.index.text = header.index.summary;
    delete header.index.summary;
  }
  // An id column that gives rows of one level different ids (the FT's ids are the competencies'): not the level's id.
  if (header.index.id !== undefined && header.index.title !== undefined) {
    const ids = new Map<string, string>();
    const idAt = header.index.id;
    const conflict = table.rows.slice(at + 1).some((row) => {
      const title = normalizeHeader(value(ctx, cell(row, header.index.title)));
      const id = value(ctx, cell(row, idAt));
      if (title === '' || id === '') return false;
      if (ids.has(title) && ids.get(title) !== id) return true;
      ids.set(title, id);
      return false;
    });
    if (conflict) {
      delete header.index.id;
      ctx.diagnostics.push(
        sheetProblem(
          table,
          at + 1,
          idAt + 1,
          'import/unknown-column',
          `The column "${text(table.rows[at]![idAt] ?? '')}" gives the rows of one level different ids, so it is not read as the level's id`,
          'warning',
        ),
      );
    }
  }
  const levelColumns = header as unknown as Header<LevelField>;
  const sections = new Map<LevelDraft, Map<string, { heading: string; lines: string[]; at: Location }>>();
  const seen = new Map<string, LevelDraft>();
  for (const o of header.other) {
    if (ignoredHeader(o.text)) {
      ignore(table, at + 1, o.index + 1, o.text, ctx, 'column');
      continue;
    }
    const what = is(o.text, COMPETENCY) ? 'is read as a group of competencies, which Parity does not keep' : 'is not one Parity reads in this layout';
    ctx.diagnostics.push(sheetProblem(table, at + 1, o.index + 1, 'import/unknown-column', `The column "${o.text}" ${what}, so it is left out`, 'warning'));
  }
  for (let i = at + 1; i < table.rows.length; i++) {
    const row = table.rows[i]!;
    if (isEmptyRow(row)) continue;
    const get = (key: LongField) => value(ctx, cell(row, header.index[key]));
    const title = get('title').replace(/\s+/g, ' ');
    const key = `${normalizeHeader(get('track'))}\u0000${normalizeHeader(title || get('id'))}`;
    let level = seen.get(key);
    if (!level) {
      level = levelFromRow(table, i, row, levelColumns, ctx);
      if (!level) continue;
      seen.set(key, level);
      sections.set(level, new Map());
    } else if (header.index.grade !== undefined && get('grade') !== '') {
      const code = parseCode(get('grade'));
      const grade = code ? { ok: true as const, value: code.grade } : parseGrade(get('grade'));
      if (grade.ok && level.grade !== undefined && grade.value !== level.grade) {
        ctx.diagnostics.push(
          sheetProblem(
            table,
            i + 1,
            columnOf(header, 'grade'),
            'import/value',
            `${level.title} is grade ${level.grade} at row ${level.at.line}, not ${grade.value}: one grade per level`,
          ),
        );
      }
    }
    const competencyCell = get('competency');
    const competency = competencyCell ? resolveCompetency(ctx, competencyCell) : undefined;
    const expectation = get('text');
    if (!competency) {
      if (expectation !== '' || competencyCell !== '') {
        ctx.diagnostics.push(
          sheetProblem(
            table,
            i + 1,
            columnOf(header, 'competency'),
            'import/unknown-competency',
            competencyCell === ''
              ? `This expectation of ${level.title} names no competency: fill in the competency cell`
              : `"${competencyCell}" names no competency${ctx.draft.competencies.size > 0 ? ` (the competencies are ${[...ctx.draft.competencies.values()].map((c) => c.name).join(', ')})` : ''}`,
          ),
        );
      }
      continue;
    }
    const described = get('competency_text');
    if (described !== '' && !ctx.draft.competencies.get(competency)!.described && ctx.draft.competencies.get(competency)!.text === undefined)
      ctx.draft.competencies.get(competency)!.text = described;
    if (expectation === '') continue;
    const byCompetency = sections.get(level)!;
    const section = byCompetency.get(competency) ?? {
      heading: ctx.draft.competencies.get(competency)?.name ?? competencyCell,
      lines: [],
      at: loc(table, i + 1, columnOf(header, 'competency')),
    };
    section.lines.push(proseToMarkdown(expectation));
    byCompetency.set(competency, section);
  }
  for (const [level, byCompetency] of sections) {
    for (const [competency, s] of byCompetency) level.sections.push({ competency, heading: s.heading, text: s.lines.join('\n'), at: s.at });
  }
}

// ---------- wide, competencies down: levels as columns ----------

function readCompetenciesDown(table: Table, found: Detected, ctx: Context): void {
  const at = found.at;
  const headerCells = table.rows[at]!;
  const first = found.firstLevel ?? 1;
  let describe: number | undefined;
  // The columns before the levels name the competency; the last filled one of a row does ("Area | Competency | E1 ...").
  const leading: number[] = [];
  for (let c = 0; c < first; c++) {
    if (is(text(headerCells[c] ?? ''), TEXT) && describe === undefined) describe = c;
    else leading.push(c);
  }
  const columns: { index: number; raw: string; level: LevelDraft | undefined; fields: Map<LevelField, string> }[] = [];
  for (let c = first; c < headerCells.length; c++) {
    const raw = text(headerCells[c] ?? '');
    if (raw === '') continue;
    if (ignoredHeader(raw)) {
      ignore(table, at + 1, c + 1, raw, ctx, 'column');
      continue;
    }
    if (is(raw, TEXT) && describe === undefined) {
      describe = c;
      continue;
    }
    columns.push({ index: c, raw, level: undefined, fields: new Map() });
  }
  // A merged cell across several levels ("execution of work" over E1-E3) is the text of each.
  fillMerges(table, (m) => m.top > at && m.left >= first);
  const labelOf = (row: readonly string[]): { text: string; column: number } => {
    for (let n = leading.length - 1; n >= 0; n--) {
      const t = text(row[leading[n]!] ?? '').replace(/\s+/g, ' ');
      if (t !== '') return { text: t, column: leading[n]! };
    }
    return { text: '', column: leading.at(-1) ?? 0 };
  };
  const fieldRows = new Map<LevelField, number>();
  const competencyRows: number[] = [];
  for (let i = at + 1; i < table.rows.length; i++) {
    const row = table.rows[i]!;
    if (isEmptyRow(row)) continue;
    const label = labelOf(row);
    const cells = columns.map((c) => value(ctx, row[c.index]));
    let field = fieldOf(label.text) ?? (is(label.text, TEXT) ? 'intro' : undefined);
    // "Level | 1 | 2 | 3" or "Level | E1 | E2": the grades, not the titles.
    if (field === 'title' && cells.every((v) => v === '' || parseCode(v) || /^\d{1,2}$/.test(v))) field = 'grade';
    if (field && field !== 'url' && !fieldRows.has(field) && fits(field, cells)) {
      fieldRows.set(field, i);
      columns.forEach((c, n) => c.fields.set(field, cells[n]!));
      continue;
    }
    if (ignoredHeader(label.text)) {
      ignore(table, i + 1, label.column + 1, label.text, ctx, 'row');
      continue;
    }
    competencyRows.push(i);
  }
  const titleRow = fieldRows.has('title');
  // Each column is a level; its header (and the Title, Grade, ... rows) give its fields.
  for (const c of columns) {
    const heading = parseLevelHeading(c.raw);
    const fields = new Map(c.fields);
    if (!titleRow || (fields.get('title') ?? '') === '') fields.set('title', c.raw);
    else if (!fields.has('grade') && heading.code) fields.set('grade', heading.code.text);
    const keys = [...fields.keys()];
    const cells = [...fields.values()];
    const index: Partial<Record<LevelField, number>> = {};
    keys.forEach((k, n) => (index[k] = n));
    const rowOfField = (key: LevelField) => (key === 'title' && !(titleRow && (c.fields.get('title') ?? '') !== '') ? at : (fieldRows.get(key) ?? at));
    c.level = levelFromRow(table, at, cells, { row: at, index, other: [] }, ctx, (key) => ({ row: rowOfField(key) + 1, column: c.index + 1 }));
  }
  const entries = new Map<LevelDraft, Entry>();
  for (const c of columns) if (c.level) entries.set(c.level, { level: c.level, names: namesOf(c.level, c.raw, ...c.raw.split('\n')), cells: new Map() });
  for (const i of competencyRows) {
    const row = table.rows[i]!;
    const label = labelOf(row);
    // A row with a name and no expectations is a heading that groups the competencies below it.
    if (columns.every((c) => value(ctx, row[c.index]) === '')) continue;
    const competency = label.text ? resolveCompetency(ctx, label.text) : undefined;
    if (!competency) {
      if (label.text === '')
        ctx.diagnostics.push(
          sheetProblem(
            table,
            i + 1,
            label.column + 1,
            'import/skipped',
            'This row has text under the levels but no competency name before them, so it is left out',
            'warning',
          ),
        );
      else ctx.diagnostics.push(sheetProblem(table, i + 1, label.column + 1, 'import/unknown-competency', `"${label.text}" names no competency`));
      continue;
    }
    if (describe !== undefined && text(row[describe] ?? '') !== '') {
      const entry = ctx.draft.competencies.get(competency)!;
      if (!entry.described) entry.text = text(row[describe] ?? '');
    }
    for (const c of columns) {
      const v = value(ctx, row[c.index]);
      if (!c.level || v === '') continue;
      addCell(entries.get(c.level)!, competency, ctx.draft.competencies.get(competency)?.name ?? label.text, v, loc(table, i + 1, c.index + 1));
    }
  }
  writeSections([...entries.values()]);
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
    else if (field === 'scopes')
      settings.scopes = parseList(value)
        .map((s) => idFrom(s))
        .filter((s): s is string => s !== undefined);
    else if (field === 'pay policy' || field === 'parity pay') settings.payPolicy = value;
    else if (field === 'visibility pay' || field === 'pay visibility') settings.visibilityPay = value;
    else if (field === 'intro' || field === 'introduction') settings.intro = value;
    else if (field === 'rounding') {
      const n = parseNumber(value, 'The rounding');
      if (n.ok) settings.rounding = n.value;
      else ctx.diagnostics.push(sheetProblem(table, r.row, at, 'import/value', n.message));
    } else
      ctx.diagnostics.push(
        sheetProblem(
          table,
          r.row,
          1,
          'import/unknown-column',
          `"${r.get('field')}" is not a setting Parity reads (name, currency, repository, scopes, pay_policy, rounding, visibility_pay, intro)`,
          'warning',
        ),
      );
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
      else
        ctx.diagnostics.push(
          sheetProblem(table, r.row, col('kind'), 'import/value', `The track kind must be individual-contributor or management, not "${text(r.get('kind'))}"`),
        );
    }
    if (r.has('competencies')) {
      const list: string[] = [];
      for (const item of parseList(r.get('competencies'))) {
        const c = resolveCompetency(ctx, item);
        if (c) list.push(c);
        else
          ctx.diagnostics.push(
            sheetProblem(table, r.row, col('competencies'), 'import/unknown-competency', `"${item}" names no competency of the competencies sheet`),
          );
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
      ctx.diagnostics.push(
        sheetProblem(
          table,
          r.row,
          col('level'),
          'import/unknown-level',
          ref === '' ? 'This expectation names no level' : `"${ref}" names no level of the levels sheet (use its id, such as engineering-ic/staff-engineer)`,
        ),
      );
      continue;
    }
    const heading = text(r.get('competency'));
    const competency = heading ? resolveCompetency(ctx, heading) : undefined;
    if (!competency) {
      ctx.diagnostics.push(
        sheetProblem(
          table,
          r.row,
          col('competency'),
          'import/unknown-competency',
          heading === '' ? `This expectation of ${level.title} names no competency` : `"${heading}" names no competency`,
        ),
      );
      continue;
    }
    const key = `${level.track}/${level.slug}\u0000${competency}`;
    if (seen.has(key)) {
      ctx.diagnostics.push(
        sheetProblem(
          table,
          r.row,
          col('competency'),
          'import/duplicate-level',
          `${level.title} already has its ${heading} expectations at row ${seen.get(key)}: one row per level and competency`,
        ),
      );
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

/** The pages sheet: the optional pages of the content folder (choose.md, pay.md), by name. */
function readPages(table: Table, ctx: Context): void {
  const read = records(table, { page: [], title: [], text: [] }, ['page'], ctx.diagnostics);
  for (const r of read?.rows ?? []) {
    const name = text(r.get('page')).replace(/\.md$/, '');
    if (!(OPTIONAL_PAGES as readonly string[]).includes(name)) {
      ctx.diagnostics.push(
        sheetProblem(
          table,
          r.row,
          columnOf(read!.header, 'page'),
          'import/value',
          `"${name}" is not a page Parity reads: the pages are ${OPTIONAL_PAGES.join(', ')}`,
        ),
      );
      continue;
    }
    ctx.draft.pages.push({ name, title: text(r.get('title')), text: text(r.get('text')) });
  }
}

const loc = (table: Table, line: number, column: number): Location => ({ file: table.file, line, column });
