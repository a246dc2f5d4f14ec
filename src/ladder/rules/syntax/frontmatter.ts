/** syntax/frontmatter: missing or unparsable YAML frontmatter. */
import { defineMeta, type RuleModule } from '../rule.ts';

export const meta = defineMeta({
  id: 'syntax/frontmatter',
  severity: 'error',
  since: '1.0',
  description: 'missing or unparsable YAML frontmatter',
  docs: {
    means:
      "The file has no frontmatter block, the block is never closed, the YAML cannot be read (bad indentation, a tab, an unclosed `[`, quotes inside a quoted value, a key written twice, a key with no name, a second `--- ` document), the file is not UTF-8 text or its lines end with a carriage return only, or it uses what a ladder does not: a YAML tag (`!include`, `!!js/function`, `!!binary`, `!!timestamp`; only the core schema's `!!str`, `!!int`, `!!float`, `!!bool`, `!!null`, `!!map`, `!!seq` are allowed) or an alias (`*name`) whose anchor is not defined above it.",
    fix: 'Make the file start with `---`, end the fields with `---`, indent with spaces, and close every bracket. The line and column point where the fix goes: the `[` never closed, the tag, the alias, the key; else the spot where YAML gave up.',
  },
  messages: {
    /** Written by the frontmatter parser (frontmatter.ts) or the file reader (load.ts), which knows what it found. */
    found: '{{message}}',
    unreadable: 'The file could not be read',
  },
});

export default { meta } satisfies RuleModule;
