/** content/missing-section, content/unknown-section, content/duplicate-section: level bodies against their track. */
import { matchCompetency } from '../build.ts';
import { diagnostic } from '../diagnostics.ts';
import type { Finding, Rule } from './types.ts';

export const sections: Rule = ({ ladder }) => {
  const out: Finding[] = [];
  const allCompetencies = [...ladder.competency.keys()];
  for (const level of ladder.levels) {
    const track = ladder.track.get(level.track)!;
    // The track's competencies could not be read (its file has errors): nothing to check the sections against.
    if (track.provisional && !track.provisional.competencies) continue;
    const seen = new Map<string, (typeof level.sections)[number]>();
    for (const section of level.sections) {
      const at = { file: level.source.file, line: section.line, column: section.column };
      if (section.competency === undefined) {
        const elsewhere = matchCompetency(section.heading, allCompetencies, ladder.competency);
        const why = elsewhere
          ? `"${section.heading}" is a competency, but not one of ${track.name}'s`
          : `"## ${section.heading}" matches no competency of ${track.name}`;
        out.push(
          diagnostic(at, 'content/unknown-section', `${why}; its sections are: ${track.competencies.map((id) => ladder.competency.get(id)?.name ?? id).join(', ')}`, 'warning'),
        );
        continue;
      }
      const first = seen.get(section.competency);
      if (first) {
        out.push(
          diagnostic(at, 'content/duplicate-section', `The section "${section.heading}" appears twice: merge it into the one on line ${first.line}`, 'error', [
            { file: level.source.file, line: first.line, column: first.column, message: 'first section' },
          ]),
        );
      } else {
        seen.set(section.competency, section);
      }
    }
    const missing = track.competencies.filter((id) => !seen.has(id));
    if (missing.length > 0) {
      // Pointed at the closing fence of the frontmatter, where the body (and its sections) begin.
      const at = { file: level.source.file, line: level.body.line - 1, column: 1 };
      for (const id of missing) {
        const name = ladder.competency.get(id)?.name ?? id;
        out.push(diagnostic(at, 'content/missing-section', `Missing the section "## ${name}": every level of ${track.name} describes ${name}`));
      }
    }
  }
  return out;
};
