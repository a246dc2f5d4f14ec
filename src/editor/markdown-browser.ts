/**
 * The core's Markdown parser in the web editor's browser build. Sätteri, the
 * engine the core parses with (src/ladder/markdown.ts), is a native Node
 * binding; its WebAssembly build needs cross-origin isolation (COOP/COEP
 * headers), which static hosts such as GitHub Pages cannot send. In the
 * browser the core's `satteri` import resolves to this module instead
 * (src/integration/editor.ts): the same mdast with positions, from micromark
 * with GitHub's extensions, the parser remark uses (Sätteri produces remark's
 * tree shape). The editor's preview only checks: nothing here renders HTML.
 */
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

export type HastPluginList = unknown[];

/** Sätteri's markdownToMdast: CommonMark and GFM (the only features the core turns on). */
export function markdownToMdast(markdown: string, options: { position?: boolean } = {}): Root {
  const tree = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  return options.position === false ? stripPositions(tree) : tree;
}

function stripPositions<T extends { position?: unknown; children?: unknown[] }>(node: T): T {
  delete node.position;
  for (const child of node.children ?? []) stripPositions(child as T);
  return node;
}

/** Rendering stays on the server: the preview of an entry shows diagnostics, not the site's HTML. */
export function markdownToHtml(): never {
  throw new Error('The web editor does not render Markdown to HTML: only the site build does');
}

/** render.ts defines its sanitizer at import time; in the browser it is never run. */
export function defineHastPlugin<T>(plugin: T): T {
  return plugin;
}
