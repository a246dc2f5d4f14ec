/**
 * How `ladder import` reads the cells of sheets laid out by people: level
 * codes and titles, manager and IC levels in one sheet, prose, placeholders,
 * "see E3", and which row is the header.
 */
import { describe, expect, it } from 'vitest';
import { detectSheet, ignoredHeader } from '../src/ladder/sheets/detect.ts';
import { isManagerTitle, levelLike, parseCode, parseLevelHeading } from '../src/ladder/sheets/headings.ts';
import { isBlankCell, proseToMarkdown, referenceIn } from '../src/ladder/sheets/prose.ts';
import { fillMerges, type Table } from '../src/ladder/sheets/table.ts';
import { splitTracks } from '../src/ladder/sheets/tracks.ts';

const table = (rows: string[][]): Table => ({ name: 'Sheet1', file: 'x.csv', xlsx: false, rows });

describe('level codes and titles', () => {
  it.each([
    ['E1\nAssociate Engineer', 'Associate Engineer', 'E', 1],
    ['E1 - Associate Engineer', 'Associate Engineer', 'E', 1],
    ['L3: Senior Engineer', 'Senior Engineer', 'L', 3],
    ['Senior Engineer (IC4)', 'Senior Engineer', 'IC', 4],
    ['Software Engineer, L3', 'Software Engineer', 'L', 3],
    ['Staff Engineer P5', 'Staff Engineer', 'P', 5],
    ['Associate Engineer\nE1', 'Associate Engineer', 'E', 1],
    ['Level 3 - Senior', 'Senior', '', 3],
    ['M2', undefined, 'M', 2],
    ['Level 3', undefined, '', 3],
  ])('%j is %j, code %s%i', (cell, title, prefix, grade) => {
    const heading = parseLevelHeading(cell);
    expect(heading.title).toBe(title);
    expect(heading.code).toMatchObject({ prefix, grade });
  });

  it('keeps titles without a code as they are, and takes years of experience out of them', () => {
    expect(parseLevelHeading('Engineer II')).toEqual({ title: 'Engineer II', code: undefined, experience: undefined });
    expect(parseLevelHeading('E2E Testing Lead').code).toBeUndefined();
    expect(parseLevelHeading('Web3 engineer').code).toBeUndefined();
    expect(parseLevelHeading('Senior Engineer 2').code).toBeUndefined();
    expect(parseLevelHeading('Engineer II (2-6+)')).toEqual({ title: 'Engineer II', code: undefined, experience: '2-6+ years' });
    expect(parseLevelHeading('E1 - Engineer I (<1-2)')).toMatchObject({ title: 'Engineer I', code: { prefix: 'E', grade: 1 }, experience: '<1-2 years' });
    expect(parseCode('2026')).toBeUndefined();
    expect(parseCode('IC 4')).toMatchObject({ prefix: 'IC', grade: 4 });
  });

  it('tells job titles from competencies, and managers from product managers', () => {
    expect(['Engineer I', 'Senior Engineer', 'IV (Senior)', 'E3', 'Head of Design', 'Junior'].filter(levelLike)).toHaveLength(6);
    expect(['Technical Skill', 'Get Stuff Done', 'Communication & Leadership', 'Impact', 'Dex'].filter(levelLike)).toEqual([]);
    expect(['Engineering Manager', 'Director of Engineering', 'Head of Platform', 'VP Engineering'].every(isManagerTitle)).toBe(true);
    expect(['Product Manager', 'Senior Technical Program Manager', 'Tech Lead', 'Staff Engineer'].some(isManagerTitle)).toBe(false);
  });
});

describe('tracks of a sheet without a track column', () => {
  const input = (title: string, code?: string) => {
    const heading = parseLevelHeading(code ? `${code} ${title}` : title);
    return { title: heading.title ?? '', code: heading.code, grade: heading.code?.grade, kind: undefined };
  };
  const base = { id: 'individual-contributor', name: 'Individual contributor' };

  it('splits by code prefix: E1..E4 and M1, M2 are an IC and a management track', () => {
    const split = splitTracks(
      [input('Engineer I', 'E1'), input('Engineer II', 'E2'), input('Senior', 'E3'), input('Staff', 'E4'), input('Team Lead', 'M1'), input('Group Lead', 'M2')],
      base,
    );
    expect(split.groups.map((g) => [g.id, g.kind, g.members])).toEqual([
      ['individual-contributor', 'individual-contributor', [0, 1, 2, 3]],
      ['management', 'management', [4, 5]],
    ]);
    expect(split.how).toBe('their codes (E, M) and titles');
  });

  it('splits by manager words in titles when there are no codes, and names tracks after the sheet', () => {
    const split = splitTracks([input('Engineer'), input('Senior Engineer'), input('Engineering Manager'), input('Director of Engineering')], {
      id: 'engineering',
      name: 'Engineering',
    });
    expect(split.groups.map((g) => [g.id, g.name, g.members])).toEqual([
      ['engineering', 'Engineering', [0, 1]],
      ['engineering-management', 'Engineering management', [2, 3]],
    ]);
    expect(split.how).toBe('their titles (Manager, Director, Head of, VP)');
  });

  it('does not split a product ladder whose titles all say Manager, nor an IC-only sheet', () => {
    expect(splitTracks([input('Associate Product Manager'), input('Product Manager'), input('Senior Product Manager')], base).groups).toHaveLength(1);
    const ic = splitTracks([input('Engineer', 'E1'), input('Senior', 'E2')], base);
    expect(ic.groups.map((g) => g.id)).toEqual(['individual-contributor']);
    expect(ic.how).toBeUndefined();
  });

  it('gives prefixes of one kind whose grades collide tracks of their own (D1..D3 beside TL2, TL3)', () => {
    const split = splitTracks(
      [input('Developer', 'D1'), input('Developer', 'D2'), input('Developer', 'D3'), input('Tech Lead', 'TL2'), input('Tech Lead', 'TL3')],
      base,
    );
    expect(split.groups.map((g) => [g.id, g.members])).toEqual([
      ['d-track', [0, 1, 2]],
      ['tl-track', [3, 4]],
    ]);
  });
});

describe('prose in cells', () => {
  it('a line break inside a sentence stays in its bullet; list marks, paragraphs and new sentences split', () => {
    expect(proseToMarkdown('Shares progress in stand-ups\nand in the team channel.')).toBe('- Shares progress in stand-ups and in the team channel.');
    expect(proseToMarkdown('Works with the\nProduct team every week.')).toBe('- Works with the Product team every week.');
    expect(proseToMarkdown('Writes code with help.\nLearns the tools.')).toBe('- Writes code with help.\n- Learns the tools.');
    expect(proseToMarkdown('Focus on growing\n\nLearns the tools')).toBe('- Focus on growing\n- Learns the tools');
    expect(proseToMarkdown('• Ships features\n• Reviews code')).toBe('- Ships features\n- Reviews code');
    expect(proseToMarkdown('1. Plans\n2. Delivers')).toBe('1. Plans\n2. Delivers');
    expect(proseToMarkdown('Estimates epics:\n- breaks them down\n- tracks progress\nAsks for help.')).toBe(
      '- Estimates epics:\n  - breaks them down\n  - tracks progress\n- Asks for help.',
    );
  });

  it('"-", "—", "n/a", "TBD" are empty cells; "see E3" and "same as previous" point to another level', () => {
    expect(['-', '—', '–', '--', 'n/a', 'N/A', 'NA', 'TBD', '?', '…'].every(isBlankCell)).toBe(true);
    expect(['- Ships', 'None of the above', 'x'].some(isBlankCell)).toBe(false);
    expect(referenceIn('see E3')).toBe('E3');
    expect(referenceIn('Same as Senior Engineer.')).toBe('Senior Engineer');
    expect(referenceIn('Same as previous')).toBe('previous');
    expect(referenceIn('Sees the big picture.')).toBeUndefined();
  });
});

describe('finding the header row', () => {
  it('a title row, then level codes across: levels as columns, the codes the first level column', () => {
    const t = table([
      ['Acme matrix', '', '', ''],
      ['', '', 'E1\nAssociate', 'E2\nEngineer', 'Notes'],
      ['Craft', 'Code', 'a', 'b', ''],
    ]);
    expect(detectSheet(t)).toEqual({ layout: 'wide-competencies-down', at: 1, firstLevel: 2 });
  });

  it('"Level | Engineer I | Engineer II | Senior": job titles across, competencies down', () => {
    const t = table([
      ['Level', 'Engineer I', 'Engineer II', 'IV (Senior)'],
      ['Scope of influence', 'Self', 'Project', 'Team'],
      ['Programming', 'a', 'b', 'c'],
    ]);
    expect(detectSheet(t)).toMatchObject({ layout: 'wide-competencies-down', at: 0, firstLevel: 1 });
  });

  it('an empty corner with job titles down the first column: levels as rows, under the last row above them', () => {
    const t = table([
      ['', 'Dex', 'Str', 'Wis'],
      ['', 'Technical Skill', 'Impact', 'Notes'],
      ['', '', '', ''],
      ['Engineer I', 'a', 'b', ''],
      ['Engineer II', 'c', 'd', ''],
    ]);
    expect(detectSheet(t)).toEqual({ layout: 'wide-levels-down', at: 1, titleColumn: 0 });
  });

  it("Parity's own layout stays Parity's own with notes columns; those are left out", () => {
    expect(
      detectSheet(
        table([
          ['title', 'grade', 'Notes', 'Links'],
          ['Engineer', '1', '', ''],
        ]),
      ),
    ).toEqual({ layout: 'parity', at: 0 });
    expect(['Notes', 'NOTES (optional)', 'Comments', 'Examples', 'Links', 'Years of experience'].every(ignoredHeader)).toBe(true);
    expect(['Impact', 'Execution', 'Notable work'].some(ignoredHeader)).toBe(false);
  });

  it('merged cells fill only what is asked, within the sheet', () => {
    const t = table([
      ['h', 'E1', 'E2', 'E3'],
      ['Focus', 'execution', '', ''],
      ['Group', '', '', ''],
    ]);
    t.merges = [
      { top: 1, left: 1, bottom: 1, right: 2 },
      { top: 2, left: 0, bottom: 2, right: 3 },
      { top: 0, left: 1, bottom: 1_000_000, right: 16_000 },
    ];
    fillMerges(t, (m) => m.left >= 1 && m.top > 0);
    expect(t.rows).toEqual([
      ['h', 'E1', 'E2', 'E3'],
      ['Focus', 'execution', 'execution', ''],
      ['Group', '', '', ''],
    ]);
  });
});
