/**
 * Markdown bodies: parsed once with remark (CommonMark + GFM), split into
 * `##` sections, and searched for unsafe content.
 */
import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

const parser = unified().use(remarkParse).use(remarkGfm).freeze();

/** A parsed Markdown body and where it starts in its file. */
export interface Body {
  /** File line of the body's first line. */
  line: number;
  tree: Root;
}

/** A run of top-level Markdown nodes: a body's introduction or one of its sections. */
export interface Fragment {
  nodes: RootContent[];
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

export function parseBody(markdown: string, line: number): Body {
  return { line, tree: parser.parse(markdown) };
}

/** Splits a body at its `##` headings. Text before the first one is the introduction. */
export function splitSections(body: Body): SplitBody {
  const intro: Fragment = { nodes: [] };
  const sections: RawSection[] = [];
  let current: Fragment = intro;
  for (const node of body.tree.children) {
    if (node.type === 'heading' && node.depth === 2) {
      const at = filePosition(body, node);
      const section: RawSection = { heading: toString(node).trim(), line: at.line, column: at.column, nodes: [] };
      sections.push(section);
      current = section;
    } else {
      current.nodes.push(node);
    }
  }
  return { intro, sections };
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

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

/** Raw HTML and links or images whose URL could run code (javascript:, data:, vbscript:, ...). */
export function findUnsafe(body: Body): UnsafeFinding[] {
  const findings: UnsafeFinding[] = [];
  visit(body.tree, (node) => {
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

/** The scheme of a URL as a browser would read it (ignoring case, spaces and control characters), if it has one. */
function urlScheme(url: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  const match = /^([a-z][a-z0-9+.-]*):/.exec(cleaned);
  return match?.[1];
}

export function filePosition(body: Body, node: RootContent | Heading | { position?: RootContent['position'] }): {
  line: number;
  column: number;
} {
  const start = node.position?.start;
  return start ? { line: body.line + start.line - 1, column: start.column } : { line: body.line, column: 1 };
}
