/** parity/exception-unused: an exception in ladder.md that excuses nothing. */
import { defineMeta, type RuleModule } from '../rule.ts';

export const meta = defineMeta({
  id: 'parity/exception-unused',
  severity: 'warning',
  since: '1.0',
  description: 'an exception in ladder.md that excuses nothing',
  docs: {
    means: 'An exception in `ladder.md` excuses nothing. The message names the grade or rule of the family that is broken, when there is one.',
    fix: 'Correct its grade or rule (usually a typo), or remove it.',
  },
  messages: {
    unused: ({ family, grade, rule, fix }: { family: string; grade: number; rule: string; fix: string }) =>
      `This exception excuses nothing: ${family} grade ${grade} does not break ${rule}; ${fix}`,
  },
});

export default { meta } satisfies RuleModule;
