/**
 * Splits a content file into its YAML frontmatter and Markdown body, parses
 * the YAML with source ranges, and answers "where is this key or value?".
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Location } from './diagnostics.ts';

export type PathSegment = string | number;

export interface FrontmatterError {
  line: number;
  column: number;
  message: string;
}

export interface ParsedFile {
  /** The frontmatter as plain data (an empty object for an empty block). */
  data: unknown;
  /** The Markdown after the closing fence. */
  body: string;
  /** The file line on which the body starts (1-based). */
  bodyLine: number;
  /** Where a key or value of the frontmatter is; missing paths resolve to their nearest parent. */
  locate(path: readonly PathSegment[], part?: 'key' | 'value'): Location;
}

const FENCE = /^---[ \t]*$/;
const CLOSE = /^(---|\.\.\.)[ \t]*$/;
/** Beyond this, a frontmatter block is not a career-ladder entry but an accident or an attack. */
const MAX_ALIASES = 50;
const MAX_DEPTH = 64;

export type ParseResult = { ok: true; file: ParsedFile } | { ok: false; errors: FrontmatterError[] };

/** Splits and parses one file. `file` is only used to build locations. */
export function parseFrontmatter(file: string, source: string): ParseResult {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const lines = text.split(/\r?\n/);
  if (!FENCE.test(lines[0] ?? '')) {
    const message =
      text.trim() === ''
        ? 'The file is empty: it needs a frontmatter block that starts and ends with a line of three dashes (---)'
        : 'The file must start with a frontmatter block: a line of three dashes (---), the fields, then another ---';
    return { ok: false, errors: [{ line: 1, column: 1, message }] };
  }
  let close = -1;
  for (let i = 1; i < lines.length; i++) {
    if (CLOSE.test(lines[i] ?? '')) {
      close = i;
      break;
    }
  }
  if (close < 0) {
    return {
      ok: false,
      errors: [{ line: 1, column: 1, message: 'The frontmatter block opened on line 1 is never closed: add a line of three dashes (---) after the last field' }],
    };
  }
  const yamlText = lines.slice(1, close).join('\n');
  const depth = nestingDepth(yamlText);
  if (depth.depth > MAX_DEPTH) {
    return {
      ok: false,
      errors: [{ line: depth.line + 1, column: 1, message: `The frontmatter is nested more than ${MAX_DEPTH} levels deep` }],
    };
  }
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  let data: unknown;
  try {
    doc = parseDocument(yamlText, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
    if (doc.errors.length > 0) {
      return {
        ok: false,
        errors: doc.errors.map((error) => {
          const at = lineCounter.linePos(error.pos[0]);
          return { line: at.line + 1, column: at.col, message: yamlMessage(error.message) };
        }),
      };
    }
    data = doc.toJS({ maxAliasCount: MAX_ALIASES }) ?? {};
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      errors: [{ line: 2, column: 1, message: `The frontmatter could not be read: ${yamlMessage(message)}` }],
    };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return {
      ok: false,
      errors: [{ line: 2, column: 1, message: 'The frontmatter must be a list of "key: value" fields, not a single value or a list' }],
    };
  }
  const parsed = doc;
  return {
    ok: true,
    file: {
      data,
      body: lines.slice(close + 1).join('\n'),
      bodyLine: close + 2,
      locate(path, part = 'value') {
        const offset = findOffset(parsed, path, part);
        if (offset === undefined) return { file, line: 1, column: 1 };
        const at = lineCounter.linePos(offset);
        return { file, line: at.line + 1, column: at.col };
      },
    },
  };
}

/** The source offset of a key or value, or of its nearest existing parent. */
function findOffset(doc: Document.Parsed, path: readonly PathSegment[], part: 'key' | 'value'): number | undefined {
  let node: unknown = doc.contents;
  let best: number | undefined;
  for (const [i, segment] of path.entries()) {
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) return best;
      const keyOffset = rangeStart(pair.key as Node);
      const valueOffset = rangeStart(pair.value as Node | null);
      if (last) return part === 'key' ? (keyOffset ?? best) : (valueOffset ?? keyOffset ?? best);
      best = keyOffset ?? best;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      const offset = rangeStart(item ?? null);
      if (offset === undefined) return best;
      if (last) return offset;
      best = offset;
      node = item;
    } else {
      return best;
    }
  }
  return best;
}

function rangeStart(node: Node | null | undefined): number | undefined {
  return node && typeof node === 'object' && 'range' in node && Array.isArray(node.range) ? node.range[0] : undefined;
}

/** yaml's messages end with "at line L, column C"; ours carry the position separately. */
function yamlMessage(message: string): string {
  const first = message.split('\n')[0] ?? message;
  return `YAML: ${first.replace(/ at line \d+, column \d+:?$/, '')}`;
}

/** A cheap bound on bracket and indentation nesting, so that no parser recursion can blow the stack. */
function nestingDepth(yamlText: string): { depth: number; line: number } {
  let deepest = 0;
  let deepestLine = 1;
  let line = 1;
  let brackets = 0;
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < yamlText.length; i++) {
    const c = yamlText[i];
    if (c === '\n') {
      line++;
      lineStart = true;
      indent = 0;
      continue;
    }
    if (lineStart) {
      if (c === ' ' || c === '-') {
        indent++;
        continue;
      }
      lineStart = false;
      const depth = brackets + Math.floor(indent / 2);
      if (depth > deepest) {
        deepest = depth;
        deepestLine = line;
      }
    }
    if (c === '[' || c === '{') brackets++;
    else if ((c === ']' || c === '}') && brackets > 0) brackets--;
    const depth = brackets + Math.floor(indent / 2);
    if (depth > deepest) {
      deepest = depth;
      deepestLine = line;
    }
  }
  return { depth: deepest, line: deepestLine };
}
