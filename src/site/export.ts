/**
 * The ladder as data: /ladder.json (the whole model, documented in
 * docs/ladder-json.md) and /ladder.csv (one row per level, RFC 4180).
 * Framework-free: the site's endpoints only call these.
 */
import { toCsv } from '../ladder/csv.ts';
import { CSV_COLUMNS } from '../ladder/sheets/export.ts';
import { equivalents, familyGrades, nextLevel, previousLevel, type Ladder, type Level } from '../ladder/model.ts';
import { paths, withBase } from './paths.ts';
import { renderHtml, renderText } from '../ladder/render.ts';
import type { ParityRule, TrackKind } from '../ladder/schema.ts';
import { allVerdicts, type GradeVerdicts } from '../ladder/verdicts.ts';

/** Bumped only when a field changes meaning or disappears; new fields may appear in any version. */
export const LADDER_JSON_VERSION = 1;

export interface ExportOptions {
  /** Prefix of every `url`: the site's base path or absolute base URL. Default "/". */
  base?: string;
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
  pay: { min: number; max: number; currency: string };
  authority: { scope: string; budget: number; decisions: string[] };
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
  const url = (path: string) => withBase(base, path);
  return {
    version: LADDER_JSON_VERSION,
    ladder: {
      name: ladder.name,
      currency: ladder.currency,
      repository: ladder.repository ?? null,
      scopes: [...ladder.scopes],
      parity: { pay: ladder.parity.pay },
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
    levels: ladder.levels.map((level) => levelJson(ladder, level, url)),
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

function levelJson(ladder: Ladder, level: Level, url: (path: string) => string): LevelJson {
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
    pay: { min: level.pay.min, max: level.pay.max, currency: ladder.currency },
    authority: { scope: level.authority.scope, budget: level.authority.budget, decisions: [...level.authority.decisions] },
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

/**
 * One row per level, with a header row, written by the one CSV writer
 * (src/ladder/csv.ts: RFC 4180, formulas guarded, `;` quoted).
 */
export function toLadderCsv(ladder: Ladder, options: ExportOptions = {}): string {
  const base = options.base ?? '/';
  const rows: (string | number)[][] = [[...CSV_COLUMNS]];
  for (const level of ladder.levels) {
    rows.push([
      level.id,
      level.family,
      level.track,
      ladder.track.get(level.track)!.kind,
      level.grade,
      level.title,
      level.summary,
      level.pay.min,
      level.pay.max,
      ladder.currency,
      level.authority.scope,
      level.authority.budget,
      level.authority.decisions.join(';'),
      withBase(base, paths.level(level)),
    ]);
  }
  return toCsv(rows);
}
