/**
 * Exceptions from ladder.md, applied in one place: a finding whose family,
 * grade and rule match an exception is turned off; an exception that turns
 * nothing off is reported (parity/exception-unused).
 */
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import type { Ladder } from '../model.ts';
import type { Finding } from './types.ts';

export function applyExceptions(ladder: Ladder, findings: Finding[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { subject, ...d } of findings) {
    const exception = subject
      ? ladder.parity.exceptions.find((e) => e.rule === d.rule && e.family === subject.family && e.grade === subject.grade)
      : undefined;
    if (exception) exception.excused++;
    else out.push(d);
  }
  for (const exception of ladder.parity.exceptions) {
    if (exception.excused > 0) continue;
    // An exception naming an unknown family is already a ref/unknown error.
    if (!ladder.family.has(exception.family)) continue;
    out.push(
      diagnostic(
        exception.source.locate(['parity', 'exceptions', exception.index]),
        'parity/exception-unused',
        `This exception excuses nothing: ${exception.family} grade ${exception.grade} does not break ${exception.rule}; remove it`,
        'warning',
      ),
    );
  }
  return out;
}
