/**
 * The typed ladder that every face of Parity reads: the CLI's rules, the
 * site's pages, the JSON export. Built once from the validated files.
 */
import type { Location } from './diagnostics.ts';
import type { PathSegment } from './frontmatter.ts';
import type { Body, Fragment } from './markdown.ts';
import type { Band, Pay, Zone } from './pay.ts';
import type { CompetencyData, ExceptionData, FamilyData, LadderData, LevelData, PayVisibility, TrackData, TrackKind } from './schema.ts';

/** Where an entity came from, and how to point at one of its fields. */
export interface Source {
  /** Path relative to the content directory. */
  file: string;
  /** Location of a frontmatter key or value (missing paths resolve to their parent). */
  locate(path: readonly PathSegment[], part?: 'key' | 'value'): Location;
}

export interface Family extends Omit<FamilyData, 'bands'> {
  id: string;
  /** (1.1) The band of each grade, as written in `bands:` (empty without). */
  bands: Map<number, Band>;
  body: Body;
  source: Source;
}

export interface Competency extends CompetencyData {
  id: string;
  body: Body;
  source: Source;
}

export interface Track extends TrackData {
  id: string;
  kind: TrackKind;
  body: Body;
  source: Source;
  /**
   * Set on a track whose file has errors (so the ladder does not pass), kept
   * so that its levels are still checked: says whether its kind and its
   * competencies could be read. Rules that need a field it lacks skip it.
   */
  provisional?: { family: boolean; kind: boolean; competencies: boolean };
}

/** One competency section of a level body. */
export interface Section extends Fragment {
  /** The competency this section describes, or undefined when the heading matches none of the track's. */
  competency: string | undefined;
  heading: string;
  /** A stable anchor for deep links: the competency id, else a slug of the heading. */
  anchor: string;
  line: number;
  column: number;
}

export interface Level extends Omit<LevelData, 'pay'> {
  /**
   * The level's pay: its own `pay:`, else its family's band for its grade,
   * in every zone (see pay.ts). Undefined when neither exists (pay/missing).
   */
  pay: Pay | undefined;
  /** `<track>/<level>` */
  id: string;
  /** The file name without .md. */
  slug: string;
  track: string;
  family: string;
  intro: Fragment;
  /** Sections in the order of the track's competencies, then any unknown sections in file order. */
  sections: Section[];
  body: Body;
  source: Source;
}

/** An optional page of the content directory, such as choose.md. */
export interface Page {
  /** The frontmatter's title, if it has one. */
  title: string | undefined;
  body: Body;
  source: Source;
}

export interface Exception extends Readonly<ExceptionData> {
  readonly source: Source;
  /** Index in ladder.md's parity.exceptions. */
  readonly index: number;
  /** How many diagnostics this exception turned off: counted by the check once every rule has run (0 while they run). */
  readonly excused: number;
}

export interface Ladder {
  readonly name: string;
  readonly currency: string;
  readonly repository: string | undefined;
  readonly scopes: readonly string[];
  readonly parity: { pay: LadderData['parity']['pay']; readonly exceptions: readonly Exception[] };
  /** (1.1) Pay zones, the anchor first; one implicit zone (`declared: false`) when ladder.md has none. */
  readonly zones: readonly Zone[];
  /** (1.1) Derived zone amounts are rounded to a multiple of this. */
  readonly rounding: number;
  /** (1.1) Who may see pay amounts (the site's concern; the check always checks them). */
  readonly visibility: { readonly pay: PayVisibility };
  /**
   * Set when ladder.md is missing or has errors: the settings above are then
   * defaults, not what the file says, and rules that depend on them (which
   * pay zones exist) stay silent rather than blame the other files.
   */
  readonly provisional?: true;
  readonly intro: Body;
  readonly source: Source;
  /** By `order`, then id. */
  readonly families: readonly Family[];
  readonly competencies: readonly Competency[];
  /** Family by family (in the families' order), each family's tracks in tracksOf's order. */
  readonly tracks: readonly Track[];
  readonly levels: readonly Level[];
  /** Optional pages, such as choose.md, by name (only those whose frontmatter is valid). */
  readonly pages: ReadonlyMap<string, Page>;
  /** Lookups. */
  readonly family: ReadonlyMap<string, Family>;
  readonly competency: ReadonlyMap<string, Competency>;
  readonly track: ReadonlyMap<string, Track>;
  readonly level: ReadonlyMap<string, Level>;
  /** Levels of each track, by grade ascending. */
  readonly levelsByTrack: ReadonlyMap<string, readonly Level[]>;
  /** Tracks of each family, by `order`, then individual-contributor tracks first, then id (see tracksOf). */
  readonly tracksByFamily: ReadonlyMap<string, Track[]>;
  /** Levels of each family at each grade, in track order. */
  readonly levelsByFamilyGrade: ReadonlyMap<string, ReadonlyMap<number, readonly Level[]>>;
  /** Ids of files that exist but were rejected, per kind: references to them are not reported twice. */
  readonly rejected: { family: ReadonlySet<string>; competency: ReadonlySet<string>; track: ReadonlySet<string>; level: ReadonlySet<string> };
  /**
   * What could still be read of rejected files, so that rules stay silent only
   * where the broken file may be the answer: the grade of each rejected level
   * and the family of each rejected track (undefined when unreadable).
   */
  readonly unreadable: { grade: ReadonlyMap<string, number | undefined>; family: ReadonlyMap<string, string | undefined> };
}

/**
 * The tracks of a family in the order every page lists them (the model's
 * one order: `order`, then individual-contributor tracks first, then id).
 * Pages never sort tracks or families themselves: `ladder.families`,
 * `ladder.tracks` and this list are already in that order.
 */
export function tracksOf(ladder: Pick<Ladder, 'tracksByFamily'>, family: string): Track[] {
  return ladder.tracksByFamily.get(family) ?? [];
}

/** Grades of a family, ascending. */
export function familyGrades(ladder: Ladder, family: string): number[] {
  return [...(ladder.levelsByFamilyGrade.get(family)?.keys() ?? [])].sort((a, b) => a - b);
}

/** The level of a track at a grade (the first, if a track wrongly has two). */
export function levelAt(ladder: Ladder, track: string, grade: number): Level | undefined {
  return ladder.levelsByTrack.get(track)?.find((level) => level.grade === grade);
}

/** The next level up the same track, if any. */
export function nextLevel(ladder: Ladder, level: Level): Level | undefined {
  return ladder.levelsByTrack.get(level.track)?.find((other) => other.grade > level.grade);
}

/** The level below in the same track, if any. */
export function previousLevel(ladder: Ladder, level: Level): Level | undefined {
  const levels = ladder.levelsByTrack.get(level.track) ?? [];
  return levels.filter((other) => other.grade < level.grade).at(-1);
}

/** The levels of the other tracks of the family at the same grade. */
export function equivalents(ladder: Ladder, level: Level): Level[] {
  return (ladder.levelsByFamilyGrade.get(level.family)?.get(level.grade) ?? []).filter((other) => other.track !== level.track);
}

/**
 * Whether a rejected level file of a track may hold one of these grades (its
 * grade is one of them, or could not be read): rules about missing grades
 * then stay silent, since the level may only be unreadable, not missing.
 */
export function mayHoldGrade(ladder: Pick<Ladder, 'unreadable'>, track: string, grades: readonly number[]): string | undefined {
  for (const [id, grade] of ladder.unreadable.grade) {
    if (id.startsWith(`${track}/`) && (grade === undefined || grades.includes(grade))) return id;
  }
  return undefined;
}

/** Whether a track file that could not be read at all may belong to this family. */
export function mayHoldTrack(ladder: Pick<Ladder, 'unreadable' | 'track'>, family: string): boolean {
  for (const [id, f] of ladder.unreadable.family) if (!ladder.track.has(id) && (f === undefined || f === family)) return true;
  return false;
}

/** The word that marks text still to write (`TODO: …`): what `ladder new` leaves and `content/placeholder` finds. */
export const PLACEHOLDER = 'TODO';

export function slugify(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'section'
  );
}
