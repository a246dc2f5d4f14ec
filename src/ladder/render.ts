/**
 * Renders Markdown fragments to sanitized HTML, once each. The checker never
 * calls this (it only needs the trees); the site does.
 */
import { defaultSchema, sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { toHast } from 'mdast-util-to-hast';
import type { Body, Fragment } from './markdown.ts';

const cache = new WeakMap<object, string>();

/** HTML of a whole body, of its introduction, or of one section. Raw HTML is dropped, URLs are sanitized. */
export function renderHtml(fragment: Fragment | Body | null | undefined): string {
  if (!fragment) return '';
  const cached = cache.get(fragment);
  if (cached !== undefined) return cached;
  const root: Root = 'tree' in fragment ? fragment.tree : { type: 'root', children: fragment.nodes };
  const hast = toHast(root, { allowDangerousHtml: false });
  const html = toHtml(sanitize(hast, defaultSchema)).trim();
  cache.set(fragment, html);
  return html;
}

/** The plain text of a fragment, block by block, for search, CSV and diffs. */
export function renderText(fragment: Fragment | Body | null | undefined): string {
  if (!fragment) return '';
  const nodes = 'tree' in fragment ? fragment.tree.children : fragment.nodes;
  return nodes
    .map((node) => blockText(node))
    .filter((text) => text !== '')
    .join('\n');
}

function blockText(node: RootContent): string {
  if (node.type === 'list') return node.children.map((item) => toString(item, { includeHtml: false }).trim()).join('\n');
  return toString(node, { includeHtml: false }).replace(/\s+/g, ' ').trim();
}
