/**
 * The suite's own guard: a request to another host, a console error, a
 * missing file or a dialog is reported by every Session, and the other host is never
 * reached. (The other tests rely on this to prove that pages stay local.)
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launch, origin, Session } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

it('reports requests to other hosts, console errors, missing files and dialogs', async () => {
  // Past the pages' Content-Security-Policy, which would stop the image before any request (hostile.test.ts tests it).
  const session = await Session.open(browser, { bypassCSP: true });
  const page = await session.visit('/404.html');
  const loaded = await page.evaluate(async () => {
    const image = (src: string) =>
      new Promise<boolean>((done) => {
        const img = new Image();
        img.onload = () => done(true);
        img.onerror = () => done(false);
        img.src = src;
      });
    const remote = await image('https://example.com/tracker.png');
    await image('/no-such-file.png');
    console.error('boom');
    alert('a dialog');
    return remote;
  });
  await page.close();
  await session.close();
  expect(loaded).toBe(false);
  expect(session.problems.some((p) => p.startsWith('request to another host: https://example.com/tracker.png'))).toBe(true);
  expect(session.problems.some((p) => p.includes('console error') && p.includes('boom'))).toBe(true);
  expect(session.problems.some((p) => p.includes(`HTTP 404 on /404.html: ${origin}/no-such-file.png`))).toBe(true);
  expect(session.problems).toContain('a dialog (alert) on /404.html: a dialog');
});
