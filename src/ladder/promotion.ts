/**
 * What changes at a promotion: a level beside the next one in its track,
 * section by section (matched by competency), with a word-level diff of each
 * section's plain text, and the change in pay and authority. Data only: the
 * /levels/<track>/<level>/next/ page renders it.
 */
import { nextLevel, type Ladder, type Level, type Section } from './model.ts';
import { renderText } from './render.ts';
import { diffWordsWithSpace } from './worddiff.ts';

export type PartKind = 'same' | 'added' | 'removed';

export interface DiffPart {
  kind: PartKind;
  text: string;
}

export type SectionStatus = 'changed' | 'unchanged' | 'added' | 'removed';

export interface SectionChange {
  /** The competency id, or undefined for a section that matches no competency of the track. */
  competency: string | undefined;
  heading: string;
  /** The anchor of the section on the level pages (and on the promotion page). */
  anchor: string;
  status: SectionStatus;
  /** The whole diff, in reading order. */
  parts: DiffPart[];
  /** The text of the lower level: `same` and `removed` parts. */
  before: DiffPart[];
  /** The text of the higher level: `same` and `added` parts. */
  after: DiffPart[];
}

export interface Change<T> {
  from: T;
  to: T;
  changed: boolean;
}

export interface Promotion {
  from: Level;
  to: Level;
  pay: {
    from: Level['pay'];
    to: Level['pay'];
    /** Change of the band's bottom and top, in the ladder's currency. */
    min: number;
    max: number;
    changed: boolean;
  };
  authority: {
    scope: Change<string>;
    budget: Change<number>;
    decisions: { added: string[]; removed: string[]; kept: string[]; changed: boolean };
  };
  sections: SectionChange[];
}

/** The promotion from a level to the next one in its track, or undefined at the top of the track. */
export function promotionFrom(ladder: Ladder, level: Level): Promotion | undefined {
  const next = nextLevel(ladder, level);
  return next ? comparePromotion(level, next) : undefined;
}

/** Compares two levels of one track (or any two levels: sections are matched by competency, then by anchor). */
export function comparePromotion(from: Level, to: Level): Promotion {
  const before = new Set(from.authority.decisions);
  const after = new Set(to.authority.decisions);
  const decisions = {
    added: to.authority.decisions.filter((d) => !before.has(d)),
    removed: from.authority.decisions.filter((d) => !after.has(d)),
    kept: to.authority.decisions.filter((d) => before.has(d)),
    changed: false,
  };
  decisions.changed = decisions.added.length > 0 || decisions.removed.length > 0;
  return {
    from,
    to,
    pay: {
      from: from.pay,
      to: to.pay,
      min: (to.pay?.min ?? 0) - (from.pay?.min ?? 0),
      max: (to.pay?.max ?? 0) - (from.pay?.max ?? 0),
      changed: to.pay?.min !== from.pay?.min || to.pay?.max !== from.pay?.max,
    },
    authority: {
      scope: change(from.authority.scope, to.authority.scope),
      // Read when asked: a site built without amounts has levels whose budget cannot be read (src/site/audience.ts).
      get budget() {
        return change(from.authority.budget, to.authority.budget);
      },
      decisions,
    },
    sections: matchSections(from.sections, to.sections).map(([a, b]) => sectionChange(a, b)),
  };
}

const change = <T>(from: T, to: T): Change<T> => ({ from, to, changed: from !== to });

const key = (section: Section) => section.competency ?? `#${section.anchor}`;

/** Pairs of sections with the same competency: in the higher level's order, then the lower level's leftovers. */
function matchSections(from: Section[], to: Section[]): [Section | undefined, Section | undefined][] {
  const byKey = new Map(from.map((s) => [key(s), s]));
  const pairs: [Section | undefined, Section | undefined][] = to.map((s) => [byKey.get(key(s)), s]);
  const used = new Set(to.map(key));
  for (const s of from) if (!used.has(key(s))) pairs.push([s, undefined]);
  return pairs;
}

function sectionChange(a: Section | undefined, b: Section | undefined): SectionChange {
  const section = (b ?? a)!;
  const parts = diffText(a ? renderText(a) : '', b ? renderText(b) : '');
  const status: SectionStatus = !a ? 'added' : !b ? 'removed' : parts.every((p) => p.kind === 'same') ? 'unchanged' : 'changed';
  return {
    competency: section.competency,
    heading: section.heading,
    anchor: section.anchor,
    status,
    parts,
    before: parts.filter((p) => p.kind !== 'added'),
    after: parts.filter((p) => p.kind !== 'removed'),
  };
}

/**
 * A word-level diff, cleaned up for people: a short run of common words
 * caught between two edits ("the", "and the") is folded into the edits, so
 * that a rewritten sentence reads as one deletion and one insertion instead
 * of alternating fragments. jsdiff's diffWordsWithSpace (diffWords that keeps
 * whitespace as tokens), so that the `same` and `removed` parts spell the old
 * text exactly and the `same` and `added` parts the new one; the same result
 * from ./worddiff.ts, which computes it ten times faster.
 */
export function diffText(before: string, after: string): DiffPart[] {
  if (before === after) return before === '' ? [] : [{ kind: 'same', text: before }];
  const raw: DiffPart[] = diffWordsWithSpace(before, after).map((c) => ({
    kind: c.added ? 'added' : c.removed ? 'removed' : 'same',
    text: c.value,
  }));
  return cleanup(raw);
}

/** Groups of consecutive edits, separated by common runs. */
interface Run {
  same: string | undefined;
  removed: string;
  added: string;
}

function cleanup(parts: DiffPart[]): DiffPart[] {
  // Normalize into alternating runs: [same?, removed, added] ...
  const runs: Run[] = [];
  for (const part of parts) {
    let last = runs.at(-1);
    if (part.kind === 'same') {
      runs.push({ same: part.text, removed: '', added: '' });
      continue;
    }
    if (!last) runs.push((last = { same: undefined, removed: '', added: '' }));
    if (part.kind === 'removed') last.removed += part.text;
    else last.added += part.text;
  }
  // Fold a short common run into its neighbours' edits when edits surround it, always the
  // first foldable run first. A fold only grows the run before it, so only the pair before
  // that can become foldable: step back one instead of starting over (linear, not quadratic).
  for (let i = 1; i < runs.length; ) {
    const prev = runs[i - 1]!;
    const run = runs[i]!;
    const editedBefore = prev.removed !== '' || prev.added !== '';
    const editedAfter = run.removed !== '' || run.added !== '';
    if (run.same === undefined || !editedBefore || !editedAfter || !isMinor(run.same, prev, run)) {
      i++;
      continue;
    }
    prev.removed += run.same + run.removed;
    prev.added += run.same + run.added;
    runs.splice(i, 1);
    i = Math.max(1, i - 1);
  }
  const out: DiffPart[] = [];
  const push = (kind: PartKind, text: string) => {
    if (text === '') return;
    const last = out.at(-1);
    if (last && last.kind === kind) last.text += text;
    else out.push({ kind, text });
  };
  for (const run of runs) {
    if (run.same !== undefined) push('same', run.same);
    push('removed', run.removed);
    push('added', run.added);
  }
  return out;
}

/** Splits parts into lines (blocks of the plain text: paragraphs and list items), keeping each part's kind. */
export function diffLines(parts: DiffPart[]): DiffPart[][] {
  const lines: DiffPart[][] = [[]];
  for (const part of parts) {
    part.text.split('\n').forEach((text, i) => {
      if (i > 0) lines.push([]);
      if (text !== '') lines.at(-1)!.push({ kind: part.kind, text });
    });
  }
  return lines.filter((line) => line.some((part) => part.text.trim() !== ''));
}

/**
 * How many words a text has, counting no further than `cap`: runs of
 * non-space characters with a letter, digit or underscore in them (what
 * `text.split(/\s+/).filter((w) => /\w/.test(w)).length` counts). The cap
 * keeps folding linear: a long edit is never counted to its end.
 */
function countWords(text: string, cap: number): number {
  let found = 0;
  let inRun = false; // inside a run of non-space characters
  let counted = false; // and it has been counted
  for (let i = 0; i < text.length && found < cap; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      inRun = false;
      continue;
    }
    if (!inRun) {
      inRun = true;
      counted = false;
    }
    if (!counted && isWordChar(c)) {
      counted = true;
      found++;
    }
  }
  return found;
}

/** The characters of the regular expression class \s. */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** The characters of \w: ASCII letters, digits and the underscore. */
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** A common run is minor when it is at most two words, no longer than the edits on either side, and within one line. */
function isMinor(same: string, prev: Run, next: Run): boolean {
  if (same.includes('\n')) return false;
  const n = countWords(same, 3);
  if (n > 2) return false;
  // size(run) = the longer of its two edits, in words; only whether it reaches n matters.
  const reaches = (run: Run) => countWords(run.removed, n) >= n || countWords(run.added, n) >= n;
  return reaches(prev) && reaches(next);
}
