/** ref/unknown and ref/orphan-level: references to things that do not exist. */
import { diagnostic } from '../diagnostics.ts';
import { closest } from '../validate.ts';
import type { Finding, Rule } from './types.ts';

function unknown(kind: string, id: string, known: Iterable<string>): string {
  const list = [...known];
  const near = closest(id, list);
  const hint = near ? `; did you mean "${near}"?` : list.length > 0 ? `; known ${kind === 'family' ? 'families' : kind === 'competency' ? 'competencies' : `${kind}s`}: ${list.join(', ')}` : '';
  return `Unknown ${kind} "${id}"${hint}`;
}

export const refs: Rule = ({ ladder, files }) => {
  const out: Finding[] = [];
  for (const track of ladder.tracks) {
    if (!ladder.family.has(track.family) && !ladder.rejected.family.has(track.family) && track.provisional?.family !== false) {
      out.push(diagnostic(track.source.locate(['family']), 'ref/unknown', unknown('family', track.family, ladder.family.keys())));
    }
    track.competencies.forEach((id, index) => {
      if (!ladder.competency.has(id) && !ladder.rejected.competency.has(id)) {
        out.push(diagnostic(track.source.locate(['competencies', index]), 'ref/unknown', unknown('competency', id, ladder.competency.keys())));
      }
    });
  }
  const scopes = new Set(ladder.scopes);
  for (const level of ladder.levels) {
    if (!scopes.has(level.authority.scope)) {
      out.push(diagnostic(level.source.locate(['authority', 'scope']), 'ref/unknown', unknown('scope', level.authority.scope, ladder.scopes)));
    }
  }
  for (const exception of ladder.parity.exceptions) {
    if (!ladder.family.has(exception.family) && !ladder.rejected.family.has(exception.family)) {
      out.push(
        diagnostic(exception.source.locate(['parity', 'exceptions', exception.index, 'family']), 'ref/unknown', unknown('family', exception.family, ladder.family.keys())),
      );
    }
  }

  // A level folder needs a track file of the same name.
  const trackFiles = new Set(files.filter((f) => f.kind === 'track').map((f) => f.id));
  const orphans = new Map<string, string[]>();
  for (const file of files) {
    // (A track file that is a symbolic link is reported as such, load.ts: it is there, only not read.)
    if (file.kind !== 'level' || file.track === undefined || trackFiles.has(file.track) || ladder.rejected.track.has(file.track)) continue;
    orphans.set(file.track, [...(orphans.get(file.track) ?? []), file.path]);
  }
  for (const [track, paths] of orphans) {
    for (const path of paths) {
      out.push(
        diagnostic(
          { file: path, line: 1, column: 1 },
          'ref/orphan-level',
          `The folder levels/${track}/ has no track file: add tracks/${track}.md${closestHint(track, trackFiles)} or move this level`,
        ),
      );
    }
  }
  return out;
};

function closestHint(id: string, known: Set<string>): string {
  const near = closest(id, [...known]);
  return near ? ` (or rename the folder to levels/${near}/)` : '';
}
