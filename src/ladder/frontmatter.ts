/**
 * Splits a content file into its YAML frontmatter and Markdown body, parses
 * the YAML (plain YAML the fast way, plain-yaml.ts; the rest with `yaml`,
 * which reports what is wrong), and answers "where is this key or value?"
 * from `yaml`'s source ranges.
 */
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { Location } from './diagnostics.ts';
import { readPlainYaml } from './plain-yaml.ts';

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
  /**
   * Numbers written with what looks like a thousands separator ("95.000",
   * which YAML reads as 95): their path and text as written, for the fields
   * where that is a mistake (amounts of money) to report.
   */
  separated: { path: PathSegment[]; text: string }[];
}

/**
 * "95.000", "1.250": a decimal point where a thousands separator was meant. Plain YAML read the fast way holds no
 * number of this shape (SEPARATOR_SHAPE in plain-yaml.ts sends it to `yaml`), so its `separated` is empty.
 */
const THOUSANDS = /^[+-]?\d{1,3}(?:[.,]\d{3})+$/;

function separatedNumbers(node: unknown, path: PathSegment[], out: ParsedFile['separated']): void {
  // One path, pushed and popped on the way down; copied only for a finding (nearly every file has none).
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      path.push(String(pair.key.value));
      separatedNumbers(pair.value, path, out);
      path.pop();
    }
  } else if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      path.push(i);
      separatedNumbers(node.items[i], path, out);
      path.pop();
    }
  } else if (isScalar(node) && typeof node.value === 'number' && typeof node.source === 'string' && THOUSANDS.test(node.source)) {
    out.push({ path: [...path], text: node.source });
  }
}

/** How the frontmatter is parsed (a LineCounter is added where lines are needed). */
const YAML_OPTIONS = { uniqueKeys: true, prettyErrors: false, strict: true } as const;

const FENCE = /^---[ \t]*$/;
const CLOSE = /^(---|\.\.\.)[ \t]*$/;
/** Beyond this, a frontmatter block is not a career-ladder entry but an accident or an attack. */
const MAX_ALIASES = 50;
const MAX_DEPTH = 64;

export type ParseResult = { ok: true; file: ParsedFile } | { ok: false; errors: FrontmatterError[] };

/** Splits and parses one file. `file` is only used to build locations. */
export function parseFrontmatter(file: string, source: string): ParseResult {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  // Line by line only as far as the closing fence: the body is not cut into lines (a ladder's bodies are most of its text).
  const lineAt = (start: number) => {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    return { text: text.slice(start, newline > start && text.charCodeAt(newline - 1) === 13 ? end - 1 : end), next: newline < 0 ? -1 : newline + 1 };
  };
  const first = lineAt(0);
  // A carriage return left in the first line (its "\r\n" is cut off above): the file's lines end with "\r" alone.
  if (first.text.includes('\r')) {
    const message =
      'The lines of this file end with a carriage return only (the line ending of old Mac programs), so the file reads as one long line: save it with ordinary line endings (LF, or CRLF on Windows)';
    return { ok: false, errors: [{ line: 1, column: 1, message }] };
  }
  if (!FENCE.test(first.text)) {
    const message =
      text.trim() === ''
        ? 'The file is empty: it needs a frontmatter block that starts and ends with a line of three dashes (---)'
        : 'The file must start with a frontmatter block: a line of three dashes (---), the fields, then another ---';
    return { ok: false, errors: [{ line: 1, column: 1, message }] };
  }
  let close = -1;
  let closeStart = -1;
  let bodyStart = text.length;
  for (let i = 1, at = first.next; at >= 0; i++) {
    const line = lineAt(at);
    if (CLOSE.test(line.text)) {
      close = i;
      closeStart = at;
      bodyStart = line.next < 0 ? text.length : line.next;
      break;
    }
    at = line.next;
  }
  if (close < 0) {
    return {
      ok: false,
      errors: [
        { line: 1, column: 1, message: 'The frontmatter block opened on line 1 is never closed: add a line of three dashes (---) after the last field' },
      ],
    };
  }
  // The lines between the fences, joined with "\n" (as the file's lines split at "\n" or "\r\n").
  const yamlText = close === 1 ? '' : unixLines(text.slice(first.next, closeStart).replace(/\r?\n$/, ''));
  const depth = nestingDepth(yamlText);
  if (depth.depth > MAX_DEPTH) {
    return {
      ok: false,
      errors: [{ line: depth.line + 1, column: 1, message: `The frontmatter is nested more than ${MAX_DEPTH} levels deep` }],
    };
  }
  const body = () => unixLines(text.slice(bodyStart));
  // Plain YAML, which nearly every ladder file is written in, is read the fast way (plain-yaml.ts); `yaml` reads the rest.
  const plain = readPlainYaml(yamlText);
  if (plain) return { ok: true, file: { data: plain, separated: [], body: body(), bodyLine: close + 2, locate: locator(file, yamlText) } };
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(yamlText, { ...YAML_OPTIONS, lineCounter });
  } catch (error) {
    return {
      ok: false,
      errors: [{ line: 2, column: 1, message: `The frontmatter could not be read: ${yamlMessage(error instanceof Error ? error.message : String(error))}` }],
    };
  }
  if (doc.errors.length > 0) {
    const yamlLines = yamlText.split('\n');
    return {
      ok: false,
      errors: onePerLine(
        rootCauses(doc.errors).map((error) => {
          const at = lineCounter.linePos(error.pos[0]);
          const plain = { line: at.line, column: at.col, message: yamlMessage(error.message) };
          // Positions inside the YAML text, which starts on the file's line 2.
          const explained = explainYaml(error.code, error.message, yamlLines, plain);
          return { ...explained, line: explained.line + 1 };
        }),
      ),
    };
  }
  const odd = oddNodes(doc, yamlText);
  if (odd.length > 0) {
    return { ok: false, errors: onePerLine(odd.map(({ offset, message }) => ({ ...position(lineCounter, offset), message }))) };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES }) ?? {};
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // What is left to fail in toJS is the alias count: it is placed at the first alias.
    const alias = firstAlias(doc);
    const at = alias === undefined ? { line: 2, column: 1 } : position(lineCounter, alias);
    const explained = /alias count/i.test(message)
      ? `The frontmatter repeats values with YAML aliases (*name) more than ${MAX_ALIASES} times: write the values out instead`
      : `The frontmatter could not be read: ${yamlMessage(message)}`;
    return { ok: false, errors: [{ ...at, message: explained }] };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return {
      ok: false,
      errors: [{ line: 2, column: 1, message: 'The frontmatter must be a list of "key: value" fields, not a single value or a list' }],
    };
  }
  const separated: ParsedFile['separated'] = [];
  separatedNumbers(doc.contents, [], separated);
  return { ok: true, file: { data, separated, body: body(), bodyLine: close + 2, locate: locator(file, yamlText) } };
}

/**
 * Where each key and value of a frontmatter block starts, as ParsedFile.locate. Asked only for a file with something to
 * report, so worked out then, from a parse of the block with `yaml` (a clean check keeps neither a YAML document nor an
 * index of one, and may not have made one).
 */
function locator(file: string, yamlText: string): ParsedFile['locate'] {
  let spots: Spot | undefined;
  let lineCounter: LineCounter | undefined;
  return (path, part = 'value') => {
    if (!lineCounter) {
      lineCounter = new LineCounter();
      spots = spot(parseDocument(yamlText, { ...YAML_OPTIONS, lineCounter }).contents);
    }
    const offset = findOffset(spots!, path, part);
    if (offset === undefined) return { file, line: 1, column: 1 };
    return { file, ...position(lineCounter, offset) };
  };
}

/** Text with its "\r\n" line ends made "\n"; without any, the text itself (a slice of a file costs no copy). */
function unixLines(text: string): string {
  return text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : text;
}

/** Where a YAML node starts, and where its keys or items and their values start. */
interface Spot {
  at: number | undefined;
  /** A mapping's first pair with each key: where the key starts, and its value. */
  map?: Map<string, { key: number | undefined; value: Spot }>;
  seq?: Spot[];
}

function spot(node: unknown): Spot {
  const at = rangeStart(node as Node | null);
  if (isMap(node)) {
    const map = new Map<string, { key: number | undefined; value: Spot }>();
    for (const item of node.items) {
      if (!isPair(item) || !isScalar(item.key)) continue;
      const key = String(item.key.value);
      if (!map.has(key)) map.set(key, { key: rangeStart(item.key as Node), value: spot(item.value) });
    }
    return { at, map };
  }
  if (isSeq(node)) return { at, seq: node.items.map(spot) };
  return { at };
}

/** The file position (the YAML text starts on the file's line 2) of an offset in the YAML text. */
function position(lineCounter: LineCounter, offset: number): { line: number; column: number } {
  const at = lineCounter.linePos(offset);
  return { line: at.line + 1, column: at.col };
}

/**
 * The tags YAML's core schema defines for what a ladder holds. Any other tag
 * (`!include`, `!!js/function`, `!!binary`, `!!timestamp`, `!!set`) would be
 * read as plain text or as an object no field takes, so it is refused at the tag.
 */
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((name) => `tag:yaml.org,2002:${name}`));

/**
 * What YAML parses without complaint but a ladder cannot hold, each at its
 * offset in the YAML text: a tag outside the core schema, an alias whose
 * anchor is not defined above it, a field without a name, a field whose name
 * is a list or a group.
 */
function oddNodes(doc: Document.Parsed, yamlText: string): { offset: number; message: string }[] {
  const out: { offset: number; message: string }[] = [];
  // Every node below the document, parents first: yaml's visit() does the same with more bookkeeping than this needs.
  const look = (node: unknown): void => {
    if (isAlias(node)) {
      if (node.resolve(doc) === undefined) {
        out.push({
          offset: node.range?.[0] ?? 0,
          message: `"*${node.source}" repeats the value marked "&${node.source}", but no value above it is marked so: write the value itself here`,
        });
      }
      return;
    }
    if (isPair(node)) {
      const key = node.key as Node | null;
      const at = rangeStart(key) ?? rangeStart(node.value as Node | null) ?? 0;
      if (key === null || (isScalar(key) && (key.value === null || String(key.value).trim() === ''))) {
        out.push({ offset: at, message: 'This field has no name: write it as "name: value", with the name before the colon' });
      } else if (isCollection(key)) {
        out.push({ offset: at, message: 'A field name must be a word, not a list or a group in brackets: write it as "name: value"' });
      }
      look(node.key);
      look(node.value);
      return;
    }
    if (!isScalar(node) && !isCollection(node)) return;
    if (node.tag !== undefined && !CORE_TAGS.has(node.tag)) {
      const tag = tagSource(yamlText, node.range?.[0] ?? 0);
      const written = tag?.text ?? node.tag;
      out.push({
        offset: tag?.offset ?? node.range?.[0] ?? 0,
        message: `"${written}" is a YAML tag, which a ladder does not use: the fields hold plain text, numbers and lists, so remove "${written}" and write the value itself`,
      });
    }
    if (isCollection(node)) for (const item of node.items) look(item);
  };
  look(doc.contents);
  return out.sort((a, b) => a.offset - b.offset);
}

/** The tag written before the node at `offset` ("!!binary", "!include"): the nearest word before it that starts with "!". */
function tagSource(yamlText: string, offset: number): { offset: number; text: string } | undefined {
  let end = offset;
  // At most two words back: the tag, and an anchor ("&a !!str value" or "!!str &a value").
  for (let word = 0; word < 2; word++) {
    while (end > 0 && /\s/.test(yamlText[end - 1]!)) end--;
    let start = end;
    while (start > 0 && !/\s/.test(yamlText[start - 1]!)) start--;
    if (start === end) return undefined;
    const text = yamlText.slice(start, end);
    if (text.startsWith('!')) return { offset: start, text };
    end = start;
  }
  return undefined;
}

function firstAlias(doc: Document.Parsed): number | undefined {
  let first: number | undefined;
  visit(doc, {
    Alias(_, alias) {
      first = alias.range?.[0];
      return visit.BREAK;
    },
  });
  return first;
}

/** The source offset of a key or value, or of its nearest existing parent. */
function findOffset(root: Spot, path: readonly PathSegment[], part: 'key' | 'value'): number | undefined {
  let node = root;
  let best: number | undefined;
  for (const [i, segment] of path.entries()) {
    const last = i === path.length - 1;
    if (node.map) {
      const pair = node.map.get(String(segment));
      if (!pair) return best;
      const keyOffset = pair.key;
      const valueOffset = pair.value.at;
      if (last) return part === 'key' ? (keyOffset ?? best) : (valueOffset ?? keyOffset ?? best);
      best = keyOffset ?? best;
      node = pair.value;
    } else if (node.seq && typeof segment === 'number') {
      const item = node.seq[segment];
      const offset = item?.at;
      if (item === undefined || offset === undefined) return best;
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

/**
 * The errors to report: a tab throws off the indentation of every line after
 * it, and a list whose "[" is never closed swallows the lines after it, so
 * their own errors are the ones to fix and the others follow from them.
 */
function rootCauses<E extends { code: string; message: string }>(errors: readonly E[]): readonly E[] {
  const tabs = errors.filter((e) => e.code === 'TAB_AS_INDENT');
  if (tabs.length > 0) return tabs;
  const unclosed = errors.filter((e) => e.code === 'BAD_INDENT' && /^Flow (sequence|map)/.test(e.message));
  return unclosed.length > 0 ? unclosed : errors;
}

/** The first error of each line: the others on it are the parser stumbling over the same mistake. */
function onePerLine(errors: FrontmatterError[]): FrontmatterError[] {
  const seen = new Set<number>();
  return errors.filter((e) => !seen.has(e.line) && seen.add(e.line));
}

/**
 * The YAML mistakes HR editors make most, said in their words and placed
 * where the fix goes: a value with ": " in it, a line indented too far, a
 * quote never closed, a field written twice, a tab.
 */
export function explainYaml(code: string, message: string, lines: readonly string[], at: FrontmatterError): FrontmatterError {
  const text = lines[at.line - 1] ?? '';
  const field = /^(\s*)(?:- )?([^\s:#"'][^:]*?):(?:\s+(.*))?$/.exec(text);
  const indent = (line: string) => /^ */.exec(line)![0].length;
  // "title:Staff Engineer": YAML needs a space after the colon, else the whole line is one word.
  const glued = /^(\s*)([A-Za-z_][\w.-]*):(\S.*)$/.exec(text);
  if (glued && !/^\/\//.test(glued[3]!)) {
    return { line: at.line, column: glued[1]!.length + glued[2]!.length + 2, message: `Put a space after the colon: ${glued[2]}: ${glued[3]}` };
  }
  if (code === 'BLOCK_AS_IMPLICIT_KEY' || code === 'MULTILINE_IMPLICIT_KEY') {
    const value = field?.[3] ?? '';
    if (field && /:\s/.test(value) && !/^["'[{|>]/.test(value)) {
      return {
        line: at.line,
        column: text.indexOf(value) + 1,
        message: `The value of "${field[2]}" contains ": ", which YAML reads as another field: put it in quotes, ${field[2]}: "${value.replace(/"/g, '\\"')}"`,
      };
    }
    const nextIndex = lines.findIndex((l, i) => i >= at.line && l.trim() !== '');
    const next = lines[nextIndex];
    // A plain value that goes on over the next line, with ": " in that line: the value needs quotes.
    if (field && value !== '' && next !== undefined && indent(next) > indent(text) && /:\s/.test(next) && !/^\s*[\w.-]+:\s/.test(next)) {
      return {
        line: nextIndex + 1,
        column: indent(next) + 1,
        message: `The value of "${field[2]}" goes on over several lines and this line contains ": ", which YAML reads as another field: put the whole value in quotes`,
      };
    }
    if (field && next !== undefined && indent(next) > indent(text)) {
      return {
        line: nextIndex + 1,
        column: 1,
        message: `This line is indented more than "${field[2]}" above it: fields of the same group start in the same column (use the same number of spaces)`,
      };
    }
  }
  if (code === 'MISSING_CHAR' && /quote/.test(message)) {
    const mark = /'/.test(message.split('quote')[0] ?? '') ? "'" : '"';
    // The value that opens with the quote and does not close it (an apostrophe inside plain text is no quote).
    for (const [i, line] of lines.entries()) {
      const opens = new RegExp(`^\\s*(?:- |[^\\s:#][^:]*:\\s+)${mark}`).test(line);
      const count = mark === '"' ? (line.replace(/\\./g, '').match(/"/g) ?? []).length : (line.replace(/''/g, '').match(/'/g) ?? []).length;
      if (opens && count % 2 === 1) {
        return {
          line: i + 1,
          column: line.indexOf(mark) + 1,
          message: `The quote (${mark}) opened here is never closed: end the value with ${mark} on the same line`,
        };
      }
    }
  }
  if (code === 'DUPLICATE_KEY' && field) {
    return { line: at.line, column: indent(text) + 1, message: `The field "${field[2]}" appears twice: keep one of them` };
  }
  if (code === 'TAB_AS_INDENT') {
    return { line: at.line, column: 1, message: 'This line is indented with a tab: YAML indents with spaces only' };
  }
  if (code === 'MULTIPLE_DOCS') {
    return {
      line: at.line,
      column: 1,
      message: 'A line that starts with three dashes (---) ends the frontmatter only when it holds nothing else: remove what follows the dashes, or the line',
    };
  }
  // "Flow sequence in block collection must be sufficiently indented and end with a ]": a list in
  // brackets never closed, or continued on a line that is not indented under its field.
  const flow = /^Flow (sequence|map)/.exec(message);
  if (code === 'BAD_INDENT' && flow) {
    const [open, close] = flow[1] === 'sequence' ? ['[', ']'] : ['{', '}'];
    const count = (line: string, c: string) => line.split(c).length - 1;
    for (let i = Math.min(at.line, lines.length) - 1; i >= 0; i--) {
      const line = lines[i] ?? '';
      if (count(line, open) > count(line, close)) {
        const what = open === '[' ? 'list' : 'group';
        return {
          line: i + 1,
          column: line.lastIndexOf(open) + 1,
          message: `The ${what} opened with "${open}" here is not closed: end it with "${close}" on the same line (a ${what} written over several lines must indent each line after the first further than its field)`,
        };
      }
    }
  }
  // "Unexpected scalar at node end": text after a quoted value ("He said "hi" ok").
  if (code === 'UNEXPECTED_TOKEN' && /scalar at node end/.test(message)) {
    const quoted = /^(\s*(?:- )?(?:[^\s:#"'][^:]*?:\s+)?)(["'])/.exec(text);
    if (quoted) {
      const mark = quoted[2]!;
      const other = mark === '"' ? "'" : '"';
      return {
        line: at.line,
        column: quoted[1]!.length + 1,
        message: `The value that starts with a quote (${mark}) ends at the next ${mark}, and text follows it: to put ${mark} inside a value, write the whole value in ${other === "'" ? 'single' : 'double'} quotes (${other}…${other})${mark === '"' ? ' or write each inner " as \\"' : " or write each inner ' twice ('')"}`,
      };
    }
    return { line: at.line, column: at.column, message: 'Text follows the end of a value here: put the whole value in quotes, or remove what follows it' };
  }
  if (/Implicit map keys need to be followed by map values/.test(message)) {
    return { line: at.line, column: at.column, message: 'This line is not a field: a field is written "name: value", with a colon and a space after the name' };
  }
  if (/Implicit keys need to be on a single line/.test(message)) {
    return {
      line: at.line,
      column: at.column,
      message: 'A value goes on over this line: indent the lines that continue a value further than its field, or put the whole value in quotes on one line',
    };
  }
  return at;
}

/** yaml's messages end with "at line L, column C"; ours carry the position separately. */
function yamlMessage(message: string): string {
  const first = message.split('\n')[0] ?? message;
  return `YAML: ${first.replace(/ at line \d+, column \d+:?$/, '')}`;
}

/** A line indented by half of MAX_DEPTH or more (spaces and list dashes), and an opening bracket. */
const DEEP_INDENT = new RegExp(`^[ -]{${MAX_DEPTH}}`, 'm');
const OPENING = /[[{]/g;

/**
 * A cheap bound on bracket and indentation nesting, so that no parser
 * recursion can blow the stack: the deepest line and its depth, or depth 0
 * when a quick look shows that no line can be deeper than MAX_DEPTH.
 */
function nestingDepth(yamlText: string): { depth: number; line: number } {
  // A line's depth is the brackets open at it plus half its indentation: with every line indented less than MAX_DEPTH
  // and at most MAX_DEPTH / 2 brackets in all, no line reaches MAX_DEPTH, and no character-by-character look is needed.
  if (!DEEP_INDENT.test(yamlText)) {
    OPENING.lastIndex = 0;
    let brackets = 0;
    while (brackets <= MAX_DEPTH / 2 && OPENING.test(yamlText)) brackets++;
    if (brackets <= MAX_DEPTH / 2) return { depth: 0, line: 1 };
  }
  let deepest = 0;
  let deepestLine = 1;
  let line = 1;
  let brackets = 0;
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < yamlText.length; i++) {
    const c = yamlText.charCodeAt(i);
    if (c === 10 /* \n */) {
      line++;
      lineStart = true;
      indent = 0;
      continue;
    }
    if (lineStart) {
      if (c === 32 /* space */ || c === 45 /* - */) {
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
    if (c === 91 /* [ */ || c === 123 /* { */) brackets++;
    else if ((c === 93 /* ] */ || c === 125) /* } */ && brackets > 0) brackets--;
    else continue;
    const depth = brackets + Math.floor(indent / 2);
    if (depth > deepest) {
      deepest = depth;
      deepestLine = line;
    }
  }
  return { depth: deepest, line: deepestLine };
}
