/**
 * The site at the size of real ladders (tests/e2e/wide.ts: nine tracks and
 * twelve grades in one family, twelve tracks in another, long titles, a
 * competency called "Scope"). Each page a wide family stretches is laid out
 * at 320, 390, 768 and 1280 px, in the light and the dark scheme: no page
 * wider than the viewport, no text of the grids, tables and pictures over
 * other text or out of its box, no word broken although it fits, and no axe
 * violation. Then on paper (A4 landscape and US Letter), and screenshots of
 * the wide grid and comparison on a phone and a desktop for a reviewer
 * (test-results/e2e/wide-*.png).
 */
import { readFileSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ladder, launch, Session, wide, WIDTH } from './browser.ts';
import { pageOverflow, printProblems, textProblems } from './measure.ts';
import { widePages } from './wide.ts';

const WIDTHS = [320, 390, 768, 1280] as const;
const SCHEMES = ['light', 'dark'] as const;
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/**
 * The printable width of the paper in CSS pixels, with Chromium's default
 * margins (about 1 cm each side): A4 landscape is 297 mm (1123 px), US Letter
 * 8.5 in (816 px).
 */
const PAPERS = [
  { name: 'A4 landscape', width: 1047, height: 718 },
  { name: 'US Letter', width: 740, height: 980 },
] as const;
const OUT = resolve(import.meta.dirname, '../../test-results/e2e');

declare global {
  interface Window {
    axe: typeof axe;
  }
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const pages = () => widePages(ladder(wide));

describe('the wide ladder on screens from 320 to 1280 px, light and dark', () => {
  const found = { wide: [] as string[], text: [] as string[], axe: [] as string[] };
  let problems: string[] = [];
  let views = 0;

  beforeAll(async () => {
    const paths = Object.values(pages());
    for (const width of WIDTHS) {
      const phone = width < 600;
      const session = await Session.open(browser, { viewport: { width, height: 900 }, isMobile: phone, hasTouch: phone }, wide.origin);
      await session.each(paths, WIDTH, async (page, path) => {
        await page.evaluate(AXE);
        for (const colorScheme of SCHEMES) {
          await page.emulateMedia({ colorScheme });
          const at = `${path} at ${width}px, ${colorScheme}`;
          const o = await pageOverflow(page);
          if (o.scrollWidth > o.width) found.wide.push(`${at}: ${o.scrollWidth}px wide: ${o.culprits.join(', ')}`);
          // The layout is the same in both schemes: measured once.
          if (colorScheme === 'light') for (const p of await textProblems(page, { minSvgText: 9 })) found.text.push(`${at}: ${p}`);
          for (const v of await audit(page)) found.axe.push(`${at}: ${v}`);
          views++;
        }
      });
      problems.push(...session.problems);
      await session.close();
    }
  }, 600_000);

  it('scrolls sideways on no page: a wide table or picture scrolls inside its own region', () => {
    expect(views).toBe(Object.keys(pages()).length * WIDTHS.length * SCHEMES.length);
    expect(found.wide.sort()).toEqual([]);
  });

  it('prints no text over other text, out of its cell or picture, or broken mid-word in the grids, tables and pictures', () => {
    expect(found.text.sort()).toEqual([]);
  });

  it('finds no axe violation', () => {
    expect(found.axe.sort()).toEqual([]);
  });

  it('made no request to another host and logged no error', () => {
    expect(problems).toEqual([]);
    problems = [];
  });
});

async function audit(page: Page): Promise<string[]> {
  const violations = await page.evaluate(
    async (tags) => (await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })).violations,
    TAGS,
  );
  return violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s*\n\s*/g, ' ')}`).join('\n')}`,
  );
}

describe('the wide ladder on paper', () => {
  it.each(PAPERS)('prints every column of every grid, table and picture on $name', async (paper) => {
    const session = await Session.open(browser, { viewport: { width: paper.width, height: paper.height } }, wide.origin);
    const found: string[] = [];
    const paths = Object.entries(pages())
      .filter(([kind]) => kind !== 'track')
      .map(([, path]) => path);
    await session.each(
      paths,
      WIDTH,
      async (page, path) => {
        for (const p of await printProblems(page)) found.push(`${path}: ${p}`);
        for (const p of await textProblems(page, { minSvgText: 9 })) found.push(`${path}: ${p}`);
      },
      { media: 'print' },
    );
    await session.close();
    expect(found.sort()).toEqual([]);
    expect(session.problems).toEqual([]);
  });
});

describe('screenshots of the wide ladder', () => {
  const devices = {
    phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
    desktop: { viewport: { width: 1280, height: 800 } },
  };
  it.each(Object.entries(devices))('takes the wide grid and comparison on a %s', async (device, options) => {
    mkdirSync(OUT, { recursive: true });
    const session = await Session.open(browser, options, wide.origin);
    const p = pages();
    for (const [name, path] of [
      ['home', p.home!],
      ['family', p.family!],
      ['compare', p.compare!],
    ] as const) {
      const page = await session.visit(path);
      const file = join(OUT, `wide-${name}-${device}.png`);
      await page.screenshot({ path: file, fullPage: true });
      expect(statSync(file).size).toBeGreaterThan(5000);
      await page.close();
    }
    await session.close();
    expect(session.problems).toEqual([]);
  });
});
