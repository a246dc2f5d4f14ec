/**
 * Templates for new content files. A new level starts equal to its
 * counterparts: where another track of the family already has a level at
 * that grade, its pay band and authority are copied, so parity holds by
 * construction. Everything else gets a placeholder that passes the schema
 * and is easy to spot ("TODO").
 *
 * Pure functions of the model: they return the path and the text, and the
 * caller decides whether and how to write them (never over an existing file).
 * A family's band (1.1) is the one edit of an existing file: scaffoldBand
 * returns the family file with the band inserted, every other byte kept.
 */
import { isDeepStrictEqual } from 'node:util';
import { stringify } from 'yaml';
import { parseFrontmatter } from './frontmatter.ts';
import { levelAt, mayHoldGrade, PLACEHOLDER, slugify, type Ladder, type Level } from './model.ts';
import { formatBand } from './money.ts';
import { derive } from './pay.ts';
import { SLUG_PATTERN, TRACK_KINDS, type BandData, type LevelData, type TrackKind } from './schema.ts';
import { bandLines } from './sheets/pay.ts';
import { forbiddenCharacter } from './text.ts';
import { closest, validateFrontmatter } from './validate.ts';

/** A problem with what was asked: an unknown track, a taken grade, a bad id. */
export class ScaffoldError extends Error {}

export interface Scaffold {
  /** Path relative to the content directory, with forward slashes. */
  path: string;
  text: string;
  /** What was copied or guessed, in words, for the person who ran the command. */
  notes: string[];
}

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
  if (ladder.rejected.family.has(track.family)) {
    // Its bands cannot be read, so whether the level needs a pay: block of its own cannot be told.
    throw new ScaffoldError(`families/${track.family}.md has errors, so the pay of its levels cannot be planned yet: run "ladder check" and fix it first.`);
  }
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
  // (1.1) A band the family already holds for this grade is the level's pay: nothing to copy.
  const family = ladder.family.get(track.family);
  const familyBand = family?.bands.get(grade);
  let pay: LevelData['pay'];
  let authority: LevelData['authority'];
  let todo = false;
  const model = counterparts[0];
  if (model) {
    ({ pay, authority } = copyTerms(model));
    notes.push(
      familyBand
        ? `Authority copied from ${model.title} (${model.source.file}); pay is the grade ${grade} band of ${family!.source.file}, shared by every track.`
        : `Pay band and authority copied from ${model.title} (${model.source.file}), so the new level starts equal to it.`,
    );
    const disagree = counterparts.find((other) => !sameTerms(model, other));
    if (disagree) notes.push(`Note: ${model.title} and ${disagree.title} already differ at grade ${grade}; "ladder check" will say how.`);
  } else {
    // No counterpart: start from the nearest level of the same track, which can never be a pay regression.
    const levels = ladder.levelsByTrack.get(track.id) ?? [];
    const below = levels.filter((l) => l.grade < grade).at(-1);
    const above = levels.find((l) => l.grade > grade);
    const near = below ?? above;
    todo = true;
    // With the family's band for the grade, only the authority is left to start from somewhere.
    const terms = familyBand ? 'authority starts' : 'pay band and authority start';
    if (near) {
      ({ pay, authority } = copyTerms(near));
      notes.push(
        `No other track of the family has a level at grade ${grade}: ${terms} as a copy of ${near.title} (grade ${near.grade}); raise ${familyBand ? 'it' : 'them'} to what grade ${grade} is worth.`,
      );
    } else {
      pay = { min: 0, max: 0 };
      authority = { scope: ladder.scopes[0] ?? 'team', budget: 0, decisions: [] };
      notes.push(
        `This is the first level of its track: ${familyBand ? 'its authority is a placeholder' : 'pay band and authority are placeholders'} (0); fill ${familyBand ? 'it' : 'them'} in.`,
      );
    }
    if (familyBand) notes.push(`Pay is the grade ${grade} band of ${family!.source.file}, shared by every track.`);
    else if (family && family.bands.size > 0) {
      notes.push(
        `${family.source.file} has no band for grade ${grade}: add it with "ladder new band ${family.id} --grade ${grade} --min … --max …" and remove this level's pay block.`,
      );
    }
  }
  if (familyBand) pay = undefined;
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
    ...(pay ? [todo ? `pay: # ${PLACEHOLDER}: no equivalent level at this grade yet; set the band` : 'pay:', ...bandLines(draftOf(pay), '  ')] : []),
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

export interface NewBand {
  family: string;
  grade: number;
  /** The anchor zone's amounts (the first zone of ladder.md, or the ladder's only one). */
  min: number;
  max: number;
  /** Target bonus, percent of base pay. */
  bonus?: number;
  equity?: { min: number; max: number };
  /** Amounts set by hand, by zone id, in the order given. */
  zones?: Record<string, { min: number; max: number }>;
}

/** A change to a file that exists: its text as read, and as it will be. */
export interface FileEdit extends Scaffold {
  /** The file's text before the edit: the caller writes only if the file still reads so. */
  original: string;
}

/**
 * (1.1) A family's band for one grade, inserted into `bands:` of the family
 * file as text (`text` is that file as read): grades stay in ascending
 * order, `bands:` is added at the end of the frontmatter when the file has
 * none, and every other byte of the file is kept, comments included. The
 * result is read back and must hold exactly the old bands plus the new one,
 * or nothing is returned.
 */
export function scaffoldBand(ladder: Ladder, text: string, options: NewBand): FileEdit {
  const { grade } = options;
  if (!ladder.family.has(options.family) && ladder.rejected.family.has(options.family)) {
    throw new ScaffoldError(`families/${options.family}.md has errors: run "ladder check" and fix it first.`);
  }
  const family = ladder.family.get(options.family);
  if (!family) {
    const known = ladder.families.map((f) => f.id).join(', ') || 'none yet';
    throw new ScaffoldError(`There is no family "${options.family}" (families: ${known}). Create it first with "ladder new family".`);
  }
  if (!Number.isInteger(grade) || grade < 1 || grade > 99) throw new ScaffoldError(`The grade must be a whole number from 1 to 99, not ${grade}`);
  if (ladder.provisional) {
    throw new ScaffoldError('ladder.md is missing or has errors, so the pay zones a band must cover are not known: run "ladder check" and fix it first.');
  }
  const taken = family.bands.get(grade);
  if (taken) {
    const at = taken.at.source.locate(taken.at.path, 'key');
    throw new ScaffoldError(`${family.name} already has a band for grade ${grade} (${family.source.file}, line ${at.line}): edit it there.`);
  }
  const anchor = ladder.zones[0]!;
  const amounts = (what: string, range: { min: number; max: number }) => {
    for (const n of [range.min, range.max]) {
      if (!Number.isSafeInteger(n) || n < 0) throw new ScaffoldError(`${what} must be whole amounts of 0 or more, not ${n}`);
    }
    if (range.min > range.max) throw new ScaffoldError(`${what}: the minimum ${range.min} is above the maximum ${range.max}: swap them`);
  };
  amounts('The band', options);
  if (options.equity) amounts('The equity range', options.equity);
  if (options.bonus !== undefined && !(Number.isFinite(options.bonus) && options.bonus >= 0 && options.bonus <= 200)) {
    throw new ScaffoldError(`The bonus target is a percentage of base pay from 0 to 200, not ${options.bonus}`);
  }
  const declared = ladder.zones.filter((z) => z.declared);
  const zones = options.zones ?? {};
  for (const [id, range] of Object.entries(zones)) {
    if (declared.length === 0) throw new ScaffoldError(`ladder.md declares no pay zones, so there is no zone "${id}": leave out --zone`);
    const zone = declared.find((z) => z.id === id);
    if (!zone) {
      const near = closest(
        id,
        declared.map((z) => z.id),
      );
      throw new ScaffoldError(
        `"${id}" is not a pay zone${near ? `: did you mean "${near}"?` : ''} (the zones of ladder.md are ${declared.map((z) => `"${z.id}"`).join(', ')})`,
      );
    }
    if (zone.index === 0) throw new ScaffoldError(`"${id}" is the first zone, the anchor: its band is --min and --max, so leave out --zone ${id}=…`);
    amounts(`The band in ${zone.name}`, range);
  }
  const missing = declared.filter((z) => z.index > 0 && z.factor === undefined && !zones[z.id]);
  if (missing.length > 0) {
    throw new ScaffoldError(
      `${missing.map((z) => `${z.name} ("${z.id}")`).join(' and ')} ${missing.length === 1 ? 'has' : 'have'} no factor in ladder.md, so every band sets its amounts there by hand: add ${missing.map((z) => `--zone ${z.id}=MIN-MAX`).join(' ')}`,
    );
  }

  const band: BandData = {
    min: options.min,
    max: options.max,
    ...(options.bonus !== undefined ? { bonus: options.bonus } : {}),
    ...(options.equity ? { equity: { min: options.equity.min, max: options.equity.max } } : {}),
    ...(Object.keys(zones).length > 0 ? { zones: Object.fromEntries(Object.entries(zones).map(([id, r]) => [id, { min: r.min, max: r.max }])) } : {}),
  };
  const draft = {
    min: band.min,
    max: band.max,
    ...(band.bonus !== undefined ? { bonus: band.bonus } : {}),
    ...(band.equity ? { equityMin: band.equity.min, equityMax: band.equity.max } : {}),
    zones: Object.entries(band.zones ?? {}).map(([zone, r]) => ({ zone, min: r.min, max: r.max })),
  };
  const edited = insertBand(text, grade, (indent, child) => [`${indent}${grade}:`, ...bandLines(draft, indent + child)]);
  if (edited === undefined || !sameButBand(text, edited, grade, band)) {
    throw new ScaffoldError(
      `${family.source.file} writes bands: in a way this command cannot add to safely (on one line, or with unusual indentation): add the grade ${grade} band by hand under bands:\n${[`  ${grade}:`, ...bandLines(draft, '    ')].join('\n')}`,
    );
  }

  const notes: string[] = [];
  for (const zone of ladder.zones.slice(1)) {
    const set = zones[zone.id];
    if (set) notes.push(`${zone.name}: ${formatBand(set, zone.currency)}, set by hand.`);
    else if (zone.factor !== undefined) {
      const derived = { min: derive(band.min, zone.factor, ladder.rounding), max: derive(band.max, zone.factor, ladder.rounding) };
      notes.push(`${zone.name}: ${formatBand(derived, zone.currency)}, the band times ${zone.factor}.`);
    }
  }
  // The check compares the bands of levels, up each track: bands no level uses yet are compared here, as a note.
  const grades = [...family.bands.keys()].sort((a, b) => a - b);
  const below = family.bands.get(grades.filter((g) => g < grade).at(-1) ?? -1);
  const above = family.bands.get(grades.find((g) => g > grade) ?? -1);
  if (below && (band.min < below.min || band.max < below.max)) {
    notes.push(
      `Note: this band is below the grade ${below.grade} band (${formatBand(below, anchor.currency)}): "ladder check" reports a pay/regression once levels use both.`,
    );
  }
  if (above && (above.min < band.min || above.max < band.max)) {
    notes.push(
      `Note: the grade ${above.grade} band (${formatBand(above, anchor.currency)}) is below this one: "ladder check" reports a pay/regression once levels use both.`,
    );
  }
  const levels = ladder.levelsByFamilyGrade.get(family.id)?.get(grade) ?? [];
  const own = levels.filter((l) => l.pay?.band.owner === 'level');
  const paid = levels.filter((l) => l.pay?.band.owner !== 'level');
  if (levels.length === 0) {
    notes.push(
      `No level of ${family.name} is at grade ${grade} yet: add one per track with "ladder new level <track> --grade ${grade} --title ...", and each is paid from this band.`,
    );
  } else if (paid.length > 0) {
    notes.push(`Paid from this band: ${paid.map((l) => l.title).join(', ')}.`);
  }
  for (const level of own) {
    notes.push(
      `${level.title} (${level.source.file}) has a pay: block of its own, which wins over this band: remove it if the level is to be paid from the band.`,
    );
  }
  if (anchor.declared) notes.unshift(`${anchor.name}: ${formatBand(band, anchor.currency)}.`);
  return { path: family.source.file, text: edited, original: text, notes };
}

/**
 * The family file with one grade's entry inserted under `bands:`, from the
 * lines that `entry(indent, childIndent)` gives; undefined when `bands:` is
 * not written as a block this can add to (a flow mapping, say).
 */
function insertBand(text: string, grade: number, entry: (indent: string, child: string) => string[]): string | undefined {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const lines = text.slice(bom.length).split('\n');
  const eol = lines[0]?.endsWith('\r') ? '\r\n' : '\n';
  const bare = (line: string) => line.replace(/\r$/, '');
  const close = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)[ \t]*$/.test(bare(line)));
  if (close < 1) return undefined;
  const join = (out: string[]) => bom + out.join('\n');
  const insert = (at: number, added: string[]) => join([...lines.slice(0, at), ...added.map((l) => l + (eol === '\r\n' ? '\r' : '')), ...lines.slice(at)]);
  const start = lines.findIndex((line, i) => i > 0 && i < close && /^(['"]?)bands\1[ \t]*:/.test(bare(line)));
  if (start < 0) return insert(close, ['bands:', ...entry('  ', '  ')]);
  const rest = bare(lines[start]!)
    .replace(/^(['"]?)bands\1[ \t]*:/, '')
    .replace(/(^|[ \t])#.*$/, '')
    .trim();
  if (rest === '{}' || rest === '~' || rest === 'null') {
    // An empty mapping written inline: the key line becomes a plain `bands:`, with the entry below.
    const out = [...lines];
    out.splice(start, 1, `bands:${eol === '\r\n' ? '\r' : ''}`);
    const added = entry('  ', '  ').map((l) => l + (eol === '\r\n' ? '\r' : ''));
    out.splice(start + 1, 0, ...added);
    return join(out);
  }
  if (rest !== '') return undefined;
  // The block: the lines after `bands:` up to the next line that starts in column 1 (a comment there included in the block).
  let end = start + 1;
  while (end < close && (bare(lines[end]!).trim() === '' || /^[ \t]/.test(lines[end]!) || /^#/.test(lines[end]!))) end++;
  const entries: { grade: number; line: number; indent: string }[] = [];
  for (let i = start + 1; i < end; i++) {
    const match = /^([ ]+)(['"]?)(\d+)\2[ \t]*:/.exec(bare(lines[i]!));
    if (match) entries.push({ grade: Number(match[3]), line: i, indent: match[1]! });
  }
  const indent = entries.reduce<string | undefined>(
    (shortest, e) => (shortest === undefined || e.indent.length < shortest.length ? e.indent : shortest),
    undefined,
  );
  if (indent === undefined) {
    // `bands:` with nothing under it but comments or blank lines.
    return insert(start + 1, entry('  ', '  '));
  }
  const top = entries.filter((e) => e.indent === indent);
  const first = top[0]!;
  const childLine = lines.slice(first.line + 1, end).find((l) => bare(l).trim() !== '' && !/^\s*#/.test(l));
  const childIndent = childLine ? /^[ ]*/.exec(childLine)![0].length - indent.length : 2;
  const child = ' '.repeat(childIndent > 0 ? childIndent : 2);
  const next = top.find((e) => e.grade > grade);
  if (next) {
    // Before the next grade, above the comments that introduce it.
    let at = next.line;
    while (at - 1 > start && /^[ \t]+#/.test(lines[at - 1]!) && /^[ \t]*/.exec(lines[at - 1]!)![0].length >= indent.length) at--;
    const spaced = at - 1 > start && bare(lines[at - 1]!).trim() === '';
    return insert(at, [...entry(indent, child), ...(spaced ? [''] : [])]);
  }
  // After the last grade: after the last line of the block that is not blank.
  let at = end;
  while (at - 1 > start && bare(lines[at - 1]!).trim() === '') at--;
  const last = top[top.length - 1]!;
  const spaced = last.line - 1 > start && bare(lines[last.line - 1]!).trim() === '';
  return insert(at, [...(spaced ? [''] : []), ...entry(indent, child)]);
}

/** Whether `after` reads as `before` with exactly one more band (this grade, these amounts) and nothing else changed. */
function sameButBand(before: string, after: string, grade: number, band: BandData): boolean {
  const a = parseFrontmatter('family.md', before);
  const b = parseFrontmatter('family.md', after);
  if (!a.ok || !b.ok) return false;
  const valid = validateFrontmatter('family', b.file);
  if (!valid.ok || a.file.body !== b.file.body) return false;
  const { bands: oldBands = {}, ...oldRest } = a.file.data as { bands?: Record<string, unknown> };
  const { bands: newBands = {}, ...newRest } = b.file.data as { bands?: Record<string, unknown> };
  const { [String(grade)]: added, ...kept } = newBands;
  return isDeepStrictEqual(oldRest, newRest) && isDeepStrictEqual(kept, oldBands) && isDeepStrictEqual(added, band);
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
    throw new ScaffoldError(
      `Unknown competenc${unknown.length === 1 ? 'y' : 'ies'}: ${unknown.join(', ')}. Create ${unknown.length === 1 ? 'it' : 'them'} first with "ladder new competency".`,
    );
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
  const band = level.pay?.band;
  return {
    pay: band
      ? {
          min: band.min,
          max: band.max,
          bonus: band.bonus,
          equity: band.equity ? { ...band.equity } : undefined,
          zones: Object.keys(band.set).length > 0 ? { ...band.set } : undefined,
        }
      : { min: 0, max: 0 },
    authority: { scope: level.authority.scope, budget: level.authority.budget, decisions: [...level.authority.decisions] },
  };
}

/** A band's data as the sheet importer's draft, so that one function writes band YAML (sheets/pay.ts). */
function draftOf(band: NonNullable<LevelData['pay']>): Parameters<typeof bandLines>[0] {
  return {
    min: band.min,
    max: band.max,
    ...(band.bonus !== undefined ? { bonus: band.bonus } : {}),
    ...(band.equity ? { equityMin: band.equity.min, equityMax: band.equity.max } : {}),
    zones: Object.entries(band.zones ?? {}).map(([zone, r]) => ({ zone, min: r.min, max: r.max })),
  };
}

function sameTerms(a: Level, b: Level): boolean {
  return (
    a.pay?.min === b.pay?.min &&
    a.pay?.max === b.pay?.max &&
    a.pay?.bonus === b.pay?.bonus &&
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
    if (!SLUG_PATTERN.test(explicit))
      throw new ScaffoldError(`"${explicit}" is not a valid id: use lowercase letters, digits and single hyphens, such as "staff-engineer"`);
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
