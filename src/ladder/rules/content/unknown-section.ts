/** content/unknown-section: a ## section that matches no competency of the track. */
import { defineMeta, report, type Finding, type RuleContext, type RuleModule } from '../rule.ts';
import { levelSections } from '../sections.ts';

export const meta = defineMeta({
  id: 'content/unknown-section',
  severity: 'warning',
  since: '1.0',
  description: 'a ## section that matches no competency of the track',
  docs: {
    means: 'A `## ` heading matches no competency of the track (a typo, or a competency of another track).',
    fix: 'Fix the heading, or make it a `###` sub-heading of a section.',
  },
  messages: {
    /** `sections`: the track's competencies by name. */
    otherTrack: '"{{heading}}" is a competency, but not one of {{track}}\'s; its sections are: {{sections}}',
    noMatch: '"## {{heading}}" matches no competency of {{track}}; its sections are: {{sections}}',
  },
});

function check({ ladder }: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const { level, track, names, otherTrack, unknown } of levelSections(ladder)) {
    const at = (section: { line: number; column: number }) => ({ file: level.source.file, line: section.line, column: section.column });
    for (const section of otherTrack) out.push(report(meta, at(section), 'otherTrack', { heading: section.heading, track: track.name, sections: names }));
    for (const section of unknown) out.push(report(meta, at(section), 'noMatch', { heading: section.heading, track: track.name, sections: names }));
  }
  return out;
}

export default { meta, check } satisfies RuleModule;
