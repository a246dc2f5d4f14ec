/**
 * The web editor at /admin/, used as an HR editor would on a copy of the
 * ladder with no GitHub account: "Work with Local Repository" on this
 * computer's address, with the folder handed to the page as the browser's
 * folder picker would (tests/e2e/folder.ts). It lists the families, tracks
 * and levels (levels by grade), shows what `ladder check` says while a value
 * is typed, and a save changes the files on disk where they were edited and
 * nowhere else. And when the editor's program cannot be loaded, the page says
 * so in words.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { diffLines } from 'diff';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, expect, inject, it } from 'vitest';
import type { EditorConfig } from '../../src/editor/config.ts';
import { fileShape } from '../../src/editor/schema.ts';
import { ladder, sessionPerTest, siteDir } from './browser.ts';
import { filesBelow, grantFolder } from './folder.ts';

const open = sessionPerTest();
/** The hostile ladder's site: its ladder.md names a GitHub repository. */
const openWithRepository = sessionPerTest(inject('hostileOrigin'));
const contentDir = inject('contentDir');
const work = mkdtempSync(join(tmpdir(), 'parity-editor-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * Format 1.1 sets pay once per grade, on the family (issue 12); before it, and
 * in a ladder that still does, on each level. The test raises a grade's pay
 * where the ladder it edits sets it.
 */
const FAMILY_BANDS =
  fileShape('family').some((f) => f.name === 'bands') && /^bands:\n {2}1:/m.test(readFileSync(join(contentDir, 'families/engineering.md'), 'utf8'));

/**
 * A copy of the ladder laid out as its repository is: the content folder at
 * the path the editor's configuration names, a .git folder at the top (what
 * the editor looks for in the folder it is given).
 */
function localCopy(): { root: string; content: string } {
  const config = parse(readFileSync(join(siteDir, 'admin/config.yml'), 'utf8')) as EditorConfig;
  const ladderFile = config.collections.find((c) => c.name === 'ladder')!.files![0]!.file;
  const root = mkdtempSync(join(work, 'repo-'));
  mkdirSync(join(root, '.git'));
  const content = join(root, dirname(ladderFile));
  cpSync(contentDir, content, { recursive: true });
  return { root, content };
}

/** The lines each file lost and gained, for every file that changed. */
function changed(before: Record<string, string>, after: Record<string, string>): Record<string, { removed: string[]; added: string[] }> {
  const out: Record<string, { removed: string[]; added: string[] }> = {};
  for (const path of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (before[path] === after[path]) continue;
    const removed: string[] = [];
    const added: string[] = [];
    for (const part of diffLines(before[path] ?? '', after[path] ?? '')) {
      const lines = part.value.replace(/\n$/, '').split('\n');
      if (part.removed) removed.push(...lines);
      if (part.added) added.push(...lines);
    }
    out[path] = { removed, added };
  }
  return out;
}

/** A name as the editor shows it: whole, perhaps wrapped in invisible bidi isolates, then `suffix`. */
function shown(name: string, suffix = ''): RegExp {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\u2068?${escape(name)}\\u2069?${escape(suffix)}$`);
}

/** Opens a collection from the list of collections; the names of its entries, in the order shown. */
async function openCollection(page: Page, label: string): Promise<string[]> {
  await page.getByRole('treeitem', { name: label, exact: true }).click();
  await page.getByRole('main', { name: shown(label, ' Collection') }).waitFor();
  const rows = page.getByRole('grid', { name: 'Entries' }).getByRole('row');
  return (await rows.allInnerTexts()).map((t) => t.trim()).filter(Boolean);
}

async function openEntry(page: Page, name: string): Promise<void> {
  await page.getByRole('grid', { name: 'Entries' }).getByText(name, { exact: true }).click();
  await page.getByRole('button', { name: 'Save', exact: true }).waitFor();
}

/** How long the preview may take to check again after a keystroke, on a busy machine. */
const SLOW = { timeout: 15_000 };

/** What the preview pane says: the check's summary and findings. */
async function checkSays(page: Page): Promise<string> {
  return page.frameLocator('iframe').first().locator('.parity-check').innerText();
}

/** Saves the entry, and waits until its file on disk (`path` in `content`) has changed. */
async function save(page: Page, content: string, path: string): Promise<void> {
  const file = join(content, path);
  const was = readFileSync(file, 'utf8');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => readFileSync(file, 'utf8'), SLOW).not.toBe(was);
}

it('edits a local copy of the ladder: lists it, checks as one types, and saves only what was edited', async () => {
  const session = await open({ viewport: { width: 1280, height: 3000 } });
  const { root, content } = localCopy();
  const before = filesBelow(content);
  await grantFolder(session.context, root);
  const page = await session.visit('/admin/');
  await page.getByRole('button', { name: 'Work with Local Repository' }).click();

  const l = ladder();
  // Families, tracks, and each track's levels by grade.
  expect((await openCollection(page, 'Families')).sort()).toEqual(l.families.map((f) => f.name).sort());
  expect((await openCollection(page, 'Tracks')).sort()).toEqual(l.tracks.map((t) => t.name).sort());
  for (const track of l.tracks) {
    const levels = l.levelsByTrack.get(track.id)!;
    expect(await openCollection(page, `Levels: ${track.name}`)).toEqual(levels.map((v) => `Grade ${v.grade}: ${v.title}`));
  }

  const staff = l.levels.find((v) => v.id === 'engineering-ic/staff-engineer')!;
  const manager = l.levels.find((v) => v.id === 'engineering-management/engineering-manager')!;
  const expected: Record<string, { removed: string[]; added: string[] }> = {};

  if (FAMILY_BANDS) {
    // Format 1.1: a grade's pay is raised once, in its family's band, for every track.
    await openCollection(page, 'Families');
    await openEntry(page, 'Engineering');
    await page.getByRole('button', { name: 'Expand', exact: true }).nth(3).click();
    const min = page.getByRole('spinbutton', { name: 'Min' }).first();
    expect(await min.inputValue()).toBe('185000');
    await min.fill('300000');
    await expect.poll(() => checkSays(page), SLOW).toMatch(/refuse this change[\s\S]*pay\/inverted/);
    await min.fill('195000');
    await expect.poll(() => checkSays(page), SLOW).toContain('finds no problem in families/engineering.md');
    await save(page, content, 'families/engineering.md');
    expect(changed(before, filesBelow(content))['families/engineering.md']).toEqual({ removed: ['    min: 185000'], added: ['    min: 195000'] });
    expected['families/engineering.md'] = { removed: ['    min: 185000'], added: ['    min: 195000'] };
  }

  // A level: a deliberate parity break is shown before saving, with its counterpart; undone, the check is clean.
  await openCollection(page, `Levels: ${l.track.get('engineering-ic')!.name}`);
  await openEntry(page, `Grade ${staff.grade}: ${staff.title}`);
  const budget = page.getByRole('spinbutton', { name: 'Budget' });
  await budget.fill(String(staff.authority.budget + 10000));
  await expect
    .poll(() => checkSays(page), SLOW)
    .toMatch(/refuse this change \(2 errors\)[\s\S]*parity\/authority[\s\S]*Caused in other files[\s\S]*engineering-manager\.md[\s\S]*parity\/authority/);
  await budget.fill(String(staff.authority.budget));
  await expect.poll(() => checkSays(page), SLOW).toContain('finds no problem in levels/engineering-ic/staff-engineer.md');
  // A section rewritten.
  const body = page.getByRole('textbox', { name: /Expectations/ });
  const old = '- Prototypes or builds the hardest parts of critical projects personally when that is the fastest way to reduce risk.';
  const rewritten = '- Prototypes or builds, with the team, the hardest parts of critical projects when that is the fastest way to reduce risk.';
  expect(await body.inputValue()).toContain(old);
  await body.fill((await body.inputValue()).replace(old, rewritten));
  expected['levels/engineering-ic/staff-engineer.md'] = { removed: [old], added: [rewritten] };
  if (!FAMILY_BANDS) {
    // Format 1.0: pay is on each level; raising one is a parity break until its counterpart follows.
    await page.getByRole('spinbutton', { name: 'Min' }).fill('195000');
    await expect
      .poll(() => checkSays(page), SLOW)
      .toMatch(/line \d+, column \d+: Pay band \D*195,?000\D*240,?000 differs from Engineering Manager[\s\S]*parity\/pay/);
    expected['levels/engineering-ic/staff-engineer.md'] = { removed: ['  min: 185000', old], added: ['  min: 195000', rewritten] };
  }
  await save(page, content, 'levels/engineering-ic/staff-engineer.md');

  if (!FAMILY_BANDS) {
    await openCollection(page, `Levels: ${l.track.get('engineering-management')!.name}`);
    await openEntry(page, `Grade ${manager.grade}: ${manager.title}`);
    await page.getByRole('spinbutton', { name: 'Min' }).fill('195000');
    await expect.poll(() => checkSays(page), SLOW).toContain('finds no problem in levels/engineering-management/engineering-manager.md');
    await save(page, content, 'levels/engineering-management/engineering-manager.md');
    expected['levels/engineering-management/engineering-manager.md'] = { removed: ['  min: 185000'], added: ['  min: 195000'] };
  }

  // On disk: those lines of those files, and nothing else.
  expect(changed(before, filesBelow(content))).toEqual(expected);
}, 180_000);

it("says in words what to do when the editor's program cannot be loaded", async () => {
  const session = await open();
  const html = readFileSync(join(siteDir, 'admin/index.html'), 'utf8');
  const loader = /<script[^>]+src="([^"]+)"/.exec(html)![1]!;
  // Everything of the site's scripts but the page's own small loader is refused, as a proxy or an extension would.
  await session.context.route('**/_astro/**', (route) =>
    new URL(route.request().url()).pathname === loader ? route.continue() : route.abort('blockedbyclient'),
  );
  const page = await session.visit('/admin/');
  const failure = page.locator('#editor-failed');
  await failure.waitFor({ state: 'visible' });
  expect(await page.locator('#editor-status').isHidden()).toBe(true);
  expect(await failure.getByRole('heading', { level: 1 }).innerText()).toBe('The editor could not be loaded');
  const text = await failure.innerText();
  expect(text).toContain('Reload the page');
  expect(text).toMatch(/proxy or firewall, a browser extension/);
  expect(text).toMatch(/edit its files .* and open a\s+pull request/);
  // The refusals this test made are the only problems the page met.
  const problems = session.problems.splice(0);
  expect(problems.length).toBeGreaterThan(0);
  expect(problems.every((p) => /ERR_BLOCKED_BY_CLIENT|Failed to fetch dynamically imported module|Failed to load resource/.test(p))).toBe(true);
});

it('starts on a ladder that names a repository, offering GitHub sign-in, and asks no other host for anything until someone signs in', async () => {
  const session = await openWithRepository();
  const page = await session.visit('/admin/');
  await page.getByRole('button', { name: /^Sign In with \u2068?GitHub\u2069?$/ }).waitFor();
  await page.getByRole('button', { name: /Sign In Using Access Token/ }).waitFor();
  // The editor checks GitHub's status page as it starts; that request is kept home, and the page says nothing of it.
  await page.waitForTimeout(1000);
  expect(session.problems).toEqual([]);
});
