/**
 * The shape of each kind of content file as the web editor sees it, read
 * from the format's Zod schemas through their JSON Schema (z.toJSONSchema):
 * every field, type, bound, enum, default and description comes from the one
 * definition the checker uses. Nothing here names a field of the format,
 * except how the key of a map is labelled in a form (RECORD_KEYS).
 *
 * The editor's forms have no widget for a map keyed by the author's own
 * values (a family's `bands:` keyed by grade, a band's `zones:` keyed by zone
 * id): such a "record" is edited as a list of items that carry their key
 * (`{ grade: 4, min, max, ... }`), and written back as the map
 * (src/editor/format.ts). Both directions read the records from here.
 */
import { z } from 'zod';
import { pageSchemas, schemas, type FileKind, type PageName } from '../ladder/schema.ts';

/** A kind of content file, or an optional page such as choose.md. */
export type SchemaKind = FileKind | PageName;
const allSchemas = { ...schemas, ...pageSchemas };
export const SCHEMA_KINDS = Object.keys(allSchemas) as SchemaKind[];

export type JsonSchema = {
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  required?: string[];
  items?: JsonSchema;
  enum?: (string | number)[];
  const?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  pattern?: string;
  format?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

const jsonSchemas = new Map<SchemaKind, JsonSchema>();

/** The JSON Schema of a kind of file's frontmatter (what the file holds: defaults are optional). */
export function frontmatterSchema(kind: SchemaKind): JsonSchema {
  // Converted once per kind: the editor's configuration needs the level schema once per track.
  let schema = jsonSchemas.get(kind);
  if (!schema) jsonSchemas.set(kind, (schema = z.toJSONSchema(allSchemas[kind], { io: 'input', target: 'draft-7', unrepresentable: 'any' }) as JsonSchema));
  return structuredClone(schema);
}

/** A field's shape, simplified to what a form can show. */
export type Shape =
  | { type: 'scalar'; schema: JsonSchema }
  | { type: 'object'; schema: JsonSchema; fields: FieldShape[] }
  | { type: 'record'; schema: JsonSchema; key: RecordKey; value: Shape }
  | { type: 'list'; schema: JsonSchema; item: Shape };

export interface FieldShape {
  name: string;
  required: boolean;
  shape: Shape;
}

/** How a record's key is edited: the name of the item field that holds it, and its label and type. */
export interface RecordKey {
  name: string;
  label: string;
  /** The key's own JSON Schema (its pattern), from `propertyNames`. */
  schema: JsonSchema;
  /** A key that is a whole number (a grade) is edited as a number and written as one. */
  numeric: boolean;
}

/**
 * The field name and label that a record's key takes in its list items, by
 * the record's own name; any other record's key is "key".
 */
const RECORD_KEYS: Record<string, { name: string; label: string }> = {
  bands: { name: 'grade', label: 'Grade' },
  zones: { name: 'zone', label: 'Zone' },
};

/** The fields of a kind of file, in schema order. */
export function fileShape(kind: SchemaKind): FieldShape[] {
  const shape = shapeOf(frontmatterSchema(kind), '');
  return shape.type === 'object' ? shape.fields : [];
}

/** The shape of a JSON Schema (`name`: the field's own name, which names a record's key). */
export function shapeOf(schema: JsonSchema, name = ''): Shape {
  const s = simplify(schema);
  if (isType(s, 'object') && s.properties) {
    const required = new Set(s.required ?? []);
    return {
      type: 'object',
      schema: s,
      fields: Object.entries(s.properties).map(([field, sub]) => ({ name: field, required: required.has(field), shape: shapeOf(sub, field) })),
    };
  }
  if (isType(s, 'object') && typeof s.additionalProperties === 'object') {
    const value = shapeOf(s.additionalProperties, '');
    const keySchema = s.propertyNames ?? { type: 'string' };
    const named = RECORD_KEYS[name] ?? { name: 'key', label: 'Key' };
    // A value that has a field of the key's name keeps "key" for the key.
    const clash = value.type === 'object' && value.fields.some((f) => f.name === named.name);
    const key = clash ? { name: 'key', label: named.label } : named;
    return { type: 'record', schema: s, key: { ...key, schema: keySchema, numeric: digitsOnly(keySchema.pattern) }, value };
  }
  if (isType(s, 'array')) return { type: 'list', schema: s, item: shapeOf(s.items ?? {}, '') };
  return { type: 'scalar', schema: s };
}

/** A key pattern that accepts whole numbers and nothing else (a grade). */
function digitsOnly(pattern: string | undefined): boolean {
  if (pattern === undefined) return false;
  const re = new RegExp(pattern, 'u');
  return re.test('1') && re.test('12') && !['a', '-', '1a', ''].some((s) => re.test(s));
}

function isType(s: JsonSchema, type: string): boolean {
  return Array.isArray(s.type) ? s.type.includes(type) : s.type === type;
}

/** An optional field's schema may be wrapped (`anyOf: [X, null]`, `allOf: [X]`): the editor edits X. */
function simplify(schema: JsonSchema): JsonSchema {
  const inner = schema.allOf?.length === 1 ? schema.allOf[0] : (schema.anyOf ?? schema.oneOf)?.filter((s) => s.type !== 'null');
  const only = Array.isArray(inner) ? (inner.length === 1 ? inner[0] : undefined) : inner;
  if (!only) return schema;
  const { allOf: _a, anyOf: _b, oneOf: _c, ...rest } = schema;
  return simplify({ ...only, ...rest });
}

/** Every field path of a kind of file ("pay", "pay.min", "bands", "bands.grade", "bands.zones.zone"...), as the editor edits it. */
export function editorPaths(fields: readonly FieldShape[], prefix = ''): string[] {
  return fields.flatMap((f) => {
    const path = prefix ? `${prefix}.${f.name}` : f.name;
    return [path, ...innerPaths(f.shape, path)];
  });
}

function innerPaths(shape: Shape, path: string): string[] {
  switch (shape.type) {
    case 'object':
      return editorPaths(shape.fields, path);
    case 'list':
      return innerPaths(shape.item, path);
    case 'record':
      return [`${path}.${shape.key.name}`, ...innerPaths(shape.value, path)];
    default:
      return [];
  }
}
