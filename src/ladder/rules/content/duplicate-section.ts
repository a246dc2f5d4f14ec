/** content/duplicate-section: a competency with two ## sections in one level. */
import { defineMeta, report, type Finding, type RuleContext, type RuleModule } from '../rule.ts';
import { levelSections } from '../sections.ts';

export const meta = defineMeta({
  id: 'content/duplicate-section',
  severity: 'error',
  since: '1.0',
  description: 'a competency with two ## sections in one level',
  docs: {
    means: 'The same competency has two `## ` sections in one level.',
    fix: 'Merge them into one.',
  },
  messages: {
    duplicate: 'The section "{{heading}}" appears twice: merge it into the one on line {{line}}',
  },
});

function check({ ladder }: RuleContext): Finding[] {
  return levelSections(ladder).flatMap(({ level, duplicates }) =>
    duplicates.map(({ section, first }) =>
      report(
        meta,
        { file: level.source.file, line: section.line, column: section.column },
        'duplicate',
        { heading: section.heading, line: first.line },
        { related: [{ file: level.source.file, line: first.line, column: first.column, message: 'first section' }] },
      ),
    ),
  );
}

export default { meta, check } satisfies RuleModule;
