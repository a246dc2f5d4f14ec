/**
 * Pay on the published site (format 1.1), built for real with `ladder build`:
 *
 * - the sample (content/: three zones, family bands, bonus and equity, one
 *   level override): every zone's band on level pages, the zone picker that
 *   needs no JavaScript on grids, comparisons, the parity report and the pay
 *   pictures, /pay/, /ladder-pay.csv and the JSON fields;
 * - the frozen version-1 fixture: one zone, so no zone UI at all;
 * - the sample with `visibility.pay: internal`, in a git repository whose
 *   last commit raises a band and two budgets: the public build is searched
 *   byte for byte (every file, Pagefind's gzip index decompressed) for every
 *   amount of both versions in every spelling, and holds none; the
 *   `--audience internal` build holds them all;
 * - the same ladder twice outside git, once with every amount changed: the two
 *   public builds are identical, byte for byte, so no amount can hide in any
 *   form (a percentage, a bar's width, a rounded axis).
 */
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/ladder/check.ts';
import { familyGrades, type Ladder } from '../../src/ladder/model.ts';
import { formatBand, formatBonus } from '../../src/ladder/money.ts';
import { resolvePay } from '../../src/ladder/pay.ts';
import { allVerdicts } from '../../src/ladder/verdicts.ts';
import { PAY_CSV_COLUMNS, toLadderJson } from '../../src/site/export.ts';
import { ladderIn, type Run } from '../helpers/cli.ts';
import { git } from '../helpers/git.ts';
import { cleanup, CONTENT, editFile, ROOT, SAMPLE, tempDir } from '../helpers/ladder.ts';
import { findAmounts, ladderAmounts, siteTexts, spellings, type Amount } from './amounts.ts';
import { Site } from './site-files.ts';

/** `ladder` in this repository, as a company runs it. */
const ladder = (args: string[]): Promise<Run> => ladderIn(ROOT, args);

/** A copy of the sample whose pay is for employees only. */
function internalCopy(): string {
  const dir = tempDir('parity-internal-');
  cpSync(CONTENT, dir, { recursive: true });
  editFile(dir, 'ladder.md', (text) => text.replace(/visibility:\n  pay: public/, 'visibility:\n  pay: internal'));
  return dir;
}

/** Every amount of a ladder changed, its order and its equalities kept: amounts × 1.1, bonuses + 1, the factor 0.9 → 0.85. */
function changeEveryAmount(dir: string): void {
  const walk = (folder: string): string[] =>
    readdirSync(folder).flatMap((name) => (statSync(join(folder, name)).isDirectory() ? walk(join(folder, name)) : [join(folder, name)]));
  for (const file of walk(dir).filter((f) => f.endsWith('.md'))) {
    const text = readFileSync(file, 'utf8');
    const end = text.indexOf('\n---', 3);
    if (!text.startsWith('---') || end < 0) continue;
    const front = text
      .slice(0, end)
      .replace(/\b(min|max|budget): (\d+)/g, (_, key: string, n: string) => `${key}: ${Math.round(Number(n) * 1.1)}`)
      .replace(/\bbonus: (\d+)/g, (_, n: string) => `bonus: ${Number(n) + 1}`)
      .replace('factor: 0.9', 'factor: 0.85');
    writeFileSync(file, front + text.slice(end));
  }
}

/** Files of a built site by path, the feed's build time left out (a ladder outside git has no history to date it). */
function siteBytes(dir: string): Map<string, string> {
  return new Map(siteTexts(dir).map(({ file, text }) => [file, file === 'changes.xml' ? text.replace(/<updated>[^<]*<\/updated>/g, '<updated/>') : text]));
}

let sample: { site: Site; ladder: Ladder; run: Run };
let v1: { site: Site; run: Run };
let hidden: { site: Site; dir: string; run: Run; ladder: Ladder; amounts: Amount[] };
let shown: { site: Site; dir: string; run: Run };
let twins: { a: string; b: string; runs: Run[]; amountsA: Amount[]; amountsB: Amount[] };
let usage: Run;

beforeAll(async () => {
  const work = tempDir('parity-pay-site-');

  // The internal ladder, with a history: the first commit, then grade 4 of Engineering raised (the family
  // band, in the anchor and the hand-set zone) with the budgets of its two levels.
  const content = internalCopy();
  const before = check(content).ladder;
  git(content, ['init', '-q']);
  git(content, ['add', '.']);
  git(content, ['commit', '-q', '-m', 'The Northwind ladder, pay for employees only'], '2025-02-10T12:00:00+00:00');
  editFile(content, 'families/engineering.md', (text) =>
    text
      .replace('min: 185000\n    max: 240000', 'min: 191000\n    max: 247000')
      .replace('germany: { min: 116500, max: 151000 }', 'germany: { min: 119500, max: 155500 }'),
  );
  for (const file of ['levels/engineering-ic/staff-engineer.md', 'levels/engineering-management/engineering-manager.md']) {
    editFile(content, file, (text) => text.replace('budget: 50000', 'budget: 65000'));
  }
  git(content, ['commit', '-q', '-a', '-m', 'Raise the grade 4 band and budget'], '2025-03-03T12:00:00+00:00');
  const after = check(content);
  expect(after.ok).toBe(true);

  // Twins outside git: the same ladder, and the same with every amount changed.
  const a = internalCopy();
  const b = internalCopy();
  changeEveryAmount(b);

  const builds = [
    ladder(['build', '--content', CONTENT, '--out', join(work, 'sample')]),
    ladder(['build', '--content', SAMPLE, '--out', join(work, 'v1')]),
    ladder(['build', '--content', content, '--out', join(work, 'public')]),
    ladder(['build', '--content', content, '--out', join(work, 'internal'), '--audience', 'internal']),
    ladder(['build', '--content', a, '--out', join(work, 'a')]),
    ladder(['build', '--content', b, '--out', join(work, 'b')]),
  ];
  // Astro builds share the project's cache folders: one after the other.
  const runs: Run[] = [];
  for (const build of builds) runs.push(await build);
  usage = await ladder(['build', '--content', CONTENT, '--out', join(work, 'never'), '--audience', 'everyone']);
  sample = { site: new Site(join(work, 'sample')), ladder: check(CONTENT).ladder, run: runs[0]! };
  v1 = { site: new Site(join(work, 'v1')), run: runs[1]! };
  hidden = {
    site: new Site(join(work, 'public')),
    dir: join(work, 'public'),
    run: runs[2]!,
    ladder: after.ladder,
    amounts: [...ladderAmounts(before), ...ladderAmounts(after.ladder)],
  };
  shown = { site: new Site(join(work, 'internal')), dir: join(work, 'internal'), run: runs[3]! };
  twins = { a: join(work, 'a'), b: join(work, 'b'), runs: runs.slice(4), amountsA: ladderAmounts(check(a).ladder), amountsB: ladderAmounts(check(b).ladder) };
}, 300_000);

afterAll(() => cleanup());

describe('ladder build --audience', () => {
  it('builds every site', () => {
    for (const r of [sample.run, v1.run, hidden.run, shown.run, ...twins.runs]) {
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
  });

  it('refuses an audience other than public or internal (exit 2), and its help names the flag', async () => {
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--audience is public or internal, not "everyone"');
    const help = await ladder(['build', '--help']);
    expect(help.stdout).toContain('--audience public|internal');
  });

  it('says which kind of site it built for a ladder whose pay is internal', () => {
    expect(hidden.run.stdout).toContain('Without pay amounts: ladder.md sets visibility.pay: internal');
    expect(shown.run.stdout).toContain('For employees only: this site shows pay amounts');
    expect(sample.run.stdout).not.toContain('pay amounts');
  });
});

describe('a ladder whose pay is internal, built for the public', () => {
  it('holds no amount of money in any file, in any spelling: pages, JSON, CSV, SVG, the feed and the search index', () => {
    const files = siteTexts(hidden.dir).map((f) => f.file);
    // The search covered Pagefind's compressed files, read decompressed, and every kind of output.
    expect(files.some((f) => /^pagefind\/fragment\/.+\.pf_fragment$/.test(f))).toBe(true);
    expect(files.some((f) => /^pagefind\/index\/.+\.pf_index$/.test(f))).toBe(true);
    const fragment = siteTexts(hidden.dir).find((f) => f.file.endsWith('.pf_fragment'))!;
    expect(fragment.text).toContain('pagefind_dcd{"url":');
    for (const file of ['index.html', 'ladder.json', 'ladder.csv', 'changes.xml', 'parity/index.html']) expect(files).toContain(file);
    // The web editor edits the bands: it is published with the internal build only.
    expect(files.filter((f) => f.startsWith('admin/'))).toEqual([]);
    expect(hidden.amounts.length).toBeGreaterThan(300);
    expect(findAmounts(hidden.dir, hidden.amounts)).toEqual([]);
  });

  it('has no /pay/, no /ladder-pay.csv, and no link to them', () => {
    expect(hidden.site.has('/pay/')).toBe(false);
    expect(hidden.site.has('/ladder-pay.csv')).toBe(false);
    for (const path of hidden.site.pages()) {
      const links = hidden.site.links(path);
      expect(links, path).not.toContain('/pay/');
      expect(links, path).not.toContain('/ladder-pay.csv');
    }
  });

  it('publishes /ladder.json without amounts, and the verdicts of the full ladder', () => {
    const json = JSON.parse(hidden.site.text('/ladder.json'));
    expect(json.ladder.amounts).toBe(false);
    expect(json.ladder.visibility).toEqual({ pay: 'internal' });
    expect(json.ladder.zones.map((z: { id: string; factor: unknown }) => [z.id, z.factor])).toEqual([
      ['us-northeast', null],
      ['us-other', null],
      ['germany', null],
    ]);
    for (const family of json.families) expect(family.bands).toEqual([]);
    for (const level of json.levels) {
      expect(level.pay).toBeNull();
      expect(level.authority.budget).toBeNull();
    }
    expect(json.parity).toEqual(JSON.parse(JSON.stringify(allVerdicts(hidden.ladder))));
    expect(json.parity.filter((v: { pay: { status: string } }) => v.pay.status === 'equal').length).toBeGreaterThan(5);
  });

  it('publishes /ladder.csv with every level and empty amounts', () => {
    const rows: string[][] = parseCsv(hidden.site.text('/ladder.csv'));
    const header = rows[0]!;
    for (const row of rows.slice(1)) {
      for (const column of ['pay_min', 'pay_max', 'budget', 'bonus', 'equity_min', 'equity_max']) expect(row[header.indexOf(column)], column).toBe('');
    }
    expect(rows.length - 1).toBe(hidden.ladder.levels.length);
  });

  it('still says on the parity report and the comparison pages which grades are equal', () => {
    const report = hidden.site.page('/parity/');
    const shownReport = shown.site.page('/parity/');
    const badges = (doc: Document) => [...doc.querySelectorAll('.verdict-badge')].map((b) => b.textContent?.trim());
    expect(badges(report)).toEqual(badges(shownReport));
    expect(badges(report).filter((b) => b?.includes('Pay: Equal')).length).toBeGreaterThan(5);
    expect(badges(report).filter((b) => b?.includes('Bonus and equity: Equal')).length).toBeGreaterThan(5);
    expect(report.querySelector('main')!.textContent).toContain('shared with employees only');
    const compare = hidden.site.page('/compare/engineering/6/');
    expect(compare.querySelector('.verdicts')!.textContent).toContain('Pay: Equal');
    expect(compare.querySelector('.viz-pay')).toBeNull();
    expect(compare.querySelector('.zone-choice')).toBeNull();
  });

  it('names pay and budget changes in the history without their amounts', () => {
    const text = hidden.site.page('/changes/').querySelector('main')!.textContent!;
    expect(text).toContain('Pay band changed.');
    expect(text).toContain('Budget changed.');
    expect(text).not.toMatch(/raised from/);
    const feed = hidden.site.text('/changes.xml');
    expect(feed).toContain('Pay band changed.');
    const full = shown.site.page('/changes/').querySelector('main')!.textContent!;
    expect(full).toContain('Grade 4 band raised in every zone: $185,000 – $240,000 → $191,000 – $247,000');
    expect(full).toContain('Budget raised from $50,000 to $65,000');
  });

  it('tells readers of a level page that the bands are for employees, without a band, bonus or budget', () => {
    const page = hidden.site.page('/levels/engineering-ic/principal-engineer/');
    const facts = page.querySelector('.level-facts')!.textContent!;
    expect(facts).toContain('shared with employees only');
    expect(facts).not.toMatch(/Budget|Target bonus|Equity/);
    expect(page.querySelector('.band')).toBeNull();
  });
});

describe('the same ladder built for employees (--audience internal)', () => {
  it('holds every amount of the ladder, in the pages, the data files, the pictures and the search index', () => {
    const found = findAmounts(shown.dir, hidden.amounts);
    const files = new Set(found.map((f) => f.slice(0, f.indexOf(':'))));
    for (const file of ['ladder.json', 'ladder.csv', 'ladder-pay.csv', 'pay/index.html', 'levels/engineering-ic/staff-engineer/index.html'])
      expect(files).toContain(file);
    expect([...files].some((f) => f.endsWith('.pf_fragment'))).toBe(true);
    expect([...files].some((f) => f.endsWith('.pf_index'))).toBe(true);
    // Every amount of the current version is somewhere (the old band in the history only).
    const texts = siteTexts(shown.dir)
      .map((f) => f.text)
      .join('\n');
    const missing = ladderAmounts(hidden.ladder).filter((a) => !spellings(a).some((s) => texts.includes(s)));
    expect(missing).toEqual([]);
    // The pay pictures (SVG) draw the bands.
    const svg = shown.site.page('/compare/engineering/4/').querySelector('.viz-pay svg')!.outerHTML;
    expect(svg).toContain('$191,000 – $247,000');
  });

  it('has /pay/ and /ladder-pay.csv, linked from the header', () => {
    expect(shown.site.has('/pay/')).toBe(true);
    expect(shown.site.has('/ladder-pay.csv')).toBe(true);
    expect(shown.site.links('/', 'header nav a')).toContain('/pay/');
    expect(JSON.parse(shown.site.text('/ladder.json')).ladder.amounts).toBe(true);
  });
});

describe('no amount depends on anything a public build shows', () => {
  it('builds the same site, byte for byte, from a ladder whose every amount differs', () => {
    expect(twins.amountsA.map((x) => x.value)).not.toEqual(twins.amountsB.map((x) => x.value));
    const a = siteBytes(twins.a);
    const b = siteBytes(twins.b);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    const differ = [...a.keys()].filter((file) => a.get(file) !== b.get(file));
    expect(differ).toEqual([]);
  });
});

describe('the sample: pay in three zones', () => {
  const zoneIds = () => sample.ladder.zones.map((z) => z.id);

  it('shows on each level page the band of every zone (the anchor first) beside the grades above and below, with bonus and equity', () => {
    for (const level of sample.ladder.levels) {
      const path = `/levels/${level.id}/`;
      const table = sample.site.page(path).querySelector('table.zone-bands')!;
      const rows = [...table.querySelectorAll('tbody tr')];
      expect(
        rows.map((r) => r.getAttribute('data-zone')),
        path,
      ).toEqual(zoneIds());
      rows.forEach((row, i) => {
        const zone = sample.ladder.zones[i]!;
        expect(row.querySelector('th')!.textContent, path).toContain(zone.name);
        expect(row.querySelector('th')!.textContent, path).toContain(zone.currency);
        const band = level.pay!.zones.find((z) => z.zone.id === zone.id)!;
        expect(row.querySelector('td.this-level')!.textContent, path).toBe(formatBand(band, zone.currency));
      });
      const facts = sample.site.page(path).querySelector('.pay-card-zones')!.textContent!;
      if (level.pay!.bonus !== undefined) expect(facts, path).toContain(`${formatBonus(level.pay!.bonus)} of base pay`);
      else expect(facts, path).not.toContain('Target bonus');
      if (level.pay!.equity) expect(facts, path).toContain(formatBand(level.pay!.equity, 'USD'));
    }
    const staff = sample.site.page('/levels/engineering-ic/staff-engineer/').querySelector('table.zone-bands')!;
    expect([...staff.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual([
      'Zone',
      'Staff Engineer grade 4',
      'Senior Staff Engineer next grade, 5',
      'Senior Software Engineer grade below, 3',
    ]);
  });

  it('offers the zones as radio buttons, the anchor checked, on every page that shows one band per level', () => {
    const pages = ['/', '/families/engineering/', '/tracks/engineering-ic/', '/compare/engineering/4/', '/parity/', '/compare/'];
    for (const path of pages) {
      const radios = [...sample.site.page(path).querySelectorAll('.zone-choice input[type="radio"]')];
      expect(
        radios.map((r) => r.getAttribute('value')),
        path,
      ).toEqual(zoneIds());
      expect(
        radios.map((r) => r.hasAttribute('checked')),
        path,
      ).toEqual([true, false, false]);
      expect(new Set(radios.map((r) => r.getAttribute('name'))).size, path).toBe(1);
      expect(sample.site.page(path).querySelector('.zone-choice legend')?.textContent, path).toBeTruthy();
    }
    // Level and promotion pages list every zone instead.
    expect(sample.site.page('/levels/engineering-ic/staff-engineer/').querySelector('.zone-choice')).toBeNull();
  });

  it('writes every band once per zone, in zone order, for the picker to show one', () => {
    for (const path of ['/', '/parity/', '/compare/formulation-science/1/']) {
      const sets = [...sample.site.page(path).querySelectorAll('.zone-set:not(.zone-figures)')];
      expect(sets.length, path).toBeGreaterThan(0);
      for (const set of sets)
        expect(
          [...set.children].map((c) => c.getAttribute('data-zone')),
          path,
        ).toEqual(zoneIds());
    }
    // A grid cell: the level's band in each zone, derived and hand-set amounts alike.
    const cell = [...sample.site.page('/').querySelectorAll('table.grid td')].find(
      (td) => td.querySelector('a')?.getAttribute('href') === '/levels/formulation-ic/associate-formulator/',
    )!;
    const level = sample.ladder.level.get('formulation-ic/associate-formulator')!;
    expect([...cell.querySelectorAll('.zone-item .band')].map((b) => b.textContent)).toEqual(level.pay!.zones.map((z) => formatBand(z, z.zone.currency)));
    // The pay pictures: one per zone.
    const figures = sample.site.page('/compare/engineering/4/').querySelector('.zone-figures')!;
    expect([...figures.children].map((f) => f.querySelector('svg title')?.textContent)).toEqual(
      sample.ladder.zones.map((z) => `Pay bands at grade 4 in Engineering, ${z.name}`),
    );
  });

  it('shows the variable-pay verdict beside pay, authority and ceiling', () => {
    const verdicts = sample.site.page('/compare/engineering/6/').querySelector('.verdicts')!.textContent!;
    expect(verdicts).toMatch(/Pay: Equal[\s\S]*Bonus and equity: Equal[\s\S]*Authority: Equal[\s\S]*Ceiling: Equal/);
    const grade6 = [...sample.site.page('/parity/').querySelectorAll('tbody.grade-group')].find((g) => g.textContent!.includes('Principal Engineer'))!;
    expect(grade6.querySelector('.verdict-cell')!.textContent).toContain('Bonus and equity: Equal');
  });

  it('sets out the whole pay structure on /pay/: the text of pay.md, the zones, and every grade of every family by zone', () => {
    const page = sample.site.page('/pay/');
    expect(page.querySelector('h1')?.textContent).toBe(sample.ladder.pages.get('pay')!.title);
    expect(page.querySelector('main .intro')!.textContent).toContain('Pay at Northwind Labs is set by grade');
    expect([...page.querySelectorAll('table.zones tbody th')].map((th) => th.textContent)).toEqual(sample.ladder.zones.map((z) => z.name));
    for (const family of sample.ladder.families) {
      const section = page.getElementById(`_pay-${family.id}`)!.closest('section')!;
      const table = section.querySelector('table.pay-table')!;
      const head = [...table.querySelectorAll('thead th')].map((th) => th.textContent);
      expect(head).toEqual([
        'Grade',
        'Levels',
        ...sample.ladder.zones.map((z) => `${z.name} (${z.currency})`),
        'Target bonus (of base pay)',
        'Equity a year (USD)',
      ]);
      const rows = [...table.querySelectorAll('tbody tr')];
      expect(rows.map((r) => Number(r.querySelector('th')!.textContent))).toEqual([...family.bands.keys()].sort((x, y) => x - y));
      for (const row of rows) {
        const band = family.bands.get(Number(row.querySelector('th')!.textContent))!;
        const pay = resolvePay(band, sample.ladder.zones, sample.ladder.rounding);
        const cells = [...row.querySelectorAll('td')].map((td) => td.textContent);
        expect(cells.slice(1, 4)).toEqual(pay.zones.map((z) => formatBand(z, z.zone.currency)));
        expect(cells[4]).toBe(pay.bonus === undefined ? 'None' : formatBonus(pay.bonus));
        expect(cells[5]).toBe(pay.equity ? formatBand(pay.equity, 'USD') : 'None');
      }
    }
    // The level with a band of its own is listed with the family band it replaces.
    const own = page.getElementById('_pay-formulation-science')!.closest('section')!.querySelectorAll('table.pay-table')[1]!;
    expect(own.querySelector('tbody th a')?.getAttribute('href')).toBe('/levels/formulation-ic/associate-formulator/');
    expect(own.textContent).toContain('$64,000 – $80,000');
    expect(own.textContent).toContain('family band: $62,000 – $80,000');
    expect(sample.site.links('/pay/')).toContain('/ladder-pay.csv');
  });

  it('publishes /ladder-pay.csv: one row per level and zone, derived amounts marked', () => {
    const rows: string[][] = parseCsv(sample.site.text('/ladder-pay.csv'));
    expect(rows[0]).toEqual([...PAY_CSV_COLUMNS]);
    const expected = sample.ladder.levels.flatMap((level) =>
      level.pay!.zones.map((z) => [
        level.id,
        z.zone.id,
        z.zone.currency,
        String(z.min),
        String(z.max),
        level.pay!.bonus === undefined ? '' : String(level.pay!.bonus),
        level.pay!.equity ? String(level.pay!.equity.min) : '',
        level.pay!.equity ? String(level.pay!.equity.max) : '',
        z.basis === 'factor' ? 'true' : 'false',
      ]),
    );
    expect(rows.slice(1)).toEqual(expected);
    expect(rows.length - 1).toBe(sample.ladder.levels.length * 3);
    const staffOther = rows.find((r) => r[0] === 'engineering-ic/staff-engineer' && r[1] === 'us-other')!;
    expect(staffOther.slice(3, 5)).toEqual(['167000', '216000']);
    expect(staffOther[8]).toBe('true');
  });

  it('publishes the 1.1 fields in /ladder.json, equal to the core model', () => {
    const json = JSON.parse(sample.site.text('/ladder.json'));
    expect(json).toStrictEqual(JSON.parse(JSON.stringify(toLadderJson(sample.ladder))));
    expect(json.ladder.zones).toEqual([
      { id: 'us-northeast', name: 'Boston and New York', currency: 'USD', factor: null, anchor: true },
      { id: 'us-other', name: 'Rest of the United States', currency: 'USD', factor: 0.9, anchor: false },
      { id: 'germany', name: 'Germany (Hamburg lab)', currency: 'EUR', factor: null, anchor: false },
    ]);
    expect(json.ladder).toMatchObject({ rounding: 1000, visibility: { pay: 'public' }, amounts: true });
    const staff = json.levels.find((l: { id: string }) => l.id === 'engineering-ic/staff-engineer');
    expect(staff.pay).toEqual({
      min: 185000,
      max: 240000,
      currency: 'USD',
      bonus: 10,
      equity: null,
      source: 'family',
      zones: [
        { zone: 'us-northeast', currency: 'USD', min: 185000, max: 240000, derived: false },
        { zone: 'us-other', currency: 'USD', min: 167000, max: 216000, derived: true },
        { zone: 'germany', currency: 'EUR', min: 116500, max: 151000, derived: false },
      ],
    });
    expect(json.families[0].bands.map((b: { grade: number }) => b.grade)).toEqual(familyGrades(sample.ladder, 'engineering'));
    expect(json.parity[0].variablePay.rule).toBe('parity/variable-pay');
  });
});

describe('a version-1 ladder (one zone)', () => {
  it('has no zone UI, and its bands as before', () => {
    for (const path of v1.site.pages()) {
      const doc = v1.site.page(path);
      expect(doc.querySelector('.zone-choice, .zone-set, .zone-bands'), path).toBeNull();
    }
    const level = v1.site.page('/levels/engineering-ic/staff-engineer/');
    expect(level.querySelector('.band-big')?.textContent).toBe('$185,000 – $240,000 a year');
    expect(level.querySelector('.pay-variable')).toBeNull();
    expect(v1.site.page('/compare/engineering/4/').querySelector('#_pay-bars-title')?.textContent).toBe('Pay bands at grade 4 in Engineering');
    expect(v1.site.page('/parity/').querySelector('.verdict-cell')!.textContent).not.toContain('Bonus and equity');
  });

  it('has /pay/ with one band per grade', () => {
    const table = v1.site.page('/pay/').querySelector('table.pay-table')!;
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['Grade', 'Levels', 'Pay band (USD)']);
    expect(v1.site.page('/pay/').querySelector('h1')?.textContent).toBe('How pay is set');
  });
});
