/** content/missing-section: a level body lacks the section of one of its track's competencies. */
import { comparable, describeCharacter, lookAlikes } from '../../text.ts';
import { defineMeta, report, type Finding, type RuleContext, type RuleModule } from '../rule.ts';
import { levelSections } from '../sections.ts';

export const meta = defineMeta({
  id: 'content/missing-section',
  severity: 'error',
  since: '1.0',
  description: "a level body lacks the section of one of its track's competencies",
  docs: {
    means:
      "A level lacks the `## ` section of one of its track's competencies. Reported at the heading that was probably meant for it (a misspelt `## ` heading, `##Name` without a space, or a `#`/`###` heading of that name), else at the line that ends the frontmatter. A competency the track lists that exists nowhere is reported once, on the track (`ref/unknown`), not on each level.",
    fix: 'Add the section with its expectations, or correct the heading as the message says.',
  },
  messages: {
    /** `hidden`: " (it contains a zero-width space (U+200B) …: retype the heading)" when the difference cannot be seen, else "". */
    misspelt: 'The section "## {{heading}}" should be "## {{name}}"{{hidden}}; every level of {{track}} describes {{name}}',
    notSection: '"{{written}}" is not a section: sections are "## " headings, write "## {{name}}"; every level of {{track}} describes {{name}}',
    /** `space`: the character after ## that is not a space, described ("a no-break space (U+00A0)"). */
    oddSpace:
      '"{{written}}" is not a heading: the space after ## is {{space}}, which Markdown does not take for a space; type an ordinary space; every level of {{track}} describes {{name}}',
    noSpace: '"{{written}}" is not a heading: write "## {{name}}", with a space after ##; every level of {{track}} describes {{name}}',
    missing: 'Missing the section "## {{name}}": every level of {{track}} describes {{name}}',
  },
});

function check({ ladder }: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const { level, track, missing } of levelSections(ladder)) {
    const file = level.source.file;
    for (const { name, misspelt, slip } of missing) {
      if (misspelt) {
        out.push(
          report(meta, { file, line: misspelt.line, column: misspelt.column }, 'misspelt', {
            heading: misspelt.heading,
            name,
            hidden: hidden(misspelt.heading, name),
            track: track.name,
          }),
        );
      } else if (slip) {
        const at = { file, line: slip.line, column: slip.column };
        const space = /^#+(.)/u.exec(slip.written)?.[1];
        const data = { written: slip.written, name, track: track.name };
        out.push(
          slip.slip !== 'no-space'
            ? report(meta, at, 'notSection', data)
            : space && comparable(space) === ''
              ? report(meta, at, 'oddSpace', { ...data, space: describeCharacter(space) })
              : report(meta, at, 'noSpace', data),
        );
      } else {
        // Pointed at the closing fence of the frontmatter, where the body (and its sections) begin.
        out.push(report(meta, { file, line: level.body.line - 1, column: 1 }, 'missing', { name, track: track.name }));
      }
    }
  }
  return out;
}

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

export default { meta, check } satisfies RuleModule;
