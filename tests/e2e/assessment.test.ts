/**
 * The self-assessment, used as an employee would: mark expectations, write
 * evidence, reload, export JSON and CSV, clear the browser's storage, import
 * each file back, clear, print; and /assess/ to pick a level. The worksheet
 * never makes a network request (every request after a page has loaded is
 * recorded and must be none), and still renders without JavaScript.
 */
import { readFileSync } from 'node:fs';
import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { levelExpectations } from '../../src/ladder/expectations.ts';
import type { Level } from '../../src/ladder/model.ts';
import { ladder, origin, PHONE, sessionPerTest } from './browser.ts';

const open = sessionPerTest();

/** A level with expectations in at least two competencies. */
function target(): Level {
  const l = ladder();
  return l.levels.find((x) => levelExpectations(x).filter((s) => s.expectations.length > 1).length > 1) ?? l.levels[0]!;
}

function expectationIds(level: Level): string[] {
  return levelExpectations(level).flatMap((s) => s.expectations.map((e) => e.id));
}

/** Evidence that a naive CSV or JSON writer would get wrong. */
const TRICKY = 'Led the "catalogue" redesign, then\nran the review; =SUM(A1) is text, 10% done — Zoë';

/**
 * Every request a page makes from now on, other than the navigations the
 * test asks for and the site icon (which the browser fetches on its own,
 * whenever it likes).
 */
function recordRequests(page: Page): Request[] {
  const seen: Request[] = [];
  page.on('request', (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) return;
    if (new URL(request.url()).pathname.endsWith('/favicon.svg')) return;
    seen.push(request);
  });
  return seen;
}

async function answers(page: Page, ids: string[]) {
  return page.evaluate((list) => {
    return list.map((id) => {
      const fieldset = document.querySelector(`fieldset.ws-item[data-id="${id}"]`)!;
      return {
        id,
        rating: (fieldset.querySelector('input[type="radio"]:checked') as HTMLInputElement | null)?.value ?? null,
        evidence: (fieldset.querySelector('textarea') as HTMLTextAreaElement).value,
      };
    });
  }, ids);
}

/** Fills three answers through the page, as a person would: clicking labels and typing. */
async function fill(page: Page, ids: string[]) {
  const item = (id: string) => page.locator(`fieldset.ws-item[data-id="${id}"]`);
  await item(ids[0]!).getByText('Consistently', { exact: true }).click();
  await item(ids[0]!).locator('textarea').fill(TRICKY);
  await item(ids[1]!).getByText('Sometimes', { exact: true }).click();
  await item(ids.at(-1)!).getByText('Not yet', { exact: true }).click();
  await item(ids.at(-1)!).locator('textarea').fill('Not yet: no example.');
  return [
    { id: ids[0]!, rating: 'consistently', evidence: TRICKY },
    { id: ids[1]!, rating: 'sometimes', evidence: '' },
    { id: ids.at(-1)!, rating: 'not-yet', evidence: 'Not yet: no example.' },
  ];
}

const empty = (ids: string[]) => ids.map((id) => ({ id, rating: null, evidence: '' }));
const withFilled = (ids: string[], filled: { id: string; rating: string | null; evidence: string }[]) =>
  ids.map((id) => filled.find((f) => f.id === id) ?? { id, rating: null, evidence: '' });

describe('the worksheet', () => {
  it('keeps the answers in this browser across a reload, without a single network request', async () => {
    const level = target();
    const ids = expectationIds(level);
    const session = await open();
    const page = await session.visit(`/levels/${level.id}/assess/`);
    const requests = recordRequests(page);
    await expect.poll(() => page.locator('#_ws-tools').isVisible()).toBe(true);
    expect(await answers(page, ids)).toEqual(empty(ids));
    const filled = await fill(page, ids);
    expect(await page.locator('#_ws-saved').innerText()).toMatch(
      /^3 of \d+ expectations rated \(1 consistently, 1 sometimes, 1 not yet\)\. Kept in this browser/,
    );
    const stored = await page.evaluate(() => Object.entries(localStorage));
    expect(stored.map(([key]) => key)).toEqual([`parity-assessment:/${level.id}`]);
    expect(JSON.parse(stored[0]![1]).expectations.find((e: { id: string }) => e.id === ids[0]).evidence).toBe(TRICKY);
    expect(requests.map((r) => r.url())).toEqual([]);

    await page.reload({ waitUntil: 'load' });
    expect(await answers(page, ids)).toEqual(withFilled(ids, filled));
    // The reload fetched the page and its own files again, from this origin, and nothing else.
    for (const r of requests) {
      expect(r.url().startsWith(origin), r.url()).toBe(true);
      expect(['fetch', 'xhr', 'websocket', 'eventsource', 'ping', 'beacon']).not.toContain(r.resourceType());
    }
  });

  it('round-trips through JSON and CSV export and import, after the storage is cleared', async () => {
    const level = target();
    const ids = expectationIds(level);
    const session = await open({ acceptDownloads: true });
    const page = await session.visit(`/levels/${level.id}/assess/`);
    await expect.poll(() => page.locator('#_ws-tools').isVisible()).toBe(true);
    const filled = await fill(page, ids);
    const requests = recordRequests(page);

    const exported: Record<string, string> = {};
    for (const [format, button] of [
      ['json', '#_ws-export-json'],
      ['csv', '#_ws-export-csv'],
    ] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator(button).click()]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^self-assessment-${level.id.replace('/', '-')}-\\d{4}-\\d{2}-\\d{2}\\.${format}$`));
      exported[format] = readFileSync((await download.path())!, 'utf8');
    }
    const json = JSON.parse(exported.json!);
    expect(json).toMatchObject({ format: 'parity-self-assessment', version: 1, level: level.id, title: level.title });
    expect(json.expectations.map((e: { id: string }) => e.id)).toEqual(ids);
    expect(exported.csv!.startsWith('\uFEFFlevel,competency,expectation_id,expectation,rating,evidence\r\n')).toBe(true);
    expect(exported.csv).toContain(`"${TRICKY.replace(/"/g, '""').replace('=SUM', '=SUM')}"`);
    expect(exported.csv).toContain(',Consistently,');

    for (const format of ['json', 'csv'] as const) {
      await page.evaluate(() => localStorage.clear());
      await page.reload({ waitUntil: 'load' });
      expect(await answers(page, ids), `${format}: cleared`).toEqual(empty(ids));
      await page
        .locator('#_ws-import')
        .setInputFiles({ name: `answers.${format}`, mimeType: format === 'json' ? 'application/json' : 'text/csv', buffer: Buffer.from(exported[format]!) });
      await expect.poll(() => page.locator('#_ws-status').innerText()).toMatch(new RegExp(`^answers\\.${format}: Imported ${ids.length} expectations\\.$`));
      expect(await answers(page, ids), format).toEqual(withFilled(ids, filled));
      // Imported answers are kept, too.
      await page.reload({ waitUntil: 'load' });
      expect(await answers(page, ids), `${format}: after reload`).toEqual(withFilled(ids, filled));
    }
    for (const r of requests) expect(['fetch', 'xhr', 'websocket', 'eventsource', 'ping', 'beacon'], r.url()).not.toContain(r.resourceType());
    expect(requests.filter((r) => !r.url().startsWith(origin))).toEqual([]);
  });

  it('refuses a malformed file, or one of another level, with a message, and changes nothing', async () => {
    const l = ladder();
    const level = target();
    const other = l.levels.find((x) => x.id !== level.id)!;
    const ids = expectationIds(level);
    const session = await open();
    const page = await session.visit(`/levels/${level.id}/assess/`);
    await expect.poll(() => page.locator('#_ws-tools').isVisible()).toBe(true);
    const filled = await fill(page, ids);
    const requests = recordRequests(page);
    const cases = [
      { name: 'notes.json', text: '{"format": "parity-self-assessment", ', message: /not a valid JSON file.*Nothing was imported/ },
      { name: 'other.csv', text: 'name,score\nx,1\n', message: /not a self-assessment exported from this site.*Nothing was imported/ },
      {
        name: 'theirs.json',
        text: JSON.stringify({ format: 'parity-self-assessment', version: 1, level: other.id, title: other.title, expectations: [] }),
        message: new RegExp(`a self-assessment of "${other.title}" \\(${other.id}\\), not of ${level.title}`),
      },
    ];
    for (const c of cases) {
      await page.locator('#_ws-import').setInputFiles({ name: c.name, mimeType: 'text/plain', buffer: Buffer.from(c.text) });
      await expect.poll(() => page.locator('#_ws-status').innerText(), { message: c.name }).toMatch(c.message);
      expect(await answers(page, ids)).toEqual(withFilled(ids, filled));
    }
    expect(requests.map((r) => r.url())).toEqual([]);
  });

  it('clears every answer once the reader confirms', async () => {
    const level = target();
    const ids = expectationIds(level);
    const session = await open();
    const page = await session.visit(`/levels/${level.id}/assess/`);
    await expect.poll(() => page.locator('#_ws-tools').isVisible()).toBe(true);
    await fill(page, ids);
    page.once('dialog', (dialog) => void dialog.dismiss());
    await page.locator('#_ws-reset').click();
    expect((await answers(page, ids)).filter((a) => a.rating !== null)).toHaveLength(3);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.locator('#_ws-reset').click();
    expect(await answers(page, ids)).toEqual(empty(ids));
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    await expect.poll(() => page.locator('#_ws-status').innerText()).toBe('Every answer was cleared from this browser.');
  });

  it('prints as a worksheet: choices as boxes, evidence as ruled boxes, no buttons, answers included', async () => {
    const level = target();
    const ids = expectationIds(level);
    const session = await open();
    const page = await session.visit(`/levels/${level.id}/assess/`);
    await expect.poll(() => page.locator('#_ws-tools').isVisible()).toBe(true);
    await fill(page, ids);
    await page.emulateMedia({ media: 'print' });
    const look = await page.evaluate(() => {
      const radio = document.querySelector('.ws-rating input') as HTMLElement;
      const textarea = document.querySelector('.ws-evidence') as HTMLTextAreaElement;
      const s = getComputedStyle(textarea);
      return {
        tools: getComputedStyle(document.getElementById('_ws-tools')!).display,
        privacy: getComputedStyle(document.querySelector('.privacy')!).display,
        header: getComputedStyle(document.querySelector('.site-header')!).display,
        radioAppearance: getComputedStyle(radio).appearance,
        radioBorder: getComputedStyle(radio).borderTopStyle,
        radioRadius: getComputedStyle(radio).borderTopLeftRadius,
        ruled: s.backgroundImage.includes('linear-gradient'),
        evidenceBorder: s.borderTopStyle,
        evidenceHeight: textarea.getBoundingClientRect().height,
        first: (document.querySelector('.ws-evidence') as HTMLTextAreaElement).value,
      };
    });
    expect(look).toMatchObject({
      tools: 'none',
      privacy: 'none',
      header: 'none',
      radioAppearance: 'none',
      radioBorder: 'solid',
      radioRadius: '0px',
      ruled: true,
      evidenceBorder: 'solid',
    });
    expect(look.evidenceHeight).toBeGreaterThan(40);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('without JavaScript', () => {
  it('shows the whole worksheet as an empty printable form, and every level on /assess/', async () => {
    const level = target();
    const session = await open({ javaScriptEnabled: false });
    const page = await session.visit(`/levels/${level.id}/assess/`);
    expect(await page.locator('#_ws-tools').isVisible()).toBe(false);
    expect(await page.locator('fieldset.ws-item').count()).toBe(expectationIds(level).length);
    expect(await page.locator('input[type="radio"]:checked').count()).toBe(0);
    expect(await page.locator('noscript').first().textContent()).toContain('print this page');
    const assess = await session.visit('/assess/');
    expect(await assess.locator('#_assess-picker').isVisible()).toBe(false);
    const links = await assess.locator('main a:visible').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const l of ladder().levels) expect(links).toContain(`/levels/${l.id}/assess/`);
  });
});

describe('/assess/', () => {
  it('picks a track and a level, opens its worksheet, and lists the worksheets this browser keeps', async () => {
    const l = ladder();
    const level = target();
    const track = l.track.get(level.track)!;
    const session = await open({ viewport: PHONE });
    const sheet = await session.visit(`/levels/${level.id}/assess/`);
    await expect.poll(() => sheet.locator('#_ws-tools').isVisible()).toBe(true);
    await fill(sheet, expectationIds(level));
    const page = await session.visit('/assess/');
    const requests = recordRequests(page);
    await expect.poll(() => page.locator('#_assess-kept').isVisible()).toBe(true);
    expect(await page.locator('#_assess-kept-list').innerText()).toContain(
      `${level.title} (grade ${level.grade}): 3 of ${expectationIds(level).length} expectations rated`,
    );
    await page.getByLabel('Track').selectOption(track.id);
    await page.getByLabel('Level').selectOption(level.id);
    expect(await page.getByLabel('Level').locator('option').count()).toBe(l.levelsByTrack.get(track.id)!.length);
    await Promise.all([page.waitForURL(`${origin}/levels/${level.id}/assess/`), page.getByRole('button', { name: 'Open the worksheet' }).click()]);
    expect(requests.filter((r) => r.resourceType() !== 'document' && !r.url().startsWith(origin))).toEqual([]);
  });
});
