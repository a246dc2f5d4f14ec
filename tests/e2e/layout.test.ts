/**
 * Layout on a phone and on paper. One pass loads every page once in a phone
 * (390×844): it must not scroll sideways; then the same page is laid out for
 * print at the printable width of A4: navigation, search, the picker and the
 * skip link hidden, the page's URL printed, no page or table wider than the
 * paper. Comparison tables on a phone stack their columns and every cell
 * still says which level it belongs to.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ladder, launch, layoutPages, PHONE, Session, sitePages, WIDTH } from './browser.ts';

/** A4 is 794 CSS pixels wide; Chromium prints with 1 cm margins, which leaves 718. */
const PAPER = { width: 718, height: 1047 };

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});
const phone = () => Session.open(browser, { viewport: PHONE, isMobile: true, hasTouch: true });

/** How far the page scrolls sideways, and the elements that stick out when it does. */
function overflow(page: Page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const scrollWidth = document.scrollingElement!.scrollWidth;
    const culprits =
      scrollWidth <= width
        ? []
        : [...document.querySelectorAll('body *')]
            .filter((el) => el.getBoundingClientRect().right > width + 0.5)
            .slice(0, 5)
            .map(
              (el) =>
                `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} (right ${Math.round(el.getBoundingClientRect().right)})`,
            );
    return { scrollWidth, width, culprits };
  });
}

/** What a printed page shows: chrome that should be hidden, its width, its tables' widths, its URL. */
function printed(page: Page) {
  return page.evaluate(() => {
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      return getComputedStyle(el).visibility !== 'hidden' && r.width > 0 && r.height > 0;
    };
    const chrome = ['.site-header', 'nav[aria-label="Site"]', '.site-search', '.skip-link', '#_pagefind', '#picker', '.breadcrumbs'];
    const url = document.querySelector('.print-url');
    return {
      shownChrome: chrome.filter((selector) => [...document.querySelectorAll(selector)].some(shown)),
      width: document.body.clientWidth,
      scrollWidth: document.scrollingElement!.scrollWidth,
      paper: innerWidth,
      url: !!url && shown(url),
      tables: [...document.querySelectorAll('main table')].map((t, i) => ({
        name: t.querySelector('caption')?.textContent?.trim().slice(0, 50) || `table ${i + 1}`,
        scrollWidth: t.scrollWidth,
        right: t.getBoundingClientRect().right,
        shown: shown(t),
      })),
    };
  });
}

describe('every page', () => {
  const wide: string[] = [];
  const print: string[] = [];
  let problems: string[] = [];
  let tables = 0;

  beforeAll(async () => {
    const pass = await phone();
    const printable = new Set(layoutPages());
    await pass.each(sitePages(), WIDTH, async (page, path) => {
      const o = await overflow(page);
      if (o.scrollWidth > o.width) wide.push(`${path}: ${o.scrollWidth}px wide in ${o.width}px: ${o.culprits.join(', ')}`);
      if (!printable.has(path)) return;
      await page.setViewportSize(PAPER);
      await page.emulateMedia({ media: 'print' });
      if (path === '/compare/') await page.locator('#_picked table').waitFor();
      const report = await printed(page);
      if (report.shownChrome.length) print.push(`${path}: still shown in print: ${report.shownChrome.join(', ')}`);
      // The 404 page has no address of its own to print.
      if (!report.url && path !== '/404.html') print.push(`${path}: the page's URL is not printed`);
      if (report.scrollWidth > report.paper) print.push(`${path}: ${report.scrollWidth}px wide on ${report.paper}px of paper`);
      for (const t of report.tables) {
        tables++;
        if (!t.shown) print.push(`${path}: ${t.name} is not printed`);
        if (t.scrollWidth > report.width || t.right > report.width + 0.5)
          print.push(`${path}: ${t.name} is ${t.scrollWidth}px wide (right edge ${Math.round(t.right)}) on ${report.width}px`);
      }
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize(PHONE);
    });
    problems = pass.problems;
    await pass.close();
  }, 240_000);

  it('scrolls sideways on no page on a phone', () => {
    expect(wide.sort()).toEqual([]);
  });

  it('prints without navigation or search, and fits every page and table on A4', () => {
    expect(print.sort()).toEqual([]);
    expect(tables).toBeGreaterThan(0);
  });

  it('made no request to another host and logged no error', () => {
    expect(problems).toEqual([]);
  });
});

describe('comparison tables on a phone', () => {
  let session: Session;
  afterEach(async () => {
    const problems = session.problems.splice(0);
    await session.close();
    expect(problems).toEqual([]);
  });

  /**
   * The cells of a stacked table: each one below the previous, full width,
   * with its column's name shown before it.
   */
  function stackedCells(page: Page, table: string) {
    return page.locator(`${table} tbody tr`).evaluateAll((rows) =>
      rows.map((tr) =>
        [...tr.querySelectorAll('td')].map((td) => {
          const r = td.getBoundingClientRect();
          const before = getComputedStyle(td, '::before');
          return { label: td.dataset.label ?? '', shown: before.display !== 'none' ? before.content : '', top: r.top, left: r.left, width: r.width };
        }),
      ),
    );
  }

  function expectStacked(rows: Awaited<ReturnType<typeof stackedCells>>, titles: string[]) {
    expect(rows.length).toBeGreaterThan(3);
    for (const cells of rows) {
      expect(cells.map((c) => c.label)).toEqual(titles);
      expect(cells.map((c) => c.shown)).toEqual(titles.map((t) => JSON.stringify(t)));
      for (let i = 1; i < cells.length; i++) {
        expect(cells[i]!.top).toBeGreaterThan(cells[i - 1]!.top);
        expect(Math.abs(cells[i]!.left - cells[0]!.left)).toBeLessThan(1);
      }
      for (const cell of cells) expect(cell.width).toBeGreaterThan(PHONE.width * 0.7);
    }
  }

  it('stacks every comparison page and labels each cell with its level', async () => {
    const l = ladder();
    session = await phone();
    const comparisons = layoutPages().filter((p) => /^\/compare\/[^/]+\/\d+\/$/.test(p));
    expect(comparisons.length).toBeGreaterThan(0);
    await session.each(comparisons, WIDTH, async (page, path) => {
      const [, family, grade] = /^\/compare\/([^/]+)\/(\d+)\/$/.exec(path)!;
      const titles = l.levelsByFamilyGrade
        .get(family!)!
        .get(Number(grade))!
        .map((x) => x.title);
      expectStacked(await stackedCells(page, 'table.compare'), titles);
    });
  });

  it('stacks the picker’s comparison and labels each cell with its level', async () => {
    const l = ladder();
    const a = l.levels[0]!;
    const b = l.levels.at(-1)!;
    session = await phone();
    const page = await session.visit(`/compare/?a=${a.id}&b=${b.id}`);
    await page.locator('#_picked table').waitFor();
    expectStacked(await stackedCells(page, '#_picked table'), [a.title, b.title]);
    const o = await overflow(page);
    expect(o.scrollWidth, o.culprits.join(', ')).toBeLessThanOrEqual(o.width);
  });
});
