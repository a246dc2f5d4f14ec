/**
 * The pay sheets of Parity's own layout (format 1.1): bands (one row per
 * family and grade, plus one per zone set by hand) and zones. Reading,
 * writing as YAML and exporting them all live here, so that this is the one
 * module to adapt when the pay schema changes.
 *
 *   bands:  family, grade, zone, min, max, bonus, equity_min, equity_max
 *           (zone empty: the anchor band; zone set: that zone's own min/max)
 *   zones:  id, name, currency, factor
 */
import type { Diagnostic, Location } from '../diagnostics.ts';
import { columnOf, records } from './columns.ts';
import type { PayDraft } from './draft.ts';
import { sheetProblem, type Table } from './table.ts';
import { idFrom, parseAmount, parseGrade, parseNumber, text } from './values.ts';

export interface BandDraft extends PayDraft {
  family: string;
  grade: number;
  zones: { zone: string; min: number; max: number }[];
  at: Location;
}

export interface ZoneDraft {
  id: string;
  name: string;
  currency?: string;
  factor?: number;
}

export const BAND_COLUMNS = ['family', 'grade', 'zone', 'min', 'max', 'bonus', 'equity_min', 'equity_max'] as const;
export const ZONE_COLUMNS = ['id', 'name', 'currency', 'factor'] as const;

const bandAliases = {
  family: ['job family'],
  grade: ['level'],
  zone: ['location', 'pay zone'],
  min: ['pay min', 'minimum', 'salary min'],
  max: ['pay max', 'maximum', 'salary max'],
  bonus: ['target bonus', 'bonus target'],
  equity_min: ['equity minimum'],
  equity_max: ['equity maximum'],
} as const;

const zoneAliases = { id: ['zone'], name: [], currency: [], factor: ['multiplier'] } as const;

export function readBands(table: Table, diagnostics: Diagnostic[]): BandDraft[] {
  const read = records(table, bandAliases, ['family', 'grade', 'min', 'max'], diagnostics);
  if (!read) return [];
  const bands: BandDraft[] = [];
  const byKey = new Map<string, BandDraft>();
  for (const r of read.rows) {
    const at = (key: (typeof BAND_COLUMNS)[number]) => ({ row: r.row, column: columnOf(read.header, key) });
    const fail = (key: (typeof BAND_COLUMNS)[number], message: string) => diagnostics.push(sheetProblem(table, r.row, at(key).column, 'import/value', message));
    const family = idFrom(text(r.get('family')));
    if (!family) {
      fail('family', 'The family cell is empty: say which family this band belongs to');
      continue;
    }
    const grade = parseGrade(r.get('grade'));
    if (!grade.ok) {
      fail('grade', grade.message);
      continue;
    }
    const amount = (key: 'min' | 'max' | 'bonus' | 'equity_min' | 'equity_max', what: string): number | undefined => {
      if (!r.has(key)) return undefined;
      const parsed = key === 'bonus' ? parseNumber(r.get(key), what) : parseAmount(r.get(key), what);
      if (!parsed.ok) fail(key, parsed.message);
      return parsed.ok ? parsed.value : undefined;
    };
    const min = amount('min', 'The band minimum');
    const max = amount('max', 'The band maximum');
    const key = `${family}\u0000${grade.value}`;
    const zone = r.has('zone') ? idFrom(text(r.get('zone'))) : undefined;
    if (zone) {
      const band = byKey.get(key);
      if (!band) {
        fail(
          'zone',
          `A zone's band comes after the row of its family and grade (with the zone cell empty): add a row for ${family} grade ${grade.value} above this one`,
        );
        continue;
      }
      if (min === undefined || max === undefined) {
        fail(min === undefined ? 'min' : 'max', `The band of zone ${zone} needs both a minimum and a maximum`);
        continue;
      }
      band.zones.push({ zone, min, max });
      continue;
    }
    if (byKey.has(key)) {
      fail('grade', `${family} grade ${grade.value} already has a band at row ${byKey.get(key)!.at.line}: one row per family and grade`);
      continue;
    }
    const band: BandDraft = { family, grade: grade.value, zones: [], at: { file: table.file, line: r.row, column: 1 } };
    if (min !== undefined) band.min = min;
    if (max !== undefined) band.max = max;
    const bonus = amount('bonus', 'The bonus target (a percentage)');
    if (bonus !== undefined) band.bonus = bonus;
    const equityMin = amount('equity_min', 'The equity minimum');
    const equityMax = amount('equity_max', 'The equity maximum');
    if (equityMin !== undefined) band.equityMin = equityMin;
    if (equityMax !== undefined) band.equityMax = equityMax;
    byKey.set(key, band);
    bands.push(band);
  }
  return bands;
}

export function readZones(table: Table, diagnostics: Diagnostic[]): ZoneDraft[] {
  const read = records(table, zoneAliases, ['id'], diagnostics);
  if (!read) return [];
  const zones: ZoneDraft[] = [];
  for (const r of read.rows) {
    const id = idFrom(text(r.get('id')));
    if (!id) {
      diagnostics.push(sheetProblem(table, r.row, columnOf(read.header, 'id'), 'import/value', 'The zone needs an id, such as us-tier-1'));
      continue;
    }
    const zone: ZoneDraft = { id, name: text(r.get('name')) || id };
    if (r.has('currency')) zone.currency = text(r.get('currency')).toUpperCase();
    if (r.has('factor')) {
      const factor = parseNumber(r.get('factor'), 'The factor');
      if (factor.ok) zone.factor = factor.value;
      else diagnostics.push(sheetProblem(table, r.row, columnOf(read.header, 'factor'), 'import/value', factor.message));
    }
    zones.push(zone);
  }
  return zones;
}

/** YAML lines of a band's fields (min, max, bonus, equity, zones) at the given indent. */
export function bandLines(pay: PayDraft & { zones?: { zone: string; min: number; max: number }[] }, indent: string): string[] {
  const lines = [`${indent}min: ${pay.min ?? 0}`, `${indent}max: ${pay.max ?? 0}`];
  if (pay.bonus !== undefined) lines.push(`${indent}bonus: ${pay.bonus}`);
  if (pay.equityMin !== undefined || pay.equityMax !== undefined) {
    lines.push(`${indent}equity:`, `${indent}  min: ${pay.equityMin ?? 0}`, `${indent}  max: ${pay.equityMax ?? 0}`);
  }
  if (pay.zones && pay.zones.length > 0) {
    lines.push(`${indent}zones:`, ...pay.zones.map((z) => `${indent}  ${z.zone}: { min: ${z.min}, max: ${z.max} }`));
  }
  return lines;
}

/** The `bands:` block of a family file. */
export function familyBandLines(bands: readonly BandDraft[]): string[] {
  if (bands.length === 0) return [];
  return ['bands:', ...[...bands].sort((a, b) => a.grade - b.grade).flatMap((band) => [`  ${band.grade}:`, ...bandLines(band, '    ')])];
}

/** The `zones:` block of ladder.md. */
export function zoneLines(zones: readonly ZoneDraft[], scalar: (s: string) => string): string[] {
  if (zones.length === 0) return [];
  return [
    'zones:',
    ...zones.flatMap((z) => [
      `  - id: ${scalar(z.id)}`,
      `    name: ${scalar(z.name)}`,
      ...(z.currency ? [`    currency: ${z.currency}`] : []),
      ...(z.factor !== undefined ? [`    factor: ${z.factor}`] : []),
    ]),
  ];
}

// ---------- export: from the frontmatter as written ----------

type Data = Record<string, unknown>;
const num = (v: unknown): number | string => (typeof v === 'number' ? v : typeof v === 'string' ? v : '');

/** The pay columns of a level row: its own band (empty when it takes its family's). */
export function levelPayCells(pay: unknown): {
  pay_min: number | string;
  pay_max: number | string;
  bonus: number | string;
  equity_min: number | string;
  equity_max: number | string;
} {
  const p = (pay && typeof pay === 'object' ? pay : {}) as Data;
  const equity = (p.equity && typeof p.equity === 'object' ? p.equity : {}) as Data;
  return { pay_min: num(p.min), pay_max: num(p.max), bonus: num(p.bonus), equity_min: num(equity.min), equity_max: num(equity.max) };
}

/** A level's zones set by hand, in one cell: "germany: 43000-54000; uk: 40000-50000". */
export function levelZonesCell(pay: unknown): string {
  const p = (pay && typeof pay === 'object' ? pay : {}) as Data;
  const zones = p.zones && typeof p.zones === 'object' ? (p.zones as Data) : {};
  return Object.entries(zones)
    .map(([zone, amounts]) => {
      const z = (amounts && typeof amounts === 'object' ? amounts : {}) as Data;
      return `${zone}: ${num(z.min)}-${num(z.max)}`;
    })
    .join('; ');
}

/** The cell of levelZonesCell read back; a message for a part that is not "zone: min-max". */
export function parseLevelZones(cell: string): { ok: true; value: { zone: string; min: number; max: number }[] } | { ok: false; message: string } {
  const value: { zone: string; min: number; max: number }[] = [];
  for (const part of cell
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^([a-z0-9]+(?:-[a-z0-9]+)*)\s*:\s*(\d+)\s*-\s*(\d+)$/.exec(part);
    if (!match) return { ok: false, message: `"${part}" is not a zone's band: write it as germany: 43000-54000, several separated by ";"` };
    value.push({ zone: match[1]!, min: Number(match[2]), max: Number(match[3]) });
  }
  return { ok: true, value };
}

/** Rows of the bands sheet, from each family's `bands:`. */
export function bandRows(families: readonly { id: string; data: Data }[]): (string | number)[][] {
  const rows: (string | number)[][] = [];
  for (const family of families) {
    const bands = family.data.bands;
    if (!bands || typeof bands !== 'object') continue;
    for (const [grade, value] of Object.entries(bands as Data)) {
      const band = (value && typeof value === 'object' ? value : {}) as Data;
      const cells = levelPayCells(band);
      rows.push([family.id, Number(grade), '', cells.pay_min, cells.pay_max, cells.bonus, cells.equity_min, cells.equity_max]);
      const zones = band.zones && typeof band.zones === 'object' ? (band.zones as Data) : {};
      for (const [zone, amounts] of Object.entries(zones)) {
        const z = (amounts && typeof amounts === 'object' ? amounts : {}) as Data;
        rows.push([family.id, Number(grade), zone, num(z.min), num(z.max), '', '', '']);
      }
    }
  }
  return rows;
}

/** Rows of the zones sheet, from ladder.md's `zones:`. */
export function zoneRows(ladder: Data): (string | number)[][] {
  const zones = Array.isArray(ladder.zones) ? ladder.zones : [];
  return zones.map((value) => {
    const z = (value && typeof value === 'object' ? value : {}) as Data;
    return [String(z.id ?? ''), String(z.name ?? ''), typeof z.currency === 'string' ? z.currency : '', num(z.factor)];
  });
}
