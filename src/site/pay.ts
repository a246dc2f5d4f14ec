/**
 * Pay as the pages show it: the zones a reader may pick, a band in one zone,
 * bonus and equity in words, and the pay structure of /pay/ (one row per
 * grade of a family, with the levels that have a band of their own).
 * Framework-free and pure: the pages and components only lay these out.
 *
 * Everything here reads the ladder the pages render (getLadder()), so in a
 * build without amounts (src/site/audience.ts) there is no pay to show and
 * every function says so: no zones, no rows.
 */
import type { Family, Ladder, Level } from '../ladder/model.ts';
import type { Band, Pay, Range, Zone, ZoneBand } from '../ladder/pay.ts';
import { resolvePay } from '../ladder/pay.ts';
import { formatBand, formatBonus } from '../ladder/money.ts';

import { ZONE_PICKABLE } from './format.ts';

export { ZONE_PICKABLE };

/** Whether any level of this ladder has pay to show (none in a build without amounts). */
export function hasPay(ladder: Pick<Ladder, 'levels'>): boolean {
  return ladder.levels.some((level) => level.pay !== undefined);
}

/** The zones whose bands the pages show: every zone of the ladder when it has pay to show, else none. */
export function shownZones(ladder: Pick<Ladder, 'levels' | 'zones'>): readonly Zone[] {
  return hasPay(ladder) ? ladder.zones : [];
}

/**
 * Whether pages that show one band per level (grids, comparisons, the parity
 * report, the pay pictures) offer a choice of zone: the ladder has more than
 * one zone, and no more than the picker can hold. A single-zone ladder (every
 * version-1 ladder) has no zone UI at all.
 */
export function zonesPickable(ladder: Pick<Ladder, 'levels' | 'zones'>): boolean {
  const zones = shownZones(ladder);
  return zones.length > 1 && zones.length <= ZONE_PICKABLE;
}

/** A level's band in one zone, if it has one there. */
export function zoneBand(pay: Pay | undefined, zone: Zone | string): ZoneBand | undefined {
  const id = typeof zone === 'string' ? zone : zone.id;
  return pay?.zones.find((z) => z.zone.id === id);
}

/** How a zone's bands are set, in a phrase: "the anchor zone", "the anchor band × 0.9, rounded to the nearest 1,000", "set by hand". */
export function zoneBasis(zone: Zone, rounding: number): string {
  if (zone.index === 0) return zone.declared ? 'the anchor zone: bands are written in its amounts' : 'every location';
  if (zone.factor !== undefined) {
    return `the anchor band × ${zone.factor}, rounded to the nearest ${rounding.toLocaleString('en')}, unless a band sets it by hand`;
  }
  return 'set by hand in every band';
}

/** How a zone's bands are set, in a few words: "anchor zone", "anchor band × 0.9", "set by hand". */
export function zoneBasisShort(zone: Zone): string {
  if (zone.index === 0) return 'anchor zone';
  return zone.factor !== undefined ? `anchor band × ${zone.factor}` : 'set by hand';
}

/** "10% of base pay" */
export function bonusText(bonus: number): string {
  return `${formatBonus(bonus)} of base pay`;
}

/** "$30,000 – $60,000 a year" (equity is in the anchor zone's currency). */
export function equityText(equity: Range, currency: string): string {
  return `${formatBand(equity, currency)} a year`;
}

/** The currency of the anchor zone: bands' `min` and `max`, and equity, are written in it. */
export function anchorCurrency(ladder: Pick<Ladder, 'zones' | 'currency'>): string {
  return ladder.zones[0]?.currency ?? ladder.currency;
}

/** The change of one zone's band at a promotion. */
export interface ZoneChange {
  zone: Zone;
  from: ZoneBand | undefined;
  to: ZoneBand | undefined;
  /** Change of the band's bottom and top, in the zone's currency. */
  min: number;
  max: number;
  changed: boolean;
}

/** A promotion's pay in every zone, the anchor first. */
export function zoneChanges(ladder: Pick<Ladder, 'zones'>, from: Level, to: Level): ZoneChange[] {
  return ladder.zones.map((zone) => {
    const a = zoneBand(from.pay, zone);
    const b = zoneBand(to.pay, zone);
    const min = a && b ? b.min - a.min : 0;
    const max = a && b ? b.max - a.max : 0;
    return { zone, from: a, to: b, min, max, changed: a?.min !== b?.min || a?.max !== b?.max };
  });
}

// ─── The pay structure (/pay/) ──────────────────────────────────────────────

/** One row of a family's pay table: a band, the grade it belongs to, and the levels paid from it. */
export interface PayRow {
  grade: number;
  /** The band in every zone, in the ladder's zone order (undefined where it has none). */
  zones: (ZoneBand | undefined)[];
  bonus: number | undefined;
  equity: Range | undefined;
  /** The levels paid from this band, in track order. */
  levels: Level[];
  /** Where the band is written: the family's `bands:`, or the levels' own `pay:` (a family without a band for the grade). */
  source: 'family' | 'level';
}

/** A level whose own `pay:` overrides the band its family sets for its grade. */
export interface PayOverride {
  level: Level;
  pay: Pay;
  /** The family's band for the grade, in every zone. */
  family: Pay;
}

function sameAmounts(a: Pay, b: Pay): boolean {
  const key = (p: Pay) => JSON.stringify([p.zones.map((z) => [z.zone.id, z.min, z.max]), p.bonus ?? null, p.equity ?? null]);
  return key(a) === key(b);
}

/**
 * A family's pay structure, lowest grade first: one row per grade with the
 * family's band (and the levels paid from it); where the family sets no band
 * for a grade, one row per distinct band of its levels (a version-1 ladder:
 * one row, since parity makes the levels' bands equal). Levels that override
 * the family's band are not rows: see payOverrides.
 */
export function payRows(ladder: Ladder, family: Family): PayRow[] {
  const byGrade = ladder.levelsByFamilyGrade.get(family.id) ?? new Map<number, readonly Level[]>();
  const grades = [...new Set([...byGrade.keys(), ...family.bands.keys()])].sort((a, b) => a - b);
  const rows: PayRow[] = [];
  const inZones = (pay: Pay) => ladder.zones.map((zone) => zoneBand(pay, zone));
  for (const grade of grades) {
    const levels = [...(byGrade.get(grade) ?? [])];
    const band = family.bands.get(grade);
    if (band) {
      const pay = resolvePay(band, ladder.zones, ladder.rounding);
      const paid = levels.filter((level) => level.pay?.band === band);
      rows.push({ grade, zones: inZones(pay), bonus: pay.bonus, equity: pay.equity, levels: paid, source: 'family' });
      continue;
    }
    const groups: { pay: Pay; levels: Level[] }[] = [];
    for (const level of levels) {
      if (!level.pay) continue;
      const group = groups.find((g) => sameAmounts(g.pay, level.pay!));
      if (group) group.levels.push(level);
      else groups.push({ pay: level.pay, levels: [level] });
    }
    for (const g of groups) rows.push({ grade, zones: inZones(g.pay), bonus: g.pay.bonus, equity: g.pay.equity, levels: g.levels, source: 'level' });
  }
  return rows;
}

/** The levels of a family whose own band replaces the family's band for their grade, lowest grade first. */
export function payOverrides(ladder: Ladder, family: Family): PayOverride[] {
  const out: PayOverride[] = [];
  for (const level of ladder.levels) {
    if (level.family !== family.id || !level.pay || level.pay.band.owner !== 'level') continue;
    const band: Band | undefined = family.bands.get(level.grade);
    if (band) out.push({ level, pay: level.pay, family: resolvePay(band, ladder.zones, ladder.rounding) });
  }
  return out.sort((a, b) => a.level.grade - b.level.grade);
}

/** Whether any row of a family's table has a bonus target, or equity. */
export function variableColumns(rows: readonly PayRow[]): { bonus: boolean; equity: boolean } {
  return { bonus: rows.some((r) => r.bonus !== undefined), equity: rows.some((r) => r.equity !== undefined) };
}

export { formatBand, formatBonus };
