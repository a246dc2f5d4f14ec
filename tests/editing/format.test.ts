/**
 * How the web editor reads a file into its form and writes it back
 * (src/editor/format.ts, src/editor/patch.ts): a save changes the lines that
 * were edited and no other.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffLines } from 'diff';
import fc from 'fast-check';
import { parse } from 'yaml';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { BODY, FormatError, fromForm, readEntry, SOURCE, toForm, writeEntry } from '../../src/editor/format.ts';
import { patchYaml } from '../../src/editor/patch.ts';
import { shapeOf, type JsonSchema, type SchemaKind } from '../../src/editor/schema.ts';
import { classify, rawFiles } from '../../src/ladder/load.ts';
import { parseFrontmatter } from '../../src/ladder/frontmatter.ts';
import { CONTENT, ROOT, SAMPLE } from '../helpers/ladder.ts';

/** Every content file of a ladder folder, with its kind. */
function ladderFiles(dir: string): { path: string; kind: SchemaKind; text: string }[] {
  const files: Record<string, string> = {};
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' }))
    if (f.endsWith('.md')) files[f.split('\\').join('/')] = readFileSync(join(dir, f), 'utf8');
  const loaded = classify(rawFiles(files));
  return [
    ...loaded.files.map((f) => ({ path: f.path, kind: f.kind as SchemaKind, text: f.text! })),
    ...[...loaded.pages].map(([name, f]) => ({ path: f.path, kind: name as SchemaKind, text: f.text! })),
  ];
}

/** The lines a change removed and added. */
function changes(before: string, after: string): { removed: string[]; added: string[] } {
  const removed: string[] = [];
  const added: string[] = [];
  for (const part of diffLines(before, after)) {
    const lines = part.value.replace(/\n$/, '').split('\n');
    if (part.removed) removed.push(...lines);
    if (part.added) added.push(...lines);
  }
  return { removed, added };
}

/** What the editor's host does between reading and writing: it keeps the file's text trimmed, with "\n" line ends. */
const asLoaded = (text: string) => text.trim().replace(/\r\n?/g, '\n');

const level = readFileSync(join(SAMPLE, 'levels/engineering-ic/staff-engineer.md'), 'utf8');

describe('reading and writing back', () => {
  const folders = [SAMPLE, CONTENT, join(ROOT, 'templates/init/content')];
  it.each(folders)('writes every file of %s back byte for byte when nothing was edited', (dir) => {
    const files = ladderFiles(dir);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      expect(writeEntry(file.kind, readEntry(file.kind, file.text, file.path))).toBe(file.text);
      // As the editor hands it back: the text it kept is trimmed.
      expect(writeEntry(file.kind, readEntry(file.kind, asLoaded(file.text), file.path))).toBe(file.text.endsWith('\n') ? file.text : `${file.text}\n`);
    }
  });

  it('changes one line for one number', () => {
    const values = readEntry('level', level) as { pay: { min: number } };
    values.pay.min = 195000;
    expect(changes(level, writeEntry('level', values))).toEqual({ removed: ['  min: 185000'], added: ['  min: 195000'] });
  });

  it('changes the lines of a section that was rewritten, and no other', () => {
    const values = readEntry('level', level);
    values[BODY] = String(values[BODY]).replace('Prototypes or builds the hardest parts', 'Builds, with the team, the hardest parts');
    const { removed, added } = changes(level, writeEntry('level', values));
    expect(removed).toEqual(['- Prototypes or builds the hardest parts of critical projects personally when that is the fastest way to reduce risk.']);
    expect(added).toEqual(['- Builds, with the team, the hardest parts of critical projects personally when that is the fastest way to reduce risk.']);
  });

  it('keeps the style of what it did not touch: a list grows in its own style, quotes stay, comments stay', () => {
    const text =
      '---\ntitle: "Staff Engineer"   # the title\ngrade: 4\nsummary: Leads.\npay:\n  min: 1\n  max: 2\nauthority:\n  scope: group\n  budget: 5\n  decisions: [a, b]\n---\n\nBody.\n';
    const values = readEntry('level', text) as { title: string; authority: { decisions: string[] } };
    values.title = 'Staff "Lead" Engineer';
    values.authority.decisions.push('c');
    const out = writeEntry('level', values);
    expect(changes(text, out)).toEqual({
      removed: ['title: "Staff Engineer"   # the title', '  decisions: [a, b]'],
      added: ['title: "Staff \\"Lead\\" Engineer"   # the title', '  decisions: [a, b, c]'],
    });
    expect(parseFrontmatter('x.md', out)).toMatchObject({ ok: true, file: { data: { title: 'Staff "Lead" Engineer' } } });
  });

  it('adds a field next to its neighbours and removes one cleanly', () => {
    const text = '---\nname: Engineering\n---\n\nBuilds.\n';
    const added = writeEntry('family', { ...readEntry('family', text), order: 2 });
    expect(added).toBe('---\nname: Engineering\norder: 2\n---\n\nBuilds.\n');
    const { order: _, ...without } = readEntry('family', added);
    expect(writeEntry('family', without)).toBe(text);
  });

  it('writes a new file in the house style', () => {
    const out = writeEntry('track', {
      name: 'Data, IC',
      family: 'data',
      kind: 'individual-contributor',
      competencies: ['craft', 'impact'],
      [BODY]: 'For builders.',
    });
    expect(out).toBe('---\nname: Data, IC\nfamily: data\nkind: individual-contributor\ncompetencies: [craft, impact]\n---\n\nFor builders.\n');
  });

  it('keeps CRLF line ends', () => {
    const crlf = level.replace(/\n/g, '\r\n');
    const values = readEntry('level', crlf) as { pay: { max: number } };
    values.pay.max = 250000;
    const out = writeEntry('level', values);
    expect(out).toBe(crlf.replace('max: 240000', 'max: 250000'));
  });

  it("refuses a file the checker cannot read, with the checker's words and place", () => {
    expect(() => readEntry('level', '---\ntitle: [unclosed\n---\n', 'levels/a/b.md')).toThrow(FormatError);
    expect(() => readEntry('level', '---\ntitle: [unclosed\n---\n', 'levels/a/b.md')).toThrow(/^levels\/a\/b\.md:\d+:\d+: .+Fix the file in a text editor/);
  });

  it('keeps the text of the file it read, out of sight, for the next save', () => {
    expect(readEntry('competency', '---\nname: Craft\n---\n\nThe craft.\n')).toEqual({
      name: 'Craft',
      [BODY]: 'The craft.',
      [SOURCE]: '---\nname: Craft\n---\n\nThe craft.\n',
    });
  });

  it('property: any numbers written into a level change their own lines only, and read back as written', () => {
    const files = ladderFiles(SAMPLE).filter((f) => f.kind === 'level');
    fc.assert(
      fc.property(fc.constantFrom(...files), fc.nat(10_000_000), fc.nat(10_000_000), fc.nat(10_000_000), (file, min, max, budget) => {
        const values = readEntry('level', file.text) as { pay: { min: number; max: number }; authority: { budget: number } };
        const before = structuredClone(values);
        values.pay.min = min;
        values.pay.max = max;
        values.authority.budget = budget;
        const out = writeEntry('level', values);
        const parsed = parseFrontmatter(file.path, out);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        expect(parsed.file.data).toMatchObject({ pay: { min, max }, authority: { budget } });
        const changed = [min !== before.pay.min, max !== before.pay.max, budget !== before.authority.budget].filter(Boolean).length;
        const { removed, added } = changes(file.text, out);
        expect(removed.length).toBe(changed);
        expect(added.length).toBe(changed);
      }),
      { numRuns: 200 },
    );
  });
});

describe('records (maps keyed by grade or zone) in the form', () => {
  // A family of format 1.1 (issue 12): bands keyed by grade, zones keyed by zone id.
  const band = z.strictObject({
    min: z.number(),
    max: z.number(),
    bonus: z.number().optional(),
    zones: z.record(z.string().regex(/^[a-z]+$/), z.strictObject({ min: z.number(), max: z.number() })).optional(),
  });
  const family = z.strictObject({ name: z.string(), bands: z.record(z.string().regex(/^[1-9][0-9]?$/), band).optional() });
  const shape = shapeOf(z.toJSONSchema(family, { io: 'input', target: 'draft-7' }) as JsonSchema);
  const text =
    '---\nname: Engineering\nbands:\n  4:\n    min: 185000\n    max: 240000\n    bonus: 10\n    zones:\n      germany: { min: 116500, max: 151000 }\n  5:\n    min: 220000\n    max: 285000\n---\n\nBuilds.\n';
  const yaml = text.split('---\n')[1]!;
  const data = parse(yaml) as Record<string, unknown>;

  it('are lists of items that carry their key, and back', () => {
    const form = toForm(shape, data, 'families/engineering.md') as { bands: unknown[] };
    expect(form.bands).toEqual([
      { grade: 4, min: 185000, max: 240000, bonus: 10, zones: [{ zone: 'germany', min: 116500, max: 151000 }] },
      { grade: 5, min: 220000, max: 285000 },
    ]);
    expect(fromForm(shape, form)).toEqual(data);
  });

  it('a raised band, a zone set by hand and a new grade change those lines only', () => {
    const form = toForm(shape, data, 'f.md') as { bands: { grade: number; min: number; zones?: { zone: string; min: number; max: number }[] }[] };
    form.bands[0]!.min = 190000;
    form.bands[0]!.zones![0]!.max = 155000;
    form.bands.push({ grade: 6, min: 260000, max: 340000 } as never);
    const out = patchYaml(yaml, fromForm(shape, form) as Record<string, unknown>);
    expect(changes(yaml, out)).toEqual({
      removed: ['    min: 185000', '      germany: { min: 116500, max: 151000 }'],
      added: ['    min: 190000', '      germany: { min: 116500, max: 155000 }', '  6:', '    min: 260000', '    max: 340000'],
    });
    expect(parse(out)).toEqual(fromForm(shape, form));
  });

  it('refuse a record written as something else, rather than lose it', () => {
    expect(() => toForm(shape, { name: 'E', bands: 'all the same' }, 'families/e.md')).toThrow(/families\/e\.md: "bands" must list its entries/);
  });
});
