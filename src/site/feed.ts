/**
 * The Atom feed of the ladder's changes (/changes.xml, RFC 4287), built from
 * the history. Framework-free: the endpoint passes the URLs, the tests parse
 * the result.
 */
import { createHash } from 'node:crypto';
import type { HistoryEntry, HistoryItem } from '../git/history.ts';

export interface FeedOptions {
  ladderName: string;
  entries: readonly HistoryEntry[];
  /** The URL of /changes/ (absolute when the site's URL is known, else a path). */
  pageUrl: string;
  /** The URL of /changes.xml itself. */
  selfUrl: string;
  /** The absolute URL of /changes/, when the site's URL is known: then it is the feed's id. */
  absolutePageUrl?: string;
  /** The URL of an item's page (a level, a track ...), if it still has one. */
  itemUrl: (item: HistoryItem) => string | undefined;
  /** The anchor of an entry on /changes/. */
  anchor: (entry: HistoryEntry) => string;
  /** When there are no entries: the feed's `updated`. */
  now?: Date;
}

export function atomFeed(options: FeedOptions): string {
  const { entries } = options;
  const updated = entries[0]?.date ?? (options.now ?? new Date()).toISOString();
  const feedId = options.absolutePageUrl ?? uuidUrn(`parity-changes\n${options.ladderName}`);
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xml(feedId)}</id>`,
    `  <title>${xml(`${options.ladderName}: changes`)}</title>`,
    `  <subtitle>${xml(`What changed in ${options.ladderName}: levels, pay bands, authority and expectations.`)}</subtitle>`,
    `  <updated>${xml(rfc3339(updated))}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(options.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(options.pageUrl)}"/>`,
    `  <author><name>${xml(options.ladderName)}</name></author>`,
    '  <generator>Parity</generator>',
  ];
  for (const entry of entries) {
    const link = `${options.pageUrl}#${options.anchor(entry)}`;
    const id = options.absolutePageUrl
      ? `${options.absolutePageUrl}#${options.anchor(entry)}`
      : uuidUrn(`parity-change\n${options.ladderName}\n${entry.commit}`);
    lines.push(
      '  <entry>',
      `    <id>${xml(id)}</id>`,
      `    <title>${xml(entry.subject || entry.summary)}</title>`,
      `    <updated>${xml(rfc3339(entry.date))}</updated>`,
      `    <link rel="alternate" type="text/html" href="${xml(link)}"/>`,
      `    <summary>${xml(entry.summary)}</summary>`,
      `    <content type="html">${xml(entryHtml(entry, options.itemUrl))}</content>`,
      '  </entry>',
    );
  }
  lines.push('</feed>');
  return `${lines.join('\n')}\n`;
}

/** The entry's changes as a small HTML fragment (escaped again by the caller as Atom's html content). */
function entryHtml(entry: HistoryEntry, itemUrl: (item: HistoryItem) => string | undefined): string {
  const parts = [`<p>${html(entry.summary)}.</p>`];
  if (entry.items.length > 0) {
    parts.push('<ul>');
    for (const item of entry.items) {
      const url = itemUrl(item);
      const name = url ? `<a href="${html(url)}">${html(item.name)}</a>` : html(item.name);
      parts.push(`<li>${name}: ${item.phrases.map(html).join(' ')}</li>`);
    }
    parts.push('</ul>');
  }
  return parts.join('');
}

/** Git's ISO dates are RFC 3339 already; anything else goes through Date. */
function rfc3339(date: string): string {
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(date)) return date;
  const parsed = new Date(date);
  return Number.isNaN(parsed.getTime()) ? new Date(0).toISOString() : parsed.toISOString();
}

/** A stable urn:uuid (name-based, SHA-1, version 5 layout) for a name: feed and entry ids without a site URL. */
export function uuidUrn(name: string): string {
  const hex = createHash('sha1').update(name).digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text for XML, without characters that XML 1.0 forbids. */
export function xml(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const html = (text: string) => text.replace(/[&<>"]/g, (c) => ESCAPES[c]!);
