/** The shape of a ladder diff: what `ladder diff --format json` prints. */
import type { Severity } from '../diagnostics.ts';

export type ChangeKind = 'added' | 'removed' | 'renamed' | 'changed';
export type EntityType = 'family' | 'competency' | 'track' | 'level';

/** One frontmatter field that differs. Lists also say which items came and went. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
  added?: string[];
  removed?: string[];
}

/** A few words of context around one change, for a reviewer to read in a second. */
export interface WordExcerpt {
  /** Unchanged words before the change ("…" when cut). */
  before: string;
  removed: string;
  added: string;
  /** Unchanged words after the change. */
  after: string;
}

/** A body, introduction or competency section that differs. */
export interface TextChange {
  /** The competency id, "intro" (a level's text before its first section) or "body". */
  section: string;
  /** What to call it: the competency's name, "Introduction" or "Description". */
  heading: string;
  kind: 'added' | 'removed' | 'changed';
  before: string;
  after: string;
  /** Up to MAX_EXCERPTS word-level changes, in order. */
  excerpts: WordExcerpt[];
  /** How many further changes the excerpts leave out. */
  more: number;
}

/** (1.1) A band's amounts in one zone, as a diff reports them. */
export interface ZoneAmounts {
  /** The zone's id ("default" in a ladder without zones). */
  zone: string;
  name: string;
  currency: string;
  /** 'anchor': the band's own min and max; 'factor': derived from them; 'set': set by hand in the band. */
  basis: 'anchor' | 'factor' | 'set';
  min: number;
  max: number;
}

/**
 * (1.1) A pay band as a diff reports it: who writes it and what it pays.
 * `min` and `max` are the anchor zone's amounts (all that version 1 had).
 */
export interface BandTerms {
  min: number;
  max: number;
  /** 'family': the family's band for the grade, shared by every track; 'level': the level's own `pay:`. */
  owner: 'family' | 'level';
  /** The grade of the band (a level's own band: the level's grade). */
  grade: number;
  /** The anchor zone's currency, in which equity is given too. */
  currency: string;
  /** Target bonus in percent of base pay; null when the band has none. */
  bonus: number | null;
  equity: { min: number; max: number } | null;
  /** The band in every zone it covers, the anchor first. */
  zones: ZoneAmounts[];
}

/** (1.1) A family's band for one grade that was added, removed or rewritten. */
export interface BandChange {
  kind: 'added' | 'removed' | 'changed';
  grade: number;
  /** null when added. */
  before: BandTerms | null;
  /** null when removed. */
  after: BandTerms | null;
  /**
   * The levels paid from this band (after the change; before it, for a
   * removal). They do not list the change themselves: it is one change, here.
   */
  levels: { id: string; title: string }[];
}

/** (1.1) A zone of ladder.md as a diff reports it. */
export interface ZoneTerms {
  name: string;
  currency: string;
  /** null for the anchor and for zones whose bands are all set by hand. */
  factor: number | null;
  /** Whether it is the first zone, the anchor. */
  anchor: boolean;
}

/** (1.1) A zone of ladder.md added, removed or changed (name, currency, factor, or becoming the anchor). */
export interface ZoneChange {
  kind: 'added' | 'removed' | 'changed';
  id: string;
  /** null when added. */
  before: ZoneTerms | null;
  /** null when removed. */
  after: ZoneTerms | null;
}

export interface EntityChange {
  kind: ChangeKind;
  type: EntityType;
  /** The id in the new version (the old one for a removal). */
  id: string;
  /** The old id, for a rename. */
  from?: string;
  /** A level's title, or the name of anything else (new version, unless removed). */
  name: string;
  /** Path relative to the content directory (new version, unless removed). */
  file: string;
  fromFile?: string;
  /** Levels only. */
  track?: string;
  family?: string;
  grade?: number;
  /**
   * Levels only: what the level is on the side that has it, so an addition or
   * removal can be described. `pay` is { min: 0, max: 0 } for a level without
   * pay (pay/missing); otherwise (1.1) it is the band's BandTerms.
   */
  terms?: { pay: BandTerms | { min: number; max: number }; scope: string; budget: number; decisions: string[] };
  /**
   * Changed fields. A level's `pay` (old → new BandTerms, null for none) is
   * listed when the level's own band changed, or when it moves from its own
   * band to its family's or back, or to another grade's band: never only
   * because its family's band changed (that is the family's `bands`).
   */
  fields: FieldChange[];
  text: TextChange[];
  /** (1.1) Families only: the grades whose band was added, removed or rewritten. */
  bands?: BandChange[];
}

export interface ExceptionChange {
  kind: 'added' | 'removed' | 'changed';
  family: string;
  grade: number;
  rule: string;
  reason: string;
  /** The old reason, when only the reason changed. */
  before?: string;
}

/** A diagnostic that one version has and the other has not. */
export interface VerdictChange {
  change: 'appeared' | 'resolved';
  rule: string;
  severity: Severity;
  /** Where it is (new version) or was (old version). */
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface DiffSide {
  label: string;
  ok: boolean;
  errors: number;
  warnings: number;
  files: number;
}

export interface DiffSummary {
  added: number;
  removed: number;
  renamed: number;
  changed: number;
  errorsAppeared: number;
  errorsResolved: number;
  warningsAppeared: number;
  warningsResolved: number;
  /** True when nothing at all differs. */
  identical: boolean;
}

export interface LadderDiff {
  base: DiffSide;
  head: DiffSide;
  /** The currency of the new version, for formatting pay. */
  currency: string;
  /**
   * ladder.md: its fields (among them, in 1.1, `rounding` and `visibility.pay`),
   * its text, its exceptions and (1.1) its pay zones.
   */
  ladder: { fields: FieldChange[]; text: TextChange[]; exceptions: ExceptionChange[]; zones: ZoneChange[] };
  families: EntityChange[];
  competencies: EntityChange[];
  tracks: EntityChange[];
  levels: EntityChange[];
  verdicts: VerdictChange[];
  /**
   * Files that exist in a version but that `ladder check` could not read
   * (a syntax or schema error): they are not reported as removed or added,
   * since only their problems (in verdicts) are known. Ids by kind, e.g.
   * "level:engineering-ic/staff-engineer".
   */
  unreadable: { base: string[]; head: string[] };
  summary: DiffSummary;
}
