/** content/missing-section, content/unknown-section, content/duplicate-section: level bodies against their track. */
import { matchCompetency } from '../build.ts';
import { diagnostic } from '../diagnostics.ts';
import { headingSlips, type HeadingSlip } from '../markdown.ts';
import { slugify, type Section } from '../model.ts';
import { comparable, describeCharacter, lookAlikes } from '../text.ts';
import { closest } from '../validate.ts';
import type { Finding, Rule } from './types.ts';

export const sections: Rule = ({ ladder }) => {
  const out: Finding[] = [];
  const allCompetencies = [...ladder.competency.keys()];
  for (const level of ladder.levels) {
    const track = ladder.track.get(level.track)!;
    // The track's competencies could not be read (its file has errors): nothing to check the sections against.
    if (track.provisional && !track.provisional.competencies) continue;
    // Competencies the track lists that exist nowhere are a typo in the track (ref/unknown there), not in its levels.
    const exists = (id: string) => ladder.competency.has(id) || ladder.rejected.competency.has(id);
    const listTypo = track.competencies.some((id) => !exists(id));
    const seen = new Map<string, Section>();
    const strays: Section[] = [];
    for (const section of level.sections) {
      const at = { file: level.source.file, line: section.line, column: section.column };
      if (section.competency === undefined) {
        const elsewhere = matchCompetency(section.heading, allCompetencies, ladder.competency);
        if (elsewhere && listTypo) continue;
        if (!elsewhere) strays.push(section);
        else {
          out.push(
            diagnostic(at, 'content/unknown-section', `"${section.heading}" is a competency, but not one of ${track.name}'s; its sections are: ${sectionNames()}`, 'warning'),
          );
        }
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

    // A competency whose own file has errors has no name to look for yet: its file's error comes first.
    const unreadable = track.competencies.filter((id) => ladder.rejected.competency.has(id) && !ladder.competency.has(id));
    if (unreadable.length > 0) {
      for (let i = strays.length - 1; i >= 0; i--) if (closest(slugify(strays[i]!.heading), unreadable) !== undefined) strays.splice(i, 1);
    }
    const missing = track.competencies.filter((id) => !seen.has(id) && ladder.competency.has(id));
    const slips = missing.length > 0 ? headingSlips(level.body) : [];
    const explained = new Set<Section>();
    for (const id of missing) {
      const name = ladder.competency.get(id)?.name ?? id;
      const why = `every level of ${track.name} describes ${name}`;
      // A heading that was meant for this section: misspelt, without a space after ##, or at another level.
      const misspelt = strays.find((s) => !explained.has(s) && closest(s.heading, [name, id]) !== undefined);
      const slip = slips.find((s: HeadingSlip) => closest(s.heading, [name, id]) !== undefined);
      if (misspelt) {
        explained.add(misspelt);
        out.push(
          diagnostic(
            { file: level.source.file, line: misspelt.line, column: misspelt.column },
            'content/missing-section',
            `The section "## ${misspelt.heading}" should be "## ${name}"${hidden(misspelt.heading, name)}; ${why}`,
          ),
        );
      } else if (slip) {
        const space = /^#+(.)/u.exec(slip.written)?.[1];
        const fix =
          slip.slip !== 'no-space'
            ? `"${slip.written}" is not a section: sections are "## " headings, write "## ${name}"`
            : space && comparable(space) === ''
              ? `"${slip.written}" is not a heading: the space after ## is ${describeCharacter(space)}, which Markdown does not take for a space; type an ordinary space`
              : `"${slip.written}" is not a heading: write "## ${name}", with a space after ##`;
        out.push(diagnostic({ file: level.source.file, line: slip.line, column: slip.column }, 'content/missing-section', `${fix}; ${why}`));
      } else {
        // Pointed at the closing fence of the frontmatter, where the body (and its sections) begin.
        const at = { file: level.source.file, line: level.body.line - 1, column: 1 };
        out.push(diagnostic(at, 'content/missing-section', `Missing the section "## ${name}": ${why}`));
      }
    }
    for (const section of strays) {
      if (explained.has(section)) continue;
      const at = { file: level.source.file, line: section.line, column: section.column };
      out.push(diagnostic(at, 'content/unknown-section', `"## ${section.heading}" matches no competency of ${track.name}; its sections are: ${sectionNames()}`, 'warning'));
    }

    function sectionNames(): string {
      return track.competencies.map((id) => ladder.competency.get(id)?.name ?? id).join(', ');
    }
  }
  return out;
};

/**
 * What makes a heading differ from the name it looks like: " (it contains a
 * zero-width space (U+200B), which is invisible)", or nothing when the
 * difference can be seen.
 */
function hidden(heading: string, name: string): string {
  const odd = lookAlikes(heading, name);
  if (odd.length === 0) return '';
  return ` (it contains ${odd.join(' and ')}, which cannot be told apart on screen: retype the heading)`;
}
