/**
 * Driving Debian's Chromium for the browser tests: one browser per test file,
 * contexts that refuse any request leaving 127.0.0.1 and record console
 * errors, the list of built pages, and auditing a few pages at once.
 */
import { readdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { check } from '../../src/ladder/check.ts';
import { equivalents, nextLevel, type Ladder } from '../../src/ladder/model.ts';

/** A built site served by the global setup, and the content it was built from. */
export interface Site {
  origin: string;
  siteDir: string;
  contentDir: string;
}

/** The sample (the Northwind fixture): most test files audit it. */
export const sample: Site = { origin: inject('origin'), siteDir: inject('siteDir'), contentDir: inject('contentDir') };
/** The wide ladder of tests/e2e/wide.ts: nine and twelve tracks, twelve grades, long titles. */
export const wide: Site = { origin: inject('wideOrigin'), siteDir: inject('wideSiteDir'), contentDir: inject('wideContentDir') };

export const origin = sample.origin;
export const siteDir = sample.siteDir;

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      // Any other host fails to resolve: nothing leaves the machine even when a page tries (the test reports it).
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
}

const models = new Map<string, Ladder>();
/** The ladder a site was built from (the sample's by default), read by the core like the build did. */
export function ladder(site: Site = sample): Ladder {
  let model = models.get(site.contentDir);
  if (!model) {
    const result = check(site.contentDir);
    if (!result.ok) throw new Error(`the ladder in ${site.contentDir} has errors`);
    model = result.ladder;
    models.set(site.contentDir, model);
  }
  return model;
}

/**
 * Every built HTML page, as the path that serves it ("/", "/levels/a/b/",
 * "/404.html"), the web editor's page (/admin/) included: it is a page of
 * the site like any other, held to the same guard (no request to another
 * host, no console error), the same audit and the same phone layout.
 */
export function sitePages(dir: string = siteDir): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split('\\').join('/'))
    .filter((file) => file.endsWith('.html') && !file.startsWith('pagefind/') && !file.startsWith('_astro/'))
    .map((file) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`)
    .sort();
}

/** Pages that use the site's layout (header, navigation, main, footer). */
export const layoutPages = () => sitePages().filter((path) => !path.startsWith('/admin/'));

/**
 * A browser context that records, in `problems`, every request to another
 * host than 127.0.0.1 (which fails anyway: the browser resolves no other
 * host, see `launch()`), every console error, uncaught exception, dialog,
 * failed or 4xx/5xx local request. A test ends with `expect(problems).toEqual([])`.
 */
export class Session {
  readonly problems: string[] = [];
  readonly context: BrowserContext;
  /** The site it visits: the sample's (`origin`), or another one such as the hostile ladder's. */
  readonly origin: string;

  private constructor(context: BrowserContext, base: string) {
    this.context = context;
    this.origin = base;
  }

  static async open(browser: Browser, options: BrowserContextOptions = {}, base: string = origin): Promise<Session> {
    const context = await browser.newContext({ viewport: DESKTOP, ...options });
    const session = new Session(context, base);
    context.on('request', (request) => {
      const url = new URL(request.url());
      if (['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol) && url.hostname !== '127.0.0.1')
        session.problems.push(`request to another host: ${request.url()}`);
    });
    context.on('page', (page) => session.watch(page));
    return session;
  }

  private watch(page: Page): void {
    const where = () => page.url().replace(this.origin, '') || page.url();
    page.on('console', (message) => {
      if (message.type() === 'error') this.problems.push(`console error on ${where()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => this.problems.push(`uncaught exception on ${where()}: ${error.message}`));
    // A dialog that the test does not wait for (with a handler of its own, such as the worksheet's
    // "clear every answer?") is a problem: a script that content wrote (hostile.test.ts).
    page.on('dialog', (dialog) => {
      if ((page as unknown as { listenerCount(event: string): number }).listenerCount('dialog') > 1) return;
      this.problems.push(`a dialog (${dialog.type()}) on ${where()}: ${dialog.message()}`);
      void dialog.dismiss().catch(() => undefined);
    });
    page.on('requestfailed', (request) => {
      // ERR_ABORTED: cancelled because the page moved on (a favicon still loading when the next page is opened).
      if (new URL(request.url()).hostname === '127.0.0.1' && request.failure()?.errorText !== 'net::ERR_ABORTED')
        this.problems.push(`request failed on ${where()}: ${request.url()} (${request.failure()?.errorText})`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400 && new URL(response.url()).hostname === '127.0.0.1')
        this.problems.push(`HTTP ${response.status()} on ${where()}: ${response.url()}`);
    });
  }

  /** A new page at `path`, loaded. */
  async visit(path: string, options: Media = {}): Promise<Page> {
    const page = await this.context.newPage();
    if (options.colorScheme || options.media) await page.emulateMedia(options);
    await go(page, path, this.origin);
    return page;
  }

  /**
   * Loads every path in one of `width` pages (reused from one path to the
   * next: opening a page costs more than loading one) and runs `check` on it.
   */
  async each(paths: readonly string[], width: number, check: (page: Page, path: string) => Promise<void>, options: Media = {}): Promise<void> {
    const pages: Page[] = [];
    let next = 0;
    const worker = async () => {
      const page = await this.context.newPage();
      pages.push(page);
      if (options.colorScheme || options.media) await page.emulateMedia(options);
      while (next < paths.length) {
        const path = paths[next++]!;
        await go(page, path, this.origin);
        await check(page, path);
      }
    };
    await Promise.all(Array.from({ length: Math.min(width, paths.length) }, worker));
    await Promise.all(pages.map((page) => page.close()));
  }

  close(): Promise<void> {
    return this.context.close();
  }
}

interface Media {
  colorScheme?: 'light' | 'dark';
  media?: 'screen' | 'print';
}

async function go(page: Page, path: string, base: string): Promise<void> {
  const response = await page.goto(base + path, { waitUntil: 'load' });
  if (!response?.ok()) throw new Error(`${path}: HTTP ${response?.status()}`);
}

/** How many pages to audit at once: two cores keep three busy (one loads while two run). */
export const WIDTH = 3;

/** One page of every kind the site has, from its ladder (the keyboard, print and screenshot tests). */
export function samplePages(l: Ladder = ladder()): Record<string, string> {
  // A level with a next level and an equivalent: the richest level page.
  const level = l.levels.find((x) => nextLevel(l, x) && equivalents(l, x).length > 0) ?? l.levels.find((x) => nextLevel(l, x)) ?? l.levels[0]!;
  const grade = l.levels.find((x) => equivalents(l, x).length > 0) ?? level;
  const pages: Record<string, string> = {
    home: '/',
    family: `/families/${l.families[0]!.id}/`,
    track: `/tracks/${level.track}/`,
    level: `/levels/${level.id}/`,
    compare: '/compare/',
    'compare-grade': `/compare/${grade.family}/${grade.grade}/`,
    parity: '/parity/',
    search: '/search/',
    'not-found': '/404.html',
  };
  if (nextLevel(l, level)) pages.promotion = `/levels/${level.id}/next/`;
  if (l.competencies[0]) pages.competency = `/competencies/${l.competencies[0].id}/`;
  return pages;
}

/**
 * For a test file whose tests each open one session: launches the browser
 * once for the file, and after each test closes that test's session and
 * asserts it saw no problem (a request off the machine, a console error).
 * Call at the top of the file; the function it returns opens the session
 * (on `base`, or on the origin it is given).
 */
export function sessionPerTest(base: string = origin): (options?: BrowserContextOptions, site?: string) => Promise<Session> {
  let browser: Browser | undefined;
  let current: Session | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    const session = current;
    current = undefined;
    if (!session) return;
    const problems = session.problems.splice(0);
    await session.close();
    expect(problems).toEqual([]);
  });
  return async (options, site = base) => {
    if (!browser) throw new Error('sessionPerTest(): the browser is not launched yet');
    current = await Session.open(browser, options, site);
    return current;
  };
}
