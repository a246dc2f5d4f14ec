/**
 * `ladder schema`: one JSON Schema per kind of content file, generated from
 * the Zod schemas the checker itself uses, so the two can never drift.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { schemas, SLUG_PATTERN, type FileKind } from '../ladder/schema.ts';
import { EXIT, type Io } from './usage.ts';

export const schemaHelp = `Usage: ladder schema [--out DIR] [--check]

Writes a JSON Schema for each kind of content file (ladder, family,
competency, track, level) to DIR/<kind>.schema.json. The schemas are
generated from the same definitions that "ladder check" uses.

Options:
  --out DIR    where to write the schemas (default: ./schemas)
  --check      write nothing; exit 1 if the files in DIR are missing or stale
  -h, --help   show this help
`;

/** Where each kind of file lives, for the schema's description and for editors. */
export const FILE_PATTERNS: Record<FileKind, string> = {
  ladder: 'ladder.md',
  family: 'families/*.md',
  competency: 'competencies/*.md',
  track: 'tracks/*.md',
  level: 'levels/*/*.md',
};

export const SCHEMA_KINDS = Object.keys(schemas) as FileKind[];

export const schemaFileName = (kind: FileKind) => `${kind}.schema.json`;

/**
 * The JSON Schema of one kind of file's frontmatter. Draft 7, which every
 * editor and validator reads; `io: 'input'` so that fields with defaults are
 * optional, as they are for the person writing the file.
 */
export function jsonSchema(kind: FileKind): Record<string, unknown> {
  const generated = z.toJSONSchema(schemas[kind], {
    io: 'input',
    target: 'draft-7',
    unrepresentable: 'any',
    override: ({ jsonSchema: node }) => {
      // uniqueSlugs() is a refinement JSON Schema cannot see; say the same thing in its words.
      const items = node.items as { pattern?: string } | undefined;
      if (node.type === 'array' && items && !Array.isArray(items) && items.pattern === SLUG_PATTERN.source) node.uniqueItems = true;
    },
  }) as Record<string, unknown>;
  return generated;
}

/** File name → file text, for every kind. */
export function jsonSchemaFiles(): Map<string, string> {
  return new Map(SCHEMA_KINDS.map((kind) => [schemaFileName(kind), `${JSON.stringify(jsonSchema(kind), null, 2)}\n`]));
}

export function runSchema(argv: string[], io: Io): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      out: { type: 'string', default: 'schemas' },
      check: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    io.stdout(schemaHelp);
    return EXIT.ok;
  }
  const out = resolve(io.cwd, values.out);
  const shown = relative(io.cwd, out) || '.';
  const files = jsonSchemaFiles();
  if (values.check) {
    const stale = [...files].filter(([name, text]) => read(join(out, name)) !== text).map(([name]) => name);
    if (stale.length === 0) {
      io.stdout(`✔ ${files.size} schemas in ${shown}/ are up to date\n`);
      return EXIT.ok;
    }
    io.stderr(`✖ Out of date in ${shown}/: ${stale.join(', ')}\nRun "ladder schema --out ${shown}" and commit the result.\n`);
    return EXIT.problems;
  }
  mkdirSync(out, { recursive: true });
  for (const [name, text] of files) {
    writeFileSync(join(out, name), text);
    io.stdout(`Wrote ${join(shown, name)}\n`);
  }
  return EXIT.ok;
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
