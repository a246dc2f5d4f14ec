/**
 * The hostile ladder (tests/e2e/hostile.ts) in Chromium: its names, titles,
 * headings, summaries, reasons, bodies and commit subjects are full of
 * markup, script breakouts and event handlers, and it passes `ladder check`.
 * Every page is opened, search included (a term typed, the filter panels
 * opened and used): no dialog opens, no element carries an event-handler
 * attribute, no script but the site's own runs, and every hostile name is
 * shown as the text it is. A dialog, a request off the machine or a console
 * error on any page fails the test (browser.ts, Session).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { launch, sessionPerTest, sitePages, WIDTH } from './browser.ts';
import { HOSTILE_NAMES, SEARCH_TERM } from './hostile.ts';
import { xmlProblems } from '../helpers/xml.ts';

const origin = inject('hostileOrigin');
const siteDir = inject('hostileSiteDir');
const open = sessionPerTest(origin);

/** What a page holds that content could have written as markup: event handlers, scripts that are not the site's, javascript: URLs, injected elements. */
async function injected(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        if (/^on/i.test(attr.name)) found.push(`<${el.localName} ${attr.name}="${attr.value}">`);
        // (Pagefind's own form has action="javascript:void(0);": what content writes calls something.)
        if (/^\s*javascript:(?!void\(0\);?$)/i.test(attr.value)) found.push(`<${el.localName} ${attr.name}="${attr.value}">`);
      }
    }
    for (const script of document.querySelectorAll('script')) {
      const src = script.getAttribute('src');
      if (src === null ? /alert/.test(script.textContent ?? '') : new URL(src, location.href).origin !== location.origin)
        found.push(`script ${src ?? script.textContent?.slice(0, 60)}`);
    }
    for (const el of document.querySelectorAll('img[src="x"], svg[onload], b[onmouseover], iframe, object, embed')) found.push(`element <${el.localName}>`);
    return found;
  });
}

it('opens every page without a dialog, an event-handler attribute or a script the content wrote', async () => {
  const pages = sitePages(siteDir);
  expect(pages.length).toBeGreaterThan(15);
  const session = await open();
  const found: string[] = [];
  await session.each(pages, WIDTH, async (page, path) => {
    // Hover and focus everything that a payload could have hooked (a mouseover, a focus handler).
    await page.evaluate(() => {
      for (const el of document.querySelectorAll('body *')) {
        el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
        if (el instanceof HTMLElement) el.focus();
      }
    });
    for (const what of await injected(page)) found.push(`${path}: ${what}`);
  });
  expect(found).toEqual([]);
}, 180_000);

it('shows every hostile name as the text it is, on its pages and in the titles', async () => {
  const session = await open();
  const level = await session.visit('/levels/eng-ic/senior/');
  expect(await level.locator('h1').textContent()).toBe(HOSTILE_NAMES.senior);
  expect(await level.title()).toContain(HOSTILE_NAMES.senior);
  const meta = level.locator('.level-meta');
  expect(await meta.textContent()).toContain(HOSTILE_NAMES.family);
  expect(await meta.textContent()).toContain(HOSTILE_NAMES.ic);
  const headings = await level.locator('main h2').allTextContents();
  expect(headings.some((h) => h.includes(HOSTILE_NAMES.craft))).toBe(true);
  expect(headings.some((h) => h.includes(HOSTILE_NAMES.people))).toBe(true);
  const home = await session.visit('/');
  expect(await home.locator('header').first().textContent()).toContain(HOSTILE_NAMES.ladder);
  const parity = await session.visit('/parity/');
  expect(await parity.locator('main').textContent()).toContain("Because <img src=x onerror=alert('reason')> </script>");
});

it('shows commit subjects on /changes/ without markup, escape sequences or bidi overrides, and keeps the feed well-formed', async () => {
  const session = await open();
  const page = await session.visit('/changes/');
  const text = (await page.locator('main').textContent()) ?? '';
  expect(text).toContain("First <img src=x onerror=alert('commit')>");
  expect(text).toContain(']0;pwned');
  expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  const feed = readFileSync(join(siteDir, 'changes.xml'), 'utf8');
  expect(xmlProblems(feed)).toEqual([]);
  expect(feed).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  expect(feed).toContain('First &lt;img src=x onerror=alert(');
});

it('searches: results, sub-results and excerpts show the hostile text as text, and the filters show names set as text', async () => {
  const session = await open();
  const page = await session.visit('/search/');
  const input = page.locator('.pagefind-ui__search-input');
  await input.waitFor();
  await page.keyboard.type(SEARCH_TERM, { delay: 10 });
  const results = page.locator('.pagefind-ui__result');
  await expect.poll(() => results.count(), { timeout: 15_000 }).toBeGreaterThan(2);
  await page.waitForFunction(() => document.querySelectorAll('.pagefind-ui__loading').length === 0);
  // The excerpts hold what the bodies say, "<img ... onerror=...>" included, as text (Pagefind escapes it).
  const excerpts = (await page.locator('.pagefind-ui__result-excerpt').allTextContents()).join('\n');
  expect(excerpts).toMatch(/onerror=alert\(/);
  const titles = await page.locator('.pagefind-ui__result-title').allTextContents();
  expect(titles.some((t) => t.includes(HOSTILE_NAMES.senior))).toBe(true);

  // Every filter panel open: each value is a name, as text, and each checkbox carries an id.
  for (const summary of await page.locator('summary.pagefind-ui__filter-name').all()) await summary.click();
  const values = async (filter: string) =>
    page.locator(`input.pagefind-ui__filter-checkbox[name=${filter}]`).evaluateAll((boxes) =>
      boxes.map((box) => ({
        value: (box as HTMLInputElement).value,
        label: box.parentElement!.querySelector('label')!.textContent!.replace(/ \(\d+\)$/, ''),
      })),
    );
  expect(await values('family')).toEqual([{ value: 'eng', label: HOSTILE_NAMES.family }]);
  expect((await values('track')).sort((a, b) => a.value.localeCompare(b.value))).toEqual([
    { value: 'eng-ic', label: HOSTILE_NAMES.ic },
    { value: 'eng-mgmt', label: HOSTILE_NAMES.management },
  ]);
  expect(await injected(page)).toEqual([]);

  // Narrowed to one track: fewer results, and the labels Pagefind draws again are names still.
  const total = await results.count();
  await page.locator('input.pagefind-ui__filter-checkbox[name=track][value=eng-mgmt]').check();
  await expect.poll(() => results.count(), { timeout: 15_000 }).toBeLessThan(total);
  await page.waitForFunction(() => document.querySelectorAll('.pagefind-ui__loading').length === 0);
  expect((await values('track')).map((v) => v.label)).toContain(HOSTILE_NAMES.management);
  for (const term of ['img', 'alert', 'onerror', 'script']) {
    await input.fill(term);
    await expect.poll(() => page.locator('.pagefind-ui__message').textContent(), { timeout: 15_000 }).toMatch(new RegExp(`for ${term}$`));
    await page.waitForFunction(() => document.querySelectorAll('.pagefind-ui__loading').length === 0);
    expect(await injected(page), term).toEqual([]);
  }
});

it("refuses, by the pages' Content-Security-Policy, an image or a script from another host that got into a page", async () => {
  const browser = await launch();
  try {
    const context = await browser.newContext();
    // Every request to another host, and why it failed: the policy stops it before the browser even looks the host up.
    const elsewhere: string[] = [];
    context.on('requestfailed', (request) => {
      if (!request.url().startsWith(origin)) elsewhere.push(`${request.url()} ${request.failure()?.errorText}`);
    });
    context.on('requestfinished', (request) => {
      if (!request.url().startsWith(origin)) elsewhere.push(`${request.url()} answered`);
    });
    const page = await context.newPage();
    await page.goto(`${origin}/levels/eng-ic/senior/`);
    const violations = await page.evaluate(async () => {
      const seen: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
      const img = document.createElement('img');
      img.src = 'https://tracker.example/pixel.gif';
      document.body.append(img);
      const script = document.createElement('script');
      script.src = 'https://cdn.example/x.js';
      document.body.append(script);
      const inline = document.createElement('script');
      inline.textContent = 'window.ran = true';
      document.body.append(inline);
      await new Promise((done) => setTimeout(done, 300));
      return { seen, ran: (window as unknown as { ran?: boolean }).ran === true };
    });
    expect(violations.ran).toBe(false);
    expect(violations.seen).toEqual(
      expect.arrayContaining([expect.stringMatching(/^img-src https:\/\/tracker\.example/), expect.stringMatching(/^script-src/)]),
    );
    expect(elsewhere.sort()).toEqual(['https://cdn.example/x.js csp', 'https://tracker.example/pixel.gif csp']);
  } finally {
    await browser.close();
  }
});
