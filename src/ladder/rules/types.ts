import type { Diagnostic } from '../diagnostics.ts';
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

export type Rule = (context: RuleContext) => Finding[];
