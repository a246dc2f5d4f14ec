/** pay/missing: a level with no pay whose family has no band for its grade. */
import type { RelatedLocation } from '../../diagnostics.ts';
import { defineMeta, report, type Finding, type RuleContext, type RuleModule } from '../rule.ts';

export const meta = defineMeta({
  id: 'pay/missing',
  severity: 'error',
  since: '1.1',
  description: 'a level with no pay whose family has no band for its grade',
  docs: {
    means: "A level has no `pay:` and its family has no band for its grade. Reported at the level's grade.",
    fix: "Add the grade's band under `bands:` in the family file (shared by every track), or a `pay:` block to the level.",
  },
  messages: {
    missing:
      '{{title}} has no pay: {{family}} ({{file}}) has no band for grade {{grade}}. Add one under bands: in {{file}} (shared by every track), or a pay: block to this level',
  },
});

/** A level whose pay comes from nowhere. Silent while the family file (which may hold the band) has errors. */
function check({ ladder }: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const level of ladder.levels) {
    if (level.pay) continue;
    const family = ladder.family.get(level.family);
    if (!family) continue; // an unknown or rejected family: its own error comes first
    const related: RelatedLocation[] = [
      family.bands.size > 0
        ? {
            ...family.source.locate(['bands'], 'key'),
            message: `${family.name} has bands for grade${family.bands.size === 1 ? '' : 's'} ${[...family.bands.keys()].sort((a, b) => a - b).join(', ')}`,
          }
        : { ...family.source.locate(['name'], 'key'), message: `${family.name} has no bands: field` },
    ];
    out.push(
      report(
        meta,
        level.source.locate(['grade']),
        'missing',
        { title: level.title, family: family.name, file: family.source.file, grade: level.grade },
        { related },
      ),
    );
  }
  return out;
}

export default { meta, check } satisfies RuleModule;
