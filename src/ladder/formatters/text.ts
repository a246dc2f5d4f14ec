/** `file:line:column  severity  message  rule`, then a one-line count; colours only when asked. */
import type { Diagnostic, Summary } from '../diagnostics.ts';
import { visible } from '../text.ts';

export interface TextOptions {
  color?: boolean;
  /** Prefix for file paths, such as "content/", so that terminals can open them. */
  prefix?: string;
}

const paint = (on: boolean, code: number, text: string) => (on ? `\u001b[${code}m${text}\u001b[0m` : text);

export function formatText(diagnostics: readonly Diagnostic[], summary: Summary, options: TextOptions = {}): string {
  const color = options.color ?? false;
  const prefix = options.prefix ?? '';
  const lines = diagnostics.map((d) =>
    [
      // Content and file names are printed through visible(): no escape sequence or line break of theirs reaches the terminal.
      paint(color, 4, `${visible(prefix + d.file)}:${d.line}:${d.column}`),
      d.severity === 'error' ? paint(color, 31, 'error') : paint(color, 33, 'warning'),
      visible(d.message),
      paint(color, 2, visible(d.rule)),
    ].join('  '),
  );
  lines.push(formatSummary(summary, color));
  return `${lines.join('\n')}\n`;
}

export function formatSummary(summary: Summary, color = false): string {
  const files = `${summary.files} file${summary.files === 1 ? '' : 's'}`;
  if (summary.errors === 0 && summary.warnings === 0) return paint(color, 32, `✔ No problems in ${files}`);
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const text = `${count(summary.errors, 'error')} and ${count(summary.warnings, 'warning')} in ${files}`;
  return summary.errors > 0 ? paint(color, 31, `✖ ${text}`) : paint(color, 33, `⚠ ${text}`);
}
