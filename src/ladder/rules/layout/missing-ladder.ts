/** layout/missing-ladder: no ladder.md. */
import { defineMeta, type RuleModule } from '../rule.ts';

export const meta = defineMeta({
  id: 'layout/missing-ladder',
  severity: 'error',
  since: '1.0',
  description: 'no ladder.md',
  docs: {
    means: 'There is no `ladder.md`.',
    fix: 'Add one with at least `name` and `currency`.',
  },
  messages: {
    missing: 'ladder.md is missing: every ladder needs one, with at least a name and a currency',
  },
});

export default { meta } satisfies RuleModule;
