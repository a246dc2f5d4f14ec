/**
 * The keyboard alone: the skip link is the first stop and lands in the main
 * content, the header's links and search box are reachable, the compare
 * picker is operated with arrow keys, and every stop of every kind of page
 * shows where the focus is, in the sample and in the wide ladder
 * (tests/e2e/wide.ts), whose grids and comparison tables scroll inside their
 * own regions under a sticky header row and first column: every column of
 * them is reached, and no focused link hides under the sticky cells.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ladder, sample, samplePages, sessionPerTest, wide, WIDTH, type Site } from './browser.ts';
import { widePages } from './wide.ts';

interface Stop {
  tag: string;
  id: string;
  href: string | null;
  text: string;
  /** An outline or a box shadow is drawn. */
  visible: boolean;
  style: string;
  inViewport: boolean;
  /** Some of it is on top: not hidden under a sticky header or another box (WCAG 2.4.11). */
  unobscured: boolean;
  inHeader: boolean;
  inMain: boolean;
  /** In a table that scrolls inside its own region (a grid or comparison): the table's caption and the column (0 is the row labels). */
  table: string | null;
  column: number | null;
}

/** The focused element, or null when the focus is on the page itself (before the first or after the last stop). */
function focused(page: Page): Promise<Stop | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || el === document.documentElement) return null;
    const s = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    const ring = (x: CSSStyleDeclaration) =>
      (x.outlineStyle !== 'none' && parseFloat(x.outlineWidth) > 0 && x.outlineColor !== 'rgba(0, 0, 0, 0)') || x.boxShadow !== 'none';
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      href: el.getAttribute('href'),
      text: (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60),
      visible: ring(s),
      style: `outline: ${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}; box-shadow: ${s.boxShadow}`,
      inViewport: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
      unobscured: [
        [r.left + r.width / 2, r.top + r.height / 2],
        [r.left + 1, r.top + 1],
        [r.right - 1, r.top + 1],
        [r.left + 1, r.bottom - 1],
        [r.right - 1, r.bottom - 1],
      ].some(([x, y]) => {
        const hit = document.elementFromPoint(x!, y!);
        return !!hit && (el === hit || el.contains(hit) || (el as HTMLInputElement).labels?.[0]?.contains(hit) === true);
      }),
      inHeader: !!el.closest('header'),
      inMain: !!el.closest('main'),
      table: el.closest('.grid-scroll, .compare-scroll')?.querySelector('caption')?.textContent?.trim() ?? null,
      column: (el.closest('.grid-scroll, .compare-scroll') && (el.closest('td, th') as HTMLTableCellElement | null)?.cellIndex) ?? null,
    };
  });
}

/**
 * Whether the focused element looks different from the same element without
 * focus: for indicators drawn otherwise than by an outline or a box shadow
 * (an SVG link that strokes a shape inside it). Compares the pixels around it.
 */
async function focusChangesPixels(page: Page): Promise<boolean> {
  const box = await page.evaluate(() => {
    const r = document.activeElement!.getBoundingClientRect();
    const x = Math.max(0, r.left - 6);
    const y = Math.max(0, r.top - 6);
    return { x, y, width: Math.min(innerWidth - x, r.width + 12), height: Math.min(innerHeight - y, r.height + 12) };
  });
  if (box.width <= 0 || box.height <= 0) return false;
  const focusedShot = await page.screenshot({ clip: box, animations: 'disabled', caret: 'hide' });
  await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    el.blur();
    (window as { _e2eBlurred?: HTMLElement })._e2eBlurred = el;
  });
  const blurredShot = await page.screenshot({ clip: box, animations: 'disabled', caret: 'hide' });
  // Back where the walk was, so that the next Tab goes on from here.
  await page.evaluate(() => (window as { _e2eBlurred?: HTMLElement })._e2eBlurred?.focus());
  return !focusedShot.equals(blurredShot);
}

/** Every Tab stop of a page from the top, in order (at most `limit`). */
async function tabStops(page: Page, limit = 400): Promise<Stop[]> {
  const stops: Stop[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const stop = await focused(page);
    if (!stop) break;
    if (!stop.visible && stop.inViewport) stop.visible = await focusChangesPixels(page);
    stops.push(stop);
  }
  return stops;
}

const describeStop = (s: Stop) => `<${s.tag}${s.id ? ` id=${s.id}` : ''}${s.href ? ` href=${s.href}` : ''}> "${s.text}"`;

const open = sessionPerTest();

describe.each([
  ['the sample', sample],
  ['the wide ladder', wide],
] as [string, Site][])('every kind of page of %s', (_, site) => {
  const pages = Object.entries(samplePages(ladder(site)));

  it('puts the skip link first, and it moves the focus to the main content', async () => {
    const found: string[] = [];
    // The search page is left out: Pagefind's UI moves the focus into its search box on load.
    const paths = pages.filter(([kind]) => kind !== 'search').map(([, path]) => path);
    await (await open({}, site.origin)).each(paths, WIDTH, async (page, path) => {
      await page.keyboard.press('Tab');
      const first = await focused(page);
      if (first?.href !== '#_main' || !first.visible || !first.inViewport) {
        found.push(`${path}: the first stop is ${first ? `${describeStop(first)}, visible: ${first.visible}, on screen: ${first.inViewport}` : 'nothing'}`);
        return;
      }
      await page.keyboard.press('Enter');
      const target = await page.evaluate(() => document.activeElement?.id);
      if (target !== '_main' || new URL(page.url()).hash !== '#_main') found.push(`${path}: the skip link moved the focus to "${target}"`);
      await page.keyboard.press('Tab');
      if (!(await focused(page))?.inMain) found.push(`${path}: Tab after the skip link leaves the main content`);
    });
    expect(found.sort()).toEqual([]);
  });

  it('shows the focus at every Tab stop, on screen and not covered', async () => {
    const found: string[] = [];
    const paths = pages.map(([kind, path]) => (kind === 'search' ? `${path}?q=${encodeURIComponent(searchWord(site))}` : path));
    await (await open({}, site.origin)).each(paths, WIDTH, async (page, path) => {
      if (path.startsWith('/search/')) {
        await page.locator('.pagefind-ui__result').first().waitFor();
        await page.waitForFunction(() => document.querySelectorAll('.pagefind-ui__loading').length === 0);
        // Pagefind's UI puts the focus in its input; start from the top like a reader who just arrived.
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      }
      const stops = await tabStops(page);
      if (stops.length < 4) found.push(`${path}: only ${stops.length} Tab stops`);
      for (const stop of stops) {
        if (!stop.visible) found.push(`${path}: no focus indicator on ${describeStop(stop)} (${stop.style})`);
        if (!stop.inViewport) found.push(`${path}: ${describeStop(stop)} is focused off screen`);
        else if (!stop.unobscured) found.push(`${path}: ${describeStop(stop)} is focused under another element`);
      }
    });
    expect(found.sort()).toEqual([]);
  });
});

describe("the wide ladder's grid and comparison", () => {
  it.each([1280, 768])('reach every column by keyboard at %i px, no link focused under the sticky header row or column', async (width) => {
    const p = widePages(ladder(wide));
    const found: string[] = [];
    const session = await open({ viewport: { width, height: 800 } }, wide.origin);
    await session.each([p.home!, p.compare!], WIDTH, async (page, path) => {
      const tables = await page
        .locator('.grid-scroll table, .compare-scroll table')
        .evaluateAll((ts) =>
          ts.map((t) => ({ caption: t.querySelector('caption')?.textContent?.trim() ?? '', columns: (t as HTMLTableElement).rows[0]!.cells.length })),
        );
      const stops = await tabStops(page, 600);
      for (const table of tables) {
        const reached = new Set(stops.filter((s) => s.table === table.caption).map((s) => s.column));
        const missed = Array.from({ length: table.columns - 1 }, (_, i) => i + 1).filter((c) => !reached.has(c));
        if (missed.length > 0) found.push(`${path}: ${table.caption}: no Tab stop in column ${missed.join(', ')}`);
      }
      for (const stop of stops) {
        if (!stop.inViewport) found.push(`${path}: ${describeStop(stop)} is focused off screen`);
        else if (!stop.unobscured) found.push(`${path}: ${describeStop(stop)} is focused under another element`);
      }
    });
    expect(found.sort()).toEqual([]);
  });
});

/** A word of the first level's first section, long enough to be a search term. */
function searchWord(site: Site = sample): string {
  const level = ladder(site).levels.find((l) => l.sections.length > 0)!;
  return level.title.split(/\s+/).find((w) => w.length > 3) ?? level.title;
}

describe('the header', () => {
  it('reaches every navigation link and the search box before the content', async () => {
    const page = await (await open()).visit('/');
    const stops = await tabStops(page);
    const firstInMain = stops.findIndex((s) => s.inMain);
    const header = stops.slice(0, firstInMain).filter((s) => s.inHeader);
    const navLinks = await page.locator('header nav a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(navLinks.length).toBeGreaterThan(2);
    for (const href of navLinks)
      expect(
        header.some((s) => s.href === href),
        `header link ${href}`,
      ).toBe(true);
    expect(header.some((s) => s.id === '_search')).toBe(true);
    expect(header.some((s) => s.tag === 'button' && s.text === 'Search')).toBe(true);
  });

  it('searches from the header box with the keyboard', async () => {
    const page = await (await open()).visit('/');
    const term = searchWord();
    for (let i = 0; i < 30 && (await focused(page))?.id !== '_search'; i++) await page.keyboard.press('Tab');
    expect((await focused(page))?.id).toBe('_search');
    await page.keyboard.type(term);
    await Promise.all([page.waitForURL((url) => url.pathname === '/search/'), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).searchParams.get('q')).toBe(term);
    const results = page.locator('.pagefind-ui__result-link');
    await results.first().waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.pagefind-ui__loading').length === 0);
    // From the search input, Tab reaches the results, and Enter follows one.
    await page.locator('.pagefind-ui__search-input').focus();
    let stop = await focused(page);
    for (let i = 0; i < 60 && !stop?.href?.startsWith('/levels/') && !stop?.href?.startsWith('/competencies/'); i++) {
      await page.keyboard.press('Tab');
      stop = await focused(page);
    }
    expect(stop?.href).toMatch(/^\/(levels|competencies)\//);
    await Promise.all([page.waitForURL((url) => url.pathname === stop!.href!.split('#')[0]), page.keyboard.press('Enter')]);
  });
});

describe('the compare picker', () => {
  it('is operated with the keyboard alone', async () => {
    const page = await (await open()).visit('/compare/');
    await page.locator('#picker:not([hidden])').waitFor();
    for (let i = 0; i < 40 && (await focused(page))?.id !== '_pick-a'; i++) await page.keyboard.press('Tab');
    expect((await focused(page))?.id).toBe('_pick-a');
    const options = await page.locator('#_pick-a option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const first = options[0]!;
    const last = options.at(-1)!;

    // Arrow keys, Home and End change a closed select; each change shows the pair and updates the URL.
    await page.keyboard.press('End');
    await expect.poll(() => page.locator('#_pick-a').inputValue()).toBe(last);
    await page.keyboard.press('Tab');
    expect((await focused(page))?.id).toBe('_pick-b');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    const second = options[1]!;
    await expect.poll(() => page.locator('#_pick-b').inputValue()).toBe(second);
    await expect.poll(() => new URL(page.url()).search).toBe(`?a=${last}&b=${second}`);
    const heads = () => page.locator('#_picked thead th a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(await heads()).toEqual([`/levels/${last}/`, `/levels/${second}/`]);

    // Tab to Compare and press Enter, then to Swap and press Space.
    await page.keyboard.press('Tab');
    expect((await focused(page))?.text).toBe('Compare');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect((await focused(page))?.text).toBe('Swap');
    await page.keyboard.press('Space');
    await expect.poll(heads).toEqual([`/levels/${second}/`, `/levels/${last}/`]);
    expect(new URL(page.url()).search).toBe(`?a=${second}&b=${last}`);
    expect(first).not.toBe(last);
  });
});
