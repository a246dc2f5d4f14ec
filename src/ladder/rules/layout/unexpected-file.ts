/** layout/unexpected-file: a file where the ladder does not look, which is ignored. */
import { defineMeta, type RuleModule } from '../rule.ts';

export const meta = defineMeta({
  id: 'layout/unexpected-file',
  severity: 'warning',
  since: '1.0',
  description: 'a file where the ladder does not look, which is ignored',
  docs: {
    means:
      'A Markdown file sits where the ladder does not look (for example `levels/engineer.md` without a track folder), or a file that is not Markdown sits in `families/`, `competencies/`, `tracks/` or `levels/` (`notes.txt`); either is ignored. Other files at the top of the content folder (images, say) are ignored silently, and a folder named like an entry (`tracks/research.md/`) is an error on that entry.',
    fix: 'Move it to its place, rename it to `.md`, or delete it.',
  },
  messages: {
    notMarkdown: '{{path}} is not a Markdown (.md) file, so it is ignored: the ladder reads only .md files',
    notPart: ({ path, pages }: { path: string; pages: readonly string[] }) =>
      `${path} is not part of the ladder: only ladder.md${pages.map((p) => `, ${p}.md`).join('')} and the folders families/, competencies/, tracks/ and levels/ are read`,
    misplaced: '{{path}} is not where the ladder looks for files, so it is ignored: levels go in levels/<track>/<level>.md',
  },
});

export default { meta } satisfies RuleModule;
