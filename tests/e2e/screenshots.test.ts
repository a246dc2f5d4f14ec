/**
 * Screenshots for a reviewer: the home page, a level, a comparison (pre-built
 * and picked) and a promotion, on a desktop and a phone, written to
 * test-results/e2e/ (git ignores it). Full pages, light scheme, plus the
 * level page in the dark scheme.
 */
import { mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DESKTOP, launch, PHONE, samplePages, Session, ladder } from './browser.ts';

const OUT = resolve(import.meta.dirname, '../../test-results/e2e');

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
  mkdirSync(OUT, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

const devices = {
  desktop: { viewport: DESKTOP },
  phone: { viewport: PHONE, isMobile: true, hasTouch: true },
};

function shots(): [string, string][] {
  const pages = samplePages();
  const l = ladder();
  const a = l.levels[0]!;
  const b = l.levels.find((x) => x.family === a.family && x.grade === a.grade + 1) ?? l.levels.at(-1)!;
  const list: [string, string][] = [
    ['home', pages.home!],
    ['level', pages.level!],
    ['compare-grade', pages['compare-grade']!],
    ['compare-picker', `/compare/?a=${a.id}&b=${b.id}`],
  ];
  if (pages.promotion) list.push(['promotion', pages.promotion]);
  return list;
}

it.each(Object.entries(devices))('takes the screenshots on a %s', async (device, options) => {
  const session = await Session.open(browser, options);
  for (const [name, path] of shots()) {
    for (const colorScheme of name === 'level' ? (['light', 'dark'] as const) : (['light'] as const)) {
      const page = await session.visit(path, { colorScheme });
      if (name === 'compare-picker') await page.locator('#_picked table').waitFor();
      const file = join(OUT, `${name}-${device}${colorScheme === 'dark' ? '-dark' : ''}.png`);
      await page.screenshot({ path: file, fullPage: true });
      expect(statSync(file).size).toBeGreaterThan(5000);
      await page.close();
    }
  }
  await session.close();
  expect(session.problems).toEqual([]);
});
