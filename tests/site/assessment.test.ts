/**
 * The self-assessment's formats (src/site/assessment.ts): JSON and CSV round
 * trips, malformed files refused with a message, CSV quoting and formula
 * guards, and the matching of a file to a worksheet whose expectations moved.
 */
import { describe, expect, it } from 'vitest';
import {
  CSV_COLUMNS,
  describeReport,
  guard,
  merge,
  parseCsv,
  parseFile,
  parseJson,
  progress,
  readCsv,
  storageKey,
  toCsv,
  toJson,
  unguard,
  type Answers,
  type Worksheet,
} from '../../src/site/assessment.ts';
import { levelExpectations } from '../../src/ladder/expectations.ts';
import { check } from '../../src/ladder/check.ts';
import { SAMPLE } from '../helpers/ladder.ts';

const sheet: Worksheet = {
  level: 'engineering-ic/staff-engineer',
  title: 'Staff Engineer',
  items: [
    { id: 'technical-craft-1', competency: 'Technical craft', text: 'Sets the architecture for systems, such as "the platform".' },
    { id: 'technical-craft-2', competency: 'Technical craft', text: 'Reviews designs.' },
    { id: 'delivery-1', competency: 'Delivery', text: 'Leads delivery across teams.' },
    { id: 'delivery-2', competency: 'Delivery', text: '=SUM(A1) is not a formula here.' },
  ],
};

/** Evidence that exercises every CSV rule: commas, quotes, line breaks, formulas, apostrophes, Unicode. */
const answers: Answers = {
  'technical-craft-1': { rating: 'consistently', evidence: 'Designed the catalogue, wrote "ADR-7", and\nled the review; see https://wiki/x?a=1,2' },
  'technical-craft-2': { rating: 'sometimes', evidence: '' },
  'delivery-1': { rating: null, evidence: '=HYPERLINK("http://evil")\r\n\'@team and -5 days, 10 % — Zoë\'s' },
  'delivery-2': { rating: 'not-yet', evidence: "'=already guarded once" },
};

const NOW = new Date('2025-03-04T05:06:07Z');

describe('JSON', () => {
  it('round-trips every answer', () => {
    const parsed = parseJson(toJson(sheet, answers, NOW));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.level).toBe(sheet.level);
    const merged = merge(sheet, parsed.value);
    expect(merged).toMatchObject({ ok: true, answers, report: { matched: 4, reworded: 0, unmatched: 0 } });
  });

  it('writes a readable, versioned file with the expectations beside the answers', () => {
    const file = JSON.parse(toJson(sheet, answers, NOW));
    expect(file).toMatchObject({
      format: 'parity-self-assessment',
      version: 1,
      level: sheet.level,
      title: 'Staff Engineer',
      saved: '2025-03-04T05:06:07.000Z',
    });
    expect(file.expectations[0]).toEqual({
      id: 'technical-craft-1',
      competency: 'Technical craft',
      expectation: sheet.items[0]!.text,
      rating: 'consistently',
      evidence: answers['technical-craft-1']!.evidence,
    });
  });

  it.each([
    ['not JSON', '{ "format": ', /not a valid JSON file/],
    ['another JSON file', '{"name": "x"}', /not a self-assessment exported from this site/],
    ['a list', '[1, 2]', /not a self-assessment/],
    ['another version', '{"format": "parity-self-assessment", "version": 2, "level": "a/b", "expectations": []}', /another version/],
    ['no level', '{"format": "parity-self-assessment", "version": 1, "expectations": []}', /which level/],
    ['a malformed level', '{"format": "parity-self-assessment", "version": 1, "level": "../x", "expectations": []}', /which level/],
    ['no expectations', '{"format": "parity-self-assessment", "version": 1, "level": "a/b"}', /no list of expectations/],
    [
      'a bad rating',
      '{"format": "parity-self-assessment", "version": 1, "level": "a/b", "expectations": [{"id": "x-1", "rating": "always"}]}',
      /"always", which is not one of/,
    ],
    [
      'evidence that is not text',
      '{"format": "parity-self-assessment", "version": 1, "level": "a/b", "expectations": [{"id": "x-1", "rating": null, "evidence": 3}]}',
      /evidence that is not text/,
    ],
    ['an item without id', '{"format": "parity-self-assessment", "version": 1, "level": "a/b", "expectations": [{"rating": null}]}', /expectation 1 has no id/],
  ])('refuses %s with a message', (_what, text, message) => {
    const parsed = parseJson(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });

  it('accepts ratings written as labels, and missing evidence', () => {
    const parsed = parseJson(JSON.stringify({ format: 'parity-self-assessment', version: 1, level: 'a/b', expectations: [{ id: 'x-1', rating: 'Not yet' }] }));
    expect(parsed).toEqual({ ok: true, value: { level: 'a/b', items: [{ id: 'x-1', rating: 'not-yet', evidence: '' }] } });
  });
});

describe('CSV', () => {
  it('round-trips every answer, quotes, line breaks and formulas included', () => {
    const csv = toCsv(sheet, answers);
    const parsed = parseCsv(csv);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(merge(sheet, parsed.value)).toMatchObject({ ok: true, answers, report: { matched: 4, unmatched: 0 } });
  });

  it('writes RFC 4180 with a byte-order mark, human ratings and guarded formulas', () => {
    const csv = toCsv(sheet, answers);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const table = readCsv(csv.slice(1));
    expect(table.ok).toBe(true);
    if (!table.ok) return;
    const rows = table.rows;
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(1 + sheet.items.length);
    expect(rows[1]).toEqual([
      'engineering-ic/staff-engineer',
      'Technical craft',
      'technical-craft-1',
      sheet.items[0]!.text,
      'Consistently',
      answers['technical-craft-1']!.evidence,
    ]);
    // A spreadsheet would run these as formulas: each gets a leading apostrophe.
    expect(rows[3]![5]!.startsWith("'=HYPERLINK")).toBe(true);
    expect(rows[4]![3]).toBe("'=SUM(A1) is not a formula here.");
    expect(rows[4]![5]).toBe("''=already guarded once");
    expect(rows[2]![4]).toBe('Sometimes');
    expect(rows[3]![4]).toBe('');
    // Fields with a comma, a quote or a line break are quoted, quotes doubled.
    expect(csv).toContain('"Designed the catalogue, wrote ""ADR-7"", and\nled the review; see https://wiki/x?a=1,2"');
  });

  it('guards and unguards formulas symmetrically', () => {
    for (const text of ['=1+1', '+x', '-5', '@me', '\tx', "'=x", "''+y", "'plain", 'plain', '', "it's"]) expect(unguard(guard(text))).toBe(text);
    expect(guard('plain')).toBe('plain');
    expect(guard("'plain")).toBe("'plain");
  });

  it('reads LF line ends, a header in any case and order, and empty trailing lines', () => {
    const text = 'Rating,Evidence,Expectation_ID,Level\nsometimes,"a\nb",x-1,a/b\n,,x-2,a/b\n\n';
    expect(parseCsv(text)).toEqual({
      ok: true,
      value: {
        level: 'a/b',
        items: [
          { id: 'x-1', rating: 'sometimes', evidence: 'a\nb' },
          { id: 'x-2', rating: null, evidence: '' },
        ],
      },
    });
  });

  it.each([
    ['an empty file', '', /empty/],
    ['another CSV file', 'id,title\n1,x\n', /not a self-assessment.*"level", "expectation_id", "rating", "evidence"/],
    ['an unclosed quote', 'level,expectation_id,rating,evidence\na/b,x-1,,"never closed\n', /never closed/],
    ['a bad rating', 'level,expectation_id,rating,evidence\na/b,x-1,often,\n', /row 2 has the rating "often"/],
    ['a row without id', 'level,expectation_id,rating,evidence\na/b,,Sometimes,\n', /row 2 has no expectation_id/],
    ['two levels', 'level,expectation_id,rating,evidence\na/b,x-1,,\na/c,x-1,,\n', /mixes several levels/],
    ['no rows', 'level,expectation_id,rating,evidence\n', /no rows/],
  ])('refuses %s with a message', (_what, text, message) => {
    const parsed = parseCsv(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });
});

describe('parseFile', () => {
  it('picks the format by file name, else by content, and ignores a byte-order mark', () => {
    const json = toJson(sheet, answers, NOW);
    const csv = toCsv(sheet, answers);
    expect(parseFile('a.JSON', `\uFEFF${json}`).ok).toBe(true);
    expect(parseFile('a.csv', csv).ok).toBe(true);
    expect(parseFile('download', json).ok).toBe(true);
    expect(parseFile('download', csv).ok).toBe(true);
    expect(parseFile('a.csv', json).ok).toBe(false);
  });
});

describe('merge', () => {
  const file = (items: { id: string; text?: string; rating: 'sometimes' | null; evidence: string }[]) => ({ level: sheet.level, items });

  it('refuses a file of another level, naming it', () => {
    const result = merge(sheet, { level: 'engineering-ic/principal-engineer', title: 'Principal Engineer', items: [] });
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/"Principal Engineer" \(engineering-ic\/principal-engineer\), not of Staff Engineer/) });
  });

  it('follows an expectation that moved (same text, new id)', () => {
    const moved = file([{ id: 'technical-craft-7', text: 'Reviews designs.', rating: 'sometimes', evidence: 'moved' }]);
    const result = merge(sheet, moved);
    expect(result).toMatchObject({
      ok: true,
      answers: { 'technical-craft-2': { rating: 'sometimes', evidence: 'moved' } },
      report: { matched: 1, reworded: 0, unmatched: 0 },
    });
  });

  it('keeps an answer whose expectation was reworded (same id, new text), and says so', () => {
    const reworded = file([{ id: 'delivery-1', text: 'Led delivery across two teams.', rating: 'sometimes', evidence: 'x' }]);
    const result = merge(sheet, reworded);
    expect(result).toMatchObject({ ok: true, answers: { 'delivery-1': { rating: 'sometimes', evidence: 'x' } }, report: { matched: 1, reworded: 1 } });
    if (result.ok) expect(describeReport(result.report)).toMatch(/1 expectation was reworded/);
  });

  it('leaves out answers for expectations the level no longer has, and keeps current answers the file does not mention', () => {
    const gone = file([{ id: 'strategy-9', text: 'Gone.', rating: 'sometimes', evidence: 'old' }]);
    const current: Answers = { 'delivery-1': { rating: 'sometimes', evidence: 'mine' } };
    const result = merge(sheet, gone, current);
    expect(result).toMatchObject({ ok: true, answers: current, report: { matched: 0, unmatched: 1 } });
    if (result.ok) expect(describeReport(result.report)).toMatch(/1 answer for expectations this level no longer has was left out/);
  });

  it("replaces a current answer with the file's, even an empty one", () => {
    const current: Answers = { 'delivery-1': { rating: 'sometimes', evidence: 'mine' } };
    const result = merge(sheet, file([{ id: 'delivery-1', text: 'Leads delivery across teams.', rating: null, evidence: '' }]), current);
    expect(result).toMatchObject({ ok: true, answers: {} });
  });
});

describe('worksheets of the sample ladder', () => {
  it('round-trip through both formats for every level', () => {
    const ladder = check(SAMPLE).ladder;
    for (const level of ladder.levels) {
      const items = levelExpectations(level).flatMap((s) => s.expectations.map((e) => ({ id: e.id, competency: s.heading, text: e.text })));
      const ws: Worksheet = { level: level.id, title: level.title, items };
      const all: Answers = Object.fromEntries(
        items.map((item, i) => [item.id, { rating: (['not-yet', 'sometimes', 'consistently'] as const)[i % 3]!, evidence: `Evidence, "${i}"\n- done` }]),
      );
      for (const text of [toJson(ws, all, NOW), toCsv(ws, all)]) {
        const parsed = parseFile(text.startsWith('{') ? 'a.json' : 'a.csv', text);
        expect(parsed.ok, level.id).toBe(true);
        if (parsed.ok) expect(merge(ws, parsed.value), level.id).toMatchObject({ ok: true, answers: all, report: { matched: items.length } });
      }
      expect(progress(ws, all).rated).toBe(items.length);
    }
  });
});

it('keys storage by base path and level', () => {
  expect(storageKey('/careers/', 'a/b')).toBe('parity-assessment:/careers/a/b');
});
