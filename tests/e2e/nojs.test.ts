/**
 * Without JavaScript: every page still shows its content, /compare/ still
 * links to every pre-built comparison and promotion, and /search/ lists
 * every level.
 */
import { expect, it } from 'vitest';
import { familyGrades, nextLevel } from '../../src/ladder/model.ts';
import { ladder, layoutPages, sessionPerTest, WIDTH } from './browser.ts';

const open = sessionPerTest();
const noScript = () => open({ javaScriptEnabled: false });

it('shows every page’s main content', async () => {
  const session = await noScript();
  const found: string[] = [];
  await session.each(layoutPages(), WIDTH, async (page, path) => {
    const main = await page.evaluate(() => {
      const el = document.querySelector('main');
      const h1 = el?.querySelector('h1');
      return { text: el?.innerText.trim().length ?? 0, h1: h1?.innerText.trim() ?? '', h1Height: h1?.getBoundingClientRect().height ?? 0 };
    });
    if (!main.h1 || main.h1Height === 0) found.push(`${path}: no visible h1`);
    if (main.text < 80) found.push(`${path}: main shows only ${main.text} characters`);
    // Level pages show every competency section.
    const level = /^\/levels\/([^/]+\/[^/]+)\/$/.exec(path);
    if (level) {
      const anchors = ladder()
        .level.get(level[1]!)!
        .sections.map((section) => section.anchor);
      const hidden = await page.evaluate((ids) => ids.filter((id) => !(document.getElementById(id)?.getBoundingClientRect().height ?? 0)), anchors);
      for (const id of hidden) found.push(`${path}: section #${id} is not shown`);
    }
  });
  expect(found.sort()).toEqual([]);
}, 180_000);

it('links /compare/ to every pre-built comparison and promotion, and hides the picker', async () => {
  const l = ladder();
  const session = await noScript();
  const page = await session.visit('/compare/');
  expect(await page.locator('#picker').isVisible()).toBe(false);
  const visibleLinks = await page.locator('main a:visible').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  const pairs = l.families.flatMap((f) => familyGrades(l, f.id).map((g) => `/compare/${f.id}/${g}/`));
  const promotions = l.levels.filter((x) => nextLevel(l, x)).map((x) => `/levels/${x.id}/next/`);
  expect(pairs.length).toBeGreaterThan(0);
  for (const href of [...pairs, ...promotions]) expect(visibleLinks, href).toContain(href);
});

it('lists every level on /search/ and says that search needs JavaScript', async () => {
  const l = ladder();
  const session = await noScript();
  const page = await session.visit('/search/');
  expect(await page.locator('#_search-fallback').innerText()).toContain('Search needs JavaScript.');
  const visibleLinks = await page.locator('main a:visible').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  for (const level of l.levels) expect(visibleLinks).toContain(`/levels/${level.id}/`);
});
