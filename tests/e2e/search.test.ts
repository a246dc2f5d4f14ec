/**
 * Search, as a reader uses it: type a phrase from a level's competency
 * section into Pagefind's UI and find that level; narrow a search to one
 * family with the filter, by keyboard.
 */
import { toString } from 'mdast-util-to-string';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { fragmentNodes } from '../../src/ladder/markdown.ts';
import type { Ladder, Level } from '../../src/ladder/model.ts';
import { ladder, sessionPerTest } from './browser.ts';

const open = sessionPerTest();

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
const levelText = (level: Level) => level.sections.map((s) => toString({ type: 'root', children: fragmentNodes(s) })).join('\n');

/**
 * A phrase of four consecutive words from one of the level's competency
 * sections whose words, together, are found in as few other levels as
 * possible (ideally none): what a reader would copy from a level to find it.
 */
export function distinctivePhrase(l: Ladder, level: Level): string {
  const others = l.levels.filter((x) => x.id !== level.id).map((x) => new Set(words(levelText(x))));
  let best = { phrase: '', hits: Infinity };
  for (const section of level.sections) {
    const text = toString({ type: 'root', children: fragmentNodes(section) });
    for (const sentence of text.split(/[.;:\n]/)) {
      const ws = words(sentence);
      for (let i = 0; i + 4 <= ws.length; i++) {
        const window = ws.slice(i, i + 4);
        if (window.some((w) => w.length < 4)) continue;
        const hits = others.filter((set) => window.every((w) => set.has(w))).length;
        if (hits < best.hits) best = { phrase: window.join(' '), hits };
      }
    }
  }
  return best.phrase;
}

/** Pagefind's UI shows this many results, then a "Load more results" button. */
const SHOWN = 5;

/**
 * The search page's result links, once the results for `term` are shown:
 * the message names the whole term (not a prefix still being typed), and
 * every shown result has loaded (Pagefind fills them in one by one).
 */
async function results(page: Page, term: string): Promise<string[]> {
  const message = page.locator('.pagefind-ui__message');
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await expect.poll(() => message.textContent(), { timeout: 15_000 }).toMatch(new RegExp(`^\\d+ results? for ${escaped}$`));
  const total = Number(/^(\d+)/.exec((await message.textContent()) ?? '')![1]);
  const links = page.locator('.pagefind-ui__result > .pagefind-ui__result-inner > .pagefind-ui__result-title a');
  await expect.poll(() => links.count(), { timeout: 15_000 }).toBe(Math.min(total, SHOWN));
  return links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
}

it('finds a level from a phrase of one of its competency sections', async () => {
  const l = ladder();
  // A level in the middle of the ladder, with sections.
  const withSections = l.levels.filter((x) => x.sections.length > 0);
  const level = withSections[Math.floor(withSections.length / 2)]!;
  const phrase = distinctivePhrase(l, level);
  expect(phrase.split(' ')).toHaveLength(4);

  const session = await open();
  const page = await session.visit('/search/');
  const input = page.locator('.pagefind-ui__search-input');
  await input.waitFor();
  // The UI puts the focus in its input: the reader just types.
  await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('pagefind-ui__search-input'))).toBe(true);
  await page.keyboard.type(phrase, { delay: 20 });
  const found = await results(page, phrase);
  expect(found, `"${phrase}"`).toContain(`/levels/${level.id}/`);
  // It is the best match among levels: no other level ranks above it.
  expect(found.filter((href) => href.startsWith('/levels/'))[0]).toBe(`/levels/${level.id}/`);
});

it('narrows results to one family with the family filter, by keyboard', async () => {
  const l = ladder();
  if (l.families.length < 2) return;
  // A word that levels of every family use.
  const perFamily = l.families.map((f) => new Set(l.levels.filter((x) => x.family === f.id).flatMap((x) => words(levelText(x)))));
  const common = [...perFamily[0]!].filter((w) => w.length > 5 && perFamily.every((set) => set.has(w))).sort();
  expect(common.length).toBeGreaterThan(0);
  const term = common[0]!;
  const family = l.families.at(-1)!;
  const familyOf = (href: string) => {
    const match = /^\/levels\/([^/]+)\//.exec(href);
    return match ? l.track.get(match[1]!)?.family : undefined;
  };

  const session = await open();
  const page = await session.visit(`/search/?q=${encodeURIComponent(term)}`);
  await results(page, term);
  const count = async () => Number(/^(\d+)/.exec((await page.locator('.pagefind-ui__message').textContent()) ?? '')?.[1] ?? NaN);
  const total = await count();
  // The term is in levels of every family (chosen so from the model): the filter offers each family,
  // by its id (Pagefind writes values as HTML, so no name goes there), labelled with its name.
  const offered = await page
    .locator('input[type=checkbox][name=family]')
    .evaluateAll((boxes) =>
      boxes.map((box) => `${(box as HTMLInputElement).value}: ${box.parentElement!.querySelector('label')!.textContent!.replace(/ \(\d+\)$/, '')}`),
    );
  expect(offered).toEqual(expect.arrayContaining(l.families.map((f) => `${f.id}: ${f.name}`)));

  // From the search box, Tab to the Family filter, open it with Enter, tick the family with Space.
  const summary = page.locator('summary', { hasText: /^family$/i });
  const isFocused = (el: Element) => el === document.activeElement;
  await page.locator('.pagefind-ui__search-input').focus();
  for (let i = 0; i < 10 && !(await summary.evaluate(isFocused)); i++) await page.keyboard.press('Tab');
  expect(await summary.evaluate(isFocused)).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.locator('details', { has: summary }).getAttribute('open')).resolves.not.toBeNull();
  const box = page.locator(`input[type=checkbox][name=family][value="${family.id}"]`);
  for (let i = 0; i < 20 && !(await box.evaluate(isFocused)); i++) await page.keyboard.press('Tab');
  expect(await box.evaluate(isFocused)).toBe(true);
  const style = await box.evaluate((el) => {
    const s = getComputedStyle(el);
    return { outline: s.outlineStyle, shadow: s.boxShadow };
  });
  expect(style.outline !== 'none' || style.shadow !== 'none', JSON.stringify(style)).toBe(true);
  await page.keyboard.press('Space');
  await expect.poll(() => box.isChecked()).toBe(true);

  // Fewer results, and every level shown is of that family, once the list has been redrawn.
  await expect.poll(count).toBeLessThan(total);
  expect(await count()).toBeGreaterThan(0);
  const otherFamilies = async () => {
    const levels = (await results(page, term)).filter((href) => href.startsWith('/levels/'));
    return levels.length === 0 ? ['no level shown'] : levels.filter((href) => familyOf(href) !== family.id);
  };
  await expect.poll(otherFamilies, { timeout: 15_000 }).toEqual([]);
});
