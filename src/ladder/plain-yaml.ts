/**
 * A fast reading of the YAML that ladder files are written in.
 *
 * `yaml` (eemeli/yaml) is the parser that decides: its errors, its source
 * ranges and its reading of every file Parity reports on. It is also slow
 * (about 0.15 ms per frontmatter block, which was most of a clean check).
 * js-yaml, the parser Astro itself reads frontmatter with, reads the same
 * blocks seven times faster but keeps no positions, says other things
 * about mistakes, at other places, and differs from `yaml` at the edges of
 * the language ("0b11" is a number to it, an unknown tag an error).
 *
 * So js-yaml reads only "plain" YAML, a subset on which the two cannot
 * differ, and `yaml` reads everything else. Plain is checked line by line
 * before js-yaml runs:
 *
 * - text of printable characters only: no tab, no control character, no
 *   Unicode line separator, no byte-order mark, no lone surrogate;
 * - every line blank, a comment, `key:` (a group or list follows, or no
 *   value), `key: value`, `- value` or `- key: value`, the dash followed by
 *   one space;
 * - a key is a word (a letter, then letters, digits, "-" or "_") or a
 *   whole number;
 * - a value is one line: plain text that starts with a character no YAML
 *   syntax or number starts with (a letter, "(", "$", "é"; not a digit,
 *   sign, dot, quote, bracket, "~" or any space) and holds no ": ", " #",
 *   "::", bracket, brace or space other than " "; a number written in
 *   digits with at most one decimal point (never "95.000", which check
 *   reports as a thousands separator); a quoted string whose only escapes
 *   are \" and \\ (or '' in single quotes); a list in brackets, or a group
 *   in braces of "key: value" pairs, whose values are numbers, quoted
 *   strings or words that start with an ASCII letter and hold no quote,
 *   "#", ":" or comma; or a literal or folded block (`|`, `|-`, `>`, `>-`)
 *   whose lines are indented alike, with spaces;
 * - every group and list indented further than its key, its entries in one
 *   column.
 *
 * Anything else (anchors, aliases, tags, nested brackets, a value over several
 * lines, a duplicate key, an odd indentation) goes to `yaml`, and so does
 * anything js-yaml refuses. On plain YAML both parsers give the same data
 * and `yaml` reports nothing: tests/plain-yaml.test.ts holds them to that
 * on generated text around every edge of the subset.
 */
import jsyaml from 'js-yaml';

/** Printable text: no tab, C0 or C1 control, U+2028/2029, U+FEFF, U+FFFE/FFFF or lone surrogate. */
const UNPRINTABLE = /[^\n\x20-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\u{10000}-\u{10ffff}]/u;

/**
 * A word, or a whole number (a grade in a family's bands): both parsers make either the same string key. Not a word
 * YAML's core schema reads as true, false or null: such a key is left to `yaml`.
 */
const KEY = String.raw`(?:(?!(?:true|True|TRUE|false|False|FALSE|null|Null|NULL)(?![\w-]))[A-Za-z][\w-]{0,99}|0|[1-9]\d{0,5})`;
/** A number both parsers read alike: digits, at most one decimal point, no leading zero, no sign but "-". */
const NUMBER = String.raw`(?:0|-?[1-9]\d{0,14})(?:\.\d{1,15})?`;
/**
 * The shape of "95.000": a decimal point where a thousands separator was meant, which check reports (THOUSANDS in
 * frontmatter.ts, on the numbers `yaml` reads), so read by `yaml`. Looked for anywhere in the text (a digit, a point,
 * three digits and no fourth), wherever a number may stand: the fast reading returns no such number to report.
 */
const SEPARATOR_SHAPE = /\d\.\d{3}(?!\d)/;
const DOUBLE = String.raw`"(?:[^"\\]|\\["\\])*"`;
const SINGLE = "'(?:[^']|'')*'";
/**
 * Plain text in a block: starts with a character that starts no YAML syntax (not a digit, sign or dot either,
 * which numbers start with), then no ": ", no " #", no bracket or brace, no trailing ":"; spaces only between words.
 */
const PLAIN = String.raw`[^\s\-?:,[\]{}#&*!|>'"%@\x60+.0-9~](?:[^\s:#[\]{}]|:(?=[^\s:])|#| +(?=[^\s#:]))*`;
/** A value in brackets or braces: words that start with an ASCII letter (no quote, "#", ":" or comma), a number, or a quoted string. */
const ITEM = String.raw`(?:[A-Za-z][^\s,:#[\]{}"']*(?: +[^\s,:#[\]{}"']+)*|${NUMBER}|${DOUBLE}|${SINGLE})`;
const FLOW = String.raw`\[ *(?:${ITEM}(?: *, *${ITEM})*)? *\]`;
/** A group in braces of "key: value" pairs, each value an item as above: `{ min: 66000, max: 85000 }`. */
const PAIR = `${KEY}: +${ITEM}`;
const FLOW_MAP = String.raw`\{ *(?:${PAIR}(?: *, *${PAIR})*)? *\}`;
const VALUE = `(?:${PLAIN}|${NUMBER}|${DOUBLE}|${SINGLE}|${FLOW}|${FLOW_MAP})`;
const END = '(?: +#.*| *)$';

/** `[indent][- ]key:[ value | block header]`: groups 1 indent, 2 dash, 3 key, 4 value, 5 block header. */
const ENTRY = new RegExp(`^( *)(- )?(${KEY}):(?: +(${VALUE})| +([|>]-?))?${END}`);
/** `[indent]- value`: group 1 indent, 2 value. */
const ITEM_LINE = new RegExp(`^( *)- (${VALUE})${END}`);
const BLANK = /^ *(?:#.*)?$/;

type Level = { indent: number; kind: 'map' | 'seq' };

/**
 * The data of a frontmatter block (the lines between its fences, joined with
 * "\n") when it is plain YAML that js-yaml reads; undefined when `yaml` must
 * read it. An empty or comment-only block reads as an empty object.
 */
export function readPlainYaml(text: string): Record<string, unknown> | undefined {
  if (!isPlain(text)) return undefined;
  let data: unknown;
  try {
    data = jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA });
  } catch {
    // A duplicate key, or anything else js-yaml refuses: `yaml` says what it is, and where.
    return undefined;
  }
  if (data === undefined || data === null) return {};
  return typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
}

/** Whether a frontmatter block is in the plain subset (see the top of this file). */
export function isPlain(text: string): boolean {
  if (UNPRINTABLE.test(text) || SEPARATOR_SHAPE.test(text)) return false;
  const stack: Level[] = [];
  // A `key:` with nothing after it: the indentation of its key, until the next line says whether a group follows.
  let opened: number | undefined;
  // A block scalar being read: the indentation of its key, and of its first line once known.
  let block: { key: number; indent: number | undefined; folded: boolean } | undefined;
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const line = text.slice(start, end);
    start = end + 1;
    if (block) {
      if (line === '') continue;
      // Spaces only: YAML indents with nothing else (a line that starts with a no-break space is not indented, and ends the block).
      const indent = /^ */.exec(line)![0].length;
      if (indent === line.length) return false; // spaces only: where they belong is an edge of the language
      if (block.indent === undefined) {
        if (indent <= block.key) return false; // an empty block
        block.indent = indent;
        continue;
      }
      if (indent >= block.indent) {
        if (block.folded && indent > block.indent) return false; // folding around more-indented lines
        continue;
      }
      if (indent > block.key) return false;
      block = undefined;
    }
    if (BLANK.test(line)) continue;
    const entry = ENTRY.exec(line);
    const item = entry ? undefined : ITEM_LINE.exec(line);
    if (!entry && !item) return false;
    const indent = (entry ?? item)![1]!.length;
    const dash = item !== undefined || entry?.[2] !== undefined;
    if (opened !== undefined) {
      // The group or list of the `key:` above, indented further; anything else leaves that key without a value.
      if (indent > opened) stack.push({ indent, kind: dash ? 'seq' : 'map' });
      opened = undefined;
    }
    while (stack.length > 0 && stack.at(-1)!.indent > indent) stack.pop();
    const level = stack.at(-1);
    if (level === undefined) {
      if (indent !== 0 || dash) return false; // the block is a list of "key: value" fields
      stack.push({ indent: 0, kind: 'map' });
    } else if (level.indent !== indent || level.kind !== (dash ? 'seq' : 'map')) {
      return false;
    }
    if (!entry) continue;
    // "- key: value": the item is a group whose keys line up after the dash.
    const keyIndent = entry[2] ? indent + 2 : indent;
    if (entry[2]) stack.push({ indent: keyIndent, kind: 'map' });
    if (entry[5] !== undefined) block = { key: keyIndent, indent: undefined, folded: entry[5].startsWith('>') };
    else if (entry[4] === undefined) opened = keyIndent;
  }
  // A block that ends the text before its first line is an empty block.
  return block === undefined || block.indent !== undefined;
}
