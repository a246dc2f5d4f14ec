/**
 * Writes new frontmatter values into the YAML text they were read from,
 * changing only what changed: a field whose value is the same keeps its
 * bytes (its quotes, comments, list style, blank lines), a changed number or
 * text is replaced where it stands, a new field is inserted next to its
 * neighbours, a removed one is cut out. A save in the web editor that raises
 * one band is then a one-line diff, whatever style the file was written in.
 *
 * What is written anew (a new field, a changed flow list, a list item that
 * changed) is in the style `ladder new` writes: block maps, lists of plain
 * values in flow style (`[a, b]`), no line wrapping.
 */
import { Document, isMap, isScalar, isSeq, parseDocument, Scalar, stringify, visit, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';

type Plain = string | number | boolean | null;
type Value = Plain | Value[] | { [key: string]: Value };

/**
 * `source`: the YAML between the frontmatter fences ("" for none), lines
 * ending in "\n" or "\r\n". `value`: the data to write. Returns the YAML
 * text, with the source's line ends.
 */
export function patchYaml(source: string, value: Record<string, unknown>): string {
  const crlf = source.includes('\r\n');
  const text = crlf ? source.replace(/\r\n/g, '\n') : source;
  const target = normalize(value) as Record<string, Value>;
  let out: string;
  const doc = text.trim() === '' ? undefined : parseDocument(text, { keepSourceTokens: false });
  if (!doc || doc.errors.length > 0 || !isMap(doc.contents) || doc.contents.flow || doc.contents.items.length === 0) {
    out = fresh(target);
  } else {
    const withNewline = text.endsWith('\n') ? text : `${text}\n`;
    out = patchMap(doc.contents, target, withNewline, 0, withNewline.length, '');
  }
  return crlf ? out.replace(/\n/g, '\r\n') : out;
}

/** Frontmatter written from nothing, in the house style. */
export function fresh(value: Record<string, unknown>): string {
  const target = normalize(value) as Record<string, Value>;
  return Object.keys(target).length === 0 ? '' : render(target, '');
}

/** Drops undefined values (a field left out), recursively; keeps key order. */
function normalize(value: unknown): Value | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return value.map((v) => normalize(v) ?? null);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, Value> = {};
    for (const [k, v] of Object.entries(value)) {
      const n = normalize(v);
      if (n !== undefined) out[k] = n;
    }
    return out;
  }
  return value as Plain;
}

const isObject = (v: unknown): v is Record<string, Value> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPlain = (v: unknown): v is Plain => v === null || ['string', 'number', 'boolean'].includes(typeof v);

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && equal(a[k], b[k]));
  }
  return false;
}

const keyStart = (pair: Pair): number => (pair.key as Node | null)?.range?.[0] ?? 0;
const lineStart = (text: string, offset: number): number => text.lastIndexOf('\n', offset - 1) + 1;
const toJS = (node: unknown): unknown => (node && typeof node === 'object' && 'toJSON' in node ? (node as Node).toJSON() : node);
const keyText = (pair: Pair): string => String(toJS(pair.key));

/**
 * A block map's items, from `start` (the first item's line) to `end`,
 * patched to `target`: `indent` is the items' indentation.
 */
function patchMap(map: YAMLMap, target: Record<string, Value>, src: string, start: number, end: number, indent: string): string {
  const items = map.items as Pair[];
  const slices = items.map((pair, i) => ({
    key: keyText(pair),
    pair,
    from: lineStart(src, keyStart(pair)),
    to: i + 1 < items.length ? lineStart(src, keyStart(items[i + 1]!)) : end,
  }));
  // Text before the first item (a comment line) stays.
  const out: { key: string; text: string }[] = [];
  for (const slice of slices) {
    if (!(slice.key in target)) continue;
    out.push({ key: slice.key, text: patchPair(slice.pair, target[slice.key]!, src, slice.from, slice.to, indent) });
  }
  // New keys go after the nearest key that precedes them in the target's order.
  const order = Object.keys(target);
  for (const [index, key] of order.entries()) {
    if (slices.some((s) => s.key === key)) continue;
    const text = renderPair(key, target[key]!, indent);
    const before = order
      .slice(0, index)
      .reverse()
      .find((k) => out.some((o) => o.key === k));
    const at = before === undefined ? 0 : out.findIndex((o) => o.key === before) + 1;
    out.splice(at, 0, { key, text });
  }
  return src.slice(start, slices[0]?.from ?? start) + out.map((o) => o.text).join('');
}

/** One "key: value" item, its lines from `from` to `to`, patched to `value`. */
function patchPair(pair: Pair, value: Value, src: string, from: number, to: number, indent: string): string {
  const slice = src.slice(from, to);
  const node = pair.value as Node | null;
  if (equal(toJS(node) ?? null, value)) return slice;
  const key = keyText(pair);
  if (node && isScalar(node) && isPlain(value) && value !== null && node.range) {
    const text = scalarText(value, node);
    if (text !== undefined) return src.slice(from, node.range[0]) + text + src.slice(node.range[1], to);
  }
  if (node && (isMap(node) || isSeq(node)) && node.flow && node.range && (isObject(value) || Array.isArray(value))) {
    const text = flowText(value, src.charAt(node.range[0] + 1) === ' ');
    if (text !== undefined && !text.includes('\n')) return src.slice(from, node.range[0]) + text + src.slice(node.range[1], to);
  }
  if (node && isMap(node) && !node.flow && node.items.length > 0 && isObject(value) && Object.keys(value).length > 0) {
    const first = lineStart(src, keyStart(node.items[0] as Pair));
    const childIndent = src.slice(first, keyStart(node.items[0] as Pair));
    if (first > from) return src.slice(from, first) + patchMap(node, value, src, first, to, childIndent);
  }
  if (node && isSeq(node) && !node.flow && node.items.length > 0 && Array.isArray(value) && value.length > 0) {
    const patched = patchSeq(node, value, src, from, to);
    if (patched !== undefined) return patched;
  }
  // Anything else is written anew, with what followed the item (blank lines) kept.
  const trailing = /\n(?:[ \t]*\n)*$/.exec(slice)?.[0] ?? '\n';
  return renderPair(key, value, indent).replace(/\n$/, '') + trailing;
}

/** A block list of the item's own lines: unchanged items keep their lines, others are written anew. */
function patchSeq(seq: YAMLSeq, value: Value[], src: string, from: number, to: number): string | undefined {
  const items = seq.items as Node[];
  const starts = items.map((item) => (item.range ? src.lastIndexOf('-', item.range[0]) : -1));
  if (starts.some((s) => s < from)) return undefined;
  const dash = starts[0]!;
  const indent = src.slice(lineStart(src, dash), dash);
  if (indent.trim() !== '') return undefined;
  const head = src.slice(from, lineStart(src, dash));
  const pieces: string[] = [];
  value.forEach((v, i) => {
    const item = items[i];
    if (item !== undefined) {
      const a = lineStart(src, starts[i]!);
      const b = i + 1 < items.length ? lineStart(src, starts[i + 1]!) : to;
      if (equal(toJS(item) ?? null, v)) {
        pieces.push(src.slice(a, b));
        return;
      }
    }
    pieces.push(renderItem(v, indent));
  });
  return head + pieces.join('');
}

/** A scalar's new text, quoted as the old one was when it can be; undefined when it needs lines of its own. */
function scalarText(value: Plain, old: Scalar): string | undefined {
  if (old.type === Scalar.BLOCK_LITERAL || old.type === Scalar.BLOCK_FOLDED) return undefined;
  let text: string;
  if (typeof value === 'string') {
    const type = old.type === Scalar.QUOTE_DOUBLE || old.type === Scalar.QUOTE_SINGLE ? old.type : Scalar.PLAIN;
    text = stringify(value, { lineWidth: 0, defaultStringType: type, defaultKeyType: Scalar.PLAIN }).replace(/\n$/, '');
  } else {
    text = stringify(value, { lineWidth: 0 }).replace(/\n$/, '');
  }
  return text.includes('\n') ? undefined : text;
}

/** A flow list or map on one line: `[a, b]`, `{ min: 1, max: 2 }`. */
function flowText(value: Value, padded: boolean): string | undefined {
  const doc = new Document(value, { keepUndefined: false });
  visit(doc, { Map: (_, n) => void (n.flow = true), Seq: (_, n) => void (n.flow = true) });
  numericKeys(doc);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: padded }).replace(/\n$/, '');
}

/** "key: value" lines in the house style, at `indent`. */
function renderPair(key: string, value: Value, indent: string): string {
  return render({ [key]: value }, indent);
}

/** "- value" lines in the house style, at `indent`. */
function renderItem(value: Value, indent: string): string {
  return render([value], indent);
}

function render(value: Value, indent: string): string {
  const doc = new Document(value, { keepUndefined: false });
  // Lists of plain values are written [a, b], as ladder new writes them.
  visit(doc, { Seq: (_, n) => void (n.flow = n.items.every((i) => isScalar(i))) });
  numericKeys(doc);
  const text = doc.toString({ lineWidth: 0, flowCollectionPadding: false, indentSeq: true });
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => (line === '' ? line : indent + line))
    .join('\n')
    .concat('\n');
}

/** Keys that are whole numbers (grades) are written plain, `4:`, as people write them, not `"4":`. */
function numericKeys(doc: Document): void {
  visit(doc, {
    Pair: (_, pair) => {
      if (isScalar(pair.key) && typeof pair.key.value === 'string' && /^[1-9][0-9]*$/.test(pair.key.value)) pair.key.value = Number(pair.key.value);
    },
  });
}
