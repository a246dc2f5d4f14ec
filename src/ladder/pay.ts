/**
 * Pay (format 1.1): where a level's pay comes from and what it is in every
 * zone. The one place that resolves a band (a level's own `pay:`, else its
 * family's `bands:` entry for its grade) into amounts per zone, and says
 * where each amount is written, so that a rule on a derived amount can
 * point at the band and name the zone's factor.
 */
import type { Location, RelatedLocation } from './diagnostics.ts';
import type { PathSegment } from './frontmatter.ts';
import type { BandData, LadderData } from './schema.ts';
import { DEFAULT_ROUNDING } from './schema.ts';

/** An amount range: a band in one zone, or an equity range. */
export interface Range {
  min: number;
  max: number;
}

/** Where something is written: a file and a path into its frontmatter. */
export interface Place {
  source: { file: string; locate(path: readonly PathSegment[], part?: 'key' | 'value'): Location };
  path: readonly PathSegment[];
}

/** A pay zone. Without `zones:` in ladder.md, a ladder has one implicit zone. */
export interface Zone {
  id: string;
  name: string;
  /** ISO 4217 code of its amounts. */
  currency: string;
  /** Anchor amounts times this, rounded; undefined for the anchor and for zones set by hand. */
  factor: number | undefined;
  /** Position in ladder.md's zones (0: the anchor). */
  index: number;
  /** False for the one zone of a ladder without `zones:`. */
  declared: boolean;
}

/** A band as written, once, in a family's `bands:` or a level's `pay:`. */
export interface Band extends Range {
  /** Who wrote it: the family (for every track of a grade) or one level (an override). */
  owner: 'family' | 'level';
  grade: number;
  bonus: number | undefined;
  equity: Range | undefined;
  /** Amounts set by hand, by zone id, as written (unknown ids included: ref/unknown reports them). */
  set: Readonly<Record<string, Range>>;
  /** Where the band is written: `['pay']` in a level, `['bands', '4']` in a family. */
  at: Place;
}

/** How a zone's amounts were obtained. */
export type Basis = 'anchor' | 'factor' | 'set';

/** A band's amounts in one zone. */
export interface ZoneBand extends Range {
  zone: Zone;
  basis: Basis;
}

/** A level's pay: the band it resolves to, and that band in every zone it covers. */
export interface Pay extends Range {
  band: Band;
  bonus: number | undefined;
  equity: Range | undefined;
  /** In the ladder's zone order; a zone the band does not cover (pay/missing-zone) is left out. */
  zones: ZoneBand[];
}

/** The zones of a ladder: those of ladder.md, or one implicit zone in its currency. */
export function ladderZones(data: Pick<LadderData, 'zones' | 'currency'>): Zone[] {
  if (!data.zones || data.zones.length === 0) {
    return [{ id: 'default', name: 'All locations', currency: data.currency, factor: undefined, index: 0, declared: false }];
  }
  return data.zones.map((zone, index) => ({
    id: zone.id,
    name: zone.name,
    currency: zone.currency ?? data.currency,
    factor: index === 0 ? undefined : zone.factor,
    index,
    declared: true,
  }));
}

/**
 * An anchor amount times a factor, rounded to the nearest multiple of
 * `rounding` (halves away from zero). The product is first rounded to a
 * millionth, so that 0.1 + 0.2 style binary noise never tips a half.
 */
export function derive(amount: number, factor: number, rounding: number = DEFAULT_ROUNDING): number {
  const exact = Math.round(amount * factor * 1e6) / 1e6;
  return Math.round(exact / rounding) * rounding + 0;
}

/** A band from its data, and the place it is written. */
export function makeBand(data: BandData, owner: Band['owner'], grade: number, at: Place): Band {
  return {
    owner,
    grade,
    min: data.min,
    max: data.max,
    bonus: data.bonus,
    equity: data.equity ? { min: data.equity.min, max: data.equity.max } : undefined,
    set: data.zones ?? {},
    at,
  };
}

/** A band in one zone: the anchor's amounts, the amounts set by hand, or the anchor's times the factor; undefined if not covered. */
export function inZone(band: Band, zone: Zone, rounding: number): ZoneBand | undefined {
  if (zone.index === 0) return { zone, basis: 'anchor', min: band.min, max: band.max };
  const set = band.set[zone.id];
  if (set) return { zone, basis: 'set', min: set.min, max: set.max };
  if (zone.factor !== undefined) return { zone, basis: 'factor', min: derive(band.min, zone.factor, rounding), max: derive(band.max, zone.factor, rounding) };
  return undefined;
}

/** A level's pay from a band. */
export function resolvePay(band: Band, zones: readonly Zone[], rounding: number): Pay {
  return {
    band,
    min: band.min,
    max: band.max,
    bonus: band.bonus,
    equity: band.equity,
    zones: zones.map((zone) => inZone(band, zone, rounding)).filter((z): z is ZoneBand => z !== undefined),
  };
}

/** The zones a band does not cover: no amount set by hand and no factor. */
export function missingZones(band: Band, zones: readonly Zone[]): Zone[] {
  return zones.filter((zone) => zone.index > 0 && zone.factor === undefined && !band.set[zone.id]);
}

/** The location of a band's amount in a zone: the hand-set amount, else the anchor amount it derives from. */
export function locateAmount(band: Band, zone: ZoneBand, field: 'min' | 'max'): Location {
  const path = zone.basis === 'set' ? [...band.at.path, 'zones', zone.zone.id, field] : [...band.at.path, field];
  return band.at.source.locate(path);
}

/** Where a derived zone's factor is written (ladder.md), as a related location; none for other bases. */
export function factorNote(zone: ZoneBand, ladderSource: Place['source']): RelatedLocation[] {
  if (zone.basis !== 'factor') return [];
  return [{ ...ladderSource.locate(['zones', zone.zone.index, 'factor']), message: `${zone.zone.name}: the anchor band times ${zone.zone.factor}` }];
}
