/**
 * parity({ pages }) turns optional pages off: a real build of a project with
 * the self-assessment, the changes, search and "Which track fits me?" off has
 * none of those pages, no Pagefind index, and no link to any of them; every
 * internal link of every page resolves. The ladder is in a git repository, so
 * that "last changed" would show if the changes pages were on.
 */
import { existsSync } from 'node:fs';
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
  const project = astroProject(`{ content: ${JSON.stringify(content)}, pages: { assess: false, changes: false, search: false, choose: false } }`);
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
    for (const path of ['/assess/', '/levels/eng-ic/engineer/assess/', '/changes/', '/changes.xml', '/search/', '/tracks/choose/']) expect(site.has(path), path).toBe(false);
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
