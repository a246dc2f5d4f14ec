/**
 * What a spreadsheet said about a ladder, before it becomes files: every
 * layout reads into this, and src/ladder/sheets/files.ts writes it out.
 * A field left undefined is one the sheet did not give.
 */
import type { Location } from '../diagnostics.ts';
import type { LevelCode } from './headings.ts';
import type { BandDraft, ZoneDraft } from './pay.ts';

export interface SettingsDraft {
  name?: string;
  currency?: string;
  repository?: string;
  scopes?: string[];
  payPolicy?: string;
  rounding?: number;
  visibilityPay?: string;
  intro?: string;
}

export interface ExceptionDraft {
  family: string;
  grade: number;
  rule: string;
  reason: string;
}

export interface FamilyDraft {
  name?: string;
  order?: number;
  text?: string;
  /** Whether a families sheet described this family (else its file is a placeholder). */
  described: boolean;
}

export interface CompetencyDraft {
  name: string;
  text?: string;
  described: boolean;
}

export interface TrackDraft {
  name?: string;
  family?: string;
  kind?: string;
  competencies?: string[];
  order?: number;
  text?: string;
  described: boolean;
}

export interface SectionDraft {
  competency: string;
  /** The heading as the sheet named the competency. */
  heading: string;
  text: string;
  /** The cell it came from. */
  at?: Location;
}

export interface PayDraft {
  min?: number;
  max?: number;
  bonus?: number;
  equityMin?: number;
  equityMax?: number;
  /** Zones set by hand. */
  zones?: { zone: string; min: number; max: number }[];
}

export interface LevelDraft {
  track: string;
  slug: string;
  title: string;
  grade?: number;
  summary?: string;
  pay?: PayDraft;
  scope?: string;
  budget?: number;
  decisions?: string[];
  intro?: string;
  sections: SectionDraft[];
  /** The level's code as the sheet wrote it (E1, M2, Level 3), which gave its grade or its track. */
  code?: LevelCode;
  /** The row that gave the level. */
  at: Location;
}

export interface Draft {
  /** undefined: no settings sheet, ladder.md is a placeholder. */
  settings: SettingsDraft | undefined;
  /** The currency the levels sheet named, when there are no settings. */
  currency?: string;
  zones: ZoneDraft[] | undefined;
  exceptions: ExceptionDraft[] | undefined;
  /** Optional pages (choose.md, pay.md): name, title, text. */
  pages: { name: string; title: string; text: string }[];
  families: Map<string, FamilyDraft>;
  competencies: Map<string, CompetencyDraft>;
  tracks: Map<string, TrackDraft>;
  levels: LevelDraft[];
  bands: BandDraft[];
  /** What HR still has to fill in, in words. */
  notes: string[];
  /** Which layouts were read, for the report. */
  layouts: string[];
}

export function emptyDraft(): Draft {
  return {
    settings: undefined,
    zones: undefined,
    exceptions: undefined,
    pages: [],
    families: new Map(),
    competencies: new Map(),
    tracks: new Map(),
    levels: [],
    bands: [],
    notes: [],
    layouts: [],
  };
}
