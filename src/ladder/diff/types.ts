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
  /** Levels only: what the level is on the side that has it, so an addition or removal can be described. */
  terms?: { pay: { min: number; max: number }; scope: string; budget: number; decisions: string[] };
  fields: FieldChange[];
  text: TextChange[];
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
  ladder: { fields: FieldChange[]; text: TextChange[]; exceptions: ExceptionChange[] };
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
