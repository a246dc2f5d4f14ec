/**
 * Exceptions from ladder.md, applied in one place: a finding whose family,
 * grade and rule match an exception is turned off; an exception that turns
 * nothing off is reported (parity/exception-unused). The model is not
 * touched: how many findings each exception turned off is returned, and the
 * check puts it in the model it returns.
 */
import type { Diagnostic } from '../diagnostics.ts';
import type { Ladder } from '../model.ts';
import exceptionUnused from './parity/exception-unused.ts';
import { report, type Finding } from './rule.ts';

export interface Excused {
  diagnostics: Diagnostic[];
  /** How many findings each exception turned off, by its index in ladder.md's parity.exceptions. */
  excused: number[];
}

export function applyExceptions(ladder: Ladder, findings: readonly Finding[]): Excused {
  const out: Diagnostic[] = [];
  const left: Finding[] = [];
  const excused = ladder.parity.exceptions.map(() => 0);
  for (const finding of findings) {
    const { subject, ...d } = finding;
    const exception = subject ? ladder.parity.exceptions.find((e) => e.rule === d.rule && e.family === subject.family && e.grade === subject.grade) : undefined;
    if (exception) excused[exception.index]!++;
    else {
      out.push(d);
      if (subject) left.push(finding);
    }
  }
  for (const exception of ladder.parity.exceptions) {
    if (excused[exception.index]! > 0) continue;
    // An exception naming an unknown family is already a ref/unknown error.
    if (!ladder.family.has(exception.family)) continue;
    // Findings it may have been meant for: the same rule at another grade, or another rule at this grade.
    const unexcused = left.filter((f) => f.subject!.family === exception.family);
    const grades = [...new Set(unexcused.filter((f) => f.rule === exception.rule).map((f) => f.subject!.grade))].sort((a, b) => a - b);
    const rules = [...new Set(unexcused.filter((f) => f.subject!.grade === exception.grade).map((f) => f.rule))].sort();
    const fix =
      grades.length > 0
        ? `did you mean grade ${grades.join(' or ')}? Otherwise remove it`
        : rules.length > 0
          ? `did you mean the rule ${rules.join(' or ')}? Otherwise remove it`
          : 'remove it';
    out.push(
      report(exceptionUnused.meta, exception.source.locate(['parity', 'exceptions', exception.index]), 'unused', {
        family: exception.family,
        grade: exception.grade,
        rule: exception.rule,
        fix,
      }),
    );
  }
  return { diagnostics: out, excused };
}
