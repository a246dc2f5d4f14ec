/**
 * The geometry of the site's pictures, computed at build time from the
 * model: the dual ladder of a family, pay bands on one axis, and a level's
 * scope and authority. Framework-free and pure: the Astro components in
 * src/components/viz/ only turn these numbers into SVG elements, and the
 * unit tests check them against the ladder's numbers.
 *
 * Coordinates are SVG user units in a viewBox whose width is fixed per
 * picture; the SVG scales to its container, and text sizes are chosen so
 * that a phone (about 360 CSS pixels of content) still reads them.
 */
import type { Ladder, Level, Track } from '../ladder/model.ts';
import { familyGrades, levelAt, tracksOf } from '../ladder/model.ts';
import type { TrackKind } from '../ladder/schema.ts';

// ─── Scales ─────────────────────────────────────────────────────────────────

/** A linear map from a domain to a range. */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  return (value) => (span === 0 ? (r0 + r1) / 2 : r0 + ((value - d0) / span) * (r1 - r0));
}

/** A "nice" step (1, 2 or 5 times a power of ten) that cuts a span into about `count` parts. */
export function niceStep(span: number, count = 4): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * A domain that holds [min, max] and starts and ends on a nice step, with
 * the ticks on it. A single value gets a domain around it.
 */
export function niceDomain(min: number, max: number, count = 4): { domain: [number, number]; ticks: number[]; step: number } {
  let lo = Math.min(min, max);
  let hi = Math.max(min, max);
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  const step = niceStep(hi - lo, count);
  let start = Math.floor(lo / step) * step;
  let end = Math.ceil(hi / step) * step;
  // Leave a little room so that a band does not touch the frame.
  if (start === lo && start - step >= 0) start -= step;
  if (end === hi) end += step;
  if (min >= 0 && start < 0) start = 0;
  const ticks: number[] = [];
  for (let v = start; v <= end + step / 2; v += step) ticks.push(round(v));
  return { domain: [round(start), round(end)], ticks, step };
}

const round = (v: number) => Math.round(v * 1e6) / 1e6;

/** Rounds a coordinate for the SVG (two decimals are plenty). */
export const px = (v: number) => Math.round(v * 100) / 100;

/** Splits text into at most `maxLines` lines of about `maxChars` characters; the last line ends in "…" when cut. */
export function wrapText(text: string, maxChars: number, maxLines = 2): string[] {
  return wrapLines(text, (line) => line.length <= maxChars, maxLines);
}

/**
 * Splits text into at most `maxLines` lines that each fit `width` units in a
 * font of `size` (measured by measureText); the last line ends in "…" when cut,
 * and a word too long for a line is cut too.
 */
export function wrapToWidth(text: string, width: number, size: number, maxLines = 2, bold = false): string[] {
  return wrapLines(text, (line) => measureText(line, size, bold) <= width, maxLines);
}

function wrapLines(text: string, fits: (line: string) => boolean, maxLines: number): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (fits(next) || line === '') line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines.map((l) => cut(l, fits));
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = cut(`${kept[maxLines - 1]} ${lines.slice(maxLines).join(' ')}`, fits, true);
  return kept;
}

/** The text, or as much of it as fits followed by "…" (always "…" when `force`). */
function cut(text: string, fits: (line: string) => boolean, force = false): string {
  if (!force && fits(text)) return text;
  let keep = text.length;
  while (keep > 1 && !fits(`${text.slice(0, keep).trimEnd()}…`)) keep--;
  return `${text.slice(0, keep).trimEnd()}…`;
}

// ─── Text widths ────────────────────────────────────────────────────────────

/**
 * Advance widths of the printable ASCII characters, space (32) to "~" (126),
 * in thousandths of the font size, measured in Chromium (canvas measureText)
 * in DejaVu Sans and DejaVu Sans Bold: what `system-ui` and `sans-serif`
 * resolve to on most Linux systems, and wider than the other fonts of
 * --parity-font (Segoe UI, San Francisco, Roboto, Helvetica, Arial), so that a
 * label measured with these widths fits wherever the picture is drawn.
 */
const ADVANCES = {
  regular: [
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838,
    531, 1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390,
    838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337,
    636, 838,
  ],
  bold: [
    348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696, 696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838,
    580, 1000, 774, 762, 734, 830, 683, 683, 821, 837, 372, 372, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457,
    838, 500, 500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365,
    712, 838,
  ],
} as const;

/** Punctuation beyond ASCII that titles use; any other character (after removing accents) counts as a full em. */
const OTHER_ADVANCES: Record<string, number> = { '–': 500, '—': 1000, '‘': 380, '’': 380, '“': 657, '”': 657, '…': 1000, '·': 380, '×': 838, '\u00a0': 318 };

/** The width of `text` in a font of `size` units, as DejaVu Sans (Bold) draws it: at least what any font of --parity-font needs. */
export function measureText(text: string, size: number, bold = false): number {
  const table = bold ? ADVANCES.bold : ADVANCES.regular;
  let total = 0;
  for (const char of text.normalize('NFD').replace(/\p{M}/gu, '')) {
    const code = char.codePointAt(0)!;
    total += code >= 32 && code <= 126 ? table[code - 32]! : (OTHER_ADVANCES[char] ?? 1000);
  }
  return (total / 1000) * size;
}

// ─── The dual ladder of a family ────────────────────────────────────────────
//
// Drawn as pictures side by side: the grade axis, then one picture per track
// (its ladder, with a gutter on its left), all of one height and one scale.
// On a screen they sit in one row (the axis stays in view while the rails
// scroll under it); on paper they wrap, and each rail's gutter shows the
// grades (site.css).

export interface Rung {
  level: Pick<Level, 'id' | 'title' | 'grade'>;
  /** The rung's line, from rail to rail. */
  x1: number;
  x2: number;
  y: number;
  /** The clickable area around the rung and its label. */
  hit: { x: number; y: number; width: number; height: number };
  /** The title, in lines, centred above the rung. */
  label: { x: number; y: number; lines: string[] };
}

/** One track's ladder, in coordinates of its own picture (0 to `width`). */
export interface Rail {
  track: Pick<Track, 'id' | 'name' | 'kind'>;
  /** Its picture's width: the gutter, then the ladder. */
  width: number;
  /** The two uprights of this track's ladder. */
  left: number;
  right: number;
  /** From the top rung (with a little overhang) to the bottom one; equal when the track has no level. */
  top: number;
  bottom: number;
  /** The track's name above its ladder, in up to three lines. */
  header: { x: number; y: number; lines: string[] };
  rungs: Rung[];
  /** The highest grade the track reaches, if any. */
  topGrade: number | undefined;
  /** Where the gutter's grade numbers end (text-anchor end): shown on paper, where rails wrap away from the axis. */
  gradeX: number;
}

export interface DualLadder {
  /** The axis and every rail side by side. */
  width: number;
  /** Every picture's height. */
  height: number;
  /** The grade axis: its own picture, labels right-aligned at x. */
  axis: { width: number; x: number };
  /** One guide line per grade, across every picture: levels on it are equivalent. Labels' baselines at labelY. */
  grades: { grade: number; y: number; labelY: number }[];
  rails: Rail[];
  /** The highest grade of the family, and whether every track reaches it. */
  topGrade: number | undefined;
  sameTop: boolean;
}

export const LADDER_LAYOUT = {
  railWidth: 172,
  /** The least space left of each rail (its gutter). */
  gap: 22,
  header: 60,
  row: 52,
  /** Font sizes of the rung labels, the track names (bold) and the grade labels (site.css: .viz-ladder). */
  font: 14,
  headerFont: 13,
  axisFont: 12,
  /** Lines a rung's title may take before it is cut with "…" ("Senior Principal Software Development Engineer in Test" takes four). */
  labelLines: 4,
} as const;

/** Both (or all) tracks of a family as ladders side by side, rising to their top grade, one rung per level. */
export function dualLadder(ladder: Ladder, family: string): DualLadder {
  const L = LADDER_LAYOUT;
  const tracks = tracksOf(ladder, family);
  const grades = familyGrades(ladder, family);
  const low = grades[0] ?? 1;
  const high = grades.at(-1) ?? 1;
  const count = high - low + 1;
  // The axis and each gutter as wide as their widest label (measured, not guessed): "Grade 12" is never cut off.
  const widest = (label: (grade: number) => string) => Math.max(0, ...grades.map((g) => measureText(label(g), L.axisFont)));
  const axis = Math.ceil(widest((g) => `Grade ${g}`)) + 6;
  const gutter = Math.max(L.gap, Math.ceil(widest(String)) + 8);
  const railWidth = gutter + L.railWidth;
  const labelWidth = L.railWidth - 16;
  const headerWidth = L.railWidth - 8;
  // Long titles take up to L.labelLines lines; every row grows to hold the longest, so labels never reach the rung above.
  const lineCount = Math.max(
    1,
    ...tracks.flatMap((t) => (ladder.levelsByTrack.get(t.id) ?? []).map((l) => wrapToWidth(l.title, labelWidth, L.font, L.labelLines).length)),
  );
  const row = Math.max(L.row, lineCount * (L.font + 2) + 20);
  const headerLines = Math.max(1, ...tracks.map((t) => wrapToWidth(t.name, headerWidth, L.headerFont, 3, true).length));
  // The header's last line (baseline 18 + …) clears the top rung's first label line by 8 units.
  const lastHeaderLine = 18 + (headerLines - 1) * (L.headerFont + 2);
  const header = Math.max(L.header, lastHeaderLine + 8 + 16 + (lineCount - 1) * (L.font + 2) + L.font - row);
  const height = header + count * row + 8;
  // Grade g sits at the bottom of its row: the lowest grade at the bottom of the picture.
  const yOf = (grade: number) => header + (high - grade + 1) * row - 8;

  const rails: Rail[] = tracks.map((track) => {
    const left = gutter;
    const right = left + L.railWidth;
    const levels = (ladder.levelsByTrack.get(track.id) ?? []).filter((l) => levelAt(ladder, track.id, l.grade) === l);
    const rungs: Rung[] = levels.map((level) => {
      const y = yOf(level.grade);
      const lines = wrapToWidth(level.title, labelWidth, L.font, L.labelLines);
      return {
        level: { id: level.id, title: level.title, grade: level.grade },
        x1: left,
        x2: right,
        y,
        hit: { x: left, y: y - row + 8, width: L.railWidth, height: row - 4 },
        label: { x: left + L.railWidth / 2, y: y - 8 - (lines.length - 1) * (L.font + 2), lines },
      };
    });
    const ys = rungs.map((r) => r.y);
    const top = ys.length > 0 ? Math.min(...ys) - 14 : header;
    const bottom = ys.length > 0 ? Math.max(...ys) + 8 : header;
    return {
      track: { id: track.id, name: track.name, kind: track.kind },
      width: railWidth,
      left,
      right,
      top,
      bottom,
      header: { x: left + L.railWidth / 2, y: 18, lines: wrapToWidth(track.name, headerWidth, L.headerFont, 3, true) },
      rungs,
      topGrade: levels.at(-1)?.grade,
      gradeX: gutter - 4,
    };
  });

  const tops = rails.map((r) => r.topGrade);
  return {
    width: axis + rails.length * railWidth,
    height,
    axis: { width: axis, x: axis - 4 },
    grades: grades.map((grade) => ({ grade, y: yOf(grade), labelY: yOf(grade) + 4 })),
    rails,
    topGrade: grades.at(-1),
    sameTop: tops.length > 0 && tops.every((t) => t === high),
  };
}

// ─── Pay bands on one axis ──────────────────────────────────────────────────

export interface PayBarInput {
  id: string;
  /** What the bar is, shown above it: a level's title. */
  label: string;
  /** Said in the description, after the label: the track's name. */
  track: string;
  kind: TrackKind;
  min: number;
  max: number;
  /** The band as written at the right end of the label line ("$185,000 – $240,000"), to measure it. */
  value?: string;
}

export interface PayGroupInput {
  /** A heading above the group's bars ("Grade 4"), or "" for none. */
  label: string;
  bars: PayBarInput[];
}

export interface PayBar extends PayBarInput {
  /** The bar: x = scale(min), width = scale(max) − scale(min). */
  x: number;
  width: number;
  y: number;
  height: number;
  /** The label above the bar, in lines (a long title wraps); the first line's baseline is labelY. */
  labelY: number;
  labelLines: string[];
  /** Where the band's text goes: at the end of the label's last line when both fit, else on a line of its own. */
  valueY: number;
}

export interface PayChart {
  width: number;
  height: number;
  domain: [number, number];
  /** The plot's left and right edges (the scale's range). */
  x0: number;
  x1: number;
  ticks: { value: number; x: number }[];
  /** The axis line and the tick labels below it; grid lines run from plotTop to axisY. */
  axisY: number;
  plotTop: number;
  groups: { label: string; labelY: number; bars: PayBar[] }[];
  /** True when every bar of every group has the same band as the other bars of its group. */
  identical: boolean[];
}

export const PAY_LAYOUT = {
  width: 420,
  left: 22,
  right: 24,
  top: 8,
  groupHeader: 24,
  label: 19,
  bar: 16,
  gap: 12,
  axis: 30,
  font: 14,
  /** Average character widths of the label and of the bold band text, as a share of the font size (Chromium's sans). */
  charWidth: 0.54,
  valueCharWidth: 0.6,
  /** Space between a label and the band text on one line. */
  space: 14,
  line: 17,
} as const;

/** The width a text takes in the pay chart's font, estimated from its length. */
const textWidth = (text: string, share: number) => text.length * PAY_LAYOUT.font * share;

/** Bars for pay bands, every group on one shared axis. */
export function payChart(groups: readonly PayGroupInput[]): PayChart {
  const P = PAY_LAYOUT;
  const bars = groups.flatMap((g) => g.bars);
  const min = bars.length > 0 ? Math.min(...bars.map((b) => b.min)) : 0;
  const max = bars.length > 0 ? Math.max(...bars.map((b) => b.max)) : 1;
  const { domain, ticks } = niceDomain(min, max, 4);
  const x0 = P.left;
  const x1 = P.width - P.right;
  const scale = linearScale(domain, [x0, x1]);
  let y = P.top;
  const laid = groups.map((group) => {
    const labelY = y + 16;
    if (group.label) y += P.groupHeader;
    const out = group.bars.map((bar) => {
      // A long title wraps to the plot's width; the band text shares the last line only when both fit.
      const plot = x1 - x0;
      const value = textWidth(bar.value ?? '', P.valueCharWidth);
      const oneLine = textWidth(bar.label, P.charWidth) + P.space + value <= plot;
      const labelLines = oneLine ? [bar.label] : wrapText(bar.label, Math.floor(plot / (P.font * P.charWidth)), 3);
      const last = labelLines.at(-1) ?? '';
      const shares = oneLine || textWidth(last, P.charWidth) + P.space + value <= plot;
      const extra = (labelLines.length - 1 + (shares ? 0 : 1)) * P.line;
      const labelLine = y + P.label - 5;
      const top = y + P.label + extra;
      y = top + P.bar + P.gap;
      return {
        ...bar,
        x: scale(bar.min),
        width: scale(bar.max) - scale(bar.min),
        y: top,
        height: P.bar,
        labelY: labelLine,
        labelLines,
        valueY: labelLine + extra,
      };
    });
    y += 4;
    return { label: group.label, labelY, bars: out };
  });
  const axisY = y;
  return {
    width: P.width,
    height: axisY + P.axis,
    domain,
    x0,
    x1,
    ticks: ticks.map((value) => ({ value, x: scale(value) })),
    axisY,
    plotTop: P.top,
    groups: laid,
    identical: groups.map((g) => g.bars.every((b) => b.min === g.bars[0]?.min && b.max === g.bars[0]?.max)),
  };
}

/**
 * The bars of one family's grade: every track's level at that grade, in one
 * zone (default: the anchor zone). A level without pay there (a build
 * without amounts) has no bar.
 */
export function gradePayGroup(ladder: Ladder, family: string, grade: number, label = '', zone: string = ladder.zones[0]?.id ?? ''): PayGroupInput {
  const tracks = tracksOf(ladder, family);
  const bars: PayBarInput[] = [];
  for (const track of tracks) {
    const level = levelAt(ladder, track.id, grade);
    const band = level?.pay?.zones.find((z) => z.zone.id === zone);
    if (level && band) bars.push({ id: level.id, label: level.title, track: track.name, kind: track.kind, min: band.min, max: band.max });
  }
  return { label, bars };
}

// ─── A level's scope and authority ──────────────────────────────────────────

export interface AuthorityPicture {
  width: number;
  height: number;
  labelX: number;
  /** The ladder's scopes as steps, narrowest first; those up to the level's scope are filled. */
  scope: { y: number; index: number; count: number; steps: { name: string; x: number; width: number; filled: boolean; current: boolean }[] };
  /** The budget as a share of the largest budget in the family; undefined in a build without amounts. */
  budget: { y: number; x: number; width: number; full: number; value: number; max: number; fraction: number } | undefined;
  /** One dot per decision right, against the most any level of the family holds. */
  decisions: { y: number; count: number; max: number; dots: { cx: number; filled: boolean }[]; r: number };
  valueX: number;
}

/** Drawn narrow, so that a phone shrinks it little and its 12px labels stay readable there. */
export const AUTHORITY_LAYOUT = {
  width: 364,
  label: 80,
  plot: 280,
  row: 46,
  top: 6,
  bar: 16,
  font: 13,
} as const;

export interface AuthorityPictureOptions {
  /** Whether the budget is drawn (default true): false in a build without amounts, which never reads a budget. */
  budget?: boolean;
}

export function authorityPicture(ladder: Ladder, level: Level, options: AuthorityPictureOptions = {}): AuthorityPicture {
  const A = AUTHORITY_LAYOUT;
  const showBudget = options.budget ?? true;
  const rows = showBudget ? 3 : 2;
  const family = ladder.levels.filter((l) => l.family === level.family);
  const scopes = ladder.scopes;
  const index = scopes.indexOf(level.authority.scope);
  const x = A.label;
  const stepWidth = A.plot / Math.max(1, scopes.length);
  const steps = scopes.map((name, i) => ({ name, x: x + i * stepWidth, width: stepWidth - 3, filled: i <= index, current: i === index }));
  const maxBudget = showBudget ? Math.max(0, ...family.map((l) => l.authority.budget)) : 0;
  const fraction = showBudget && maxBudget > 0 ? level.authority.budget / maxBudget : 0;
  const maxDecisions = Math.max(1, ...family.map((l) => l.authority.decisions.length));
  const count = level.authority.decisions.length;
  const dotSpace = Math.min(22, A.plot / maxDecisions);
  const r = Math.max(3, Math.min(7, dotSpace / 2 - 2));
  return {
    width: A.width,
    height: A.top + rows * A.row + 14,
    labelX: 0,
    scope: { y: A.top + 4, index, count: scopes.length, steps },
    budget: showBudget
      ? { y: A.top + A.row + 18, x, width: A.plot * fraction, full: A.plot, value: level.authority.budget, max: maxBudget, fraction }
      : undefined,
    decisions: {
      y: A.top + (rows - 1) * A.row + 26,
      count,
      max: maxDecisions,
      r,
      dots: Array.from({ length: maxDecisions }, (_, i) => ({ cx: x + r + i * dotSpace, filled: i < count })),
    },
    valueX: x + A.plot + 6,
  };
}
