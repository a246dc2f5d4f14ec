/**
 * Assembles the typed Ladder from validated files and builds the indexes
 * that the rules and the pages need.
 */
import type { Body } from './markdown.ts';
import { parseBody, splitSections } from './markdown.ts';
import { slugify, type Competency, type Exception, type Family, type Ladder, type Level, type Page, type Section, type Source, type Track } from './model.ts';
import { ladderZones, makeBand, resolvePay, type Band, type Zone } from './pay.ts';
import { DEFAULT_ROUNDING, type CompetencyData, type FamilyData, type LadderData, type LevelData, type TrackData } from './schema.ts';
import { comparable } from './text.ts';

export interface Entry<T> {
  id: string;
  data: T;
  body: Body;
  source: Source;
  /** For levels: the track folder. */
  track?: string;
  /** For a track whose file has errors: which of its fields could be read (see Track.provisional). */
  provisional?: Track['provisional'];
}

export interface Entries {
  ladder: Entry<LadderData> | undefined;
  families: Entry<FamilyData>[];
  competencies: Entry<CompetencyData>[];
  tracks: Entry<TrackData>[];
  levels: Entry<LevelData>[];
  pages: Map<string, Page>;
  rejected: { family: Set<string>; competency: Set<string>; track: Set<string>; level: Set<string> };
  unreadable: { grade: Map<string, number | undefined>; family: Map<string, string | undefined> };
}

const FALLBACK: LadderData = {
  name: 'Career ladder',
  currency: 'USD',
  scopes: ['team', 'group', 'org', 'division', 'company'],
  parity: { pay: 'identical', exceptions: [] },
  rounding: DEFAULT_ROUNDING,
  visibility: { pay: 'public' },
};

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The one order of families and tracks that every list follows (1.1): by
 * `order`, lowest first, then by id; entries without an order come after
 * those with one.
 */
export const byOrder = <T extends { id: string; order?: number | undefined }>(a: T, b: T) =>
  (a.order ?? Number.POSITIVE_INFINITY) - (b.order ?? Number.POSITIVE_INFINITY) || byId(a, b);

export function buildLadder(entries: Entries): Ladder {
  const ladderEntry = entries.ladder;
  const ladderData = ladderEntry?.data ?? FALLBACK;
  const ladderSource: Source = ladderEntry?.source ?? { file: 'ladder.md', locate: () => ({ file: 'ladder.md', line: 1, column: 1 }) };

  const zones = ladderZones(ladderData);
  const families: Family[] = entries.families.map((e) => makeFamily(e)).sort(byOrder);
  const competencies: Competency[] = entries.competencies.map((e) => ({ ...e.data, id: e.id, body: e.body, source: e.source })).sort(byId);
  const competency = new Map(competencies.map((c) => [c.id, c]));
  const family = new Map(families.map((f) => [f.id, f]));
  // Tracks of an unknown family (reported by the rules) come after every known family.
  const rank = new Map(families.map((f, i) => [f.id, i]));
  const familyRank = (id: string) => rank.get(id) ?? families.length;

  const tracks: Track[] = entries.tracks
    .map((e): Track => ({ ...e.data, id: e.id, body: e.body, source: e.source, ...(e.provisional ? { provisional: e.provisional } : {}) }))
    .sort((a, b) => (a.family === b.family ? trackOrder(a, b) : familyRank(a.family) - familyRank(b.family) || (a.family < b.family ? -1 : 1)));
  const track = new Map(tracks.map((t) => [t.id, t]));

  const levels: Level[] = [];
  for (const e of entries.levels) {
    const owner = track.get(e.track ?? '');
    if (!owner) continue; // orphan or rejected track: reported by the rules, not part of the model
    levels.push(makeLevel(e, owner, competency, family.get(owner.family), zones, ladderData.rounding));
  }
  levels.sort((a, b) => tracks.indexOf(track.get(a.track)!) - tracks.indexOf(track.get(b.track)!) || a.grade - b.grade || byId(a, b));

  const levelsByTrack = new Map<string, Level[]>(tracks.map((t) => [t.id, []]));
  const levelsByFamilyGrade = new Map<string, Map<number, Level[]>>();
  for (const level of levels) {
    levelsByTrack.get(level.track)?.push(level);
    let grades = levelsByFamilyGrade.get(level.family);
    if (!grades) levelsByFamilyGrade.set(level.family, (grades = new Map()));
    const row = grades.get(level.grade);
    if (row) row.push(level);
    else grades.set(level.grade, [level]);
  }
  const tracksByFamily = new Map<string, Track[]>();
  for (const t of tracks) {
    const list = tracksByFamily.get(t.family);
    if (list) list.push(t);
    else tracksByFamily.set(t.family, [t]);
  }

  const exceptions: Exception[] = ladderData.parity.exceptions.map((exception, index) => ({
    ...exception,
    index,
    excused: 0,
    source: ladderSource,
  }));

  return {
    name: ladderData.name,
    currency: ladderData.currency,
    repository: ladderData.repository,
    scopes: ladderData.scopes,
    parity: { pay: ladderData.parity.pay, exceptions },
    zones,
    rounding: ladderData.rounding,
    visibility: { pay: ladderData.visibility.pay },
    ...(ladderEntry ? {} : { provisional: true as const }),
    intro: ladderEntry?.body ?? parseBody('', 1),
    source: ladderSource,
    families,
    competencies,
    tracks,
    levels,
    pages: entries.pages,
    family,
    competency,
    track,
    level: new Map(levels.map((l) => [l.id, l])),
    levelsByTrack,
    tracksByFamily,
    levelsByFamilyGrade,
    rejected: entries.rejected,
    unreadable: entries.unreadable,
  };
}

function kindOrder(track: Pick<Track, 'kind'>): number {
  return track.kind === 'individual-contributor' ? 0 : 1;
}

/** Tracks of one family: by `order`; without one, individual-contributor tracks first; then by id. */
export function trackOrder(a: Pick<Track, 'id' | 'kind' | 'order'>, b: Pick<Track, 'id' | 'kind' | 'order'>): number {
  return (a.order ?? Number.POSITIVE_INFINITY) - (b.order ?? Number.POSITIVE_INFINITY) || kindOrder(a) - kindOrder(b) || byId(a, b);
}

/**
 * A heading matches a competency by its name or its id, ignoring case and
 * surrounding space; a no-break space (or another space-like character) is a
 * space, so "## Technical\u00a0craft" matches "Technical craft" (text.ts comparable).
 */
export function matchCompetency(heading: string, ids: readonly string[], competency: ReadonlyMap<string, Competency>): string | undefined {
  const wanted = comparable(heading);
  return ids.find((id) => {
    const found = competency.get(id);
    return id.toLowerCase() === wanted || (found !== undefined && comparableName(found) === wanted);
  });
}

/** A competency's name as headings are compared with it, worked out once per competency rather than once per heading. */
const comparableNames = new WeakMap<Competency, string>();
function comparableName(competency: Competency): string {
  let name = comparableNames.get(competency);
  if (name === undefined) comparableNames.set(competency, (name = comparable(competency.name)));
  return name;
}

function makeFamily(e: Entry<FamilyData>): Family {
  const { bands: written, ...data } = e.data;
  const bands = new Map<number, Band>();
  for (const [key, band] of Object.entries(written ?? {})) {
    const grade = Number(key);
    bands.set(grade, makeBand(band, 'family', grade, { source: e.source, path: ['bands', key] }));
  }
  return { ...data, id: e.id, body: e.body, source: e.source, bands };
}

function makeLevel(e: Entry<LevelData>, owner: Track, competency: Map<string, Competency>, family: Family | undefined, zones: Zone[], rounding: number): Level {
  const { intro, sections: raw } = splitSections(e.body);
  const used = new Set<string>();
  const sections: Section[] = raw.map((section) => {
    const id = matchCompetency(section.heading, owner.competencies, competency);
    let anchor = id ?? slugify(section.heading);
    while (used.has(anchor)) anchor = `${anchor}-2`;
    used.add(anchor);
    return { ...section, competency: id, anchor };
  });
  const order = (s: Section) => (s.competency === undefined ? owner.competencies.length : owner.competencies.indexOf(s.competency));
  sections.sort((a, b) => order(a) - order(b) || a.line - b.line);
  const { pay: own, ...data } = e.data;
  const band = own ? makeBand(own, 'level', data.grade, { source: e.source, path: ['pay'] }) : family?.bands.get(data.grade);
  return {
    ...data,
    pay: band ? resolvePay(band, zones, rounding) : undefined,
    id: e.id,
    slug: e.id.slice(e.id.indexOf('/') + 1),
    track: owner.id,
    family: owner.family,
    intro,
    sections,
    body: e.body,
    source: e.source,
  };
}
