/**
 * The compare picker at /compare/: choosing two levels shows them side by
 * side, and the URL (?a=&b=) shares the choice: a new page, a reload and the
 * back button restore it.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { ladder, origin, sessionPerTest } from './browser.ts';

const open = sessionPerTest();

/** The picked levels' column headers: link and box. */
async function columns(page: Page) {
  const heads = page.locator('#_picked table thead th');
  await heads.first().waitFor();
  return heads.evaluateAll((ths) =>
    ths.map((th) => {
      const r = th.getBoundingClientRect();
      return { href: th.querySelector('a')?.getAttribute('href'), left: r.left, top: r.top, right: r.right };
    }),
  );
}

const choice = async (page: Page) => [await page.locator('#_pick-a').inputValue(), await page.locator('#_pick-b').inputValue()];

it('shows two chosen levels side by side and keeps the choice in a URL that restores it', async () => {
  const l = ladder();
  // Two levels of different tracks and grades: the choice a reader makes.
  const a = l.levels[0]!;
  const b = [...l.levels].reverse().find((x) => x.track !== a.track && x.grade !== a.grade) ?? l.levels.at(-1)!;
  const session = await open();
  const page = await session.visit('/compare/');
  await page.locator('#picker:not([hidden])').waitFor();

  await page.locator('#_pick-a').selectOption(a.id);
  await page.locator('#_pick-b').selectOption(b.id);
  await expect.poll(async () => (await columns(page)).map((c) => c.href)).toEqual([`/levels/${a.id}/`, `/levels/${b.id}/`]);
  const [left, right] = await columns(page);
  expect(right!.left).toBeGreaterThanOrEqual(left!.right - 1); // side by side, not stacked
  expect(Math.abs(right!.top - left!.top)).toBeLessThan(2);
  // Every aspect has a row with one cell per level.
  const rows = await page.locator('#_picked tbody tr').evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll('td').length));
  expect(rows.length).toBeGreaterThan(5);
  expect(rows.every((n) => n === 2)).toBe(true);
  await expect.poll(() => page.locator('#_picked caption').textContent()).toContain(a.title);

  const url = page.url();
  expect(new URL(url).search).toBe(`?a=${a.id}&b=${b.id}`);

  // A shared link, in a fresh page.
  const shared = await session.visit(url.replace(origin, ''));
  await expect.poll(() => choice(shared)).toEqual([a.id, b.id]);
  expect((await columns(shared)).map((c) => c.href)).toEqual([`/levels/${a.id}/`, `/levels/${b.id}/`]);

  // A reload.
  await page.reload();
  await expect.poll(() => choice(page)).toEqual([a.id, b.id]);
  expect((await columns(page)).map((c) => c.href)).toEqual([`/levels/${a.id}/`, `/levels/${b.id}/`]);

  // Back goes to the previous choice, forward returns.
  const before = a.id;
  const c = l.levels.find((x) => x.id !== a.id && x.id !== b.id)!;
  await page.locator('#_pick-a').selectOption(c.id);
  await expect.poll(() => new URL(page.url()).search).toBe(`?a=${c.id}&b=${b.id}`);
  await page.goBack();
  await expect.poll(() => choice(page)).toEqual([before, b.id]);
  await expect.poll(async () => (await columns(page)).map((x) => x.href)).toEqual([`/levels/${a.id}/`, `/levels/${b.id}/`]);
});

it('ignores unknown levels in a URL and keeps the defaults', async () => {
  const session = await open();
  const page = await session.visit('/compare/?a=no/such-level&b=');
  await page.locator('#picker:not([hidden])').waitFor();
  const [a, b] = await choice(page);
  expect(ladder().level.has(a!)).toBe(true);
  expect(ladder().level.has(b!)).toBe(true);
  expect((await columns(page)).length).toBe(2);
});

it('shows the pre-built comparison of a grade with its tracks side by side', async () => {
  const l = ladder();
  const level = l.levels.find((x) => (l.levelsByFamilyGrade.get(x.family)?.get(x.grade)?.length ?? 0) > 1)!;
  const session = await open();
  const page = await session.visit(`/compare/${level.family}/${level.grade}/`);
  const heads = await page.locator('table.compare thead th').evaluateAll((ths) => ths.map((th) => th.getBoundingClientRect().toJSON() as DOMRect));
  const count = l.levelsByFamilyGrade.get(level.family)!.get(level.grade)!.length;
  expect(heads).toHaveLength(count);
  for (let i = 1; i < heads.length; i++) {
    expect(heads[i]!.left).toBeGreaterThanOrEqual(heads[i - 1]!.right - 1);
    expect(Math.abs(heads[i]!.top - heads[0]!.top)).toBeLessThan(2);
  }
});
