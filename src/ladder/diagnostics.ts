/**
 * Diagnostics: one problem, located to file:line:column, with a rule id.
 * Modelled on ESLint/TypeScript: every rule reports, nothing throws.
 */

export type Severity = 'error' | 'warning';

/** A place in a content file. Lines and columns are 1-based. */
export interface Location {
  /** Path relative to the content directory, with forward slashes. */
  file: string;
  line: number;
  column: number;
}

export interface RelatedLocation extends Location {
  message: string;
}

export interface Diagnostic extends Location {
  rule: string;
  severity: Severity;
  message: string;
  /** Other places involved, such as the counterpart level of a parity problem. */
  related?: RelatedLocation[];
}

export function diagnostic(at: Location, rule: string, message: string, severity: Severity = 'error', related?: RelatedLocation[]): Diagnostic {
  const d: Diagnostic = { file: at.file, line: at.line, column: at.column, rule, severity, message };
  if (related && related.length > 0) d.related = related;
  return d;
}

/** Stable order: by file, then line, then column, then rule. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => compare(a.file, b.file) || a.line - b.line || a.column - b.column || compare(a.rule, b.rule) || compare(a.message, b.message),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface Summary {
  errors: number;
  warnings: number;
  files: number;
}

export function summarize(diagnostics: readonly Diagnostic[], files: number): Summary {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings, files };
}
