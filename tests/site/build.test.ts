/**
 * The published site, built for real: `ladder build` in a child process, the
 * output read back with linkedom. Four runs in all: the sample ladder, a
 * smaller ladder made from it (through LADDER_CONTENT, with one sentence
 * edited for the promotion diff, in a git repository of two commits for the
 * history), a tiny ladder outside any repository (no history, its own
 * choose.md), and a rejected ladder.
 */
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/ladder/check.ts';
import { CSV_COLUMNS, toLadderJson } from '../../src/site/export.ts';
import { equivalents, familyGrades, nextLevel, previousLevel, type Ladder } from '../../src/ladder/model.ts';
import { levelsAtGrade } from '../../src/ladder/verdicts.ts';
import { levelExpectations } from '../../src/ladder/expectations.ts';
import { readHistory } from '../../src/git/history.ts';
import { formatBand, trackWithKind } from '../../src/site/format.ts';
import { gradePayGroup, linearScale, payChart } from '../../src/site/visuals.ts';
import { ladderIn, type Run } from '../helpers/cli.ts';
import { git } from '../helpers/git.ts';
import { cleanup, copySample, editFile, miniLadder, ROOT, SAMPLE, tempDir, writeLadder } from '../helpers/ladder.ts';
import { xmlProblems } from '../helpers/xml.ts';
import { brokenLinks, Site } from './site-files.ts';

/** `ladder` in this repository, as a company runs it. */
const ladder = (args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> => ladderIn(ROOT, args, env);

/** Every URL of the spec's site table, for a ladder (under a base path). */
function specUrls(ladder: Ladder, base = '/'): string[] {
  return [
    '/',
    ...ladder.families.map((f) => `/families/${f.id}/`),
    ...ladder.tracks.map((t) => `/tracks/${t.id}/`),
    ...ladder.levels.map((l) => `/levels/${l.id}/`),
    ...ladder.levels.filter((l) => nextLevel(ladder, l)).map((l) => `/levels/${l.id}/next/`),
    '/compare/',
    ...ladder.families.flatMap((f) => familyGrades(ladder, f.id).map((g) => `/compare/${f.id}/${g}/`)),
    ...ladder.competencies.map((c) => `/competencies/${c.id}/`),
    '/parity/',
    '/ladder.json',
    '/ladder.csv',
  ].map((url) => `${base}${url.slice(1)}`);
}

/** Pages that use the site's layout: everything but the web editor's shell (/admin/, Sveltia CMS). */
const layoutPages = (site: Site) => site.pages().filter((path) => !path.startsWith('/admin/'));

/** A minimal RFC 4180 reader: quoted fields, doubled quotes, CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field), rows.push(row), (row = []), (field = ''), i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  return rows;
}

const OTHER_ORIGIN = 'https://careers.contoso.example';
const EDITED_SENTENCE = 'Runs a yearly zeppelin census of every service the group owns.';

let work: string;
let sample: { site: Site; ladder: Ladder; run: Run };
let other: { site: Site; ladder: Ladder; run: Run; content: string };
let rejected: { run: Run; out: string; content: string };
let mini: { site: Site; ladder: Ladder; run: Run };
let commits: { first: string; second: string };

beforeAll(async () => {
  work = tempDir('parity-site-');

  // A second ladder: the sample without Formulation Science, renamed, with a sentence added to Senior Staff Engineer.
  const content = copySample();
  for (const path of [
    'families/formulation-science.md',
    'tracks/formulation-ic.md',
    'tracks/formulation-management.md',
    'levels/formulation-ic',
    'levels/formulation-management',
  ]) {
    rmSync(join(content, path), { recursive: true });
  }
  for (const c of ['formulation-craft', 'experimentation', 'regulatory-and-safety']) rmSync(join(content, `competencies/${c}.md`));
  editFile(content, 'ladder.md', (text) =>
    text.replace('name: Northwind Labs Career Ladder', 'name: Contoso Engineering Ladder\nrepository: https://github.com/contoso/ladder'),
  );
  // A chief technology officer at grade 9, which no IC level reaches: excused by an exception.
  editFile(content, 'ladder.md', (text) =>
    text.replace(
      '  pay: identical\n',
      '  pay: identical\n  exceptions:\n    - family: engineering\n      grade: 9\n      rule: parity/ceiling\n      reason: The CTO answers to the board; no individual contributor does.\n',
    ),
  );
  writeFileSync(
    join(content, 'levels/engineering-management/cto.md'),
    `---\ntitle: Chief Technology Officer\ngrade: 9\nsummary: Leads technology at Northwind Labs.\npay:\n  min: 480000\n  max: 600000\nauthority:\n  scope: company\n  budget: 20000000\n  decisions: [everything]\n---\n\n${['People leadership', 'Delivery', 'Impact', 'Collaboration', 'Strategy'].map((h) => `## ${h}\n\n- Leads ${h.toLowerCase()} for the company.\n`).join('\n')}`,
  );
  editFile(content, 'levels/engineering-ic/senior-staff-engineer.md', (text) =>
    text.replace(/## Technical craft\n\n/, `## Technical craft\n\n- ${EDITED_SENTENCE}\n`),
  );

  // Its history: a git repository of two commits, the second raising the grade 4 band of both tracks.
  git(content, ['init', '-q']);
  git(content, ['add', '.']);
  git(content, ['commit', '-q', '-m', 'The Contoso ladder'], '2025-02-10T12:00:00+00:00');
  for (const file of ['levels/engineering-ic/staff-engineer.md', 'levels/engineering-management/engineering-manager.md']) {
    editFile(content, file, (text) => text.replace('min: 185000', 'min: 190000').replace('max: 240000', 'max: 245000'));
  }
  git(content, ['commit', '-q', '-a', '-m', 'Raise the grade 4 band'], '2025-03-03T12:00:00+00:00');
  commits = { first: git(content, ['rev-parse', 'HEAD~1']), second: git(content, ['rev-parse', 'HEAD']) };

  // A tiny ladder outside any git repository, with its own "Which track fits me?" text.
  const tiny = writeLadder({
    ...miniLadder(),
    'choose.md': '---\ntitle: Lead people, or go deep?\n---\n\nAsk yourself **one** question: what energises you?\n',
  });

  // A rejected ladder: an inverted pay band.
  const bad = copySample();
  editFile(bad, 'levels/engineering-ic/staff-engineer.md', (text) => text.replace(/max: \d+/, 'max: 1000'));

  // The rejected ladder stops before Astro, so it runs beside the first build; the two
  // Astro builds run one after the other (they share the project's cache folders).
  const [a, c] = await Promise.all([
    ladder(['build', '--content', SAMPLE, '--out', join(work, 'sample')]),
    ladder(['build', '--content', bad, '--out', join(work, 'rejected')]),
  ]);
  const d = await ladder(['build', '--out', join(work, 'other')], { LADDER_CONTENT: content, LADDER_BASE: '/careers', LADDER_SITE: OTHER_ORIGIN });
  const m = await ladder(['build', '--content', tiny, '--out', join(work, 'mini')]);
  sample = { site: new Site(join(work, 'sample')), ladder: check(SAMPLE).ladder, run: a };
  other = { site: new Site(join(work, 'other'), { base: '/careers/', origin: OTHER_ORIGIN }), ladder: check(content).ladder, run: d, content };
  rejected = { run: c, out: join(work, 'rejected'), content: bad };
  mini = { site: new Site(join(work, 'mini')), ladder: check(tiny).ladder, run: m };
}, 240_000);

afterAll(() => cleanup());

describe('ladder build on the sample ladder', () => {
  it('succeeds', () => {
    expect(sample.run.stderr).not.toMatch(/error/i);
    expect(sample.run.code).toBe(0);
    expect(sample.run.stdout).toContain('No problems');
  });

  it('builds every URL of the spec', () => {
    const missing = specUrls(sample.ladder).filter((url) => !sample.site.has(url));
    expect(missing).toEqual([]);
  });

  it('builds the search page and the Pagefind index', () => {
    expect(sample.site.has('/search/')).toBe(true);
    expect(sample.site.has('/pagefind/pagefind.js')).toBe(true);
    expect(sample.site.has('/pagefind/pagefind-ui.js')).toBe(true);
  });

  it('leaves no staging folder behind', () => {
    expect(readdirSync(work).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('has no broken internal link or #anchor on any page', () => {
    expect(sample.site.pages().length).toBeGreaterThan(60);
    expect(brokenLinks(sample.site)).toEqual([]);
  });

  it('gives every page a title, one h1, landmarks and a skip link', () => {
    for (const path of layoutPages(sample.site)) {
      const doc = sample.site.page(path);
      expect(doc.querySelector('title')?.textContent, path).toBeTruthy();
      expect(doc.querySelectorAll('h1').length, path).toBe(1);
      expect(doc.querySelector('main'), path).toBeTruthy();
      expect(doc.querySelector('header nav'), path).toBeTruthy();
      expect(doc.querySelector('a.skip-link')?.getAttribute('href'), path).toBe('#_main');
      for (const table of doc.querySelectorAll('table')) {
        expect(table.querySelector('caption')?.textContent?.trim(), `${path}: table caption`).toBeTruthy();
        for (const th of table.querySelectorAll('th')) expect(th.getAttribute('scope'), `${path}: th scope`).toMatch(/^(col|row|rowgroup)$/);
      }
    }
  });

  it('loads scripts only on the search, compare and self-assessment pages', () => {
    const withScripts = layoutPages(sample.site).filter((path) => sample.site.page(path).querySelector('script'));
    const assess = sample.ladder.levels.map((l) => `/levels/${l.id}/assess/`);
    expect(withScripts.sort()).toEqual(['/assess/', '/compare/', ...assess, '/search/'].sort());
  });

  it('serves the web editor itself: one script of the site, the editor a hashed file beside it, no other host named', () => {
    const doc = sample.site.page('/admin/');
    const scripts = [...doc.querySelectorAll('script')].map((s) => s.getAttribute('src'));
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toMatch(/^\/_astro\/[^/]+\.js$/);
    const loader = sample.site.text(scripts[0]!);
    // The loader imports the editor's program, a file of its own at a hashed path.
    const editor = /import\(\s*["'`](?:\.\/|\/_astro\/)(admin\.[\w-]+\.js)["'`]/.exec(loader)?.[1];
    expect(editor).toBeDefined();
    const program = sample.site.text(`/_astro/${editor}`);
    expect(program).toContain('registerCustomFormat');
    expect(program).not.toMatch(/cdn\.jsdelivr\.net|fonts\.googleapis|__vite-browser-external/);
    // A policy of its own: scripts, fonts and connections from the site only (no repository is named here).
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).toContain("font-src 'self' data:");
    expect(csp).toContain("connect-src 'self' blob: data:;");
    // What the page says when the program does not arrive, and without a repository, how to set the editor up.
    expect(doc.getElementById('editor-failed')?.hasAttribute('hidden')).toBe(true);
    expect(doc.getElementById('editor-failed')?.textContent).toContain('The editor could not be loaded');
    expect(doc.getElementById('editor-status')?.textContent).toContain('npm run dev');
    expect(sample.site.text('/admin/config.yml')).toContain('format: parity-level-frontmatter');
  });

  it('shows the grid of each family on the home page, highest grade first, IC left of management', () => {
    const doc = sample.site.page('/');
    const tables = [...doc.querySelectorAll('table.grid')];
    expect(tables).toHaveLength(sample.ladder.families.length);
    const engineering = tables[0]!;
    const headers = [...engineering.querySelectorAll('thead th')].map((th) => th.textContent?.trim());
    expect(headers).toEqual(['Grade', 'Engineering, individual contributor', 'Engineering, management']);
    const grades = [...engineering.querySelectorAll('tbody th')].map((th) => Number(th.textContent?.trim()));
    expect(grades).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
    const top = engineering.querySelector('tbody tr')!;
    expect(sample.site.links('/', 'a', top)).toEqual([
      '/compare/engineering/8/',
      '/levels/engineering-ic/distinguished-engineer/',
      '/levels/engineering-management/vp-of-engineering/',
    ]);
    expect(engineering.querySelectorAll('td.empty')).toHaveLength(3);
    expect(engineering.querySelector('td.empty')?.textContent).toContain('No level at this grade');
  });

  it('shows each level page with its equivalents, linked to the comparison page', () => {
    for (const level of sample.ladder.levels) {
      const path = `/levels/${level.id}/`;
      const doc = sample.site.page(path);
      expect(doc.querySelector('h1')?.textContent).toBe(level.title);
      const box = doc.querySelector('.equivalents')!;
      const links = sample.site.links(path, 'a', box);
      for (const peer of equivalents(sample.ladder, level)) expect(links, path).toContain(`/levels/${peer.id}/`);
      expect(links, path).toContain(`/compare/${level.family}/${level.grade}/`);
      for (const section of level.sections) expect(doc.getElementById(section.anchor), `${path}#${section.anchor}`).toBeTruthy();
      const text = doc.querySelector('main')!.textContent!;
      expect(text).toContain(`Grade ${level.grade}`);
      expect(text).toContain('$');
      if (!nextLevel(sample.ladder, level)) expect(text, path).toContain('top of the');
    }
  });

  it("shows beside each level's pay band the bands of the grades above and below in its track", () => {
    for (const level of sample.ladder.levels) {
      const path = `/levels/${level.id}/`;
      const rows = [...sample.site.page(path).querySelectorAll('.band-neighbours > div')].map((row) => ({
        label: row.querySelector('dt')?.textContent,
        link: row.querySelector('a')?.getAttribute('href'),
        band: row.querySelector('.band')?.textContent,
      }));
      const expected = [
        ['Next grade', nextLevel(sample.ladder, level)],
        ['Grade below', previousLevel(sample.ladder, level)],
      ].flatMap(([label, other]) =>
        other && typeof other !== 'string' ? [{ label, link: `/levels/${other.id}/`, band: formatBand(other.pay!, sample.ladder.currency) }] : [],
      );
      expect(rows, path).toEqual(expected);
    }
  });

  it('holds every track level of the grade on each comparison page', () => {
    for (const family of sample.ladder.families) {
      for (const grade of familyGrades(sample.ladder, family.id)) {
        const path = `/compare/${family.id}/${grade}/`;
        const head = sample.site.page(path).querySelector('table.compare thead')!;
        const expected = levelsAtGrade(sample.ladder, family.id, grade).map((l) => `/levels/${l.id}/`);
        expect(sample.site.links(path, 'a', head), path).toEqual(expected);
        expect(sample.site.page(path).querySelector('.verdicts')?.textContent).toMatch(/Pay: Equal|Pay: Nothing to compare/);
      }
    }
  });

  it('publishes /ladder.json equal to the core model', () => {
    const json = JSON.parse(sample.site.text('/ladder.json'));
    expect(json).toStrictEqual(JSON.parse(JSON.stringify(toLadderJson(check(SAMPLE).ladder))));
  });

  it('publishes /ladder.csv with one row per level', () => {
    const rows = parseCsv(sample.site.text('/ladder.csv'));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(sample.ladder.levels.map((l) => l.id));
    for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);
  });

  it('marks level and competency pages for Pagefind, with filters', () => {
    const level = sample.site.page('/levels/engineering-ic/staff-engineer/');
    const body = level.querySelector('[data-pagefind-body]')!;
    expect(body).toBeTruthy();
    const filters = [...body.querySelectorAll('[data-pagefind-filter]')].map((e) => [e.getAttribute('data-pagefind-filter'), e.textContent]);
    // Family and track by id (Pagefind's UI writes values as HTML; the search page names them as text).
    expect(filters).toEqual([
      ['grade', '4'],
      ['family:engineering', 'Engineering'],
      ['track:engineering-ic', 'Engineering, individual contributor'],
    ]);
    const labels = sample.site.page('/search/').querySelector('template#_search-labels')!;
    expect(labels.innerHTML).toContain('<span data-filter="family" data-value="engineering">Engineering</span>');
    expect(labels.innerHTML).toContain('<span data-filter="track" data-value="engineering-ic">Engineering, individual contributor</span>');
    expect(sample.site.page('/competencies/impact/').querySelector('[data-pagefind-body]')).toBeTruthy();
    expect(sample.site.page('/parity/').querySelector('[data-pagefind-body]')).toBeNull();
  });

  it('offers every pre-built comparison on /compare/ without JavaScript', () => {
    const links = sample.site.links('/compare/');
    for (const url of specUrls(sample.ladder).filter((u) => /^\/compare\/.+\/\d+\/$|\/next\/$/.test(u))) expect(links).toContain(url);
    const form = sample.site.page('/compare/').querySelector('form#picker')!;
    expect(form.hasAttribute('hidden')).toBe(true);
    for (const select of form.querySelectorAll('select')) {
      expect(form.querySelector(`label[for="${select.id}"]`)).toBeTruthy();
      expect(select.querySelectorAll('option')).toHaveLength(sample.ladder.levels.length);
    }
  });
});

describe('LADDER_CONTENT builds another ladder (published under /careers/ on its own site)', () => {
  it('succeeds', () => {
    expect(other.run.code).toBe(0);
  });

  it('publishes that ladder, not the sample', () => {
    expect(other.site.page('/careers/').querySelector('h1')?.textContent).toBe('Contoso Engineering Ladder');
    expect(other.site.has('/careers/families/formulation-science/')).toBe(false);
    expect(JSON.parse(other.site.text('/careers/ladder.json')).ladder.name).toBe('Contoso Engineering Ladder');
  });

  it('builds every URL of the spec under the base, with every link and anchor resolving', () => {
    expect(specUrls(other.ladder, '/careers/').filter((url) => !other.site.has(url))).toEqual([]);
    expect(brokenLinks(other.site)).toEqual([]);
    expect(other.site.links('/careers/').filter((href) => href.startsWith('/') && !href.startsWith('/careers/'))).toEqual([]);
  });

  it('shows a grade excused by an exception: grid, comparison, level and parity report', () => {
    expect(other.run.stdout).toContain('No problems');
    const grid = other.site.page('/careers/').querySelector('table.grid tbody tr')!;
    expect(grid.querySelector('th')?.textContent?.trim()).toBe('9');
    expect(grid.querySelector('td.empty')).toBeTruthy();
    const compare = other.site.page('/careers/compare/engineering/9/');
    expect(compare.querySelector('.verdict-excused')?.textContent).toContain('The CTO answers to the board');
    expect(other.site.links('/careers/compare/engineering/9/', 'table.compare thead a')).toEqual(['/careers/levels/engineering-management/cto/']);
    expect(other.site.page('/careers/levels/engineering-management/cto/').querySelector('main')?.textContent).toContain(
      'top of the Engineering, management track',
    );
    expect(other.site.has('/careers/levels/engineering-management/vp-of-engineering/next/')).toBe(true);
    const exceptions = other.site.page('/careers/parity/').querySelector('table.exceptions')!;
    expect(exceptions.textContent).toContain('The CTO answers to the board; no individual contributor does.');
    expect(exceptions.textContent).toContain('parity/ceiling');
    expect(JSON.parse(other.site.text('/careers/ladder.json')).exceptions).toEqual([
      { family: 'engineering', grade: 9, rule: 'parity/ceiling', reason: 'The CTO answers to the board; no individual contributor does.', used: true },
    ]);
  });

  it('uses the configured site for canonical links, printed URLs and ladder.csv', () => {
    const path = '/careers/levels/engineering-ic/staff-engineer/';
    const doc = other.site.page(path);
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`${OTHER_ORIGIN}${path}`);
    expect(doc.querySelector('.print-url')?.textContent).toContain(`${OTHER_ORIGIN}${path}`);
    expect(other.site.text('/careers/ladder.csv')).toContain(`,${OTHER_ORIGIN}${path},,,\r\n`);
    expect(JSON.parse(other.site.text('/careers/ladder.json')).levels[0].url).toMatch(/^\/careers\/levels\//);
  });

  it('links each level to its source for suggested changes when the ladder names its repository', () => {
    const links = other.site.links('/careers/levels/engineering-ic/staff-engineer/', '.suggest-change a');
    // The ladder's folder is the top of its own git repository, wherever the project and the temporary folders are.
    expect(links[0]).toBe('https://github.com/contoso/ladder/edit/main/levels/engineering-ic/staff-engineer.md');
    const config = other.site.text('/careers/admin/config.yml');
    expect(config).toContain('folder: levels/engineering-ic');
    expect(config).not.toContain('..');
    // With a repository, the editor may talk to its Git host's API, and to no other.
    const csp = other.site.page('/careers/admin/').querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
    expect(csp).toContain("connect-src 'self' blob: data: https://api.github.com;");
    expect(other.site.page('/careers/admin/').documentElement.getAttribute('data-config')).toBe('/careers/admin/config.yml');
  });

  it('marks the edited sentence as inserted on the promotion page', () => {
    const doc = other.site.page('/careers/levels/engineering-ic/staff-engineer/next/');
    const section = doc.getElementById('technical-craft')!;
    const inserted = [...section.querySelectorAll('ins')].map((e) => e.textContent ?? '');
    expect(inserted.some((text) => text.includes('zeppelin census of every service'))).toBe(true);
    expect([...section.querySelectorAll('del')].some((e) => e.textContent?.includes('zeppelin'))).toBe(false);
    // The sample, built without the edit, has no such text.
    expect(sample.site.text('/levels/engineering-ic/staff-engineer/next/')).not.toContain('zeppelin');
  });
});

describe('a rejected ladder', () => {
  it('fails with the located diagnostics and writes nothing', () => {
    expect(rejected.run.code).toBe(1);
    const output = rejected.run.stdout + rejected.run.stderr;
    expect(output).toMatch(/levels\/engineering-ic\/staff-engineer\.md:\d+:\d+\s+error\s+.*pay\/inverted/);
    expect(existsSync(rejected.out)).toBe(false);
    expect(output).not.toMatch(/\n\s+at /); // no stack trace
  });
});

const flat = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** Every inline <svg> of a built page, as its source text. */
function svgsOf(site: Site, path: string): string[] {
  return site.text(path).match(/<svg[\s\S]*?<\/svg>/g) ?? [];
}

describe('self-assessment, pictures, history and "Which track fits me?" (issue 7)', () => {
  it('builds the new pages', () => {
    for (const url of ['/assess/', '/tracks/choose/', '/changes/', '/changes.xml', ...sample.ladder.levels.map((l) => `/levels/${l.id}/assess/`)]) {
      expect(sample.site.has(url), url).toBe(true);
    }
  });

  it('links them from the home, track and level pages', () => {
    expect(sample.site.links('/')).toEqual(expect.arrayContaining(['/tracks/choose/', '/assess/', '/changes/']));
    for (const track of sample.ladder.tracks) expect(sample.site.links(`/tracks/${track.id}/`), track.id).toContain('/tracks/choose/');
    for (const level of sample.ladder.levels) expect(sample.site.links(`/levels/${level.id}/`), level.id).toContain(`/levels/${level.id}/assess/`);
  });

  it('gives each level a worksheet: every expectation, three labelled choices and a labelled evidence box, grouped by competency', () => {
    for (const level of sample.ladder.levels) {
      const path = `/levels/${level.id}/assess/`;
      const doc = sample.site.page(path);
      const form = doc.querySelector('form#_worksheet')!;
      expect(form.getAttribute('data-level')).toBe(level.id);
      const sections = levelExpectations(level).filter((s) => s.expectations.length > 0);
      const groups = [...form.querySelectorAll('fieldset.ws-competency')];
      expect(
        groups.map((g) => g.querySelector('legend')?.textContent?.trim()),
        path,
      ).toEqual(sections.map((s) => s.heading));
      const items = [...form.querySelectorAll('fieldset.ws-item')];
      expect(
        items.map((i) => i.getAttribute('data-id')),
        path,
      ).toEqual(sections.flatMap((s) => s.expectations.map((e) => e.id)));
      expect(
        items.map((i) => i.querySelector('.ws-text')?.textContent),
        path,
      ).toEqual(sections.flatMap((s) => s.expectations.map((e) => e.text)));
      for (const item of items) {
        const radios = [...item.querySelectorAll('input[type="radio"]')];
        expect(radios.map((r) => r.getAttribute('value'))).toEqual(['not-yet', 'sometimes', 'consistently']);
        expect(new Set(radios.map((r) => r.getAttribute('name'))).size).toBe(1);
        for (const radio of radios) expect(radio.closest('label')?.textContent?.trim()).toMatch(/^(Not yet|Sometimes|Consistently)$/);
        const textarea = item.querySelector('textarea')!;
        expect(doc.querySelector(`label[for="${textarea.id}"]`)?.textContent).toMatch(/^Evidence/);
        expect(item.querySelector('legend')).toBeTruthy();
      }
      // The tools need JavaScript: hidden until the script shows them; the page says where answers stay.
      expect(doc.getElementById('_ws-tools')?.hasAttribute('hidden')).toBe(true);
      expect(doc.querySelector('main')?.textContent).toMatch(/never sends them anywhere/);
    }
  });

  it('ships worksheet scripts that cannot reach the network', () => {
    const scripts = new Set<string>();
    for (const path of ['/assess/', `/levels/${sample.ladder.levels[0]!.id}/assess/`]) {
      for (const src of sample.site.links(path, 'script[src]')) scripts.add(src);
      for (const inline of sample.site.page(path).querySelectorAll('script:not([src])'))
        expect(inline.textContent).not.toMatch(/fetch\(|XMLHttpRequest|sendBeacon|WebSocket|EventSource/);
    }
    for (const src of scripts) {
      const code = sample.site.text(src);
      expect(code, src).not.toMatch(/fetch\(|XMLHttpRequest|sendBeacon|WebSocket|EventSource|import\(/);
      // Imports resolve to our own chunks only.
      for (const m of code.matchAll(/from\s*["']([^"']+)["']/g)) expect(m[1]!.startsWith('http'), m[1]).toBe(false);
    }
  });

  it('lists a worksheet for every level on /assess/, with no JavaScript needed', () => {
    const links = sample.site.links('/assess/', 'main a');
    for (const level of sample.ladder.levels) expect(links).toContain(`/levels/${level.id}/assess/`);
    expect(sample.site.page('/assess/').querySelector('form#_assess-picker')?.hasAttribute('hidden')).toBe(true);
  });

  it('draws every picture as well-formed SVG with a title and a description', () => {
    let count = 0;
    for (const path of layoutPages(sample.site)) {
      for (const svg of svgsOf(sample.site, path)) {
        expect(xmlProblems(svg), `${path}: ${svg.slice(0, 80)}`).toEqual([]);
        const el = parseHTML(svg).document.querySelector('svg')!;
        // The dual ladder's grade axis repeats, as a picture, what each rung's name says: hidden from screen readers.
        if (el.getAttribute('aria-hidden') === 'true') {
          expect(el.getAttribute('class'), path).toBe('viz-ladder-axis');
          continue;
        }
        count++;
        const title = el.querySelector(':scope > title');
        const desc = el.querySelector(':scope > desc');
        expect(title?.textContent?.trim(), path).toBeTruthy();
        expect(desc?.textContent?.trim(), path).toBeTruthy();
        expect(el.getAttribute('role'), path).toMatch(/^(img|group)$/);
        expect(el.getAttribute('aria-labelledby'), path).toBe(title!.id);
        expect(el.getAttribute('aria-describedby'), path).toBe(desc!.id);
        // A picture that holds links is a group; one without is an image.
        expect(el.getAttribute('role'), path).toBe(el.querySelector('a') ? 'group' : 'img');
      }
    }
    // A ladder per track (on its family's page), pay bars per comparison page, a picture per level.
    const grades = sample.ladder.families.reduce((n, f) => n + familyGrades(sample.ladder, f.id).length, 0);
    expect(count).toBe(sample.ladder.tracks.length + grades + sample.ladder.levels.length);
  });

  it("draws each comparison page's pay bars from the model's numbers, on one axis", () => {
    for (const family of sample.ladder.families) {
      for (const grade of familyGrades(sample.ladder, family.id)) {
        const path = `/compare/${family.id}/${grade}/`;
        const chart = payChart([gradePayGroup(sample.ladder, family.id, grade)]);
        const scale = linearScale(chart.domain, [chart.x0, chart.x1]);
        const bars = [...sample.site.page(path).querySelectorAll('.viz-pay g.viz-bar')];
        expect(bars.map((b) => b.getAttribute('data-level')).sort(), path).toEqual(
          levelsAtGrade(sample.ladder, family.id, grade)
            .map((l) => l.id)
            .sort(),
        );
        for (const bar of bars) {
          const level = sample.ladder.level.get(bar.getAttribute('data-level')!)!;
          expect(Number(bar.getAttribute('data-min'))).toBe(level.pay!.min);
          expect(Number(bar.getAttribute('data-max'))).toBe(level.pay!.max);
          const rect = bar.querySelector('rect')!;
          expect(Number(rect.getAttribute('x'))).toBeCloseTo(scale(level.pay!.min), 1);
          expect(Number(rect.getAttribute('x')) + Number(rect.getAttribute('width'))).toBeCloseTo(scale(level.pay!.max), 1);
        }
        if (bars.length > 1) expect(sample.site.page(path).querySelector('.viz-pay desc')?.textContent).toContain('The bands are identical');
      }
    }
  });

  it('draws each family as a dual ladder whose rungs link every level, one picture per track', () => {
    for (const family of sample.ladder.families) {
      const path = `/families/${family.id}/`;
      const doc = sample.site.page(path);
      const row = doc.querySelector('.viz-ladder .viz-ladder-row')!;
      const levels = sample.ladder.levels.filter((l) => l.family === family.id);
      expect(sample.site.links(path, '.viz-ladder-rail a', row).sort()).toEqual(levels.map((l) => `/levels/${l.id}/`).sort());
      // The row is a group named and described by the family's sentences; each rail by its track.
      expect(row.getAttribute('role')).toBe('group');
      expect(doc.getElementById(row.getAttribute('aria-labelledby')!)?.textContent).toBe(`${family.name}: the tracks as ladders side by side`);
      expect(doc.getElementById(row.getAttribute('aria-describedby')!)?.textContent).toMatch(/Every track reaches grade \d+, the top of the family/);
      const rails = [...row.querySelectorAll('svg.viz-ladder-rail')];
      expect(rails.map((svg) => svg.querySelector('title')?.textContent)).toEqual(
        sample.ladder.tracksByFamily.get(family.id)!.map((t) => trackWithKind(t.name, t.kind)),
      );
      for (const a of row.querySelectorAll('a')) expect(a.getAttribute('aria-label')).toMatch(/, grade \d+, /);
      for (const a of row.querySelectorAll('a')) expect(a.getAttribute('aria-label')).not.toMatch(/(individual contributor|management).*\(\1\)/);
    }
  });

  it("lists the sample ladder's history, if it is built from a git checkout", () => {
    const doc = sample.site.page('/changes/');
    const history = readHistory(SAMPLE);
    if (history.available) expect(doc.querySelectorAll('article.change-entry').length).toBe(history.entries.length);
    else expect(doc.querySelector('main')?.textContent).toContain('not available');
    expect(xmlProblems(sample.site.text('/changes.xml'))).toEqual([]);
  });

  it('shows "Which track fits me?" with the default question, the lateral moves and both tracks', () => {
    const doc = sample.site.page('/tracks/choose/');
    expect(doc.querySelector('h1')?.textContent).toBe('Which track fits me?');
    expect(doc.querySelector('main')?.textContent).toContain(
      'Do you want to lead people, or do you want more scope and authority for the specialist work you love?',
    );
    const links = sample.site.links('/tracks/choose/', 'main a');
    for (const track of sample.ladder.tracks) expect(links).toContain(`/tracks/${track.id}/`);
    for (const family of sample.ladder.families) {
      for (const grade of familyGrades(sample.ladder, family.id)) {
        const levels = levelsAtGrade(sample.ladder, family.id, grade);
        if (levels.length < 2) continue;
        for (const level of levels) expect(links).toContain(`/levels/${level.id}/`);
      }
    }
    expect(doc.querySelectorAll('table.lateral')).toHaveLength(sample.ladder.families.length);
  });
});

describe('history in a git repository of two commits (the second ladder)', () => {
  it('lists the pay band raised between the two commits on /changes/, grouped by month', () => {
    const doc = other.site.page('/careers/changes/');
    expect([...doc.querySelectorAll('.changes-month h2')].map((h) => h.textContent)).toEqual(['March 2025', 'February 2025']);
    const latest = doc.getElementById(`_c-${commits.second.slice(0, 12)}`)!;
    expect(flat(latest.querySelector('h3')?.textContent)).toBe('March 3, 2025: Raise the grade 4 band');
    const text = latest.textContent!;
    expect(text).toContain('2 levels changed');
    expect(text).toContain('Pay band raised: $185,000 – $240,000 → $190,000 – $245,000.');
    expect(other.site.links('/careers/changes/', 'a', latest)).toEqual([
      '/careers/levels/engineering-ic/staff-engineer/',
      '/careers/levels/engineering-management/engineering-manager/',
    ]);
    const first = doc.getElementById(`_c-${commits.first.slice(0, 12)}`)!;
    expect(first.textContent).toContain('First version of the ladder');
  });

  it('shows when each level last changed, linked to its change', () => {
    const staff = other.site.page('/careers/levels/engineering-ic/staff-engineer/').querySelector('.last-changed')!;
    expect(flat(staff.textContent)).toBe('Last changed March 3, 2025');
    expect(staff.querySelector('time')?.getAttribute('datetime')).toBe('2025-03-03T12:00:00+00:00');
    expect(other.site.links('/careers/levels/engineering-ic/staff-engineer/', 'a', staff)).toEqual([`/careers/changes/#_c-${commits.second.slice(0, 12)}`]);
    expect(flat(other.site.page('/careers/levels/engineering-ic/principal-engineer/').querySelector('.last-changed')?.textContent)).toBe(
      'Last changed February 10, 2025',
    );
  });

  it('publishes an Atom feed of both changes, with absolute ids and links', () => {
    const text = other.site.text('/careers/changes.xml');
    expect(xmlProblems(text)).toEqual([]);
    const feed = parseHTML(`<root>${text.replace(/^<\?xml[^>]*>/, '')}</root>`).document;
    expect(feed.querySelector('feed > id')?.textContent).toBe(`${OTHER_ORIGIN}/careers/changes/`);
    expect(feed.querySelector('feed > updated')?.textContent).toBe('2025-03-03T12:00:00+00:00');
    const entries = [...feed.querySelectorAll('entry')];
    expect(entries.map((e) => e.querySelector('title')?.textContent)).toEqual(['Raise the grade 4 band', 'The Contoso ladder']);
    expect(entries[0]!.querySelector('link')?.getAttribute('href')).toBe(`${OTHER_ORIGIN}/careers/changes/#_c-${commits.second.slice(0, 12)}`);
    expect(entries[0]!.querySelector('content')?.textContent).toContain('Pay band raised: $185,000 – $240,000 → $190,000 – $245,000.');
    expect(other.site.page('/careers/changes/').querySelector('link[rel="alternate"][type="application/atom+xml"]')?.getAttribute('href')).toBe(
      '/careers/changes.xml',
    );
  });
});

describe('a ladder outside any git repository', () => {
  it('builds, and says on /changes/ that its history is not available', () => {
    expect(mini.run.code).toBe(0);
    expect(mini.site.page('/changes/').querySelector('main')?.textContent).toContain('The history of this ladder is not available');
    expect(mini.site.page('/changes/').querySelectorAll('article.change-entry')).toHaveLength(0);
  });

  it('leaves the "last changed" line out of level pages, and publishes an empty, valid feed', () => {
    for (const level of mini.ladder.levels) expect(mini.site.page(`/levels/${level.id}/`).querySelector('.last-changed')).toBeNull();
    const text = mini.site.text('/changes.xml');
    expect(xmlProblems(text)).toEqual([]);
    expect(text).not.toContain('<entry>');
  });

  it('takes the "Which track fits me?" title and text from choose.md', () => {
    const doc = mini.site.page('/tracks/choose/');
    expect(doc.querySelector('h1')?.textContent).toBe('Lead people, or go deep?');
    expect(doc.querySelector('main .prose')?.innerHTML).toContain('Ask yourself <strong>one</strong> question');
    expect(doc.querySelector('main')?.textContent).not.toContain('specialist work you love');
    expect(brokenLinks(mini.site)).toEqual([]);
  });
});
