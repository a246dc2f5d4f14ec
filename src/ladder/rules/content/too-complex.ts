/** content/too-complex: a body too intricate to be text an editor wrote. */
import { defineMeta, type RuleModule } from '../rule.ts';

export const meta = defineMeta({
  id: 'content/too-complex',
  severity: 'error',
  since: '1.1',
  description: 'a body too intricate to be text an editor wrote',
  docs: {
    means:
      "A body is too intricate to be text an editor wrote, and is not read: quotes or lists nested more than 32 deep on a line, more than 1,000 Markdown marks (`*`, `_`, backticks, `~`, `[`, `]`, `<`, `>`) in one paragraph or 10,000 in one file. Markdown's emphasis and link rules cost time that grows with the square of these marks (thousands take seconds, tens of thousands overflow the parser).",
    fix: 'Split the paragraph or the file, or remove the marks.',
  },
  messages: {
    /** Written by complexity.ts (tooComplex), which counted the marks or the nesting, which knows what it found. */
    found: '{{message}}',
    unparsable: 'The text could not be read as Markdown ({{why}}): simplify it',
  },
});

export default { meta } satisfies RuleModule;
