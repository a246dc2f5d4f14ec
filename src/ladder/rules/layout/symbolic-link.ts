/** layout/symbolic-link: a file or folder of the ladder that is a symbolic link. */
import { defineMeta, type RuleModule } from '../rule.ts';

export const meta = defineMeta({
  id: 'layout/symbolic-link',
  severity: 'error',
  severityNote: "warning outside the ladder's folders",
  since: '1.1',
  description: 'a file or folder of the ladder that is a symbolic link',
  docs: {
    means:
      'A file or folder of the ladder is a symbolic link. The checker never follows one (a link could publish any file of the machine), and says so at the link instead of reporting what is "missing" because of it.',
    fix: 'Put the file or folder itself there.',
  },
  messages: {
    /** `read`: whether it is where the ladder would have read it (then an error; else a warning). */
    link: ({ path, target, read }: { path: string; target: string; read: boolean }) =>
      `${path} is a symbolic link (to ${target}), which the ladder does not follow, so nothing in it is read${read ? `: put the ${path.endsWith('.md') ? 'file' : 'folder'} itself here instead` : ''}`,
  },
});

export default { meta } satisfies RuleModule;
