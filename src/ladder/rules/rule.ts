/**
 * The shape of a rule, as ESLint's: `meta` says what the rule is (its id,
 * severity, the paragraphs of docs/format.md's rule table, its messages) and
 * `check` finds its problems in the model. Rules whose problems are found
 * while files are read (syntax/frontmatter, schema/*, layout/*, the body
 * checks of content/*) have `meta` only: the reader reports them with
 * `report()`, taking the id and the words from here.
 *
 * How to add a rule: docs/contributing.md.
 */
import { diagnostic, type Diagnostic, type Location, type RelatedLocation, type Severity } from '../diagnostics.ts';
import type { SourceFile } from '../load.ts';
import type { Ladder } from '../model.ts';

/** A diagnostic a rule found, with what an exception in ladder.md would need to match it. */
export interface Finding extends Diagnostic {
  subject?: { family: string; grade: number };
}

export interface RuleContext {
  ladder: Ladder;
  /** Every content file found, valid or not. */
  files: readonly SourceFile[];
}

/** What a rule's `check` is: the model in, its findings out. It never writes the model. */
export type Rule = (context: RuleContext) => Finding[];

/**
 * A message: a template whose {{placeholders}} are filled from the report's
 * data (as ESLint's), or a function of typed data for a sentence that
 * changes its shape with the data.
 */
export type Message = string | ((data: never) => string);
export type Messages = Record<string, Message>;

/** The version of the format with which Parity first reports a rule. */
export type Since = '1.0' | '1.1';

export interface RuleMeta<M extends Messages = Messages> {
  /** `group/name`, as printed after each diagnostic; the rule's file is src/ladder/rules/<id>.ts. */
  id: string;
  /** The severity of its diagnostics. */
  severity: Severity;
  /** When some of its diagnostics have another severity: said in the table's severity column. */
  severityNote?: string;
  since: Since;
  /** One line: what the rule catches (`ladder rules`). */
  description: string;
  /** The two paragraphs of docs/format.md's table, in Markdown: what a diagnostic means, and what to do. */
  docs: { means: string; fix: string };
  /** Its messages by messageId. */
  messages: M;
  /** Whether an exception in ladder.md may excuse it (parity.exceptions). */
  excusable?: boolean;
}

export interface RuleModule<M extends Messages = Messages> {
  meta: RuleMeta<M>;
  /** Finds the rule's problems in the model; absent for rules reported while files are read. */
  check?: Rule;
}

/** Declares a rule's metadata, keeping each template's placeholders in its type. */
export function defineMeta<const M extends Messages>(meta: RuleMeta<M>): RuleMeta<M> {
  return meta;
}

/** The names of a template's {{placeholders}}. */
type Placeholders<T extends string> = T extends `${string}{{${infer Name}}}${infer Rest}` ? Name | Placeholders<Rest> : never;

/** The data a message needs: a value for each placeholder, or the argument of its function. */
export type DataOf<T> = T extends (data: infer D) => string ? D : T extends string ? Record<Placeholders<T>, string | number> : never;

/** What a report may add to its message: other places, a severity other than the rule's, an exception's subject. */
export interface ReportExtra {
  related?: RelatedLocation[];
  severity?: Severity;
  subject?: Finding['subject'];
}

/** data is required when the message has placeholders (or a function of data), and may be left out when it has none. */
type ReportArgs<T> = [keyof DataOf<T>] extends [never] ? [data?: Record<string, never>, extra?: ReportExtra] : [data: DataOf<T>, extra?: ReportExtra];

/** A message's text: the template with its placeholders filled, or the function applied. */
export function format<T extends Message>(message: T, data: DataOf<T>): string {
  if (typeof message === 'function') return (message as (data: DataOf<T>) => string)(data);
  const values = (data ?? {}) as Record<string, string | number>;
  // As ESLint: a placeholder without a value stays as written.
  return message.replace(/\{\{\s*([^{}\s]+)\s*\}\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

/**
 * One problem of a rule, located at `at`: ESLint's `context.report({ node,
 * messageId, data })`, made a value. The rule id and severity come from the
 * rule's meta, the message from its template.
 */
export function report<M extends Messages, K extends keyof M & string>(
  meta: RuleMeta<M>,
  at: Location,
  messageId: K,
  ...[data, extra]: ReportArgs<M[K]>
): Finding {
  const message = format(meta.messages[messageId]!, (data ?? {}) as DataOf<M[K]>);
  const found: Finding = diagnostic(at, meta.id, message, extra?.severity ?? meta.severity, extra?.related);
  if (extra?.subject) found.subject = extra.subject;
  return found;
}
