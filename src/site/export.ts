/**
 * The ladder as data: /ladder.json (the whole model, documented in
 * docs/ladder-json.md) and /ladder.csv (one row per level, RFC 4180).
 * Framework-free: the site's endpoints only call these.
 */
import { toCsv } from '../ladder/csv.ts';
import { CSV_COLUMNS } from '../ladder/sheets/export.ts';
import { equivalents, familyGrades, nextLevel, previousLevel, type Ladder, type Level } from '../ladder/model.ts';
import { resolvePay, type Pay } from '../ladder/pay.ts';
import { paths, withBase } from './paths.ts';
import { renderHtml, renderText } from '../ladder/render.ts';
import type { ParityRule, TrackKind } from '../ladder/schema.ts';
import { allVerdicts, type GradeVerdicts } from '../ladder/verdicts.ts';

/** Bumped only when a field changes meaning or disappears; new fields may appear in any version. */
export const LADDER_JSON_VERSION = 1;

export interface ExportOptions {
  /** Prefix of every `url`: the site's base path or absolute base URL. Default "/". */
  base?: string;
  /**
   * Whether amounts of money (bands, bonus targets, equity, budgets) are
   * included. Default true; false for a public build of a ladder whose
   * `visibility.pay` is internal: then every amount is null or empty, and the
   * parity verdicts (computed from the amounts) still say what is equal.
   */
  amounts?: boolean;
}

export interface ZoneJson {
  id: string;
  name: string;
  currency: string;
  /** The anchor's amounts times this, rounded to `ladder.rounding`; null for the anchor, zones set by hand, and without amounts (a differential is pay). */
  factor: number | null;
  /** The first zone: bands' min and max are its amounts. */
  anchor: boolean;
}

export interface ZonePayJson {
  zone: string;
  currency: string;
  min: number;
  max: number;
  /** Whether the amounts were computed with the zone's factor (else written in the file). */
  derived: boolean;
}

export interface PayJson {
  /** The anchor zone's band (as in version 1). */
  min: number;
  max: number;
  currency: string;
  /** Target bonus in percent of base pay, or null. */
  bonus: number | null;
  /** Yearly equity range in the anchor's currency, or null. */
  equity: { min: number; max: number } | null;
  /** Where the band is written: the level's own `pay:` or its family's band for its grade. */
  source: 'level' | 'family';
  /** The band in every zone it covers, in the ladder's zone order. */
  zones: ZonePayJson[];
}

export interface BandJson {
  grade: number;
  min: number;
  max: number;
  bonus: number | null;
  equity: { min: number; max: number } | null;
  zones: ZonePayJson[];
}

export interface Rich {
  /** Sanitized HTML. */
  html: string;
  /** Plain text, one block per line. */
  text: string;
}

export interface LadderJson {
  version: typeof LADDER_JSON_VERSION;
  ladder: {
    name: string;
    currency: string;
    repository: string | null;
    scopes: string[];
    parity: { pay: 'identical' | 'overlap' };
    /** (1.1) Pay zones, the anchor first; one zone with id "default" when ladder.md declares none. */
    zones: ZoneJson[];
    rounding: number;
    visibility: { pay: 'public' | 'internal' };
    /** Whether this file holds amounts of money (false in the public build of an internal-pay ladder). */
    amounts: boolean;
    intro: Rich;
    url: string;
  };
  families: FamilyJson[];
  competencies: CompetencyJson[];
  tracks: TrackJson[];
  levels: LevelJson[];
  parity: GradeVerdicts[];
  exceptions: ExceptionJson[];
}

export interface FamilyJson extends Rich {
  id: string;
  name: string;
  url: string;
  /** Track ids, individual-contributor tracks first. */
  tracks: string[];
  /** Grades that any track of the family has, ascending. */
  grades: number[];
  /** (1.1) The family's band for each grade that has one, ascending; empty without amounts. */
  bands: BandJson[];
}

export interface CompetencyJson extends Rich {
  id: string;
  name: string;
  url: string;
  /** Ids of the tracks that use this competency. */
  tracks: string[];
}

export interface TrackJson extends Rich {
  id: string;
  name: string;
  family: string;
  kind: TrackKind;
  competencies: string[];
  url: string;
  /** Level ids, by grade ascending. */
  levels: string[];
}

export interface SectionJson {
  /** The competency id, or null for a section that matches none of the track's competencies. */
  competency: string | null;
  heading: string;
  /** The id of the section on the level page: `<level url>#<anchor>`. */
  anchor: string;
  html: string;
  text: string;
}

export interface LevelJson {
  /** `<track>/<level>` */
  id: string;
  slug: string;
  title: string;
  family: string;
  track: string;
  kind: TrackKind;
  grade: number;
  summary: string;
  url: string;
  /** The promotion page (this level beside the next), or null at the top of the track. */
  promotionUrl: string | null;
  /** The level's pay; null without amounts (and never null in a ladder that passed the check otherwise). */
  pay: PayJson | null;
  /** `budget` is null without amounts. */
  authority: { scope: string; budget: number | null; decisions: string[] };
  intro: Rich;
  sections: SectionJson[];
  previous: string | null;
  next: string | null;
  /** Levels of the other tracks of the family at the same grade. */
  equivalents: string[];
}

export interface ExceptionJson {
  family: string;
  grade: number;
  rule: ParityRule;
  reason: string;
  /** Whether the exception excuses at least one finding of the check. */
  used: boolean;
}

const rich = (fragment: Parameters<typeof renderHtml>[0]): Rich => ({ html: renderHtml(fragment), text: renderText(fragment) });

export function toLadderJson(ladder: Ladder, options: ExportOptions = {}): LadderJson {
  const base = options.base ?? '/';
  const amounts = options.amounts ?? true;
  const url = (path: string) => withBase(base, path);
  return {
    version: LADDER_JSON_VERSION,
    ladder: {
      name: ladder.name,
      currency: ladder.currency,
      repository: ladder.repository ?? null,
      scopes: [...ladder.scopes],
      parity: { pay: ladder.parity.pay },
      zones: ladder.zones.map((z) => ({ id: z.id, name: z.name, currency: z.currency, factor: amounts ? (z.factor ?? null) : null, anchor: z.index === 0 })),
      rounding: ladder.rounding,
      visibility: { pay: ladder.visibility.pay },
      amounts,
      intro: rich(ladder.intro),
      url: url(paths.home()),
    },
    families: ladder.families.map((family) => ({
      id: family.id,
      name: family.name,
      url: url(paths.family(family.id)),
      ...rich(family.body),
      tracks: (ladder.tracksByFamily.get(family.id) ?? []).map((t) => t.id),
      grades: familyGrades(ladder, family.id),
      bands: amounts
        ? [...family.bands.values()]
            .sort((a, b) => a.grade - b.grade)
            .map((band) => {
              const pay = resolvePay(band, ladder.zones, ladder.rounding);
              return { grade: band.grade, min: band.min, max: band.max, bonus: band.bonus ?? null, equity: band.equity ?? null, zones: zonePay(pay) };
            })
        : [],
    })),
    competencies: ladder.competencies.map((competency) => ({
      id: competency.id,
      name: competency.name,
      url: url(paths.competency(competency.id)),
      ...rich(competency.body),
      tracks: ladder.tracks.filter((t) => t.competencies.includes(competency.id)).map((t) => t.id),
    })),
    tracks: ladder.tracks.map((track) => ({
      id: track.id,
      name: track.name,
      family: track.family,
      kind: track.kind,
      competencies: [...track.competencies],
      url: url(paths.track(track.id)),
      ...rich(track.body),
      levels: (ladder.levelsByTrack.get(track.id) ?? []).map((l) => l.id),
    })),
    levels: ladder.levels.map((level) => levelJson(ladder, level, url, amounts)),
    parity: allVerdicts(ladder),
    exceptions: ladder.parity.exceptions.map((e) => ({
      family: e.family,
      grade: e.grade,
      rule: e.rule,
      reason: e.reason,
      used: e.excused > 0,
    })),
  };
}

function zonePay(pay: Pay): ZonePayJson[] {
  return pay.zones.map((z) => ({ zone: z.zone.id, currency: z.zone.currency, min: z.min, max: z.max, derived: z.basis === 'factor' }));
}

function payJson(ladder: Ladder, pay: Pay | undefined): PayJson | null {
  if (!pay) return null;
  return {
    min: pay.min,
    max: pay.max,
    currency: ladder.zones[0]!.currency,
    bonus: pay.bonus ?? null,
    equity: pay.equity ? { min: pay.equity.min, max: pay.equity.max } : null,
    source: pay.band.owner,
    zones: zonePay(pay),
  };
}

function levelJson(ladder: Ladder, level: Level, url: (path: string) => string, amounts: boolean): LevelJson {
  const next = nextLevel(ladder, level);
  return {
    id: level.id,
    slug: level.slug,
    title: level.title,
    family: level.family,
    track: level.track,
    kind: ladder.track.get(level.track)!.kind,
    grade: level.grade,
    summary: level.summary,
    url: url(paths.level(level)),
    promotionUrl: next ? url(paths.promotion(level)) : null,
    pay: amounts ? payJson(ladder, level.pay) : null,
    authority: { scope: level.authority.scope, budget: amounts ? level.authority.budget : null, decisions: [...level.authority.decisions] },
    intro: rich(level.intro),
    sections: level.sections.map((section) => ({
      competency: section.competency ?? null,
      heading: section.heading,
      anchor: section.anchor,
      html: renderHtml(section),
      text: renderText(section),
    })),
    previous: previousLevel(ladder, level)?.id ?? null,
    next: next?.id ?? null,
    equivalents: equivalents(ladder, level).map((l) => l.id),
  };
}

/** The columns of /ladder.csv, as Parity's own spreadsheet layout begins (src/ladder/sheets/export.ts). */
export { CSV_COLUMNS };

/** (1.1) /ladder-pay.csv: one row per level and zone. */
export const PAY_CSV_COLUMNS = ['id', 'zone', 'currency', 'pay_min', 'pay_max', 'bonus', 'equity_min', 'equity_max', 'derived'] as const;

/**
 * One row per level, with a header row, written by the one CSV writer
 * (src/ladder/csv.ts: RFC 4180, formulas guarded, `;` quoted).
 */
export function toLadderCsv(ladder: Ladder, options: ExportOptions = {}): string {
  const base = options.base ?? '/';
  const amounts = options.amounts ?? true;
  const rows: (string | number)[][] = [[...CSV_COLUMNS]];
  for (const level of ladder.levels) {
    const pay = amounts ? level.pay : undefined;
    rows.push([
      level.id,
      level.family,
      level.track,
      ladder.track.get(level.track)!.kind,
      level.grade,
      level.title,
      level.summary,
      pay?.min ?? '',
      pay?.max ?? '',
      ladder.zones[0]!.currency,
      level.authority.scope,
      amounts ? level.authority.budget : '',
      level.authority.decisions.join(';'),
      withBase(base, paths.level(level)),
      pay?.bonus ?? '',
      pay?.equity?.min ?? '',
      pay?.equity?.max ?? '',
    ]);
  }
  return toCsv(rows);
}

/** (1.1) One row per level and zone the level's band covers; `derived` says whether a factor computed it. */
export function toLadderPayCsv(ladder: Ladder): string {
  const rows: (string | number)[][] = [[...PAY_CSV_COLUMNS]];
  for (const level of ladder.levels) {
    const pay = level.pay;
    if (!pay) continue;
    for (const z of pay.zones) {
      rows.push([
        level.id,
        z.zone.id,
        z.zone.currency,
        z.min,
        z.max,
        pay.bonus ?? '',
        pay.equity?.min ?? '',
        pay.equity?.max ?? '',
        z.basis === 'factor' ? 'true' : 'false',
      ]);
    }
  }
  return toCsv(rows);
}
