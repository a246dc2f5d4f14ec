/** `ladder import` and `ladder export`: every layout, bad sheets, and the round trip of the sample. */
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
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
      [
        'Career matrix 2026,,,',
        'Area,Competency,E1,E2',
        'Technical skills,,,',
        ',Code quality,Writes tests.,Sets testing standards.',
        'Grade,,1,2',
        'People,,,',
        ',Mentoring,Helps peers.,Mentors the team.',
      ].join('\n'),
    );
    const one = await importInto(grouped);
    expect(one.code).toBe(0);
    const result = onlyPlaceholders(one.content);
    expect(result.ladder.competencies.map((c) => c.id)).toEqual(['code-quality', 'mentoring']);
    expect(result.ladder.levels.map((l) => [l.title, l.grade, l.sections.map((s) => s.heading)])).toEqual([
      ['E1', 1, ['Code quality', 'Mentoring']],
      ['E2', 2, ['Code quality', 'Mentoring']],
    ]);
    const long = writeTemp(
      'long.csv',
      'Level,Title,Area,Competency,Description\n3,Engineer I,Tech,Code quality,Writes tests.\n4,Engineer II,Tech,Code quality,Writes good tests.\n',
    );
    const two = await importInto(long);
    expect(two.code).toBe(0);
    expect(check(two.content).ladder.levels.map((l) => [l.title, l.grade])).toEqual([
      ['Engineer I', 3],
      ['Engineer II', 4],
    ]);
  });

  it('reads an XLSX workbook with one sheet per track, the sheet name naming the track', async () => {
    const sheets: Sheet[] = [
      {
        name: 'Engineering',
        rows: [
          ['Title', 'Grade', 'Craft'],
          ['Engineer', 1, 'Builds things.'],
          ['Senior Engineer', 2, 'Builds big things.'],
        ],
      },
      {
        name: 'Engineering management',
        rows: [
          ['Title', 'Grade', 'Craft'],
          ['Manager', 2, 'Keeps the bar high.'],
        ],
      },
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

describe('ladder import: public ladders as they are laid out', () => {
  /** A fixture's rows as a workbook typed in a spreadsheet program, with merged cells if any. */
  async function asXlsx(fixture: string, name: string, merges: string[] = []): Promise<string> {
    const rows = parseCsv(readFileSync(join(FIXTURES, fixture)), { bom: true, relax_column_count: true }) as string[][];
    // As a spreadsheet program saves them, merged cells hold their text in the top-left cell only.
    for (const ref of merges) {
      const [, c1, r1, c2, r2] = /^([A-Z])(\d+):([A-Z])(\d+)$/.exec(ref)!;
      for (let r = Number(r1) - 1; r < Number(r2); r++) {
        for (let c = c1!.charCodeAt(0) - 65; c <= c2!.charCodeAt(0) - 65; c++) if (r !== Number(r1) - 1 || c !== c1!.charCodeAt(0) - 65) rows[r]![c] = '';
      }
    }
    let book = await rawXlsx([{ name, rows }]);
    if (merges.length > 0) {
      const files = unzipSync(book);
      const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
      files['xl/worksheets/sheet1.xml'] = strToU8(
        sheet.replace('</sheetData>', `</sheetData><mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`),
      );
      book = Buffer.from(zipSync(files));
    }
    return writeTemp(fixture.replace(/\.csv$/, '.xlsx'), book);
  }

  it('levels across with codes ("E1\\nAssociate Engineer"), a title row, group rows, a Notes column, a Scope row of prose, "-" cells and "see E2"', async () => {
    for (const xlsx of [false, true]) {
      const file = xlsx ? await asXlsx('competencies-down-codes.csv', 'Matrix') : 'tests/fixtures/sheets/competencies-down-codes.csv';
      const { code, stdout, content } = await importInto(file);
      expect(code, stdout).toBe(0);
      const result = onlyPlaceholders(content);
      // Grades from the codes, titles without them, no phantom "Notes" level.
      expect(result.ladder.levels.map((l) => [l.id, l.title, l.grade])).toEqual([
        ['individual-contributor/associate-engineer', 'Associate Engineer', 1],
        ['individual-contributor/engineer', 'Engineer', 2],
        ['individual-contributor/senior-engineer', 'Senior Engineer', 3],
        ['individual-contributor/staff-engineer', 'Staff Engineer', 4],
      ]);
      expect(stdout).toContain(
        xlsx ? 'Sheet "Matrix", cell G3: The column "Notes" holds notes' : 'competencies-down-codes.csv:3:7  warning  The column "Notes" holds notes',
      );
      // "Scope" is a competency, not the authority scope: ladder.md keeps the default scopes.
      expect(result.ladder.competencies.map((c) => c.id)).toEqual(['estimation', 'quality', 'scope', 'testing']);
      expect(result.ladder.scopes).toEqual(['team', 'group', 'org', 'division', 'company']);
      expect(readFileSync(join(content, 'ladder.md'), 'utf8')).not.toContain('scopes:');
      const senior = readFileSync(join(content, 'levels/individual-contributor/senior-engineer.md'), 'utf8');
      // "see E2" is E2's text, whose line break inside a sentence stays in one bullet.
      expect(senior).toContain('## Quality\n\n- Consistently writes production-ready code that others can read and change.\n');
      expect(senior).toContain('## Scope\n\n- Leads the technical work of a team.\n');
      // "-" is an empty cell: a TODO to write, never a bullet "- -".
      expect(senior).toContain('## Testing\n\n- TODO: what people at this level visibly do in testing.\n');
      const staff = readFileSync(join(content, 'levels/individual-contributor/staff-engineer.md'), 'utf8');
      expect(staff).toContain('## Estimation\n\n- Estimates epics:\n  - breaks them into tasks\n  - tracks progress against the estimate\n');
      expect(staff).toContain('## Testing\n\n- TODO:');
      for (const text of Object.values(tree(content))) expect(text).not.toMatch(/^- [-—–]\s*$|^- n\/a$/m);
    }
  });

  it('a row of codes, then a Title row, group columns before the competency, "see E3" chains, merged cells across levels', async () => {
    for (const xlsx of [false, true]) {
      const file = xlsx ? await asXlsx('codes-then-titles.csv', 'Matrix', ['D5:F5', 'G5:H5', 'A1:H1']) : 'tests/fixtures/sheets/codes-then-titles.csv';
      const { code, stdout, content } = await importInto(file);
      expect(code, stdout).toBe(0);
      const result = onlyPlaceholders(content);
      expect(result.ladder.levels.map((l) => [l.title, l.grade])).toEqual([
        ['Associate Engineer', 1],
        ['Engineer', 2],
        ['Senior Engineer', 3],
        ['Staff Engineer', 4],
        ['Principal Engineer', 5],
      ]);
      expect(result.ladder.competencies.map((c) => c.id)).toEqual(['debugging', 'focus', 'testing', 'writing-code']);
      const principal = readFileSync(join(content, 'levels/individual-contributor/principal-engineer.md'), 'utf8');
      expect(principal).toContain('## Writing code\n\n- Writes code others learn from.\n');
      expect(principal).toContain('## Debugging\n\n- Debugs across services.\n');
      const engineer = readFileSync(join(content, 'levels/individual-contributor/engineer.md'), 'utf8');
      // As CSV, a merged cell's text is in its first cell only; as XLSX, the merge gives it to every level it spans.
      expect(engineer).toContain(xlsx ? '## Focus\n\n- doing the work\n' : '## Focus\n\n- TODO:');
    }
  });

  it('merged cells of a workbook: one text across E1-E2 is the text of both, a group row merged across the sheet stays a group', async () => {
    const file = await asXlsx('competencies-down-codes.csv', 'Matrix', ['A4:G4', 'C8:D8']);
    const { code, content } = await importInto(file);
    expect(code).toBe(0);
    const result = onlyPlaceholders(content);
    expect(result.ladder.competencies.map((c) => c.id)).toEqual(['estimation', 'quality', 'scope', 'testing']);
    expect(readFileSync(join(content, 'levels/individual-contributor/engineer.md'), 'utf8')).toContain('## Scope\n\n- Works within a task.\n');
  });

  it('levels down with IC rows E1..E4 and manager rows M1, M2, no Track column: an IC and a management track of one family', async () => {
    for (const xlsx of [false, true]) {
      const file = xlsx ? await asXlsx('levels-down-tracks.csv', 'Ladder') : 'tests/fixtures/sheets/levels-down-tracks.csv';
      const { code, stdout, content } = await importInto(file);
      expect(code, stdout).toBe(0);
      const result = onlyPlaceholders(content);
      expect(result.ladder.tracks.map((t) => [t.id, t.kind, t.family])).toEqual([
        ['individual-contributor', 'individual-contributor', 'main'],
        ['management', 'management', 'main'],
      ]);
      expect(result.ladder.levels.map((l) => [l.id, l.grade])).toEqual([
        ['individual-contributor/engineer-i', 1],
        ['individual-contributor/engineer-ii', 2],
        ['individual-contributor/senior-engineer', 3],
        ['individual-contributor/staff-engineer', 4],
        ['management/engineering-manager', 1],
        ['management/senior-engineering-manager', 2],
      ]);
      // What was guessed is said.
      expect(stdout).toContain(
        'split by their codes (E, M) and titles into 2 tracks of one family: individual-contributor (E1, E2, E3, E4); management (M1, M2)',
      );
      expect(stdout).toContain('"Management track" has no expectations and is no job title, so it is read as a heading');
      expect(stdout).toMatch(/The column "NOTES" holds notes/);
      const one = readFileSync(join(content, 'levels/individual-contributor/engineer-i.md'), 'utf8');
      expect(one).toContain('title: Engineer I\n');
      expect(one).toContain(
        'Typical experience: under 1-2 years.\n\n## Technical Skill\n\n- Broad knowledge of core concepts.\n- Learns the tools, resources and processes of the team.\n',
      );
      // A row without a title continues the level above; its "-" and "n/a" cells are empty.
      const two = readFileSync(join(content, 'levels/individual-contributor/engineer-ii.md'), 'utf8');
      expect(two).toContain('## Technical Skill\n\n- Writes correct and clean code with guidance.\n- Rarely makes the same mistake twice.\n');
      expect(two).toContain('## Get Stuff Done\n\n- Makes steady progress on tasks.\n- Owns small features from design through completion.\n');
      expect(two).toContain('## Impact\n\n- Self-sufficient in one area of the codebase.\n\n## Communication');
    }
  });

  it('levels down with a "Level | Title" pair holding E1/M1 codes, or titles alone with manager words', async () => {
    const coded = writeTemp(
      'coded.csv',
      'Level,Title,Technical Skill,Impact\nE1,Engineer I,Learns.,Small.\nE2,Engineer II,Builds.,Team.\nM1,Engineering Manager,Guides.,Team.\n',
    );
    const one = await importInto(coded);
    expect(one.code, one.stdout).toBe(0);
    expect(check(one.content).ladder.levels.map((l) => [l.id, l.grade])).toEqual([
      ['individual-contributor/engineer-i', 1],
      ['individual-contributor/engineer-ii', 2],
      ['management/engineering-manager', 1],
    ]);
    const titled = writeTemp(
      'titled.csv',
      'Title,Craft\nEngineer,Builds.\nSenior Engineer,Leads.\nEngineering Manager,Hires.\nDirector of Engineering,Plans.\n',
    );
    const two = await importInto(titled);
    expect(two.code, two.stdout).toBe(0);
    expect(two.stdout).toContain('split by their titles (Manager, Director, Head of, VP) into 2 tracks');
    const titledLadder = check(two.content).ladder;
    expect(titledLadder.tracks.map((t) => [t.id, t.kind, titledLadder.levelsByTrack.get(t.id)!.map((l) => l.grade)])).toEqual([
      ['individual-contributor', 'individual-contributor', [1, 2]],
      ['management', 'management', [1, 2]],
    ]);
    const product = writeTemp('product.csv', 'Title,Craft\nAssociate Product Manager,Learns.\nProduct Manager,Owns.\nSenior Product Manager,Leads.\n');
    const three = await importInto(product);
    expect(three.code).toBe(0);
    expect(check(three.content).ladder.tracks.map((t) => t.id)).toEqual(['individual-contributor']);
  });

  it('a Scope row or column of short ids is the authority scope, in the order of the grades; one of prose is a competency', async () => {
    const short = await importInto(writeTemp('short.csv', 'Competency,E1,E2,E3\nScope,Task,Team,Multiple teams\nCraft,Builds.,Leads.,Shapes.\n'));
    expect(short.code, short.stdout).toBe(0);
    const ladderOf = check(short.content).ladder;
    expect(ladderOf.scopes).toEqual(['task', 'team', 'multiple-teams']);
    expect(ladderOf.levels.map((l) => l.authority.scope)).toEqual(['task', 'team', 'multiple-teams']);
    expect(ladderOf.competencies.map((c) => c.id)).toEqual(['craft']);
    expect(short.stdout).toContain("the scopes are the sheet's own (task, team, multiple-teams)");
    const prose = await importInto(
      writeTemp('prose.csv', 'Title,Scope,Craft\nEngineer,Owns tasks within their team.,Builds.\nSenior Engineer,Owns projects across several teams.,Leads.\n'),
    );
    expect(prose.code, prose.stdout).toBe(0);
    const proseLadder = onlyPlaceholders(prose.content).ladder;
    expect(proseLadder.scopes).toEqual(['team', 'group', 'org', 'division', 'company']);
    expect(proseLadder.competencies.map((c) => c.id)).toEqual(['craft', 'scope']);
    expect(readFileSync(join(prose.content, 'levels/individual-contributor/senior-engineer.md'), 'utf8')).toContain(
      '## Scope\n\n- Owns projects across several teams.\n',
    );
  });

  it('levels down with codes in a column without a header, a Description column and a Salary range in one cell', async () => {
    const file = writeTemp(
      'ranges.csv',
      ',Title,Description,Salary range,Technical Skill\nE1,Engineer I,"Learns the craft.\nWorks on one team.","$100,000 - $130,000",Learns.\nE2,Engineer II,Works alone.,120k–150k,Builds.\nM2,Engineering Manager,Runs a team.,"120,000 to 150,000",Guides.\n',
    );
    const { code, stdout, content } = await importInto(file);
    expect(code, stdout).toBe(0);
    const result = onlyPlaceholders(content);
    expect(result.ladder.levels.map((l) => [l.id, l.grade, l.pay && { min: l.pay.min, max: l.pay.max }])).toEqual([
      ['individual-contributor/engineer-i', 1, { min: 100000, max: 130000 }],
      ['individual-contributor/engineer-ii', 2, { min: 120000, max: 150000 }],
      ['management/engineering-manager', 2, { min: 120000, max: 150000 }],
    ]);
    expect(readFileSync(join(content, 'levels/individual-contributor/engineer-i.md'), 'utf8')).toContain(
      '---\n\nLearns the craft.\nWorks on one team.\n\n## Technical Skill\n\n- Learns.\n',
    );
    const bad = await importInto(writeTemp('bad-range.csv', 'Title,Salary range,Craft\nEngineer,lots,Builds.\n'), ['--format', 'json']);
    expect(bad.code).toBe(1);
    expect((JSON.parse(bad.stdout) as { diagnostics: unknown[] }).diagnostics).toContainEqual(
      expect.objectContaining({
        line: 2,
        column: 2,
        rule: 'import/value',
        message: 'The pay range must be one amount or a range such as 100,000 - 130,000, not "lots"',
      }),
    );
  });

  it('notes, comments and links columns are left out with a warning at their header cell', async () => {
    const { code, content } = await importInto('tests/fixtures/sheets/notes-columns.csv');
    expect(code).toBe(0);
    const json = await importInto('tests/fixtures/sheets/notes-columns.csv', ['--format', 'json']);
    const warnings = (
      JSON.parse(json.stdout) as { diagnostics: { file: string; line: number; column: number; rule: string; severity: string; message: string }[] }
    ).diagnostics.filter((d) => d.rule.startsWith('import/'));
    expect(warnings.map((d) => [d.line, d.column, d.rule, d.severity, d.message])).toEqual(
      ['Notes', 'Comments', 'Links'].map((name, i) => [
        1,
        4 + i,
        'import/unknown-column',
        'warning',
        `The column "${name}" holds notes or examples, not a level, a field or a competency, so it is left out`,
      ]),
    );
    const result = onlyPlaceholders(content);
    expect(result.ladder.levels.map((l) => [l.title, l.grade, l.summary])).toEqual([
      ['Engineer', 1, 'Builds features with the team.'],
      ['Senior Engineer', 2, 'Leads features from design to release.'],
    ]);
    expect(Object.values(tree(content)).join('\n')).not.toMatch(/Hiring now|Check with HR|example\.com/);
    // The same in the long layout, and an "Examples" column beside the expectations.
    const long = writeTemp('long.csv', 'Level,Competency,Expectation,Examples,Comments\nEngineer,Craft,Builds.,Built the search page.,ok\n');
    const run = await importInto(long, ['--format', 'json']);
    const parsed = JSON.parse(run.stdout) as { ok: boolean; diagnostics: { line: number; column: number; rule: string }[] };
    expect(parsed.ok).toBe(true);
    expect(parsed.diagnostics.filter((d) => d.rule === 'import/unknown-column').map((d) => [d.line, d.column])).toEqual([
      [1, 4],
      [1, 5],
    ]);
    expect(readFileSync(join(run.content, 'levels/individual-contributor/engineer.md'), 'utf8')).toContain('## Craft\n\n- Builds.\n');
  });
});

describe('ladder import: bad sheets give located diagnostics and write nothing', () => {
  async function refused(file: string, args: string[] = []) {
    const run = await importInto(file, [...args, '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(existsSync(run.content)).toBe(false);
    const json = JSON.parse(run.stdout) as {
      ok: boolean;
      written: boolean;
      diagnostics: { file: string; line: number; column: number; rule: string; message: string }[];
    };
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
        {
          name: 'levels',
          rows: [
            ['id', 'title', 'grade'],
            ['ic/engineer', 'Engineer', 1],
          ],
        },
        {
          name: 'competencies',
          rows: [
            ['id', 'name'],
            ['craft', 'Craft'],
          ],
        },
        {
          name: 'expectations',
          rows: [
            ['level', 'competency', 'text'],
            ['ic/engineer', 'Crafts', '- Builds.'],
          ],
        },
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
    const liar = lieAboutSizes(
      zipSync({ 'xl/workbook.xml': new Uint8Array(10), 'xl/worksheets/sheet1.xml': new Uint8Array(4 * 1024 * 1024) }, { level: 9 }),
      1000,
    );
    const check = checkZip(liar);
    expect(check).toEqual({
      ok: false,
      message: 'its part xl/worksheets/sheet1.xml unpacks to more than the 1000 bytes its directory declares, as zip bombs do',
    });
    // And the command: one located diagnostic, nothing written, no stack trace.
    const file = writeTemp('liar.xlsx', liar);
    const [e, ...more] = await refused(file);
    expect(more).toEqual([]);
    expect(e).toMatchObject({ file, line: 1, column: 1, rule: 'import/too-large' });
    expect(e!.message).toBe(
      'This XLSX file cannot be read: its part xl/worksheets/sheet1.xml unpacks to more than the 1000 bytes its directory declares, as zip bombs do',
    );
  });

  it('the github format: sheet problems at FILE:row:column, those of the resulting ladder in the content directory', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'bad.csv'), 'title,grade,summary\nEngineer,1,Builds.\nSenior,four,Builds more.\n');
    const bad = await ladder(['import', 'bad.csv', '--content', 'content', '--format', 'github'], { cwd });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe(
      '::error file=bad.csv,line=3,col=2,title=import/value::The grade must be a whole number from 1 to 99 (such as 4 or L4), not "four"\n✖ 1 error and 0 warnings in 1 file\n',
    );
    expect(existsSync(join(cwd, 'content'))).toBe(false);

    writeFileSync(join(cwd, 'sheet.csv'), readFileSync(join(FIXTURES, 'notes-columns.csv')));
    const good = await ladder(['import', 'sheet.csv', '--content', 'content', '--format', 'github'], { cwd });
    expect(good.code).toBe(0);
    const lines = good.stdout.trimEnd().split('\n');
    expect(lines.slice(0, 3)).toEqual(
      ['Notes', 'Comments', 'Links'].map(
        (name, i) =>
          `::warning file=sheet.csv,line=1,col=${4 + i},title=import/unknown-column::The column "${name}" holds notes or examples, not a level, a field or a competency, so it is left out`,
      ),
    );
    expect(lines).toContain(
      '::warning file=content/levels/individual-contributor/engineer.md,line=7,col=8,title=content/placeholder::The pay band of Engineer is still 0–0: set it before this is published',
    );
    expect(lines.slice(3, -1).every((l) => l.startsWith('::warning file=content/'))).toBe(true);
    expect(lines.at(-1)).toMatch(/^⚠ 0 errors and \d+ warnings in \d+ files$/);

    // An XLSX problem names its sheet and cell in the message; a line break in a cell is shown, never a second line.
    const book = join(cwd, 'book.xlsx');
    writeFileSync(
      book,
      await xlsxBuffer([
        {
          name: 'Levels 2026',
          rows: [
            ['title', 'grade'],
            ['Engineer', 'one\ntwo'],
          ],
        },
      ]),
    );
    const xlsx = await ladder(['import', 'book.xlsx', '--content', 'content', '--format', 'github'], { cwd });
    expect(xlsx.stdout.split('\n')[0]).toBe(
      '::error file=book.xlsx,line=2,col=2,title=import/value::Sheet "Levels 2026", cell B2: The grade must be a whole number from 1 to 99 (such as 4 or L4), not "one\\u{a}two"',
    );
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
    expect(book.map((s) => s.sheet)).toEqual([
      'levels',
      'expectations',
      'bands',
      'zones',
      'tracks',
      'families',
      'competencies',
      'settings',
      'pages',
      'exceptions',
    ]);
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

  it('the workbook written: every sheet has a frozen, bold header row and columns as wide as their content, up to 60', async () => {
    const out = join(tempDir(), 'ladder.xlsx');
    expect((await ladder(['export', out], { cwd: ROOT })).code).toBe(0);
    const files = unzipSync(readFileSync(out));
    const workbook = strFromU8(files['xl/workbook.xml']!);
    const names = [...workbook.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]);
    expect(names).toEqual(['levels', 'expectations', 'bands', 'zones', 'tracks', 'families', 'competencies', 'settings', 'pages', 'exceptions']);
    expect(strFromU8(files['xl/styles.xml']!)).toContain(
      '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1"',
    );
    expect(strFromU8(files['xl/styles.xml']!)).toContain('<font><b/><sz val="11"/>');
    const levels = check(SAMPLE).ladder.levels;
    names.forEach((name, i) => {
      const xml = strFromU8(files[`xl/worksheets/sheet${i + 1}.xml`]!);
      expect(xml, name).toContain('<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
      const header = [...(/<row r="1">(.*?)<\/row>/.exec(xml)?.[1] ?? '').matchAll(/<c r="([A-Z]+)1" t="inlineStr" s="1">/g)].map((m) => m[1]);
      const cols = [...(/<cols>(.*?)<\/cols>/.exec(xml)?.[1] ?? '').matchAll(/<col min="(\d+)" max="(\d+)" width="(\d+)" customWidth="1"\/>/g)];
      expect(cols.length, name).toBe(header.length);
      expect(
        cols.map((c) => Number(c[1])),
        name,
      ).toEqual(header.map((_, n) => n + 1));
      for (const c of cols) expect(Number(c[3])).toBeGreaterThanOrEqual(6);
      for (const c of cols) expect(Number(c[3])).toBeLessThanOrEqual(60);
    });
    // On the levels sheet: the id column as wide as the longest id (plus 2), the summaries at the 60 limit.
    const xml = strFromU8(files['xl/worksheets/sheet1.xml']!);
    const widths = [...xml.matchAll(/<col min="\d+" max="\d+" width="(\d+)"/g)].map((m) => Number(m[1]));
    expect(widths[0]).toBe(Math.max(...levels.map((l) => l.id.length)) + 2);
    expect(widths[6]).toBe(60);
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
    const sheets: Sheet[] = book.map((s) => ({
      name: s.sheet,
      rows: s.data.map((r) => r.map((c) => (c === null ? '' : typeof c === 'number' ? c : String(c)))),
    }));
    const edited = join(out, 'edited.xlsx');
    writeFileSync(edited, await rawXlsx(sheets));
    const dir = copySample();
    const run = await ladder(['import', edited, '--content', dir, '--force'], { cwd: ROOT });
    expect(run.code).toBe(0);
    const changedFiles = Object.entries(tree(dir))
      .filter(([path, text]) => tree(SAMPLE)[path] !== text)
      .map(([path]) => path);
    expect(changedFiles).toEqual(['levels/engineering-ic/staff-engineer.md']);
    const diff = diffLadders(check(SAMPLE), check(dir));
    expect(diff.levels.map((c) => [c.id, c.kind, c.fields.map((f) => [f.field, f.before, f.after])])).toEqual([
      [
        'engineering-ic/staff-engineer',
        'changed',
        [
          [
            'summary',
            'Leads technical work across a group of teams and raises the bar for how the group builds software.',
            'Leads technical work across a group of teams.',
          ],
        ],
      ],
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
    const line = readFileSync(join(out, 'levels.csv'), 'utf8')
      .split('\r\n')
      .find((l) => l.startsWith('engineering-ic/staff-engineer,'))!;
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
