/** schema/<field>: a field missing, of the wrong type, out of range or unknown (schema/pay.min, schema/grade). */
import { defineMeta, type RuleModule } from '../rule.ts';

export const meta = defineMeta({
  id: 'schema/<field>',
  severity: 'error',
  since: '1.0',
  description: 'a field missing, of the wrong type, out of range or unknown (schema/pay.min, schema/grade)',
  docs: {
    means:
      "A field is missing, of the wrong type, out of range or unknown; the rule names the field (`schema/pay.min`, `schema/grade`, `schema/sumary`). A missing field is reported at its parent (the file's first line for a top-level field).",
    fix: 'Add the field, fix its value, or fix the typo the message suggests.',
  },
  // The messages are written by validate.ts from the Zod issue, for each field; the id is ruleFor(path) there.
  messages: {},
});

export default { meta } satisfies RuleModule;
