/**
 * Validates frontmatter with the Zod schemas and turns every issue into a
 * located diagnostic: `schema/<field path>` at the key or value at fault.
 */
import type { z } from 'zod';
import { diagnostic, type Diagnostic } from './diagnostics.ts';
import type { ParsedFile, PathSegment } from './frontmatter.ts';
import { schemas, type FileKind } from './schema.ts';

export type ValidationResult<K extends FileKind> = { ok: true; data: z.output<(typeof schemas)[K]> } | { ok: false; diagnostics: Diagnostic[] };

export function validateFrontmatter<K extends FileKind>(kind: K, parsed: ParsedFile): ValidationResult<K> {
  return validateWith(schemas[kind], parsed) as ValidationResult<K>;
}

/** The same, against any object schema (such as an optional page's). */
export function validateWith<S extends z.ZodType>(schema: S, parsed: ParsedFile): { ok: true; data: z.output<S> } | { ok: false; diagnostics: Diagnostic[] } {
  const result = schema.safeParse(parsed.data, { reportInput: true });
  // "95.000" is 95 to YAML: in an amount of money it is a thousands separator, an error however valid 95 is.
  const separated = (parsed.separated ?? [])
    .filter(({ path }) => MONEY_FIELDS.has(String(path.at(-1))))
    .map(({ path, text }) =>
      diagnostic(
        parsed.locate(path),
        ruleFor(path),
        `"${fieldName(path)}" is written ${text}, which YAML reads as ${Number(text)}: write amounts without separators, such as ${text.replace(/[.,]/g, '')}`,
      ),
    );
  if (result.success && separated.length === 0) return { ok: true, data: result.data };
  const diagnostics: Diagnostic[] = [...separated];
  if (result.success) return { ok: false, diagnostics };
  // Of two limits a value breaks ("at most 2^53", "at most 99"), say the one the field sets.
  const bound = (i: z.core.$ZodIssue) => (i.code === 'too_big' ? Number(i.maximum) : Infinity);
  const issues = [...result.error.issues].sort((a, b) => (a.path.join('.') === b.path.join('.') ? bound(a) - bound(b) || 0 : 0));
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...issue.path, key] as PathSegment[];
        diagnostics.push(
          diagnostic(parsed.locate(path, 'key'), ruleFor(path), `Unknown field "${fieldName(path)}"${suggestion(schema, issue.path as PathSegment[], key)}`),
        );
      }
      continue;
    }
    const path = issue.path as PathSegment[];
    // A missing field: Zod says "invalid type" or, for a list of allowed values, "invalid value".
    const missing = (issue.code === 'invalid_type' || issue.code === 'invalid_value') && 'input' in issue && issue.input === undefined;
    const at = parsed.locate(path, missing ? 'key' : 'value');
    diagnostics.push(diagnostic(at, ruleFor(path), messageFor(issue, path, missing)));
  }
  // One message per field and place: Zod reports each failed check of a value (format, then regex; int, then max).
  const seen = new Set<string>();
  const unique = diagnostics.filter((d) => {
    const key = `${d.line}:${d.column}:${d.rule}`;
    return !seen.has(key) && seen.add(key);
  });
  return { ok: false, diagnostics: unique };
}

/** The fields that hold amounts of money, where "95.000" or "$195,000" is a mistake to explain. */
const MONEY_FIELDS = new Set(['min', 'max', 'budget']);

/**
 * Text that was meant as an amount of money ("$195,000", "195k", "195 000",
 * "1.250.000", "€95.000"), as the plain number to write instead; undefined
 * for text that is no amount.
 */
export function amountFromText(text: string): number | undefined {
  const match = /^\s*[^\d\s.,-]{0,3}\s*(\d{1,3}(?:[ ,.'\u00a0\u202f]\d{3})+|\d+(?:[.,]\d+)?)\s*([kKmM])?\s*[^\d\s]{0,3}\s*$/.exec(text);
  if (!match) return undefined;
  const [, digits, suffix] = match;
  const multiplier = suffix ? (suffix.toLowerCase() === 'k' ? 1_000 : 1_000_000) : 1;
  const grouped = /[ ,.'\u00a0\u202f]\d{3}(?:\D|$)/.test(digits!) && !/^\d+[.,]\d{1,2}$/.test(digits!);
  const value = grouped ? Number(digits!.replace(/[^\d]/g, '')) : Number(digits!.replace(',', '.'));
  const amount = Math.round(value * multiplier);
  return Number.isFinite(amount) ? amount : undefined;
}

/** `schema/pay.min`; list positions are left out so that one field has one rule id. */
export function ruleFor(path: readonly PathSegment[]): string {
  // Keys that are data, not field names: a grade under `bands:`, a zone id under a band's `zones:`.
  const fields = path.filter((segment, i) => typeof segment === 'string' && !(i > 0 && (path[i - 1] === 'bands' || (path[i - 1] === 'zones' && i > 1))));
  return `schema/${fields.length > 0 ? fields.join('.') : 'frontmatter'}`;
}

function fieldName(path: readonly PathSegment[]): string {
  return path.map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i === 0 ? segment : `.${segment}`)).join('');
}

function describe(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number') return Number.isFinite(value) ? `the number ${value}` : `${value}`;
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'object') return 'a group of fields';
  return `${typeof value} ${String(value)}`;
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  object: 'a group of fields',
  array: 'a list',
  boolean: 'true or false',
};

function messageFor(issue: z.core.$ZodIssue, path: readonly PathSegment[], missing: boolean): string {
  const field = fieldName(path) || 'frontmatter';
  switch (issue.code) {
    case 'invalid_type': {
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      if (missing) return `Missing required field "${field}" (${expected})`;
      if (issue.expected === 'number' || issue.expected === 'int') {
        if (typeof issue.input === 'number' && !Number.isFinite(issue.input)) return `"${field}" must be a finite number, not ${issue.input}`;
        const meant = typeof issue.input === 'string' && MONEY_FIELDS.has(String(path.at(-1))) ? amountFromText(issue.input) : undefined;
        if (meant !== undefined) return `"${field}" must be a plain number, not the text "${issue.input}": write ${meant} (no currency sign, separators or k)`;
      }
      return `"${field}" must be ${expected}, not ${describe(issue.input)}`;
    }
    case 'too_small':
      if (issue.origin === 'array') return `"${field}" must list at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}`;
      if (issue.origin === 'string') return `"${field}" must not be empty`;
      return `"${field}" must be at least ${issue.minimum}, not ${describe(issue.input)}`;
    case 'too_big':
      if (issue.origin === 'string') return `"${field}" must be at most ${issue.maximum} characters long`;
      if (issue.origin === 'array') return `"${field}" must list at most ${issue.maximum} items`;
      return `"${field}" must be at most ${issue.maximum}, not ${describe(issue.input)}`;
    case 'invalid_value':
      if (missing) return `Missing required field "${field}" (one of ${issue.values.map((v) => `"${String(v)}"`).join(', ')})`;
      return `"${field}" must be one of ${issue.values.map((v) => `"${String(v)}"`).join(', ')}, not ${describe(issue.input)}`;
    case 'invalid_format':
    case 'custom':
      return `"${field}" ${issue.message}${issue.code === 'invalid_format' ? `, not ${describe(issue.input)}` : ''}`;
    default:
      return `"${field}": ${issue.message}`;
  }
}

/** ", did you mean "summary"?" for a near miss of a field the schema knows at that place. */
function suggestion(schema: z.ZodType, parent: readonly PathSegment[], key: string): string {
  const known = fieldsAt(schema, parent);
  // A field of a group written at the group's level ("max:" under "pay:" without its indent).
  const owner = known.find((name) => name !== key && fieldsAt(schema, [...parent, name]).includes(key));
  if (owner) return `: "${key}" belongs inside "${owner}": indent it under "${owner}:" like the fields beside it`;
  const near = closest(key, known);
  return near ? `: did you mean "${near}"?` : `: allowed fields here are ${known.map((k) => `"${k}"`).join(', ')}`;
}

/** The field names of the object schema at a path, read from the schema itself. */
export function fieldsAt(schema: z.ZodType, path: readonly PathSegment[]): string[] {
  let node: z.core.$ZodType | undefined = schema;
  for (const segment of [...path, null]) {
    node = unwrap(node);
    if (!node) return [];
    const def: z.core.$ZodTypeDef = node._zod.def;
    if (segment === null) return def.type === 'object' && 'shape' in def ? Object.keys(def.shape as object) : [];
    if (def.type === 'object' && 'shape' in def && typeof segment === 'string') node = (def.shape as Record<string, z.core.$ZodType>)[segment];
    else if (def.type === 'array' && 'element' in def) node = def.element as z.core.$ZodType;
    else return [];
  }
  return [];
}

/** A schema without its wrappers, such as .default() and .optional(). */
function unwrap(node: z.core.$ZodType | undefined): z.core.$ZodType | undefined {
  while (node && 'innerType' in node._zod.def) node = node._zod.def.innerType as z.core.$ZodType;
  return node;
}

/** The candidate within edit distance 2 (or differing only in case), if any. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const distance = candidate.toLowerCase() === word.toLowerCase() ? 0 : editDistance(word, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The fields of a rejected file that are valid on their own, for a
 * provisional entry that lets the other files still be checked against it.
 * Only the top-level fields of an object schema; undefined when the
 * frontmatter is not an object.
 */
export function validFields(schema: z.ZodType, data: unknown): Record<string, unknown> | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const out: Record<string, unknown> = {};
  const shape = (unwrap(schema)?._zod.def as { shape?: Record<string, z.ZodType> } | undefined)?.shape ?? {};
  for (const key of fieldsAt(schema, [])) {
    const field = shape[key];
    const value = (data as Record<string, unknown>)[key];
    if (!field || value === undefined) continue;
    const result = field.safeParse(value);
    if (result.success) out[key] = result.data;
  }
  return out;
}
