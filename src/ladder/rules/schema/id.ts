/** schema/id: a file or folder name that is not a lowercase slug, or a track called "choose". */
import { defineMeta, type RuleModule } from '../rule.ts';

export const meta = defineMeta({
  id: 'schema/id',
  severity: 'error',
  since: '1.0',
  description: 'a file or folder name that is not a lowercase slug, or a track called "choose"',
  docs: {
    means:
      'A file or folder name is not a lowercase slug (`Staff Engineer.md`), or a track is called `choose`, which the site\'s "Which track fits me?" page uses.',
    fix: 'Rename it: `staff-engineer.md`; a track `choose` to, say, `choosing`.',
  },
  messages: {
    notSlug: '"{{name}}" is not a valid id: file and folder names must be lowercase slugs such as "staff-engineer.md"',
    reserved: '"{{id}}" cannot be a track id: /tracks/{{id}}/ is the site\'s "Which track fits me?" page. Rename tracks/{{id}}.md (and its levels folder)',
  },
});

export default { meta } satisfies RuleModule;
