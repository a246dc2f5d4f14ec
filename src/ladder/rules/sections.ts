/**
 * Each level's `## ` sections against its track's competencies, read once
 * for the three rules that report on them: content/missing-section,
 * content/unknown-section and content/duplicate-section. A heading that was
 * meant for a missing section (misspelt, or written `##Name`, or at another
 * heading level) is explained by content/missing-section, and so not also
 * reported as unknown.
 */
import { matchCompetency } from '../build.ts';
import { headingSlips, type HeadingSlip } from '../markdown.ts';
import { slugify, type Ladder, type Level, type Section, type Track } from '../model.ts';
import { closest } from '../validate.ts';

export interface LevelSections {
  level: Level;
  track: Track;
  /** The track's competencies by name, for messages: "Technical craft, Impact". */
  names: string;
  /** Headings that name a competency of another track. */
  otherTrack: Section[];
  /** A second section of one competency, with the first. */
  duplicates: { section: Section; first: Section }[];
  /** Competencies of the track without a section, with the heading that was probably meant for each. */
  missing: { id: string; name: string; misspelt?: Section; slip?: HeadingSlip }[];
  /** Headings that match no competency and were meant for none of the missing ones. */
  unknown: Section[];
}

const cache = new WeakMap<Ladder, LevelSections[]>();

/** Every level whose track's competencies could be read, with what its sections say. */
export function levelSections(ladder: Ladder): LevelSections[] {
  let found = cache.get(ladder);
  if (!found) {
    found = ladder.levels.flatMap((level) => read(ladder, level) ?? []);
    cache.set(ladder, found);
  }
  return found;
}

function read(ladder: Ladder, level: Level): LevelSections | undefined {
  const allCompetencies = [...ladder.competency.keys()];
  const track = ladder.track.get(level.track)!;
  // The track's competencies could not be read (its file has errors): nothing to check the sections against.
  if (track.provisional && !track.provisional.competencies) return undefined;
  // Competencies the track lists that exist nowhere are a typo in the track (ref/unknown there), not in its levels.
  const exists = (id: string) => ladder.competency.has(id) || ladder.rejected.competency.has(id);
  const listTypo = track.competencies.some((id) => !exists(id));
  const seen = new Map<string, Section>();
  const strays: Section[] = [];
  const otherTrack: Section[] = [];
  const duplicates: LevelSections['duplicates'] = [];
  for (const section of level.sections) {
    if (section.competency === undefined) {
      const elsewhere = matchCompetency(section.heading, allCompetencies, ladder.competency);
      if (elsewhere && listTypo) continue;
      if (!elsewhere) strays.push(section);
      else otherTrack.push(section);
      continue;
    }
    const first = seen.get(section.competency);
    if (first) duplicates.push({ section, first });
    else seen.set(section.competency, section);
  }

  // A competency whose own file has errors has no name to look for yet: its file's error comes first.
  const unreadable = track.competencies.filter((id) => ladder.rejected.competency.has(id) && !ladder.competency.has(id));
  if (unreadable.length > 0) {
    for (let i = strays.length - 1; i >= 0; i--) if (closest(slugify(strays[i]!.heading), unreadable) !== undefined) strays.splice(i, 1);
  }
  const absent = track.competencies.filter((id) => !seen.has(id) && ladder.competency.has(id));
  const slips = absent.length > 0 ? headingSlips(level.body) : [];
  const explained = new Set<Section>();
  const missing: LevelSections['missing'] = [];
  for (const id of absent) {
    const name = ladder.competency.get(id)?.name ?? id;
    // A heading that was meant for this section: misspelt, without a space after ##, or at another level.
    const misspelt = strays.find((s) => !explained.has(s) && closest(s.heading, [name, id]) !== undefined);
    if (misspelt) {
      explained.add(misspelt);
      missing.push({ id, name, misspelt });
      continue;
    }
    const slip = slips.find((s) => closest(s.heading, [name, id]) !== undefined);
    missing.push(slip ? { id, name, slip } : { id, name });
  }
  return {
    level,
    track,
    names: track.competencies.map((id) => ladder.competency.get(id)?.name ?? id).join(', '),
    otherTrack,
    duplicates,
    missing,
    unknown: strays.filter((s) => !explained.has(s)),
  };
}
