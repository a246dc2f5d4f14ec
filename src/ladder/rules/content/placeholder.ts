/** content/placeholder: a "TODO: …" placeholder or a 0–0 pay band left to fill in. */
import type { Location } from '../../diagnostics.ts';
import { filePosition, walk, type Body } from '../../markdown.ts';
import { PLACEHOLDER, type Source } from '../../model.ts';
import { defineMeta, report, type Finding, type RuleContext, type RuleModule } from '../rule.ts';
import { writtenBands } from '../shared.ts';

export const meta = defineMeta({
  id: 'content/placeholder',
  severity: 'warning',
  since: '1.0',
  description: 'a "TODO: …" placeholder or a 0–0 pay band left to fill in',
  docs: {
    means: "A file still holds `TODO: …` placeholders (as `ladder new` writes them; one warning per file, at the first), or a level's pay band is still 0–0.",
    fix: 'Write the text, set the band.',
  },
  messages: {
    text: ({ count }: { count: number }) =>
      `${count === 1 ? `a "${PLACEHOLDER}: …" placeholder is` : `${count} "${PLACEHOLDER}: …" placeholders are`} left to write in this file before it is published`,
    /** `what`: "The pay band of Staff Engineer" or "The grade 4 band". */
    zeroBand: '{{what}} is still 0–0: set it before this is published',
  },
});

const MARK = new RegExp(`\\b${PLACEHOLDER}:`, 'g');

/**
 * Text that `ladder new` left for the editor to write ("TODO: ..."), one
 * warning per file, and the zero pay band of a track's first level.
 * Placeholders pass the check, so work in progress can be committed; the
 * warning keeps them from being published unnoticed.
 */
function check({ ladder }: RuleContext): Finding[] {
  const out: Finding[] = [];
  const entities: { body: Body; source: Source; summary?: string }[] = [
    { body: ladder.intro, source: ladder.source },
    ...ladder.families,
    ...ladder.competencies,
    ...ladder.tracks,
    ...ladder.levels,
  ];
  for (const entity of entities) {
    const marks = bodyMarks(entity.body);
    const inSummary = entity.summary?.match(MARK)?.length ?? 0;
    const count = marks.length + inSummary;
    if (count === 0) continue;
    const at: Location = inSummary > 0 ? entity.source.locate(['summary']) : { file: entity.source.file, ...marks[0]! };
    out.push(report(meta, at, 'text', { count }));
  }
  for (const band of writtenBands(ladder)) {
    if (band.max !== 0) continue;
    const owner = band.owner === 'level' ? ladder.levels.find((l) => l.pay?.band === band) : undefined;
    const what = owner ? `The pay band of ${owner.title}` : `The grade ${band.grade} band`;
    out.push(report(meta, band.at.source.locate([...band.at.path, 'max']), 'zeroBand', { what }));
  }
  return out;
}

/** Where each placeholder of a body starts. */
function bodyMarks(body: Body): { line: number; column: number }[] {
  const found: { line: number; column: number }[] = [];
  // Only a body whose text has the word (or an entity that could spell it) is parsed again to find where.
  if (!body.markdown.includes(PLACEHOLDER) && !body.markdown.includes('&')) return found;
  walk(body.tree, (node) => {
    if (node.type !== 'text') return;
    const start = filePosition(body, node);
    for (const match of node.value.matchAll(MARK)) {
      const lines = node.value.slice(0, match.index).split('\n');
      found.push(
        lines.length === 1
          ? { line: start.line, column: start.column + match.index }
          : { line: start.line + lines.length - 1, column: (lines.at(-1)?.length ?? 0) + 1 },
      );
    }
  });
  return found;
}

export default { meta, check } satisfies RuleModule;
