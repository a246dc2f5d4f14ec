/**
 * The web editor itself, as the admin page loads it (src/editor/load.ts):
 * Sveltia CMS from its npm package, bundled into the site by the build, with
 * Parity's file formats (src/editor/format.ts) and its preview that runs the
 * check (src/editor/preview.ts). Its configuration is the generated
 * /admin/config.yml (src/editor/config.ts).
 */
import CMS from '@sveltia/cms';
import { parse } from 'yaml';
import { apiOrigins, formatName, type EditorConfig } from './config.ts';
import { readEntry, writeEntry } from './format.ts';
import { registerPreviews } from './preview.ts';
import { SCHEMA_KINDS } from './schema.ts';

/**
 * Lets the page's own requests reach only this site and the Git host's API
 * that the configuration names (the editor checks a status page of its
 * own too, which it does without): what the page's Content-Security-Policy
 * also says, without a console error for each refusal.
 */
export function keepRequestsHome(origins: readonly string[]): void {
  const allowed = new Set([location.origin, ...origins]);
  const fetch = window.fetch.bind(window);
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (/^https?:$/.test(url.protocol) && !allowed.has(url.origin)) return Promise.reject(new TypeError(`The web editor does not connect to ${url.origin}`));
    return fetch(input, init);
  };
}

/**
 * The editor sets its own viewport with `maximum-scale=1`, which stops people
 * from zooming on a phone (WCAG 1.4.4): whatever it sets, zooming stays allowed.
 */
export function allowZoom(head: HTMLElement = document.head): void {
  const fix = () => {
    for (const meta of head.querySelectorAll<HTMLMetaElement>('meta[name="viewport"]')) {
      const content = meta.content
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part && !/^(maximum-scale|user-scalable)\s*=/.test(part))
        .join(', ');
      if (content !== meta.content) meta.content = content;
    }
  };
  new MutationObserver(fix).observe(head, { childList: true, subtree: true, attributes: true, attributeFilter: ['content'] });
  fix();
}

/** Starts the editor with the configuration at `configUrl`. */
export async function start(configUrl: string): Promise<void> {
  const response = await fetch(configUrl, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`${configUrl} answered ${response.status}`);
  const config = parse(await response.text()) as EditorConfig;
  keepRequestsHome(apiOrigins(config));
  allowZoom();
  for (const kind of SCHEMA_KINDS) {
    CMS.registerCustomFormat(formatName(kind), 'md', {
      fromFile: (text: string) => readEntry(kind, text),
      toFile: (value: unknown) => writeEntry(kind, value as Record<string, unknown>),
    });
  }
  registerPreviews(CMS, config);
  await CMS.init({ config: config as never });
}
