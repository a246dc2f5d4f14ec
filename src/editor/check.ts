/**
 * What `ladder check` says of one entry being edited, checked with the rest
 * of the ladder: the same core (checkSources, src/ladder/check.ts), compiled
 * into the admin page's script, so the editor's preview and the pull
 * request's check can never disagree. Parity is a property of the whole
 * ladder, so the entry is checked among the files the editor loaded.
 */
import { checkSources } from '../ladder/check.ts';
import type { Diagnostic } from '../ladder/diagnostics.ts';

export interface EntryReport {
  /** The entry's path, relative to the content directory. */
  file: string;
  /** What the check reports in the entry's own file. */
  here: Diagnostic[];
  /** What the change causes in other files (a counterpart whose band no longer matches): reported there, not before. */
  elsewhere: Diagnostic[];
}

const baselines = new WeakMap<Record<string, string>, Diagnostic[]>();

/** Checks the ladder `files` (paths relative to the content directory → text) with `file` as `text`. */
export function checkEntry(files: Record<string, string>, file: string, text: string): EntryReport {
  const after = checkSources({ ...files, [file]: text }).diagnostics;
  let before = baselines.get(files);
  if (!before) baselines.set(files, (before = checkSources(files).diagnostics));
  const key = (d: Diagnostic) => `${d.file}\0${d.line}\0${d.column}\0${d.rule}\0${d.message}`;
  const known = new Set(before.filter((d) => d.file !== file).map(key));
  return {
    file,
    here: after.filter((d) => d.file === file),
    elsewhere: after.filter((d) => d.file !== file && !known.has(key(d))),
  };
}
