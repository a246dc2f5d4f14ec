/**
 * A company's parity({...}) options on a real build, in a project of its own:
 * - `pages`: with the self-assessment, the changes, search and "Which track
 *   fits me?" off, none of those pages exists, there is no Pagefind index and
 *   no link to any of them; every internal link of every page resolves. The
 *   ladder is in a git repository, so that "last changed" would show if the
 *   changes pages were on.
 * - `components`: a PayBand of the company's (wrapping Parity's) shows
 *   wherever a band is shown, inside Parity's other components too.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git } from '../helpers/git.ts';
import { cleanup, miniLadder, tempDir, writeLadder } from '../helpers/ladder.ts';
import { astroProject, ladderIn, removeProjects, type Run } from '../helpers/project.ts';
import { brokenLinks, Site } from './site-files.ts';

let site: Site;
let run: Run;

beforeAll(async () => {
  const content = writeLadder({ ...miniLadder(), 'choose.md': '---\ntitle: Lead people, or go deep?\n---\n\nAsk yourself one question.\n' });
  git(content, ['init', '-q']);
  git(content, ['add', '.']);
  git(content, ['commit', '-q', '-m', 'The ladder'], '2025-02-10T12:00:00+00:00');
  const project = astroProject(
    `{ content: ${JSON.stringify(content)}, pages: { assess: false, changes: false, search: false, choose: false }, components: { PayBand: './PayBand.astro' } }`,
  );
  writeFileSync(
    join(project, 'PayBand.astro'),
    '---\nimport Default from \'parity-ladder/components/PayBand.astro\';\n---\n<span class="acme-band"><Default {...Astro.props} /></span>\n',
  );
  const out = join(tempDir('parity-pages-'), 'site');
  run = await ladderIn(project, ['build', '--content', content, '--out', out]);
  site = new Site(out);
});

afterAll(() => {
  removeProjects();
  cleanup();
});

describe('a site with every optional page off', () => {
  it('builds', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('has none of the optional pages and no search index', () => {
    for (const path of ['/assess/', '/levels/eng-ic/engineer/assess/', '/changes/', '/changes.xml', '/search/', '/tracks/choose/'])
      expect(site.has(path), path).toBe(false);
    expect(existsSync(join(site.dir, 'pagefind'))).toBe(false);
    expect(site.has('/levels/eng-ic/engineer/')).toBe(true);
  });

  it('links to none of them: every internal link of every page resolves', () => {
    expect(site.pages().length).toBeGreaterThan(10);
    expect(brokenLinks(site)).toEqual([]);
  });

  it('shows no search box, no "last changed" and no list of optional pages', () => {
    for (const page of site.pages()) {
      const doc = site.page(page);
      expect(doc.querySelector('.site-search'), page).toBeNull();
      expect(doc.querySelector('.last-changed'), page).toBeNull();
    }
    expect(site.page('/').querySelector('.home-links')).toBeNull();
    expect(site.page('/404.html').querySelector('main')?.textContent).toContain('See the whole ladder or compare levels.');
  });
});

describe("a company's PayBand", () => {
  it('shows in the grid of the home page, in the level cards of a track page, on a level page, and wherever else a band is written', () => {
    // The home page's grid (LadderGrid): one band per level.
    expect(site.page('/').querySelectorAll('.acme-band')).toHaveLength(3);
    // The track page's level cards (LevelCard).
    expect(site.page('/tracks/eng-ic/').querySelectorAll('.acme-band')).toHaveLength(2);
    // The level page itself.
    expect(site.page('/levels/eng-ic/senior/').querySelector('.acme-band')?.textContent).toBe('€70,000 – €90,000');
    // No band anywhere that is not the company's: comparisons, promotions and the parity report too.
    for (const page of site.pages()) {
      for (const band of site.page(page).querySelectorAll('.band')) expect(band.parentElement?.classList.contains('acme-band'), page).toBe(true);
    }
  });
});
