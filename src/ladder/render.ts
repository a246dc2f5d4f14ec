/**
 * Renders Markdown fragments to sanitized HTML, once each. The checker never
 * calls this; the site, the exports and the diffs do.
 *
 * Sätteri turns the fragment's Markdown into HTML (markdown.ts: the same
 * parser and options as the check) and the hast plugin below sanitizes it on
 * the way, by allow-list: raw HTML and comments are dropped, every element
 * and attribute that Markdown does not produce is dropped, links keep only
 * http, https, mailto and tel URLs (or relative ones), images only http and
 * https, ids are prefixed so that content cannot clobber the page's own.
 */
import { toString } from 'mdast-util-to-string';
import type { RootContent } from 'mdast';
import { defineHastPlugin } from 'satteri';
import { fragmentNodes, fragmentSource, markdownHtml, SAFE_SCHEMES, urlScheme, type Fragment } from './markdown.ts';

const cache = new WeakMap<object, string>();

/** HTML of a whole body, of its introduction, or of one section. Raw HTML is dropped, URLs are sanitized. */
export function renderHtml(fragment: Fragment | null | undefined): string {
  if (!fragment) return '';
  const cached = cache.get(fragment);
  if (cached !== undefined) return cached;
  const html = markdownHtml(fragmentSource(fragment), [sanitizer]).trim();
  cache.set(fragment, html);
  return html;
}

/** The plain text of a fragment, block by block, for search, CSV and diffs. */
export function renderText(fragment: Fragment | null | undefined): string {
  if (!fragment) return '';
  return fragmentNodes(fragment)
    .map((node) => blockText(node))
    .filter((text) => text !== '')
    .join('\n');
}

function blockText(node: RootContent): string {
  if (node.type === 'list') return node.children.map((item) => toString(item, { includeHtml: false }).trim()).join('\n');
  return toString(node, { includeHtml: false }).replace(/\s+/g, ' ').trim();
}

/** The prefix of every id that content sets (footnotes), as GitHub and hast-util-sanitize do. */
const CLOBBER_PREFIX = 'user-content-';

type Check = (value: unknown) => boolean;
const any: Check = () => true;
const isTrue: Check = (value) => value === true;
const text: Check = (value) => typeof value === 'string';
const classes =
  (allowed: RegExp): Check =>
  (value) =>
    Array.isArray(value) && value.every((name) => typeof name === 'string' && allowed.test(name));
/** A URL with none of `schemes`: relative (`/x`, `x.html`, `#id`) or one of the allowed schemes. */
const url =
  (schemes: ReadonlySet<string>): Check =>
  (value) => {
    if (typeof value !== 'string') return false;
    const scheme = urlScheme(value);
    return scheme === undefined || schemes.has(scheme);
  };
const IMAGE_SCHEMES: ReadonlySet<string> = new Set(['http', 'https']);
const ids: Check = (value) => (Array.isArray(value) ? value : [value]).every((id) => typeof id === 'string' && id.startsWith(CLOBBER_PREFIX));

/** Every element Markdown produces, and the attributes (hast property names) each may keep. */
const ALLOWED: Record<string, Record<string, Check>> = {
  p: {},
  h1: {},
  h2: { id: ids, className: classes(/^sr-only$/) },
  h3: {},
  h4: {},
  h5: {},
  h6: {},
  blockquote: {},
  ul: { className: classes(/^contains-task-list$/) },
  ol: { start: (value) => typeof value === 'number', className: classes(/^contains-task-list$/) },
  li: { id: ids, className: classes(/^task-list-item$/) },
  input: { type: (value) => value === 'checkbox', checked: any, disabled: isTrue },
  pre: {},
  code: { className: classes(/^language-[^\s"'<>&]+$/) },
  em: {},
  strong: {},
  del: {},
  a: {
    href: url(SAFE_SCHEMES),
    title: text,
    id: ids,
    ariaDescribedBy: ids,
    ariaLabel: text,
    dataFootnoteRef: any,
    dataFootnoteBackref: any,
    className: classes(/^data-footnote-backref$/),
  },
  img: { src: url(IMAGE_SCHEMES), alt: text, title: text },
  br: {},
  hr: {},
  sup: {},
  section: { dataFootnotes: any, className: classes(/^footnotes$/) },
  table: {},
  thead: {},
  tbody: {},
  tr: {},
  th: { style: (value) => typeof value === 'string' && /^text-align: (left|center|right)$/.test(value) },
  td: { style: (value) => typeof value === 'string' && /^text-align: (left|center|right)$/.test(value) },
};

/** Ids and the references to them get the prefix; anything else that is not allowed is removed. */
const PREFIXED = new Set(['id', 'ariaDescribedBy']);

const sanitizer = defineHastPlugin({
  name: 'parity-sanitize',
  raw: (node, ctx) => ctx.removeNode(node),
  comment: (node, ctx) => ctx.removeNode(node),
  doctype: (node, ctx) => ctx.removeNode(node),
  element: {
    filter: [],
    visit(node, ctx) {
      const allowed = Object.hasOwn(ALLOWED, node.tagName) ? ALLOWED[node.tagName]! : undefined;
      if (!allowed) {
        ctx.removeNode(node);
        return;
      }
      if (node.tagName === 'input' && node.properties.type !== 'checkbox') {
        ctx.removeNode(node);
        return;
      }
      for (const [name, value] of Object.entries(node.properties)) {
        if (value === undefined || value === null) continue;
        const check = Object.hasOwn(allowed, name) ? allowed[name] : undefined;
        if (check?.(value)) continue;
        if (check && PREFIXED.has(name) && (typeof value === 'string' || Array.isArray(value))) {
          const prefixed = (id: unknown) => (String(id).startsWith(CLOBBER_PREFIX) ? String(id) : CLOBBER_PREFIX + String(id));
          ctx.setProperty(node, name, Array.isArray(value) ? value.map(prefixed) : prefixed(value));
          continue;
        }
        ctx.setProperty(node, name, undefined);
      }
      if (node.tagName === 'input' && node.properties.disabled !== true) ctx.setProperty(node, 'disabled', true);
    },
  },
});
