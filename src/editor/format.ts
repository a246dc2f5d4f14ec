/**
 * How the web editor reads a content file into its form and writes the form
 * back into the file (registered with the editor as one file format per kind
 * of file, src/editor/admin.ts).
 *
 * Reading: the core's own frontmatter parser (src/ladder/frontmatter.ts), so
 * a file the checker cannot read is one the editor refuses too, with the
 * same message; records (maps keyed by grade or zone) become lists of items
 * that carry their key (src/editor/schema.ts).
 * Writing: the form's values go back into the file's own text
 * (src/editor/patch.ts), so that only what was edited changes; the body is
 * written as typed.
 *
 * The file as it was read travels with the form's values (SOURCE), unseen:
 * it is what the next save patches.
 */
import { parseFrontmatter } from '../ladder/frontmatter.ts';
import { fresh, patchYaml } from './patch.ts';
import { fileShape, type FieldShape, type SchemaKind, type Shape } from './schema.ts';

/** The key under which a form's values keep the text of the file they were read from. */
export const SOURCE = '_source';
/** The form field that holds the Markdown body. */
export const BODY = 'body';

/** A file the editor cannot show in its form: the message says where and why, in the checker's words. */
export class FormatError extends Error {
  override name = 'FormatError';
}

type Data = Record<string, unknown>;

/** The parts of a content file: the frontmatter (with its fences), the blank lines before the body, the body, what ends it. */
interface Parts {
  /** The opening fence line, with its line end. */
  open: string;
  yaml: string;
  /** The closing fence line, with its line end. */
  close: string;
  lead: string;
  body: string;
  tail: string;
  crlf: boolean;
}

function split(text: string, path: string): { parts: Parts; data: Data } {
  const parsed = parseFrontmatter(path, text);
  if (!parsed.ok) {
    const first = parsed.errors[0]!;
    throw new FormatError(`${path}:${first.line}:${first.column}: ${first.message}. Fix the file in a text editor: the web editor cannot show it.`);
  }
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // The body starts on line `bodyLine`: everything before it is the frontmatter block with its two fences.
  let offset = bom;
  for (let line = 1; line < parsed.file.bodyLine && offset < text.length; line++) {
    const next = text.indexOf('\n', offset);
    offset = next < 0 ? text.length : next + 1;
  }
  const head = text.slice(0, offset);
  const firstBreak = head.indexOf('\n');
  const closing = head.replace(/\r?\n$/, '').lastIndexOf('\n');
  const yaml = closing > firstBreak ? head.slice(firstBreak + 1, closing + 1) : '';
  const rest = text.slice(offset);
  const lead = /^(?:[ \t]*\r?\n)*/.exec(rest)![0];
  const afterLead = rest.slice(lead.length);
  const tail = /\s*$/.exec(afterLead)![0];
  return {
    parts: {
      open: head.slice(0, firstBreak + 1),
      yaml,
      close: head.slice(Math.max(closing, firstBreak) + 1),
      lead,
      body: afterLead.slice(0, afterLead.length - tail.length),
      tail,
      crlf: head.includes('\r\n'),
    },
    data: parsed.file.data as Data,
  };
}

/** A content file as the form's values. Throws FormatError for a file the checker could not read either. */
export function readEntry(kind: SchemaKind, text: string, path = `<${kind}>`): Data {
  const { parts, data } = split(text, path);
  const values = toForm(objectShape(kind), data, path) as Data;
  return { ...values, [BODY]: parts.body, [SOURCE]: text };
}

/** The form's values as the file's new text: the file they were read from, changed where they changed. */
export function writeEntry(kind: SchemaKind, values: Data): string {
  const { [SOURCE]: source, [BODY]: bodyValue, ...fields } = values;
  const data = fromForm(objectShape(kind), fields) as Data;
  const typed = typeof bodyValue === 'string' ? bodyValue.replace(/\r\n/g, '\n') : undefined;
  if (typeof source !== 'string') {
    const body = (typed ?? '').trim();
    return `---\n${fresh(data)}---\n${body === '' ? '' : `\n${body}\n`}`;
  }
  let parts: Parts;
  try {
    parts = split(source, `<${kind}>`).parts;
  } catch {
    return writeEntry(kind, { ...values, [SOURCE]: undefined });
  }
  const eol = parts.crlf ? '\r\n' : '\n';
  const yaml = patchYaml(parts.yaml, data);
  const head = `${parts.open}${yaml}${parts.close}`;
  // The body as it was when the text did not change (an editor may trim it or normalize its line ends).
  const oldBody = parts.body.replace(/\r\n/g, '\n');
  const body = typed === undefined || typed.trim() === oldBody.trim() ? parts.body : typed.trim().replace(/\n/g, eol);
  if (body === '') return head;
  return `${head}${parts.lead || eol}${body}${parts.tail || eol}`;
}

const shapes = new Map<SchemaKind, Shape>();
function objectShape(kind: SchemaKind): Shape {
  let shape = shapes.get(kind);
  if (!shape) shapes.set(kind, (shape = { type: 'object', schema: {}, fields: fileShape(kind) }));
  return shape;
}

const isObject = (v: unknown): v is Data => typeof v === 'object' && v !== null && !Array.isArray(v);

/** File data → form values: records become lists of items carrying their key. */
export function toForm(shape: Shape, value: unknown, path: string, at = ''): unknown {
  if (shape.type === 'object' && isObject(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => {
        const field = shape.fields.find((f: FieldShape) => f.name === k);
        return [k, field ? toForm(field.shape, v, path, at ? `${at}.${k}` : k) : v];
      }),
    );
  }
  if (shape.type === 'list' && Array.isArray(value)) return value.map((v, i) => toForm(shape.item, v, path, `${at}[${i}]`));
  if (shape.type === 'record') {
    if (!isObject(value))
      throw new FormatError(
        `${path}: "${at}" must list its entries as "key: value" lines; the web editor cannot show it otherwise. Fix it in a text editor (ladder check says how).`,
      );
    return Object.entries(value).map(([k, v]) => {
      if (!isObject(v) && shape.value.type === 'object') {
        throw new FormatError(
          `${path}: "${at}.${k}" must be a map of its fields (such as min and max); the web editor cannot show it otherwise. Fix it in a text editor (ladder check says how).`,
        );
      }
      const key = shape.key.numeric && /^\d+$/.test(k) ? Number(k) : k;
      return isObject(v) ? { [shape.key.name]: key, ...(toForm(shape.value, v, path, `${at}.${k}`) as Data) } : { [shape.key.name]: key, value: v };
    });
  }
  return value;
}

/** An empty form value: what the editor leaves in an optional field nobody filled in. */
const isEmpty = (v: unknown): boolean =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0) || (isObject(v) && Object.keys(v).length === 0);

/**
 * Form values → file data: lists of keyed items become records again, in the
 * order of the list; an optional field left empty is left out, as the editor
 * does when it saves (`omit_empty_optional_fields`), so that the preview
 * checks what the save will write.
 */
export function fromForm(shape: Shape, value: unknown): unknown {
  if (shape.type === 'object' && isObject(value)) {
    return Object.fromEntries(
      Object.entries(value).flatMap(([k, v]) => {
        const field = shape.fields.find((f: FieldShape) => f.name === k);
        if (!field) return [[k, v]];
        const out = fromForm(field.shape, v);
        return !field.required && isEmpty(out) ? [] : [[k, out]];
      }),
    );
  }
  if (shape.type === 'list' && Array.isArray(value)) return value.map((v) => fromForm(shape.item, v));
  if (shape.type === 'record' && Array.isArray(value)) {
    const record: Data = {};
    for (const item of value) {
      if (!isObject(item)) continue;
      const { [shape.key.name]: key, ...rest } = item;
      const name = key === undefined || key === null ? '' : String(key).trim();
      if (name === '' && Object.values(rest).every((v) => v === undefined || v === null || v === '')) continue;
      record[name] = shape.value.type === 'object' ? fromForm(shape.value, rest) : rest.value;
    }
    return record;
  }
  return value;
}
