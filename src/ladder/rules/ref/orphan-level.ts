/** ref/orphan-level: a level folder with no track file. */
import { closest } from '../../validate.ts';
import { defineMeta, report, type Finding, type RuleContext, type RuleModule } from '../rule.ts';

export const meta = defineMeta({
  id: 'ref/orphan-level',
  severity: 'error',
  since: '1.0',
  description: 'a level folder with no track file',
  docs: {
    means: 'A folder `levels/<track>/` has no `tracks/<track>.md`.',
    fix: 'Add the track file, or rename the folder to an existing track.',
  },
  messages: {
    /** `hint`: " (or rename the folder to levels/x/)" when a track of a near name exists, else "". */
    orphan: 'The folder levels/{{track}}/ has no track file: add tracks/{{track}}.md{{hint}} or move this level',
  },
});

/** A level folder needs a track file of the same name. */
function check({ ladder, files }: RuleContext): Finding[] {
  const out: Finding[] = [];
  const trackFiles = new Set(files.filter((f) => f.kind === 'track').map((f) => f.id));
  const orphans = new Map<string, string[]>();
  for (const file of files) {
    // (A track file that is a symbolic link is reported as such, load.ts: it is there, only not read.)
    if (file.kind !== 'level' || file.track === undefined || trackFiles.has(file.track) || ladder.rejected.track.has(file.track)) continue;
    orphans.set(file.track, [...(orphans.get(file.track) ?? []), file.path]);
  }
  for (const [track, paths] of orphans) {
    const near = closest(track, [...trackFiles]);
    for (const path of paths) {
      out.push(report(meta, { file: path, line: 1, column: 1 }, 'orphan', { track, hint: near ? ` (or rename the folder to levels/${near}/)` : '' }));
    }
  }
  return out;
}

export default { meta, check } satisfies RuleModule;
