/**
 * Pay zones in Chromium, on the 1.1 sample (content/: three zones), built
 * and served by this file (the global setup builds the version-1 fixture):
 *
 * - without JavaScript, the grids, the comparison pages with their pay
 *   pictures, and the parity report show the anchor zone's bands, and a
 *   radio button (clicked, or chosen with the arrow keys) shows another
 *   zone's instead; printing keeps the zone on screen;
 * - axe finds no violation on /pay/ and on the pages with the zone picker,
 *   on a desktop (light and dark) and on a phone;
 * - with JavaScript, the /compare/ picker's table follows the zone buttons too;
 * - the pages with zones (and /pay/'s wide tables) scroll sideways on no phone
 *   and print within the width of A4.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { check } from '../../src/ladder/check.ts';
import { formatBand } from '../../src/ladder/money.ts';
import { ladderIn } from '../helpers/cli.ts';
import { CONTENT, ROOT } from '../helpers/ladder.ts';
import { DESKTOP, launch, PHONE, Session } from './browser.ts';
import { serve, type StaticServer } from './server.ts';

const ladder = check(CONTENT).ladder;
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let work: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'parity-e2e-zones-'));
  const run = await ladderIn(ROOT, ['build', '--content', CONTENT, '--out', join(work, 'site')]);
  if (run.code !== 0) throw new Error(`ladder build of the sample failed:\n${run.stdout}${run.stderr}`);
  server = await serve(join(work, 'site'));
  browser = await launch();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function session(options: Parameters<typeof Session.open>[1] = {}): Promise<Session> {
  return Session.open(browser, options, server.origin);
}

/** The texts of the bands a reader sees in an element (hidden zones left out). */
async function visibleBands(page: Page, selector: string): Promise<string[]> {
  return page
    .locator(`${selector} .band`)
    .evaluateAll((bands) =>
      bands.filter((b) => (b as HTMLElement).offsetParent !== null && b.getBoundingClientRect().height > 0).map((b) => b.textContent ?? ''),
    );
}

const band = (id: string, zone: string) => {
  const z = ladder.level.get(id)!.pay!.zones.find((x) => x.zone.id === zone)!;
  return formatBand(z, z.zone.currency);
};

it('shows the anchor zone on the home grid without JavaScript, and another zone once its button is chosen', async () => {
  const s = await session({ javaScriptEnabled: false });
  const page = await s.visit('/');
  const cell = 'table.grid td:has(a[href="/levels/engineering-ic/staff-engineer/"])';
  expect(await visibleBands(page, cell)).toEqual([band('engineering-ic/staff-engineer', 'us-northeast')]);
  await page.getByRole('radio', { name: /Germany \(Hamburg lab\)/ }).check();
  expect(await visibleBands(page, cell)).toEqual([band('engineering-ic/staff-engineer', 'germany')]);
  // Every cell follows: no anchor band is left on the page.
  const all = await visibleBands(page, 'main');
  expect(all.length).toBeGreaterThan(20);
  expect(all.every((text) => text.startsWith('€'))).toBe(true);
  // The arrow keys move through the zones, as in any radio group.
  await page.getByRole('radio', { name: /Germany \(Hamburg lab\)/ }).focus();
  await page.keyboard.press('ArrowUp');
  expect(await visibleBands(page, cell)).toEqual([band('engineering-ic/staff-engineer', 'us-other')]);
  expect(s.problems).toEqual([]);
  await s.close();
});

it('switches the pay pictures and the table of a comparison page, and the parity report, without JavaScript', async () => {
  const s = await session({ javaScriptEnabled: false });
  const page = await s.visit('/compare/engineering/6/');
  const shownFigures = () =>
    page
      .locator('.zone-figures figure')
      .evaluateAll((fs) => fs.filter((f) => (f as HTMLElement).offsetParent !== null).map((f) => f.querySelector('svg title')?.textContent));
  expect(await shownFigures()).toEqual(['Pay bands at grade 6 in Engineering, Boston and New York']);
  await page.getByRole('radio', { name: /Rest of the United States/ }).check();
  expect(await shownFigures()).toEqual(['Pay bands at grade 6 in Engineering, Rest of the United States']);
  expect(await visibleBands(page, 'table.compare')).toEqual([
    band('engineering-ic/principal-engineer', 'us-other'),
    band('engineering-management/director-of-engineering', 'us-other'),
  ]);
  // Print keeps the zone chosen on screen, and names it.
  await page.emulateMedia({ media: 'print' });
  expect(await visibleBands(page, 'table.compare')).toEqual([
    band('engineering-ic/principal-engineer', 'us-other'),
    band('engineering-management/director-of-engineering', 'us-other'),
  ]);
  expect(await page.locator('.zone-choice').innerText()).toContain('Rest of the United States');
  expect(await page.locator('.zone-choice').innerText()).not.toContain('Germany');
  await page.emulateMedia({ media: 'screen' });

  const parity = await s.visit('/parity/');
  await parity.getByRole('radio', { name: /Germany \(Hamburg lab\)/ }).check();
  const bands = await visibleBands(parity, 'table.parity');
  expect(bands.length).toBe(ladder.levels.length);
  expect(bands.every((text) => text.startsWith('€'))).toBe(true);
  expect(s.problems).toEqual([]);
  await s.close();
});

it('lists every zone on a level page, the anchor first, without JavaScript', async () => {
  const s = await session({ javaScriptEnabled: false });
  const page = await s.visit('/levels/engineering-ic/staff-engineer/');
  const rows = await page.locator('table.zone-bands tbody tr').evaluateAll((trs) => trs.map((tr) => tr.querySelector('th')!.textContent));
  expect(rows.map((r) => r?.split(' ')[0])).toEqual(['Boston', 'Rest', 'Germany']);
  expect(await page.locator('table.zone-bands td.this-level').allInnerTexts()).toEqual(ladder.zones.map((z) => band('engineering-ic/staff-engineer', z.id)));
  expect(s.problems).toEqual([]);
  await s.close();
});

it('lets the /compare/ picker’s table follow the zone buttons too', async () => {
  const s = await session();
  const page = await s.visit('/compare/?a=engineering-ic/staff-engineer&b=engineering-management/engineering-manager');
  await page.locator('#_picked table').waitFor();
  expect(await visibleBands(page, '#_picked')).toEqual([
    band('engineering-ic/staff-engineer', 'us-northeast'),
    band('engineering-management/engineering-manager', 'us-northeast'),
  ]);
  await page.getByRole('radio', { name: /Germany \(Hamburg lab\)/ }).check();
  expect(await visibleBands(page, '#_picked')).toEqual([
    band('engineering-ic/staff-engineer', 'germany'),
    band('engineering-management/engineering-manager', 'germany'),
  ]);
  expect(await page.locator('#_picked').innerText()).toContain('10% of base pay');
  expect(s.problems).toEqual([]);
  await s.close();
});

it('fits the pages with zones on a phone, and on A4 in print', async () => {
  const PAPER = { width: 718, height: 1047 };
  const pages = [
    '/pay/',
    '/',
    '/families/engineering/',
    '/compare/engineering/6/',
    '/parity/',
    '/levels/engineering-ic/staff-engineer/',
    '/levels/engineering-ic/staff-engineer/next/',
    '/tracks/formulation-ic/',
  ];
  const s = await session({ viewport: PHONE, isMobile: true, hasTouch: true });
  const found: string[] = [];
  for (const path of pages) {
    const page = await s.visit(path);
    const phone = await page.evaluate(() => ({ scroll: document.scrollingElement!.scrollWidth, width: innerWidth }));
    if (phone.scroll > phone.width) found.push(`${path}: ${phone.scroll}px wide on a ${phone.width}px phone`);
    await page.setViewportSize(PAPER);
    await page.emulateMedia({ media: 'print' });
    const paper = await page.evaluate(() => ({
      scroll: document.scrollingElement!.scrollWidth,
      width: document.body.clientWidth,
      tables: [...document.querySelectorAll('main table')].map((t) => ({
        name: t.querySelector('caption')?.textContent?.slice(0, 40),
        scroll: t.scrollWidth,
        right: t.getBoundingClientRect().right,
      })),
    }));
    if (paper.scroll > PAPER.width) found.push(`${path}: ${paper.scroll}px wide on ${PAPER.width}px of paper`);
    for (const t of paper.tables) if (t.scroll > paper.width || t.right > paper.width + 0.5) found.push(`${path}: ${t.name} is ${t.scroll}px wide in print`);
    await page.close();
  }
  expect(found).toEqual([]);
  expect(s.problems).toEqual([]);
  await s.close();
}, 120_000);

declare global {
  interface Window {
    axe: typeof axe;
  }
}

it('finds no axe violation on /pay/ and on the pages with the zone picker, light and dark, desktop and phone', async () => {
  const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
  const pages = [
    '/pay/',
    '/',
    '/compare/engineering/6/',
    '/parity/',
    '/levels/engineering-ic/staff-engineer/',
    '/levels/engineering-ic/staff-engineer/next/',
    '/tracks/formulation-ic/',
  ];
  const s = await session({ viewport: DESKTOP });
  const found: string[] = [];
  for (const path of pages) {
    const page = await s.visit(path);
    await page.evaluate(AXE);
    for (const [name, viewport, colorScheme] of [
      ['desktop, light', DESKTOP, 'light'],
      ['desktop, dark', DESKTOP, 'dark'],
      ['phone', PHONE, 'light'],
    ] as const) {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme });
      const violations = await page.evaluate(
        async (tags) => (await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })).violations,
        TAGS,
      );
      for (const v of violations) found.push(`${path} (${name}): ${v.id}: ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
    }
    await page.close();
  }
  expect(found).toEqual([]);
  expect(s.problems).toEqual([]);
  await s.close();
}, 300_000);
