/** GitHub Actions workflow commands: an annotation on the line at fault. */
import type { Diagnostic, Summary } from '../diagnostics.ts';
import { visible } from '../text.ts';
import { formatSummary } from './text.ts';

/** Escapes as the Actions runner expects, after visible(): no control character of the content reaches the log. */
const data = (s: string) => visible(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const property = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** `prefix` makes paths relative to the repository root (e.g. "content/"), which is what GitHub matches. */
export function formatGithub(diagnostics: readonly Diagnostic[], summary: Summary, prefix = ''): string {
  const lines = diagnostics.map(
    (d) => `::${d.severity} file=${property(prefix + d.file)},line=${d.line},col=${d.column},title=${property(d.rule)}::${data(d.message)}`,
  );
  lines.push(formatSummary(summary));
  return `${lines.join('\n')}\n`;
}
