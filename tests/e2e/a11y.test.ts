/**
 * axe-core on every built page: WCAG 2.0, 2.1 and 2.2 at levels A and AA,
 * zero violations, on a desktop in the light and in the dark colour scheme.
 * On a phone (390 px wide) the same DOM is laid out again: the rules whose
 * outcome depends on the layout run again there (target sizes and spacing,
 * regions that scroll). Each page is loaded once and axe injected once; the
 * scheme is switched with emulated media, as a reader's system setting
 * would, and the width by resizing the viewport.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DESKTOP, ladder, launch, PHONE, Session, sitePages, WIDTH } from './browser.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const LAYOUT_RULES = ['target-size', 'scrollable-region-focusable'];
const VIEWS = [
  { name: 'desktop, light', viewport: DESKTOP, colorScheme: 'light', only: { type: 'tag', values: TAGS } },
  { name: 'desktop, dark', viewport: DESKTOP, colorScheme: 'dark', only: { type: 'tag', values: TAGS } },
  { name: 'phone', viewport: PHONE, colorScheme: 'light', only: { type: 'rule', values: LAYOUT_RULES } },
] as const;
/** The minified build: a third quicker to inject than `axe.source`, once per page. */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function audit(page: Page, runOnly: axe.RunOnly): Promise<axe.Result[]> {
  return page.evaluate(async (only) => {
    const results = await window.axe.run(document, { runOnly: only, resultTypes: ['violations'] });
    return results.violations;
  }, runOnly);
}

declare global {
  interface Window {
    axe: typeof axe;
  }
}

it('finds no violation on any page, in either colour scheme, on a desktop and a phone', async () => {
  // The search page is audited with results and filters shown.
  const term = ladder().levels[0]!.title.split(/\s+/)[0]!;
  const pages = sitePages().map((path) => (path === '/search/' ? `/search/?q=${encodeURIComponent(term)}` : path));
  expect(pages.length).toBeGreaterThan(10);
  const session = await Session.open(browser, { viewport: DESKTOP });
  const found: string[] = [];
  await session.each(pages, WIDTH, async (page, path) => {
    if (path.startsWith('/search/')) {
      // Audit the results once drawn: Pagefind shows grey placeholders while it loads each one.
      await page.locator('.pagefind-ui__message').waitFor();
      await page.waitForFunction(() => document.querySelectorAll('.pagefind-ui__loading').length === 0);
    }
    await page.evaluate(AXE);
    for (const view of VIEWS) {
      await page.setViewportSize(view.viewport);
      await page.emulateMedia({ colorScheme: view.colorScheme });
      for (const violation of await audit(page, { type: view.only.type, values: [...view.only.values] })) {
        const nodes = violation.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s*\n\s*/g, ' ')}`);
        found.push(`${path} (${view.name}): ${violation.id} (${violation.impact}): ${violation.help}\n${nodes.join('\n')}`);
      }
    }
    await page.setViewportSize(DESKTOP);
    await page.emulateMedia({ colorScheme: 'light' });
  });
  await session.close();
  expect(found.sort()).toEqual([]);
  expect(session.problems).toEqual([]);
}, 600_000);
