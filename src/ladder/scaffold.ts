/**
 * Templates for new content files. A new level starts equal to its
 * counterparts: where another track of the family already has a level at
 * that grade, its pay band and authority are copied, so parity holds by
 * construction. Everything else gets a placeholder that passes the schema
 * and is easy to spot ("TODO").
 *
 * Pure functions of the model: they return the path and the text, and the
 * caller decides whether and how to write them (never over an existing file).
 */
import { stringify } from 'yaml';
import { levelAt, mayHoldGrade, slugify, type Ladder, type Level } from './model.ts';
import { SLUG_PATTERN, TRACK_KINDS, type LevelData, type TrackKind } from './schema.ts';
import { forbiddenCharacter } from './text.ts';

/** A problem with what was asked: an unknown track, a taken grade, a bad id. */
export class ScaffoldError extends Error {}

export interface Scaffold {
  /** Path relative to the content directory, with forward slashes. */
  path: string;
  text: string;
  /** What was copied or guessed, in words, for the person who ran the command. */
  notes: string[];
}

export const PLACEHOLDER = 'TODO';

export interface NewLevel {
  track: string;
  grade: number;
  title: string;
  /** The file name without .md; default: a slug of the title. */
  id?: string;
  summary?: string;
}

export function scaffoldLevel(ladder: Ladder, options: NewLevel): Scaffold {
  const track = ladder.track.get(options.track);
  if ((!track || track.provisional) && ladder.rejected.track.has(options.track)) {
    throw new ScaffoldError(`tracks/${options.track}.md has errors, so its levels cannot be planned yet: run "ladder check" and fix it first.`);
  }
  if (!track) {
    const known = ladder.tracks.map((t) => t.id).join(', ') || 'none yet';
    throw new ScaffoldError(`There is no track "${options.track}" (tracks: ${known}). Create it first with "ladder new track".`);
  }
  const grade = options.grade;
  if (!Number.isInteger(grade) || grade < 1 || grade > 99) throw new ScaffoldError(`The grade must be a whole number from 1 to 99, not ${grade}`);
  const title = clean(options.title, 'title');
  const id = idFor(options.id, title);
  const unreadable = mayHoldGrade(ladder, track.id, [grade]);
  if (unreadable) {
    throw new ScaffoldError(
      // (An id ending in "/" is a whole folder of levels that could not be read: a symbolic link, load.ts.)
      `levels/${unreadable.endsWith('/') ? unreadable.slice(0, -1) : `${unreadable}.md`} has errors and may be the level at grade ${grade} already: run "ladder check" and fix it first.`,
    );
  }
  const taken = levelAt(ladder, track.id, grade);
  if (taken) {
    throw new ScaffoldError(
      `${track.name} already has a level at grade ${grade}: ${taken.title} (${taken.source.file}). A track has one level per grade; edit that file instead.`,
    );
  }

  const notes: string[] = [];
  const counterparts = (ladder.levelsByFamilyGrade.get(track.family)?.get(grade) ?? []).filter((l) => l.track !== track.id);
  let pay: LevelData['pay'];
  let authority: LevelData['authority'];
  let todo = false;
  const model = counterparts[0];
  if (model) {
    ({ pay, authority } = copyTerms(model));
    notes.push(`Pay band and authority copied from ${model.title} (${model.source.file}), so the new level starts equal to it.`);
    const disagree = counterparts.find((other) => !sameTerms(model, other));
    if (disagree) notes.push(`Note: ${model.title} and ${disagree.title} already differ at grade ${grade}; "ladder check" will say how.`);
  } else {
    // No counterpart: start from the nearest level of the same track, which can never be a pay regression.
    const levels = ladder.levelsByTrack.get(track.id) ?? [];
    const below = levels.filter((l) => l.grade < grade).at(-1);
    const above = levels.find((l) => l.grade > grade);
    const near = below ?? above;
    todo = true;
    if (near) {
      ({ pay, authority } = copyTerms(near));
      notes.push(
        `No other track of the family has a level at grade ${grade}: pay band and authority start as a copy of ${near.title} (grade ${near.grade}); raise them to what grade ${grade} is worth.`,
      );
    } else {
      pay = { min: 0, max: 0 };
      authority = { scope: ladder.scopes[0] ?? 'team', budget: 0, decisions: [] };
      notes.push('This is the first level of its track: pay band and authority are placeholders (0); fill them in.');
    }
  }
  const summary = options.summary?.trim() || `${PLACEHOLDER}: one sentence that says what this level is.`;
  const refused = forbiddenCharacter(summary, true);
  if (refused) throw new ScaffoldError(`The summary ${refused}`);
  if (!options.summary?.trim()) notes.push('The summary and every competency section are placeholders marked TODO.');

  const competencies = track.competencies.map((c) => ladder.competency.get(c)?.name ?? c);
  const lines = [
    '---',
    `title: ${scalar(title)}`,
    `grade: ${grade}`,
    `summary: ${scalar(summary)}`,
    todo ? `pay: # ${PLACEHOLDER}: no equivalent level at this grade yet; set the band` : 'pay:',
    `  min: ${pay.min}`,
    `  max: ${pay.max}`,
    'authority:',
    `  scope: ${scalar(authority.scope)}`,
    `  budget: ${authority.budget}`,
    `  decisions: ${flow(authority.decisions)}`,
    '---',
    '',
    `${PLACEHOLDER}: who holds this level and what changes from the level below.`,
    ...competencies.flatMap((name) => ['', `## ${name}`, '', `- ${PLACEHOLDER}: what people at this level visibly do in ${name.toLowerCase()}.`]),
    '',
  ];
  return { path: `levels/${track.id}/${id}.md`, text: lines.join('\n'), notes };
}

export interface NewTrack {
  name: string;
  family: string;
  kind: TrackKind;
  id?: string;
  /** Competency ids; default: those of another track of the family (one of the same kind first). */
  competencies?: string[];
}

export function scaffoldTrack(ladder: Ladder, options: NewTrack): Scaffold {
  const name = clean(options.name, 'name');
  const id = idFor(options.id, name);
  if (!ladder.family.has(options.family) && ladder.rejected.family.has(options.family)) {
    throw new ScaffoldError(`families/${options.family}.md has errors: run "ladder check" and fix it first.`);
  }
  if (!ladder.family.has(options.family)) {
    const known = ladder.families.map((f) => f.id).join(', ') || 'none yet';
    throw new ScaffoldError(`There is no family "${options.family}" (families: ${known}). Create it first with "ladder new family".`);
  }
  if (!(TRACK_KINDS as readonly string[]).includes(options.kind)) {
    throw new ScaffoldError(`The kind must be one of ${TRACK_KINDS.join(', ')}, not "${options.kind}"`);
  }
  const notes: string[] = [];
  let competencies = options.competencies;
  if (!competencies || competencies.length === 0) {
    const siblings = ladder.tracksByFamily.get(options.family) ?? [];
    const model = siblings.find((t) => t.kind === options.kind) ?? siblings[0];
    if (!model) throw new ScaffoldError('The family has no track yet to copy competencies from: list them with --competencies a,b,c');
    competencies = model.competencies;
    notes.push(`Competencies copied from ${model.name} (${model.source.file}); edit the list if this track differs.`);
  }
  const unknown = competencies.filter((c) => !ladder.competency.has(c));
  if (unknown.length > 0) {
    throw new ScaffoldError(`Unknown competenc${unknown.length === 1 ? 'y' : 'ies'}: ${unknown.join(', ')}. Create ${unknown.length === 1 ? 'it' : 'them'} first with "ladder new competency".`);
  }
  notes.push(`Add its levels with "ladder new level ${id} --grade N --title ...".`);
  const text = [
    '---',
    `name: ${scalar(name)}`,
    `family: ${options.family}`,
    `kind: ${options.kind}`,
    `competencies: ${flow(competencies)}`,
    '---',
    '',
    `${PLACEHOLDER}: who this track is for and how people grow along it.`,
    '',
  ].join('\n');
  return { path: `tracks/${id}.md`, text, notes };
}

export interface NewNamed {
  name: string;
  id?: string;
}

export function scaffoldFamily(_ladder: Ladder, options: NewNamed): Scaffold {
  const name = clean(options.name, 'name');
  const id = idFor(options.id, name);
  return {
    path: `families/${id}.md`,
    text: ['---', `name: ${scalar(name)}`, '---', '', `${PLACEHOLDER}: what ${name} does at the company.`, ''].join('\n'),
    notes: [`Add its tracks with "ladder new track --family ${id} --kind individual-contributor --name ..." (and one for management).`],
  };
}

export function scaffoldCompetency(_ladder: Ladder, options: NewNamed): Scaffold {
  const name = clean(options.name, 'name');
  const id = idFor(options.id, name);
  return {
    path: `competencies/${id}.md`,
    text: ['---', `name: ${scalar(name)}`, '---', '', `${PLACEHOLDER}: what ${name} means, and how it grows from grade to grade.`, ''].join('\n'),
    notes: [
      `List "${id}" in the competencies of the tracks that use it, and add a "## ${name}" section to each of their levels: "ladder check" lists the levels that lack it.`,
    ],
  };
}

function copyTerms(level: Level): Pick<LevelData, 'pay' | 'authority'> {
  return {
    pay: { min: level.pay.min, max: level.pay.max },
    authority: { scope: level.authority.scope, budget: level.authority.budget, decisions: [...level.authority.decisions] },
  };
}

function sameTerms(a: Level, b: Level): boolean {
  return (
    a.pay.min === b.pay.min &&
    a.pay.max === b.pay.max &&
    a.authority.scope === b.authority.scope &&
    a.authority.budget === b.authority.budget &&
    [...a.authority.decisions].sort().join() === [...b.authority.decisions].sort().join()
  );
}

function clean(value: string, what: string): string {
  const text = value.replace(/\s+/g, ' ').trim();
  if (text === '') throw new ScaffoldError(`The ${what} must not be empty`);
  // The same characters the check refuses in a field (text.ts): a scaffold never writes a file that fails for them.
  const why = forbiddenCharacter(text);
  if (why) throw new ScaffoldError(`The ${what} ${why}`);
  return text;
}

/** An explicit id (checked) or a slug of the name. */
function idFor(explicit: string | undefined, name: string): string {
  if (explicit !== undefined) {
    if (!SLUG_PATTERN.test(explicit)) throw new ScaffoldError(`"${explicit}" is not a valid id: use lowercase letters, digits and single hyphens, such as "staff-engineer"`);
    return explicit;
  }
  const id = slugify(name);
  if (!SLUG_PATTERN.test(id) || !/[a-z0-9]/.test(name.toLowerCase().normalize('NFKD'))) {
    throw new ScaffoldError(`Cannot make a file name from "${name}": pass one with --id`);
  }
  return id;
}

/** A YAML scalar on one line: plain where that reads back as the same string, quoted otherwise. */
function scalar(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

function flow(items: readonly string[]): string {
  return `[${items.join(', ')}]`;
}
