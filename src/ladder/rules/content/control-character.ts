/** content/control-character: a control character or bidirectional override in a body. */
import { defineMeta, type RuleModule } from '../rule.ts';

export const meta = defineMeta({
  id: 'content/control-character',
  severity: 'error',
  since: '1.1',
  description: 'a control character or bidirectional override in a body',
  docs: {
    means:
      'A line of a body (a heading, a bullet, a link text) holds a control character (an escape sequence, a backspace, a bell), a bidirectional override or isolate (U+202A–U+202E, U+2066–U+2069: "Trojan Source" text that reads reversed) or a line or paragraph separator. The message names the character; the column points at it. The same characters are refused in every text field (`schema/<field>`).',
    fix: 'Delete the character (retype the line if you cannot see it).',
  },
  messages: {
    /** Written by text.ts (forbiddenInBody), which names the character, which knows what it found. */
    found: '{{message}}',
  },
});

export default { meta } satisfies RuleModule;
