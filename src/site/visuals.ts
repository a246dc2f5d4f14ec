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
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= maxChars || line === '') line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines.map((l) => cut(l, maxChars));
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = cut(`${kept[maxLines - 1]} ${lines.slice(maxLines).join(' ')}`, maxChars, true);
  return kept;
}

function cut(text: string, max: number, force = false): string {
  if (text.length <= max && !force) return text;
  return text.length <= max - 1 ? `${text}…` : `${text.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}

// ─── The dual ladder of a family ────────────────────────────────────────────

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

export interface Rail {
  track: Pick<Track, 'id' | 'name' | 'kind'>;
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
}

export interface DualLadder {
  width: number;
  height: number;
  /** One guide line per grade, across every rail: levels on it are equivalent. */
  grades: { grade: number; y: number; label: { x: number; y: number } }[];
  guide: { x1: number; x2: number };
  rails: Rail[];
  /** The highest grade of the family, and whether every track reaches it. */
  topGrade: number | undefined;
  sameTop: boolean;
}

export const LADDER_LAYOUT = {
  axis: 62,
  railWidth: 172,
  gap: 22,
  margin: 8,
  header: 60,
  row: 52,
  font: 14,
  headerFont: 13,
  /** Average width of a character of the label font, as a share of its size (measured in Chromium's sans). */
  charWidth: 0.54,
  /** The same for the bold track names. */
  headerCharWidth: 0.6,
  /** Lines a rung's title may take before it is cut with "…". */
  labelLines: 3,
} as const;

const headerChars = Math.floor((LADDER_LAYOUT.railWidth - 4) / (LADDER_LAYOUT.headerFont * LADDER_LAYOUT.headerCharWidth));

/** Both (or all) tracks of a family as ladders side by side, rising to their top grade, one rung per level. */
export function dualLadder(ladder: Ladder, family: string): DualLadder {
  const L = LADDER_LAYOUT;
  const tracks = tracksOf(ladder, family);
  const grades = familyGrades(ladder, family);
  const low = grades[0] ?? 1;
  const high = grades.at(-1) ?? 1;
  const count = high - low + 1;
  const width = L.axis + tracks.length * L.railWidth + Math.max(0, tracks.length - 1) * L.gap + L.margin;
  const maxChars = Math.floor((L.railWidth - 16) / (L.font * L.charWidth));
  // Long titles ("Senior Principal Software Development Engineer in Test") take up to
  // L.labelLines lines; every row grows to hold the longest, so labels never reach the rung above.
  const lineCount = Math.max(1, ...tracks.flatMap((t) => (ladder.levelsByTrack.get(t.id) ?? []).map((l) => wrapText(l.title, maxChars, L.labelLines).length)));
  const row = Math.max(L.row, lineCount * (L.font + 2) + 20);
  const headerLines = Math.max(1, ...tracks.map((t) => wrapText(t.name, headerChars, 3).length));
  // The header's last line (baseline 18 + …) clears the top rung's first label line by 8 units.
  const lastHeaderLine = 18 + (headerLines - 1) * (L.headerFont + 2);
  const header = Math.max(L.header, lastHeaderLine + 8 + 16 + (lineCount - 1) * (L.font + 2) + L.font - row);
  const height = header + count * row + L.margin;
  // Grade g sits at the bottom of its row: the lowest grade at the bottom of the picture.
  const yOf = (grade: number) => header + (high - grade + 1) * row - 8;

  const rails: Rail[] = tracks.map((track, i) => {
    const left = L.axis + i * (L.railWidth + L.gap);
    const right = left + L.railWidth;
    const levels = (ladder.levelsByTrack.get(track.id) ?? []).filter((l) => levelAt(ladder, track.id, l.grade) === l);
    const rungs: Rung[] = levels.map((level) => {
      const y = yOf(level.grade);
      const lines = wrapText(level.title, maxChars, L.labelLines);
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
      left,
      right,
      top,
      bottom,
      header: { x: left + L.railWidth / 2, y: 18, lines: wrapText(track.name, headerChars, 3) },
      rungs,
      topGrade: levels.at(-1)?.grade,
    };
  });

  const tops = rails.map((r) => r.topGrade);
  return {
    width,
    height,
    grades: grades.map((grade) => ({ grade, y: yOf(grade), label: { x: L.axis - 10, y: yOf(grade) + 4 } })),
    guide: { x1: L.axis - 4, x2: width - L.margin },
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
    budget: showBudget ? { y: A.top + A.row + 18, x, width: A.plot * fraction, full: A.plot, value: level.authority.budget, max: maxBudget, fraction } : undefined,
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
