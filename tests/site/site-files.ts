/**
 * Reading a built site in tests: its HTML files parsed with linkedom, the
 * links of every page, and whether a link (with its #anchor) resolves.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';

export const ORIGIN = 'http://site.test';

export interface SiteOptions {
  /** The base path the site is published under ("/" or "/careers/"). */
  base?: string;
  /** The origin links are resolved against; links to other origins are external. */
  origin?: string;
}

export class Site {
  readonly dir: string;
  readonly base: string;
  readonly origin: string;
  #documents = new Map<string, Document>();

  constructor(dir: string, options: SiteOptions = {}) {
    this.dir = dir;
    this.base = options.base ?? '/';
    this.origin = options.origin ?? ORIGIN;
  }

  /** Every HTML file, as the URL path that serves it ("/", "/levels/a/b/", "/404.html"). */
  pages(): string[] {
    const out: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) {
          if (name !== 'pagefind' && name !== '_astro') walk(path);
        } else if (name.endsWith('.html')) {
          const rel = `${this.base}${relative(this.dir, path).replace(/\\/g, '/')}`;
          out.push(rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel);
        }
      }
    };
    walk(this.dir);
    return out.sort();
  }

  /** The file that serves a URL path (under the base), if there is one. */
  file(pathname: string): string | undefined {
    if (!pathname.startsWith(this.base)) return undefined;
    const decoded = decodeURIComponent(pathname.slice(this.base.length - 1));
    const candidate = join(this.dir, decoded.endsWith('/') ? `${decoded}index.html` : decoded);
    return existsSync(candidate) && statSync(candidate).isFile() ? candidate : undefined;
  }

  has(pathname: string): boolean {
    return this.file(pathname) !== undefined;
  }

  text(pathname: string): string {
    const file = this.file(pathname);
    if (!file) throw new Error(`${pathname} was not built`);
    return readFileSync(file, 'utf8');
  }

  /** The parsed page at a URL path. */
  page(pathname: string): Document {
    let doc = this.#documents.get(pathname);
    if (!doc) {
      doc = parseHTML(this.text(pathname)).document as unknown as Document;
      this.#documents.set(pathname, doc);
    }
    return doc;
  }

  /** Hrefs of the links in a part of a page, as URL paths (with #hash when present). */
  links(pathname: string, selector = 'a[href]', within?: Element | Document): string[] {
    const root = within ?? this.page(pathname);
    return [...root.querySelectorAll(selector)].map((a) => {
      const url = new URL(a.getAttribute('href') ?? a.getAttribute('src') ?? a.getAttribute('action') ?? '', `${this.origin}${pathname}`);
      return url.origin === this.origin ? `${url.pathname}${url.hash}` : url.href;
    });
  }
}

/** Every internal link and #anchor of every built page that does not resolve. */
export function brokenLinks(site: Site): string[] {
  const broken: string[] = [];
  for (const page of site.pages()) {
    const targets = [
      ...site.links(page, 'a[href]'),
      ...site.links(page, 'link[href]'),
      ...site.links(page, 'script[src]'),
      ...site.links(page, 'form[action]'),
    ];
    for (const target of targets) {
      if (/^[a-z]+:/.test(target)) continue; // another origin
      const [path, hash] = target.split('#') as [string, string | undefined];
      if (!site.has(path)) {
        broken.push(`${page} → ${target} (no such page)`);
        continue;
      }
      if (hash && path.endsWith('/') && !site.page(path).getElementById(decodeURIComponent(hash))) {
        broken.push(`${page} → ${target} (no such anchor)`);
      }
    }
  }
  return broken;
}
