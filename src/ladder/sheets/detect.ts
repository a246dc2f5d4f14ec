/**
 * Which layout a sheet is, and where its header row is: among the first ten
 * non-empty rows (title, licence or sub-heading rows may come first), the
 * first that reads as the header of one of the layouts. The names of the
 * columns decide where they can (Parity's own, long); where they cannot (a
 * header whose first cell is empty), the cells decide: level codes (E1, L3)
 * or job titles across the header mean levels as columns; job titles down
 * the first column mean levels as rows.
 */
import { matchHeader } from './columns.ts';
import { levelLike, parseLevelHeading } from './headings.ts';
import { isEmptyRow, normalizeHeader, type Table } from './table.ts';
import { text } from './values.ts';

export const LEVEL_FIELDS = {
  id: ['level id'],
  family: ['job family', 'department', 'function'],
  track: ['track id', 'career track', 'ladder', 'path'],
  track_kind: ['kind', 'track type', 'type'],
  grade: ['grade level', 'level number', 'career level', 'job grade', 'job level', 'level code', 'code'],
  title: ['level', 'level title', 'level name', 'job title', 'role', 'position', 'name', 'job', 'title name'],
  summary: ['overview', 'one line summary'],
  pay_min: ['salary min', 'min salary', 'minimum salary', 'min pay', 'pay band min', 'base min', 'salary minimum'],
  pay_max: ['salary max', 'max salary', 'maximum salary', 'max pay', 'pay band max', 'base max', 'salary maximum'],
  /** One cell for both ends: "100,000 - 130,000", "$100k–$130k". */
  pay_range: ['salary range', 'pay range', 'salary band', 'pay band', 'base salary range', 'base salary', 'compensation range', 'salary'],
  currency: [],
  scope: [],
  budget: ['approval limit', 'spend limit'],
  decisions: ['decision rights'],
  url: [],
  intro: ['introduction'],
  bonus: ['target bonus', 'bonus target'],
  equity_min: ['equity minimum'],
  equity_max: ['equity maximum'],
  /** A level's own band in zones set by hand: "germany: 43000-54000; uk: 40000-50000". */
  pay_zones: ['zones'],
} as const;
export type LevelField = keyof typeof LEVEL_FIELDS;

export const COMPETENCY = [
  'competency',
  'competency area',
  'competency name',
  'competency title',
  'competencies',
  'area',
  'skill',
  'skill name',
  'skills',
  'dimension',
  'category',
  'pillar',
  'attribute',
  'theme',
  'focus area',
];
export const TEXT = [
  'text',
  'expectation',
  'expectations',
  'behaviour',
  'behaviours',
  'behavior',
  'behaviors',
  'description',
  'criteria',
  'details',
  'level description',
  'expectation description',
  'behavior description',
  'behaviour description',
];
/** A column describing the competency itself, in the long layout. */
export const COMPETENCY_TEXT = ['competency description', 'description of competency', 'competency definition', 'skill description'];

export const longAliases = { ...LEVEL_FIELDS, competency: COMPETENCY, text: TEXT, competency_text: COMPETENCY_TEXT } as const;
export type LongField = keyof typeof longAliases;

export const is = (cellText: string, names: readonly string[]): boolean => names.map(normalizeHeader).includes(normalizeHeader(cellText));

/**
 * Columns (or rows) that hold remarks about the ladder, not a level, a field
 * or a competency: left out, with a warning at their header cell.
 */
const IGNORED = [
  'notes',
  'note',
  'comments',
  'comment',
  'remarks',
  'examples',
  'example',
  'links',
  'resources',
  'references',
  'see also',
  'questions',
  'interview questions',
  'tips',
  'faq',
  'sources',
  'evidence',
  'guidance',
  'how to grow',
  'feedback',
  'years of experience',
  'experience',
  'yoe',
  'typical experience',
];

export function ignoredHeader(cellText: string): boolean {
  const n = normalizeHeader(cellText);
  if (n === '') return false;
  return IGNORED.includes(n) || /^(notes|comments|examples|remarks|links|resources|references)\b/.test(n);
}

export type Layout = 'parity' | 'long' | 'wide-competencies-down' | 'wide-levels-down';

export interface Detected {
  layout: Layout;
  /** 0-based header row. */
  at: number;
  /** Levels as columns: the first level column (the columns before it name the competency). */
  firstLevel?: number;
  /** Levels as rows without a header for the title: the column holding the titles. */
  titleColumn?: number;
}

/** How many of the texts read as levels, of those not empty. */
function levelShare(texts: readonly string[]): { levels: number; of: number } {
  const filled = texts.map((t) => t.trim()).filter((t) => t !== '');
  return { levels: filled.filter(levelLike).length, of: filled.length };
}

const mostly = (s: { levels: number; of: number }) => s.levels >= 2 && s.levels * 2 >= s.of;

/** The labels down the first column below row `at` (the first 40 rows that have one). */
function labelsBelow(table: Table, at: number, column: number): { row: number; text: string }[] {
  const out: { row: number; text: string }[] = [];
  for (let i = at + 1; i < table.rows.length && out.length < 40; i++) {
    const label = text(table.rows[i]?.[column] ?? '');
    if (label !== '') out.push({ row: i, text: label });
  }
  return out;
}

/** The header row and layout of a sheet, or undefined when none of the first ten non-empty rows is one. */
export function detectSheet(table: Table): Detected | undefined {
  let seen = 0;
  for (let i = 0; i < table.rows.length && seen < 10; i++) {
    const cells = table.rows[i]!;
    if (isEmptyRow(cells)) continue;
    seen++;
    const found = detectAt(table, i);
    if (found) return found;
  }
  return undefined;
}

function detectAt(table: Table, at: number): Detected | undefined {
  const cells = table.rows[at]!.map((c) => text(c));
  const h = matchHeader(cells, longAliases);
  const first = cells[0] ?? '';
  const rest = cells.slice(1).filter((c) => c !== '' && !ignoredHeader(c));
  if (h.index.competency !== undefined && (h.index.title !== undefined || h.index.id !== undefined)) {
    if (h.index.text !== undefined || h.index.summary !== undefined) return { layout: 'long', at };
  }
  // Level codes across the header (E1, E2, ...): levels as columns, whatever the cells before them say.
  const codes = cells.map((c, i) => (i > 0 && /[A-Za-z]/.test(parseLevelHeading(c).code?.text ?? '') ? i : -1)).filter((i) => i > 0);
  if (codes.length >= 2) return { layout: 'wide-competencies-down', at, firstLevel: firstLevelColumn(cells, codes[0]!) };
  // "Level | Engineer I | Engineer II | Senior": a title word first, job titles across, competencies down.
  if (h.index.title === 0 && rest.length >= 2 && mostly(levelShare(rest)) && !mostly(levelShare(labelsBelow(table, at, 0).map((l) => l.text)))) {
    return { layout: 'wide-competencies-down', at, firstLevel: firstLevelColumn(cells, 1) };
  }
  if (h.index.title !== undefined && h.index.competency === undefined) {
    const others = matchHeader(cells, LEVEL_FIELDS).other.filter((o) => !is(o.text, TEXT) && !ignoredHeader(o.text));
    return { layout: others.length === 0 ? 'parity' : 'wide-levels-down', at };
  }
  // At least two more cells, so that a title row above the header ("", "Engineering ladder") is not taken for one.
  if ((first === '' || is(first, COMPETENCY)) && rest.length >= 2 && h.index.title === undefined) {
    if (first === '') {
      // Job titles down the first column and not across: levels as rows, under the last row above the first title.
      const labels = labelsBelow(table, at, 0);
      if (mostly(levelShare(labels.map((l) => l.text))) && !mostly(levelShare(rest))) {
        const firstLevel = labels.find((l) => levelLike(l.text))!.row;
        let header = firstLevel - 1;
        while (header > at && isEmptyRow(table.rows[header])) header--;
        return { layout: 'wide-levels-down', at: header, titleColumn: 0 };
      }
    }
    return { layout: 'wide-competencies-down', at, firstLevel: firstLevelColumn(cells, 1) };
  }
  return undefined;
}

/**
 * The first level column: the first level code when there are codes, else the first cell after the
 * leading ones that are empty or name the competency column ("Area | Competency | Associate | ...").
 */
function firstLevelColumn(cells: readonly string[], from: number): number {
  if (from > 1) return from;
  let c = 1;
  while (c < cells.length - 1 && (cells[c] === '' || is(cells[c]!, COMPETENCY) || (COMPETENCY_WORDS.test(cells[c]!) && !levelLike(cells[c]!)))) c++;
  return c;
}

/** Headers of columns that name or group competencies ("Sub-competency", "Skill group"), not levels. */
const COMPETENCY_WORDS = /competenc|skill|\barea|categor|theme|dimension|pillar|attribute|\bgroup|topic|domain/i;
