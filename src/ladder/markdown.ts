/**
 * Markdown bodies: parsed once with Sätteri (CommonMark + GFM, the engine
 * Astro 7 renders Markdown with), split into `##` sections, and searched for
 * unsafe content. The one Markdown pipeline of Parity: the check, the pages,
 * the exports and the diffs all read Markdown through this module.
 *
 * A body keeps its text, not its syntax tree. The check parses each file
 * once, with positions, and reads everything that needs positions (sections,
 * unsafe content) from that tree before it lets it go; a ladder of a
 * thousand levels would otherwise hold a thousand trees (see
 * docs/performance.md). Whatever asks for a tree later gets a new parse of
 * the same text, which is the same tree.
 */
import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { markdownToHtml, markdownToMdast, type HastPluginList } from 'satteri';

/**
 * CommonMark with GitHub's extensions (tables, strikethrough, task lists,
 * autolinks, footnotes), as `remark-gfm` read it before. Frontmatter is off:
 * a body has none, and a body that starts with `---` is a thematic break.
 */
const FEATURES = { gfm: true, frontmatter: false, math: false, directive: false } as const;

/**
 * CommonMark replaces U+0000 with U+FFFD before parsing; Sätteri keeps it.
 * One character for one, so every position stays where it was.
 */
function prepare(markdown: string): string {
  return markdown.includes('\0') ? markdown.replaceAll('\0', '\uFFFD') : markdown;
}

/** The syntax tree of some Markdown, with positions (line, column, offset) or without (smaller and faster). */
export function parseMarkdown(markdown: string, positions = true): Root {
  return markdownToMdast(prepare(markdown), { features: FEATURES, position: positions }) as Root;
}

/** HTML of some Markdown, through the same parser and options, and the given hast plugins (render.ts sanitizes with them). */
export function markdownHtml(markdown: string, hastPlugins: HastPluginList): string {
  const result = markdownToHtml(prepare(markdown), { features: FEATURES, hastPlugins });
  if (result instanceof Promise) throw new TypeError('markdownHtml takes synchronous plugins only');
  return result.html;
}

/** A run of top-level Markdown nodes: a body's introduction or one of its sections. Plain data: copy it freely. */
export interface Fragment {
  /** Its Markdown, from the start of its first line. */
  markdown: string;
  /**
   * The body's link definitions (`[id]: url`) that are written outside it, so
   * that a reference to one of them reads the same here as in the whole body.
   */
  definitions?: string;
}

/** The Markdown to parse for a fragment: the link definitions it takes along, then its own text. */
export function fragmentSource(fragment: Fragment): string {
  return fragment.definitions ? `${fragment.definitions}\n\n${fragment.markdown}` : fragment.markdown;
}

/** A parsed Markdown body and where it starts in its file. */
export interface Body extends Fragment {
  /** File line of the body's first line. */
  line: number;
  /** The syntax tree, with positions relative to the body (see filePosition). Each use parses the text again: keep it while you need it. */
  readonly tree: Root;
}

export interface RawSection extends Fragment {
  /** The heading's text. */
  heading: string;
  /** File position of the heading. */
  line: number;
  column: number;
}

export interface SplitBody {
  intro: Fragment;
  sections: RawSection[];
}

const nodesCache = new WeakMap<Fragment, RootContent[]>();

/** The top-level nodes of a fragment (or a whole body), parsed without positions on first use and kept; first the link definitions it takes along. */
export function fragmentNodes(fragment: Fragment): RootContent[] {
  let nodes = nodesCache.get(fragment);
  if (!nodes) {
    nodes = parseMarkdown(fragmentSource(fragment), false).children;
    nodesCache.set(fragment, nodes);
  }
  return nodes;
}

class MarkdownBody implements Body {
  readonly markdown: string;
  readonly line: number;
  readonly split: SplitBody;
  constructor(markdown: string, line: number, tree: Root) {
    this.markdown = markdown;
    this.line = line;
    this.split = split(this, tree);
  }
  get tree(): Root {
    return parseMarkdown(this.markdown);
  }
}

/**
 * Parses a body and splits it into sections. Pass the tree when you already
 * parsed the text (check() does, to look for unsafe content in the same parse).
 */
export function parseBody(markdown: string, line: number, tree: Root = parseMarkdown(markdown)): Body {
  return new MarkdownBody(markdown, line, tree);
}

/** Splits a body at its `##` headings. Text before the first one is the introduction. */
export function splitSections(body: Body): SplitBody {
  return body instanceof MarkdownBody ? body.split : split(body, body.tree);
}

function split(body: Body, tree: Root): SplitBody {
  const text = body.markdown;
  const headings = tree.children.filter((node): node is Heading => node.type === 'heading' && node.depth === 2);
  if (headings.length === 0) return { intro: { markdown: text }, sections: [] };
  // Link definitions apply to the whole document: each part takes along those written outside it (not footnotes, which would
  // render a list of footnotes in every part).
  const definitions = tree.children.filter((node) => node.type === 'definition').map((node) => ({ start: offset(node, 'start'), end: offset(node, 'end') }));
  const part = (start: number, end: number) => {
    const outside = definitions.filter((d) => d.end <= start || d.start >= end).map((d) => text.slice(d.start, d.end));
    return outside.length === 0 ? { markdown: text.slice(start, end) } : { markdown: text.slice(start, end), definitions: outside.join('\n') };
  };
  // Where the part before each heading ends: at the start of the heading's line, or after the last node before it (a
  // setext heading's range starts with a link definition written just above it).
  const ends = headings.map((heading) => {
    const index = tree.children.indexOf(heading);
    const before = index > 0 ? offset(tree.children[index - 1]!, 'end') : 0;
    return Math.max(lineStart(text, offset(heading, 'start')), before);
  });
  const sections = headings.map((heading, i) => {
    const at = filePosition(body, heading);
    return { heading: toString(heading).trim(), line: at.line, column: at.column, ...part(offset(heading, 'end'), ends[i + 1] ?? text.length) };
  });
  return { intro: part(0, ends[0]!), sections };
}

function offset(node: RootContent, end: 'start' | 'end'): number {
  return node.position?.[end].offset ?? 0;
}

/** The offset of the start of the line that holds `offset`. */
function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Top-level text that an editor probably meant as a `## ` section heading. */
export interface HeadingSlip {
  /** What the text would be as a heading. */
  heading: string;
  line: number;
  column: number;
  /** The mistake: no space after the hashes ("##Delivery"), or another heading level ("### Delivery"). */
  slip: 'no-space' | 'depth';
  /** As written: "##Delivery", "### Delivery". */
  written: string;
}

export function headingSlips(body: Body): HeadingSlip[] {
  const out: HeadingSlip[] = [];
  for (const node of body.tree.children) {
    const at = filePosition(body, node);
    if (node.type === 'heading' && node.depth !== 2) {
      const heading = toString(node).trim();
      out.push({ heading, ...at, slip: 'depth', written: `${'#'.repeat(node.depth)} ${heading}` });
    } else if (node.type === 'paragraph') {
      const first = toString(node).split('\n')[0] ?? '';
      // "##Delivery", and "##\u00a0Delivery" (a no-break space is no space to Markdown).
      const match = /^(#{1,6})([^ \t#].*)$/.exec(first);
      if (match) out.push({ heading: match[2]!.trim(), ...at, slip: 'no-space', written: first.trim() });
    }
  }
  return out;
}

export interface UnsafeFinding {
  line: number;
  column: number;
  message: string;
}

/** URL schemes a link may use; an image only http and https (see render.ts). */
export const SAFE_SCHEMES: ReadonlySet<string> = new Set(['http', 'https', 'mailto', 'tel']);

/**
 * Raw HTML and links or images whose URL could run code (javascript:, data:,
 * vbscript:, ...). Pass the tree when you already have it; else the body is
 * parsed again.
 */
export function findUnsafe(body: Body, tree: Root = body.tree): UnsafeFinding[] {
  const findings: UnsafeFinding[] = [];
  walk(tree, (node) => {
    if (node.type === 'html') {
      const tag = /<\s*([a-zA-Z][\w-]*)/.exec(node.value)?.[1]?.toLowerCase();
      const what = tag === 'script' ? 'A <script> element' : tag ? `Raw HTML (<${tag}>)` : 'Raw HTML';
      findings.push({ ...filePosition(body, node), message: `${what} is not allowed in ladder content: write it in Markdown` });
    } else if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      const scheme = urlScheme(node.url);
      if (scheme !== undefined && !SAFE_SCHEMES.has(scheme)) {
        const what = node.type === 'image' ? 'An image' : 'A link';
        findings.push({
          ...filePosition(body, node),
          message: `${what} to a "${scheme}:" URL is not allowed: use an http, https or mailto link`,
        });
      }
    }
  });
  return findings;
}

type Node = Root | RootContent;

/**
 * Calls `visit` on every node of a tree, parents before their children, in
 * document order. A plain loop: `unist-util-visit` spent more time finding
 * its way than the parser spent parsing (docs/performance.md).
 */
export function walk(node: Node, visit: (node: Node) => void): void {
  visit(node);
  if ('children' in node) for (const child of node.children) walk(child, visit);
}

/** The scheme of a URL as a browser would read it (ignoring case, spaces and control characters), if it has one. */
export function urlScheme(url: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  const match = /^([a-z][a-z0-9+.-]*):/.exec(cleaned);
  return match?.[1];
}

export function filePosition(
  body: Pick<Body, 'line'>,
  node: RootContent | Heading | { position?: RootContent['position'] },
): {
  line: number;
  column: number;
} {
  const start = node.position?.start;
  return start ? { line: body.line + start.line - 1, column: start.column } : { line: body.line, column: 1 };
}
