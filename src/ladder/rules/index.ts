/** The rules of `ladder check`: the registry (one module per rule id), their checks in run order, and the exceptions of ladder.md. */
import { checks } from './registry.ts';
import type { Rule } from './rule.ts';

/** Every check that runs on the model, in order. */
export const rules: readonly Rule[] = checks;
export { registry, ruleOf } from './registry.ts';
export { applyExceptions } from './exceptions.ts';
export { report } from './rule.ts';
export type { Finding, Rule, RuleContext, RuleMeta, RuleModule } from './rule.ts';
