import { describe, expect, it } from 'vitest';
import { check } from '../../src/ladder/check.ts';
import { csvField } from '../../src/ladder/csv.ts';
import { CSV_COLUMNS, toLadderCsv, toLadderJson } from '../../src/site/export.ts';
import { checkFiles, miniLadder, SAMPLE } from '../helpers/ladder.ts';

describe('toLadderJson', () => {
  const { ladder } = check(SAMPLE);
  const json = toLadderJson(ladder);

  it('holds the ladder, its families, competencies, tracks and levels', () => {
    expect(json.version).toBe(1);
    expect(json.ladder).toMatchObject({ name: 'Northwind Labs Career Ladder', currency: 'USD', repository: null, parity: { pay: 'identical' }, url: '/' });
    expect(json.ladder.intro.html).toMatch(/^<p>Northwind Labs makes/);
    expect(json.families.map((f) => f.id)).toEqual(['engineering', 'formulation-science']);
    expect(json.families[0]).toMatchObject({
      tracks: ['engineering-ic', 'engineering-management'],
      grades: [1, 2, 3, 4, 5, 6, 7, 8],
      url: '/families/engineering/',
    });
    expect(json.tracks.find((t) => t.id === 'engineering-management')!.levels[0]).toBe('engineering-management/engineering-manager');
    expect(json.competencies.find((c) => c.id === 'strategy')!.tracks).toEqual(['engineering-management', 'formulation-management']);
    expect(json.levels).toHaveLength(ladder.levels.length);
  });

  it('describes each level with pay, authority, sections, neighbours and equivalents', () => {
    const staff = json.levels.find((l) => l.id === 'engineering-ic/staff-engineer')!;
    expect(staff).toMatchObject({
      slug: 'staff-engineer',
      family: 'engineering',
      track: 'engineering-ic',
      kind: 'individual-contributor',
      grade: 4,
      url: '/levels/engineering-ic/staff-engineer/',
      promotionUrl: '/levels/engineering-ic/staff-engineer/next/',
      pay: { min: 185000, max: 240000, currency: 'USD' },
      authority: { scope: 'group', budget: 50000 },
      previous: 'engineering-ic/senior-software-engineer',
      next: 'engineering-ic/senior-staff-engineer',
      equivalents: ['engineering-management/engineering-manager'],
    });
    expect(staff.sections.map((s) => s.competency)).toEqual(['technical-craft', 'delivery', 'impact', 'collaboration', 'mentorship']);
    const craft = staff.sections[0]!;
    expect(craft).toMatchObject({ heading: 'Technical craft', anchor: 'technical-craft' });
    expect(craft.html).toMatch(/^<ul>/);
    expect(craft.text.split('\n')).toHaveLength(4);
    const top = json.levels.find((l) => l.id === 'engineering-ic/distinguished-engineer')!;
    expect(top).toMatchObject({ next: null, promotionUrl: null });
  });

  it('has a verdict for every family and grade, and the exceptions', () => {
    expect(json.parity).toHaveLength(16);
    expect(json.parity.find((v) => v.family === 'engineering' && v.grade === 8)).toMatchObject({ pay: { status: 'equal' }, authority: { status: 'equal' } });
    expect(json.exceptions).toEqual([]);
  });

  it('survives a JSON round trip unchanged (no undefined, no Maps)', () => {
    expect(JSON.parse(JSON.stringify(json))).toStrictEqual(json);
  });

  it('puts the base in front of every url', () => {
    const based = toLadderJson(ladder, { base: '/careers/' });
    expect(based.ladder.url).toBe('/careers/');
    expect(based.levels[0]!.url).toBe(`/careers/levels/${ladder.levels[0]!.id}/`);
  });
});

describe('toLadderCsv', () => {
  it('has a header and one row per level, with CRLF line ends', () => {
    const { ladder } = check(SAMPLE);
    const csv = toLadderCsv(ladder, { base: 'https://careers.example.com/' });
    const lines = csv.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(ladder.levels.length + 2);
    expect(lines[1]).toMatch(
      /^engineering-ic\/software-engineer-i,engineering,engineering-ic,individual-contributor,1,Software Engineer I,"Delivers.*",105000,135000,USD,team,500,code-review,https:\/\/careers\.example\.com\/levels\/engineering-ic\/software-engineer-i\/,,,$/,
    );
  });

  it('quotes commas, quotes and line breaks (RFC 4180) and defuses formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(42)).toBe('42');
    // European Excel splits on ';' and takes no quote in mid-field for one: each part after a ';' is guarded too.
    expect(csvField('a;=cmd')).toBe('"a;\'=cmd"');
    expect(csvField('-5')).toBe("'-5");
    const files = miniLadder();
    files['levels/eng-ic/engineer.md'] = files['levels/eng-ic/engineer.md']!.replace('title: Engineer', 'title: "=HYPERLINK(1)"');
    const csv = toLadderCsv(checkFiles(files).ladder);
    expect(csv).toContain(",'=HYPERLINK(1),");
    expect(csv).toContain(',hiring,/levels/eng-ic/engineer/,,,\r\n');
  });

  it('joins decisions with semicolons, quoted so that European Excel keeps them in one cell', () => {
    const { ladder } = check(SAMPLE);
    const row = toLadderCsv(ladder)
      .split('\r\n')
      .find((line) => line.startsWith('engineering-ic/staff-engineer,'))!;
    expect(row).toContain(',"technical-direction;architecture;design-approval;hiring;incident-command;vendor-selection",');
  });
});
