/** `{"ok", "diagnostics", "summary"}`, as the spec fixes it. */
import type { Diagnostic, Summary } from '../diagnostics.ts';

export function formatJson(diagnostics: readonly Diagnostic[], summary: Summary): string {
  return `${JSON.stringify({ ok: summary.errors === 0, diagnostics, summary }, null, 2)}\n`;
}
