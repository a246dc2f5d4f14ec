/**
 * `ladder new level|track|family|competency`: start a content file that
 * already passes the checker; `ladder new band` (1.1): add a grade's band to
 * a family file.
 */
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkFiles } from '../ladder/check.ts';
import type { Diagnostic } from '../ladder/diagnostics.ts';
import { readContentDir } from '../ladder/load.ts';
import {
  scaffoldBand,
  scaffoldCompetency,
  scaffoldFamily,
  scaffoldLevel,
  scaffoldTrack,
  ScaffoldError,
  type FileEdit,
  type NewBand,
  type Scaffold,
} from '../ladder/scaffold.ts';
import { TRACK_KINDS, type TrackKind } from '../ladder/schema.ts';
import { visible } from '../ladder/text.ts';
import { amountFromText } from '../ladder/validate.ts';
import { ConfinementError, readFileInside, replaceFileInside, writeNewFileInside } from './confine.ts';
import { contentFor } from './content.ts';
import { EXIT, UsageError, type Io } from './usage.ts';

export const newHelp = `Usage:
  ladder new level <track> --grade N --title "Staff Engineer" [--summary "..."] [--id ID]
  ladder new band <family> --grade N --min 185000 --max 240000 [--bonus 10]
                  [--equity-min 20000 --equity-max 40000] [--zone ID=MIN-MAX ...]
  ladder new track --family ID --kind individual-contributor|management --name "..." [--competencies a,b,c] [--id ID]
  ladder new family --name "..." [--id ID]
  ladder new competency --name "..." [--id ID]

Writes a new content file with every field and section it needs. A new level
gets a "## " heading for each competency of its track. Its pay is the
family's band for its grade when the family has one (every track shares it);
else, where another track of the family has a level at the same grade, it
gets the same pay band, and it always gets the same authority, so that it
starts equal to its counterpart. Placeholders say TODO.

"ladder new band" adds one grade's pay band to families/<family>.md, under
bands: in grade order, and changes nothing else in the file. --min and --max
are the first zone's amounts (plain numbers, per year); --bonus is a target
in percent of base pay; --zone sets a zone's band by hand, and is needed for
every zone of ladder.md that has no factor.

The file name is a slug of the title or name (--id to choose it). An existing
file is never overwritten, and a grade that has a band keeps it.

Options:
  --content DIR   the content directory (default: $LADDER_CONTENT, else ./content)
  -h, --help      show this help

Exit codes: 0 written, 1 not written (the file exists, an unknown track,
family or zone, a grade already taken, a family file or ladder.md with
errors, a band the check would reject), 2 the command was called wrongly.
`;

const KINDS = ['level', 'band', 'track', 'family', 'competency'] as const;
type Kind = (typeof KINDS)[number];

export function runNew(argv: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      content: { type: 'string' },
      grade: { type: 'string' },
      title: { type: 'string' },
      summary: { type: 'string' },
      name: { type: 'string' },
      family: { type: 'string' },
      kind: { type: 'string' },
      competencies: { type: 'string' },
      id: { type: 'string' },
      min: { type: 'string' },
      max: { type: 'string' },
      bonus: { type: 'string' },
      'equity-min': { type: 'string' },
      'equity-max': { type: 'string' },
      zone: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) {
    io.stdout(newHelp);
    return EXIT.ok;
  }
  const [what, ...rest] = positionals;
  if (what === undefined) throw new UsageError(`Say what to create: ${KINDS.join(', ')}`);
  if (!(KINDS as readonly string[]).includes(what)) throw new UsageError(`Cannot create "${what}": use one of ${KINDS.join(', ')}`);
  const expectPositionals = what === 'level' || what === 'band' ? 1 : 0;
  if (rest.length !== expectPositionals) {
    throw new UsageError(
      what === 'level'
        ? 'Name the track: ladder new level <track> --grade N --title "..."'
        : what === 'band'
          ? 'Name the family: ladder new band <family> --grade N --min ... --max ...'
          : `Unexpected argument "${rest[0]}"`,
    );
  }
  const allowed: Record<Kind, string[]> = {
    level: ['grade', 'title', 'summary', 'id'],
    band: ['grade', 'min', 'max', 'bonus', 'equity-min', 'equity-max', 'zone'],
    track: ['name', 'family', 'kind', 'competencies', 'id'],
    family: ['name', 'id'],
    competency: ['name', 'id'],
  };
  for (const key of [
    'grade',
    'title',
    'summary',
    'name',
    'family',
    'kind',
    'competencies',
    'id',
    'min',
    'max',
    'bonus',
    'equity-min',
    'equity-max',
    'zone',
  ] as const) {
    if (values[key] !== undefined && !allowed[what as Kind].includes(key)) {
      throw new UsageError(`--${key} does not apply to "ladder new ${what}"`);
    }
  }
  const need = (key: 'grade' | 'title' | 'name' | 'family' | 'kind' | 'min' | 'max'): string => {
    const value = values[key];
    if (value === undefined || value.trim() === '') throw new UsageError(`"ladder new ${what}" needs --${key}`);
    return value;
  };
  const gradeOf = () => {
    const gradeText = need('grade');
    const grade = Number(gradeText);
    if (!/^\d+$/.test(gradeText.trim()) || !Number.isInteger(grade) || grade < 1 || grade > 99) {
      throw new UsageError(`--grade must be a whole number from 1 to 99, not "${gradeText}"`);
    }
    return grade;
  };
  // Everything about the band that needs no ladder is read before the ladder is.
  const band = what === 'band' ? bandOptions(rest[0]!, gradeOf(), values, need) : undefined;

  const dir = contentFor(values.content, io);
  // The files are read once: the check and the edit of a family file see the same text.
  const raw = readContentDir(dir);
  const checked = checkFiles(raw, dir);
  const { ladder } = checked;
  // The commands it suggests work on the same ladder: with --content when, without it, they would read another.
  const sameByDefault = values.content === undefined || resolve(contentFor(undefined, io)) === resolve(dir);
  const same = (text: string) =>
    sameByDefault ? text : text.replace(/"(ladder [^"]+)"/g, (_, cmd: string) => `"${cmd} --content ${shellWord(values.content!)}"`);
  let scaffold: Scaffold;
  try {
    if (what === 'band') {
      return writeBand(dir, raw, checked, band!, io, same);
    } else if (what === 'level') {
      scaffold = scaffoldLevel(ladder, { track: rest[0]!, grade: gradeOf(), title: need('title'), id: values.id, summary: values.summary });
    } else if (what === 'track') {
      const kind = need('kind');
      if (!(TRACK_KINDS as readonly string[]).includes(kind)) throw new UsageError(`--kind must be one of ${TRACK_KINDS.join(', ')}, not "${kind}"`);
      const competencies = values.competencies
        ?.split(',')
        .map((c) => c.trim())
        .filter((c) => c !== '');
      scaffold = scaffoldTrack(ladder, { name: need('name'), family: need('family'), kind: kind as TrackKind, id: values.id, competencies });
    } else if (what === 'family') {
      scaffold = scaffoldFamily(ladder, { name: need('name'), id: values.id });
    } else {
      scaffold = scaffoldCompetency(ladder, { name: need('name'), id: values.id });
    }
  } catch (error) {
    if (error instanceof ScaffoldError) {
      io.stderr(`ladder new ${what}: ${visible(same(error.message))}\n`);
      return EXIT.problems;
    }
    throw error;
  }

  const target = join(dir, scaffold.path);
  const rel = relative(io.cwd, target).replace(/\\/g, '/');
  const shown = rel === '' || rel.startsWith('..') ? target : rel;
  try {
    // Inside the content folder, through no symbolic link; 'wx': a scaffold never replaces anyone's work.
    writeNewFileInside(dir, scaffold.path, scaffold.text);
  } catch (error) {
    if (error instanceof ConfinementError) {
      io.stderr(`ladder new ${what}: ${visible(error.message)}; nothing was written.\n`);
      return EXIT.problems;
    }
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      io.stderr(`ladder new ${what}: ${shown} already exists; nothing was written. Edit it, or choose another file name with --id.\n`);
      return EXIT.problems;
    }
    throw error;
  }
  io.stdout(`Wrote ${visible(shown)}\n`);
  for (const note of scaffold.notes) io.stdout(`  ${visible(same(note))}\n`);
  io.stdout(same('Next: replace each TODO, then run "ladder check".\n'));
  return EXIT.ok;
}

type BandFlags = { min?: string; max?: string; bonus?: string; 'equity-min'?: string; 'equity-max'?: string; zone?: string[] };

/** The band asked for, from the flags: plain amounts only ("560,000" says to write 560000), ranges the right way round. */
function bandOptions(family: string, grade: number, values: BandFlags, need: (key: 'min' | 'max') => string): NewBand {
  const amount = (flag: string, text: string): number => {
    const trimmed = text.trim();
    if (/^\d+$/.test(trimmed) && Number.isSafeInteger(Number(trimmed))) return Number(trimmed);
    const meant = amountFromText(trimmed);
    throw new UsageError(`${flag} must be a plain amount per year, such as 185000, not "${text}"${meant !== undefined ? `: write ${meant}` : ''}`);
  };
  const range = (what: string, min: number, max: number) => {
    if (min > max) throw new UsageError(`${what}: the minimum ${min} is above the maximum ${max}: swap them`);
    return { min, max };
  };
  const band: NewBand = { family, grade, ...range('--min and --max', amount('--min', need('min')), amount('--max', need('max'))) };
  if (values.bonus !== undefined) {
    const text = values.bonus.trim().replace(/%$/, '');
    const bonus = Number(text);
    if (!/^\d+(\.\d+)?$/.test(text) || bonus > 200)
      throw new UsageError(`--bonus is a target in percent of base pay, from 0 to 200 (such as 10), not "${values.bonus}"`);
    band.bonus = bonus;
  }
  const equityMin = values['equity-min'];
  const equityMax = values['equity-max'];
  if ((equityMin === undefined) !== (equityMax === undefined)) throw new UsageError('Equity is a range: give both --equity-min and --equity-max');
  if (equityMin !== undefined && equityMax !== undefined) {
    band.equity = range('--equity-min and --equity-max', amount('--equity-min', equityMin), amount('--equity-max', equityMax));
  }
  for (const spec of values.zone ?? []) {
    const match = /^\s*([^=\s]+)\s*=\s*([^-]+?)\s*-\s*(.+?)\s*$/.exec(spec);
    if (!match) throw new UsageError(`--zone takes ID=MIN-MAX, such as germany=120000-150000, not "${spec}"`);
    const [, id, min, max] = match as unknown as [string, string, string, string];
    band.zones ??= {};
    if (band.zones[id]) throw new UsageError(`--zone ${id} is given twice`);
    band.zones[id] = range(`--zone ${id}`, amount(`--zone ${id}`, min), amount(`--zone ${id}`, max));
  }
  return band;
}

/**
 * `ladder new band`: the band inserted into the family file, written only if
 * the band itself passes the check (no regression against the grades around
 * it, no inverted range); what it changes elsewhere is said, not refused.
 */
function writeBand(
  dir: string,
  raw: ReturnType<typeof readContentDir>,
  before: ReturnType<typeof checkFiles>,
  options: NewBand,
  io: Io,
  same: (text: string) => string,
): number {
  const path = `families/${options.family}.md`;
  const fail = (message: string) => {
    io.stderr(`ladder new band: ${same(message).split('\n').map(visible).join('\n')}\n`);
    return EXIT.problems;
  };
  let original: string | undefined;
  if (before.ladder.family.has(options.family)) {
    try {
      original = readFileInside(dir, path);
    } catch (error) {
      if (error instanceof ConfinementError) return fail(`${error.message}; nothing was written.`);
      return fail(`${path} could not be read: ${(error as Error).message}`);
    }
    // The check read it a moment ago: a file saved since would be checked on one text and edited on another.
    if (raw.find((f) => f.path === path)?.text !== original) return fail(`${path} changed while the command ran: run it again.`);
  }
  let edit: FileEdit;
  try {
    edit = scaffoldBand(before.ladder, original ?? '', options);
  } catch (error) {
    if (error instanceof ScaffoldError) return fail(error.message);
    throw error;
  }
  const after = checkFiles(
    raw.map((f) => (f.path === path ? { ...f, text: edit.text } : f)),
    dir,
  );
  const known = new Set(before.diagnostics.map(key));
  const fresh = after.diagnostics.filter((d) => d.severity === 'error' && !known.has(key(d)));
  const own = fresh.filter((d) => d.file === path);
  if (own.length > 0) {
    const lines = own.map((d) => `  ${d.message}  ${d.rule}`);
    return fail(`the grade ${options.grade} band would not pass "ladder check", so nothing was written:\n${lines.join('\n')}`);
  }
  try {
    replaceFileInside(dir, path, edit.original, edit.text);
  } catch (error) {
    if (error instanceof ConfinementError) return fail(`${error.message}; nothing was written.`);
    throw error;
  }
  const target = relative(io.cwd, join(dir, path)).replace(/\\/g, '/');
  const shown = target === '' || target.startsWith('..') ? join(dir, path) : target;
  io.stdout(`Wrote the grade ${options.grade} band in ${visible(shown)}\n`);
  for (const note of edit.notes) io.stdout(`  ${visible(same(note))}\n`);
  for (const d of fresh.filter((x) => x.file !== path)) io.stdout(`  ${visible(`Now reported in ${d.file}: ${d.message}`)}  ${d.rule}\n`);
  io.stdout(same('Next: run "ladder check".\n'));
  return EXIT.ok;
}

const key = (d: Diagnostic) => `${d.rule}\u0000${d.file}\u0000${d.message}`;

/** A path as one shell word: as it is when it is plain, else in single quotes. */
function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
