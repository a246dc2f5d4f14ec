/** `ladder new level|track|family|competency`: start a content file that already passes the checker. */
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { check } from '../ladder/check.ts';
import {
  scaffoldCompetency,
  scaffoldFamily,
  scaffoldLevel,
  scaffoldTrack,
  ScaffoldError,
  type Scaffold,
} from '../ladder/scaffold.ts';
import { TRACK_KINDS, type TrackKind } from '../ladder/schema.ts';
import { visible } from '../ladder/text.ts';
import { ConfinementError, writeNewFileInside } from './confine.ts';
import { contentFor } from './content.ts';
import { EXIT, UsageError, type Io } from './usage.ts';

export const newHelp = `Usage:
  ladder new level <track> --grade N --title "Staff Engineer" [--summary "..."] [--id ID]
  ladder new track --family ID --kind individual-contributor|management --name "..." [--competencies a,b,c] [--id ID]
  ladder new family --name "..." [--id ID]
  ladder new competency --name "..." [--id ID]

Writes a new content file with every field and section it needs. A new level
gets a "## " heading for each competency of its track and, where another
track of the family has a level at the same grade, the same pay band and
authority, so that it starts equal to its counterpart. Placeholders say TODO.

The file name is a slug of the title or name (--id to choose it). An existing
file is never overwritten.

Options:
  --content DIR   the content directory (default: $LADDER_CONTENT, else ./content)
  -h, --help      show this help

Exit codes: 0 written, 1 not written (the file exists, an unknown track, a
grade already taken), 2 the command was called wrongly.
`;

const KINDS = ['level', 'track', 'family', 'competency'] as const;

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
  const expectPositionals = what === 'level' ? 1 : 0;
  if (rest.length !== expectPositionals) {
    throw new UsageError(what === 'level' ? 'Name the track: ladder new level <track> --grade N --title "..."' : `Unexpected argument "${rest[0]}"`);
  }
  const allowed: Record<(typeof KINDS)[number], string[]> = {
    level: ['grade', 'title', 'summary', 'id'],
    track: ['name', 'family', 'kind', 'competencies', 'id'],
    family: ['name', 'id'],
    competency: ['name', 'id'],
  };
  for (const key of ['grade', 'title', 'summary', 'name', 'family', 'kind', 'competencies', 'id'] as const) {
    if (values[key] !== undefined && !allowed[what as (typeof KINDS)[number]].includes(key)) {
      throw new UsageError(`--${key} does not apply to "ladder new ${what}"`);
    }
  }
  const need = (key: 'grade' | 'title' | 'name' | 'family' | 'kind'): string => {
    const value = values[key];
    if (value === undefined || value.trim() === '') throw new UsageError(`"ladder new ${what}" needs --${key}`);
    return value;
  };

  const dir = contentFor(values.content, io);
  const { ladder } = check(dir);
  // The commands it suggests work on the same ladder: with --content when, without it, they would read another.
  const sameByDefault = values.content === undefined || resolve(contentFor(undefined, io)) === resolve(dir);
  const same = (text: string) => (sameByDefault ? text : text.replace(/"(ladder [^"]+)"/g, (_, cmd: string) => `"${cmd} --content ${shellWord(values.content!)}"`));
  let scaffold: Scaffold;
  try {
    if (what === 'level') {
      const gradeText = need('grade');
      const grade = Number(gradeText);
      if (!/^\d+$/.test(gradeText.trim()) || !Number.isInteger(grade) || grade < 1 || grade > 99) {
        throw new UsageError(`--grade must be a whole number from 1 to 99, not "${gradeText}"`);
      }
      scaffold = scaffoldLevel(ladder, { track: rest[0]!, grade, title: need('title'), id: values.id, summary: values.summary });
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

/** A path as one shell word: as it is when it is plain, else in single quotes. */
function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
