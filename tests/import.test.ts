/** `ladder import` and `ladder export`: every layout, bad sheets, and the round trip of the sample. */
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';
import readExcelFile from 'read-excel-file/node';
import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../src/ladder/check.ts';
import { diffLadders } from '../src/ladder/diff/index.ts';
import { fragmentNodes } from '../src/ladder/markdown.ts';
import type { Sheet } from '../src/ladder/sheets/export.ts';
import { xlsxBuffer } from '../src/ladder/sheets/write.ts';
import { checkZip } from '../src/ladder/sheets/zip.ts';
import { unguard } from '../src/ladder/csv.ts';
import { ladder } from './editing/run.ts';
import { cleanup, CONTENT, copySample, editFile, ROOT, SAMPLE, tempDir } from './helpers/ladder.ts';

afterAll(cleanup);

const FIXTURES = join(ROOT, 'tests/fixtures/sheets');

/** Every file below dir, relative path → text. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else out[relative(dir, path)] = readFileSync(path, 'utf8');
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

async function importInto(file: string, args: string[] = []) {
  const content = join(tempDir(), 'content');
  const run = await ladder(['import', file, '--content', content, ...args], { cwd: ROOT });
  return { ...run, content };
}

function onlyPlaceholders(content: string) {
  const result = check(content);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(new Set(result.diagnostics.map((d) => d.rule))).toEqual(new Set(['content/placeholder']));
  return result;
}

function writeTemp(name: string, data: string | Uint8Array): string {
  const path = join(tempDir(), name);
  writeFileSync(path, data);
  return path;
}

describe('ladder import: the layouts', () => {
  it('reads the long layout (one row per expectation) into tracks, levels and sections', async () => {
    const { code, stdout, content } = await importInto('tests/fixtures/sheets/long.csv');
    expect(code).toBe(0);
    expect(stdout).toContain('Read as: long');
    const result = onlyPlaceholders(content);
    expect(result.ladder.tracks.map((t) => [t.id, t.kind])).toEqual([
      ['engineering-ic', 'individual-contributor'],
      ['engineering-management', 'management'],
    ]);
    const manager = readFileSync(join(content, 'levels/engineering-management/engineering-manager.md'), 'utf8');
    expect(manager).toContain('## Collaboration\n\n- Runs planning with product; says "no" when needed.\n');
    expect(fragmentNodes(result.ladder.level.get('engineering-ic/engineer-i')!.sections.find((s) => s.competency === 'craft')!)).toHaveLength(1);
    expect(stdout).toContain('Still to fill in:');
    expect(stdout).toContain('the pay band (it is 0–0)');
  });

  it('reads wide, competencies down: a European CSV with a BOM, ";" and CRLF, quoted line breaks', async () => {
    const { code, stdout, content } = await importInto('tests/fixtures/sheets/wide-competencies-down.csv');
    expect(code).toBe(0);
    expect(stdout).toContain('Read as: wide, competencies down');
    const result = onlyPlaceholders(content);
    expect(result.ladder.levels.map((l) => [l.title, l.grade])).toEqual([
      ['Associate', 1],
      ['Engineer', 2],
      ['Senior Engineer', 3],
    ]);
    const associate = readFileSync(join(content, 'levels/individual-contributor/associate.md'), 'utf8');
    expect(associate).toContain('## Technical craft\n\n- Writes code with help.\n- Learns the tools.\n');
    expect(readFileSync(join(content, 'levels/individual-contributor/senior-engineer.md'), 'utf8')).toContain('- Delivers projects; measures them.');
    expect(stdout).toContain('numbered 1 to 3 in the order of the sheet');
  });

  it('reads wide, levels down, where "Level" holds the grade beside a "Title" column, and formula-looking text stays text', async () => {
    const { code, content } = await importInto('tests/fixtures/sheets/wide-levels-down.csv');
    expect(code).toBe(0);
    const result = onlyPlaceholders(content);
    const senior = result.ladder.level.get('individual-contributor/senior-engineer')!;
    expect(senior.grade).toBe(3);
    expect(senior.pay).toMatchObject({ min: 155000, max: 200000 });
    expect(readFileSync(join(content, 'levels/individual-contributor/senior-engineer.md'), 'utf8')).toContain('## Execution\n\n- =Leads projects.\n');
  });

  it("reads Parity's own layout from /ladder.csv alone (no expectations): one Expectations section to write per level", async () => {
    const { toLadderCsv } = await import('../src/site/export.ts');
    const csv = writeTemp('ladder.csv', toLadderCsv(check(SAMPLE).ladder));
    const { code, stdout, content } = await importInto(csv);
    expect(code).toBe(0);
    expect(stdout).toContain("Read as: Parity's own");
    const result = onlyPlaceholders(content);
    expect(result.ladder.levels).toHaveLength(26);
    expect(result.ladder.level.get('engineering-ic/staff-engineer')!.pay).toMatchObject({ min: 185000, max: 240000 });
    expect(stdout).toContain('every level has one "Expectations" section to write');
  });

  it('reads grouped matrices: an "Area" column and group rows above the competencies, a "Level | Title" long sheet', async () => {
    const grouped = writeTemp(
      'grouped.csv',
      ['Career matrix 2026,,,', 'Area,Competency,E1,E2', 'Technical skills,,,', ',Code quality,Writes tests.,Sets testing standards.', 'Grade,,1,2', 'People,,,', ',Mentoring,Helps peers.,Mentors the team.'].join('\n'),
    );
    const one = await importInto(grouped);
    expect(one.code).toBe(0);
    const result = onlyPlaceholders(one.content);
    expect(result.ladder.competencies.map((c) => c.id)).toEqual(['code-quality', 'mentoring']);
    expect(result.ladder.levels.map((l) => [l.title, l.grade, l.sections.map((s) => s.heading)])).toEqual([
      ['E1', 1, ['Code quality', 'Mentoring']],
      ['E2', 2, ['Code quality', 'Mentoring']],
    ]);
    const long = writeTemp('long.csv', 'Level,Title,Area,Competency,Description\n3,Engineer I,Tech,Code quality,Writes tests.\n4,Engineer II,Tech,Code quality,Writes good tests.\n');
    const two = await importInto(long);
    expect(two.code).toBe(0);
    expect(check(two.content).ladder.levels.map((l) => [l.title, l.grade])).toEqual([
      ['Engineer I', 3],
      ['Engineer II', 4],
    ]);
  });

  it('reads an XLSX workbook with one sheet per track, the sheet name naming the track', async () => {
    const sheets: Sheet[] = [
      { name: 'Engineering', rows: [['Title', 'Grade', 'Craft'], ['Engineer', 1, 'Builds things.'], ['Senior Engineer', 2, 'Builds big things.']] },
      { name: 'Engineering management', rows: [['Title', 'Grade', 'Craft'], ['Manager', 2, 'Keeps the bar high.']] },
    ];
    const file = writeTemp('tracks.xlsx', await xlsxBuffer(sheets));
    const { code, content } = await importInto(file);
    expect(code).toBe(0);
    const result = onlyPlaceholders(content);
    expect(result.ladder.tracks.map((t) => [t.id, t.kind])).toEqual([
      ['engineering', 'individual-contributor'],
      ['engineering-management', 'management'],
    ]);
  });
});

describe('ladder import: bad sheets give located diagnostics and write nothing', () => {
  async function refused(file: string, args: string[] = []) {
    const run = await importInto(file, [...args, '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(existsSync(run.content)).toBe(false);
    const json = JSON.parse(run.stdout) as { ok: boolean; written: boolean; diagnostics: { file: string; line: number; column: number; rule: string; message: string }[] };
    expect(json.ok).toBe(false);
    expect(json.written).toBe(false);
    return json.diagnostics.filter((d) => (d as { severity?: string }).severity !== 'warning');
  }

  it('a missing column: a long sheet without its expectation column', async () => {
    const file = writeTemp('long.csv', 'Level,Competency\nEngineer,Craft\n');
    const [d] = await refused(file);
    expect(d).toMatchObject({ file, line: 1, column: 1, rule: 'import/layout' });
    expect(d!.message).toContain('no column for the expectation text');
  });

  it('a grade that is not a number, at its cell', async () => {
    const file = writeTemp('levels.csv', 'title,grade,summary\nEngineer,1,Builds.\nSenior,four,Builds more.\n');
    const [d] = await refused(file);
    expect(d).toMatchObject({ line: 3, column: 2, rule: 'import/value' });
    expect(d!.message).toContain('not "four"');
  });

  it('a duplicate level, with the row of the first', async () => {
    const file = writeTemp('levels.csv', 'title,grade\nEngineer,1\nEngineer,2\n');
    const [d] = await refused(file);
    expect(d).toMatchObject({ line: 3, rule: 'import/duplicate-level' });
    expect(d!.message).toContain('also at row 2');
  });

  it('a competency cell that names no competency (long layout and a competencies sheet)', async () => {
    const file = writeTemp('long.csv', 'Level,Competency,Expectation\nEngineer,Craft,Builds.\nEngineer,,Talks.\n');
    const [d] = await refused(file);
    expect(d).toMatchObject({ line: 3, column: 2, rule: 'import/unknown-competency' });
    const book = writeTemp(
      'book.xlsx',
      await xlsxBuffer([
        { name: 'levels', rows: [['id', 'title', 'grade'], ['ic/engineer', 'Engineer', 1]] },
        { name: 'competencies', rows: [['id', 'name'], ['craft', 'Craft']] },
        { name: 'expectations', rows: [['level', 'competency', 'text'], ['ic/engineer', 'Crafts', '- Builds.']] },
      ]),
    );
    const [e] = await refused(book);
    expect(e).toMatchObject({ file: book, line: 2, column: 2, rule: 'import/unknown-competency' });
    expect(e!.message).toBe('Sheet "expectations", cell B2: "Crafts" names no competency');
  });

  it('an empty sheet, as CSV and as XLSX', async () => {
    expect((await refused(writeTemp('empty.csv', '')))[0]).toMatchObject({ line: 1, column: 1, rule: 'import/empty' });
    expect((await refused(writeTemp('empty.xlsx', await xlsxBuffer([{ name: 'Sheet1', rows: [] }]))))[0]).toMatchObject({ rule: 'import/empty' });
  });

  it('a binary file renamed .xlsx, a CSV renamed .xlsx, a workbook renamed .csv', async () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
    expect((await refused(writeTemp('photo.xlsx', bytes)))[0]).toMatchObject({ line: 1, column: 1, rule: 'import/format' });
    expect((await refused(writeTemp('sheet.xlsx', 'title,grade\nA,1\n')))[0]!.message).toContain('is text, not an XLSX workbook');
    expect((await refused(writeTemp('book.csv', await xlsxBuffer([{ name: 'a', rows: [['title'], ['A']] }]))))[0]!.message).toContain('is an XLSX workbook');
  });

  it('a zip bomb, declared or hidden behind a directory that lies about its sizes', async () => {
    const big = new Uint8Array(40 * 1024 * 1024);
    const bomb = zipSync({ '[Content_Types].xml': new Uint8Array(10), 'xl/workbook.xml': new Uint8Array(10), 'xl/worksheets/sheet1.xml': big }, { level: 9 });
    const [d] = await refused(writeTemp('bomb.xlsx', bomb));
    expect(d).toMatchObject({ line: 1, column: 1, rule: 'import/too-large' });
    expect(d!.message).toMatch(/zip bomb/);
    // The same archive with every declared size rewritten to 1000 bytes: only inflating (and stopping) tells.
    const liar = lieAboutSizes(zipSync({ 'xl/workbook.xml': new Uint8Array(10), 'xl/worksheets/sheet1.xml': new Uint8Array(4 * 1024 * 1024) }, { level: 9 }), 1000);
    const check = checkZip(liar);
    expect(check).toEqual({ ok: false, message: 'its part xl/worksheets/sheet1.xml unpacks to more than the 1000 bytes its directory declares, as zip bombs do' });
  });

  it('100,000 rows: a clear limit at the first row past it, not a hang', async () => {
    const rows = ['title,grade', ...Array.from({ length: 100_000 }, (_, i) => `Level ${i},${(i % 99) + 1}`)];
    const [d] = await refused(writeTemp('huge.csv', rows.join('\n')));
    expect(d).toMatchObject({ line: 20_001, column: 1, rule: 'import/too-large' });
    expect(d!.message).toContain('The sheet has 100,001 rows; Parity reads at most 20,000');
  });

  it('a file that exists is not overwritten without --force, and --dry-run writes nothing', async () => {
    const dir = copySample();
    const sheet = writeTemp('levels.csv', 'id,title,grade,summary\nengineering-ic/staff-engineer,Staff Engineer,4,A new summary.\n');
    const before = tree(dir);
    const refusedRun = await ladder(['import', sheet, '--content', dir], { cwd: ROOT });
    expect(refusedRun.code).toBe(1);
    expect(refusedRun.stdout).toContain('levels/engineering-ic/staff-engineer.md:1:1  error  This file exists');
    const dry = await ladder(['import', sheet, '--content', dir, '--dry-run', '--force'], { cwd: ROOT });
    expect(dry.stdout).toContain(`would overwrite  ${dir}/levels/engineering-ic/staff-engineer.md`);
    expect(dry.stdout).toContain('Dry run: nothing written');
    expect(tree(dir)).toEqual(before);
  });
});

describe('ladder export and the round trip', () => {
  // About the sample itself (content/): whatever it holds, it survives the round trip.
  it('exports frozen, readable sheets; an untouched export of the sample imports back byte for byte, as XLSX and as CSV', async () => {
    const out = tempDir();
    expect((await ladder(['export', join(out, 'ladder.xlsx')], { cwd: ROOT })).code).toBe(0);
    expect((await ladder(['export', join(out, 'csv')], { cwd: ROOT })).code).toBe(0);
    const book = (await readExcelFile(readFileSync(join(out, 'ladder.xlsx')))) as unknown as { sheet: string; data: unknown[][] }[];
    expect(book.map((s) => s.sheet)).toEqual(['levels', 'expectations', 'bands', 'zones', 'tracks', 'families', 'competencies', 'settings', 'exceptions']);
    expect(readdirSync(join(out, 'csv')).sort()).toEqual(book.map((s) => `${s.sheet}.csv`).sort());
    const sample = tree(CONTENT);
    for (const source of [join(out, 'ladder.xlsx'), join(out, 'csv'), join(out, 'csv/levels.csv')]) {
      const over = tempDir();
      cpSync(CONTENT, over, { recursive: true });
      const run = await ladder(['import', source, '--content', over, '--force'], { cwd: ROOT });
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('0 file(s) written');
      expect(tree(over)).toEqual(sample);
      const fresh = await importInto(source);
      expect(fresh.code).toBe(0);
      expect(tree(fresh.content)).toEqual(sample);
    }
  });

  it('an edit in the spreadsheet is exactly what ladder diff shows after the import', async () => {
    const out = tempDir();
    await ladder(['export', join(out, 'ladder.xlsx'), '--content', SAMPLE], { cwd: ROOT });
    // A spreadsheet program opens the workbook, one cell changes, it is saved again.
    const book = (await readExcelFile(readFileSync(join(out, 'ladder.xlsx')))) as unknown as { sheet: string; data: (string | number | null)[][] }[];
    const levels = book[0]!.data;
    const header = levels[0]!;
    const row = levels.findIndex((r) => r[0] === 'engineering-ic/staff-engineer');
    levels[row]![header.indexOf('summary')] = 'Leads technical work across a group of teams.';
    // Cells go back as the program read them, guard apostrophes included.
    const sheets: Sheet[] = book.map((s) => ({ name: s.sheet, rows: s.data.map((r) => r.map((c) => (c === null ? '' : typeof c === 'number' ? c : String(c)))) }));
    const edited = join(out, 'edited.xlsx');
    writeFileSync(edited, await rawXlsx(sheets));
    const dir = copySample();
    const run = await ladder(['import', edited, '--content', dir, '--force'], { cwd: ROOT });
    expect(run.code).toBe(0);
    const changedFiles = Object.entries(tree(dir)).filter(([path, text]) => tree(SAMPLE)[path] !== text).map(([path]) => path);
    expect(changedFiles).toEqual(['levels/engineering-ic/staff-engineer.md']);
    const diff = diffLadders(check(SAMPLE), check(dir));
    expect(diff.levels.map((c) => [c.id, c.kind, c.fields.map((f) => [f.field, f.before, f.after])])).toEqual([
      ['engineering-ic/staff-engineer', 'changed', [['summary', 'Leads technical work across a group of teams and raises the bar for how the group builds software.', 'Leads technical work across a group of teams.']]],
    ]);
    expect([diff.families, diff.tracks, diff.competencies, diff.ladder.fields, diff.ladder.text]).toEqual([[], [], [], [], []]);
  });

  it('a title with a formula after a ";" is text in every ";"-separated part of the CSV, and comes back exact', async () => {
    const title = "a;=cmd|' /C calc'!A0;b";
    const dir = copySample();
    editFile(dir, 'levels/engineering-ic/staff-engineer.md', (t) => t.replace(/^title: .*$/m, `title: ${title}`));
    expect(check(dir).ok).toBe(true);
    const out = join(tempDir(), 'csv');
    expect((await ladder(['export', out, '--content', dir], { cwd: ROOT })).code).toBe(0);
    const line = readFileSync(join(out, 'levels.csv'), 'utf8').split('\r\n').find((l) => l.startsWith('engineering-ic/staff-engineer,'))!;
    expect(line).toContain(`"a;'=cmd|' /C calc'!A0;b"`);
    // Excel set to a European list separator splits the line on ";" and ignores a quote in mid-field.
    for (const part of line.split(';')) expect(part, part).not.toMatch(/^[=+\-@\t\r]/);
    for (const source of [out, join(out, 'levels.csv')]) {
      const back = await importInto(source);
      expect(back.code).toBe(0);
      expect(check(back.content).ladder.level.get('engineering-ic/staff-engineer')!.title).toBe(title);
    }
    const over = copySample();
    expect((await ladder(['import', out, '--content', over, '--force'], { cwd: ROOT })).code).toBe(0);
    expect(tree(over)).toEqual(tree(dir));
  });

  it('a CSV edit of an expectation (quotes doubled, a ";") comes back as the edit alone', async () => {
    const out = join(tempDir(), 'csv');
    await ladder(['export', out, '--content', SAMPLE], { cwd: ROOT });
    const path = join(out, 'expectations.csv');
    const text = readFileSync(path, 'utf8');
    const needle = 'Runs learning sessions, such as design review clinics';
    expect(text).toContain(needle);
    writeFileSync(path, text.replace(needle, 'Runs ""learning"" sessions; such as design review clinics'));
    const dir = copySample();
    expect((await ladder(['import', out, '--content', dir, '--force'], { cwd: ROOT })).code).toBe(0);
    const diff = diffLadders(check(SAMPLE), check(dir));
    expect(diff.levels.map((c) => [c.id, c.fields, c.text.map((t) => t.section)])).toEqual([['engineering-ic/staff-engineer', [], ['mentorship']]]);
    expect(diff.levels[0]!.text[0]!.after).toContain('Runs "learning" sessions; such as design review clinics');
    expect(readFileSync(join(dir, 'levels/engineering-ic/staff-engineer.md'), 'utf8')).toBe(
      readFileSync(join(SAMPLE, 'levels/engineering-ic/staff-engineer.md'), 'utf8').replace(needle, 'Runs "learning" sessions; such as design review clinics'),
    );
  });
});

/** A workbook saved by a spreadsheet program: the cells as it read them (xlsxBuffer guards, so undo that first). */
async function rawXlsx(sheets: Sheet[]): Promise<Buffer> {
  return xlsxBuffer(sheets.map((s) => ({ name: s.name, rows: s.rows.map((r) => r.map((c) => (typeof c === 'string' ? unguard(c) : c))) })));
}

/** Rewrites the uncompressed size of every entry (local and central headers) to `size`. */
function lieAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return out;
}
