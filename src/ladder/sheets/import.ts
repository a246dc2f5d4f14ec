/**
 * `ladder import`, framework-free: a spreadsheet in, a plan of files out,
 * written only when the sheet has no errors, only inside the content
 * directory, never over a file without `force`, and never on a dry run.
 * The ladder that results (the files written over what was there) is
 * checked with the core check(), so the caller can say what is left to do.
 */
import { existsSync, lstatSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { checkFiles, type CheckResult } from '../check.ts';
import { diagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics.ts';
import { readContentDir, type RawFile } from '../load.ts';
import { planFiles } from './files.ts';
import { readDraft } from './layouts.ts';
import { readSpreadsheet } from './read.ts';

export type FileAction = 'create' | 'overwrite' | 'unchanged' | 'keep';

export interface ImportOptions {
  force?: boolean;
  dryRun?: boolean;
}

export interface ImportResult {
  /** Problems of the sheet, located in FILE (or a sibling CSV file) as the user named it. */
  diagnostics: Diagnostic[];
  /** Problems of writing: a file that exists, a symbolic link; located in the content directory. */
  conflicts: Diagnostic[];
  files: { path: string; action: FileAction }[];
  /** Whether files were written. */
  written: boolean;
  /** What HR still has to fill in. */
  todo: string[];
  layouts: string[];
  /** Files read besides FILE. */
  also: string[];
  /** The check of the resulting ladder (on a dry run: as it would be); undefined when the sheet had errors. */
  check: CheckResult | undefined;
}

export async function importSpreadsheet(path: string, label: string, dir: string, options: ImportOptions = {}): Promise<ImportResult> {
  const read = await readSpreadsheet(path, label);
  const result: ImportResult = {
    diagnostics: [...read.diagnostics],
    conflicts: [],
    files: [],
    written: false,
    todo: [],
    layouts: [],
    also: read.also,
    check: undefined,
  };
  if (hasErrors(result.diagnostics)) return finish(result);
  const { draft, diagnostics } = readDraft(read.tables);
  result.diagnostics.push(...diagnostics);
  result.layouts = draft.layouts;
  if (hasErrors(result.diagnostics)) return finish(result);
  const plan = planFiles(draft);
  result.diagnostics.push(...plan.diagnostics);
  result.todo = plan.todo;
  if (hasErrors(result.diagnostics)) return finish(result);

  const root = resolve(dir);
  for (const file of plan.files) {
    const target = resolve(root, file.path);
    if (!target.startsWith(root + sep)) {
      // Unreachable with slug ids, and kept so that no future layout can write outside.
      result.conflicts.push(
        diagnostic({ file: file.path, line: 1, column: 1 }, 'import/path', 'This path is outside the content directory; nothing was written'),
      );
      continue;
    }
    const link = symlinkOnPath(root, target);
    if (link) {
      result.conflicts.push(
        diagnostic(
          { file: file.path, line: 1, column: 1 },
          'import/path',
          `${link} is a symbolic link: Parity writes only real files inside the content directory`,
        ),
      );
      continue;
    }
    let action: FileAction = 'create';
    if (existsSync(target)) {
      const old = readFileSync(target, 'utf8');
      if (old === file.text) action = 'unchanged';
      else if (!file.described) action = 'keep';
      else if (options.force) action = 'overwrite';
      else {
        result.conflicts.push(
          diagnostic(
            { file: file.path, line: 1, column: 1 },
            'import/exists',
            'This file exists and the sheet would change it: run again with --force to overwrite it (see what changes with --dry-run, or "ladder diff" afterwards)',
          ),
        );
        action = 'keep';
      }
    }
    result.files.push({ path: file.path, action });
  }
  if (hasErrors(result.conflicts)) return finish(result);

  const texts = new Map(plan.files.map((f) => [f.path, f.text]));
  if (!options.dryRun) {
    for (const file of result.files) {
      if (file.action !== 'create' && file.action !== 'overwrite') continue;
      const target = join(root, file.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, texts.get(file.path)!);
    }
    result.written = true;
  }
  // The ladder as it is (or, on a dry run, would be) after the import.
  const existing: RawFile[] = existsSync(root) ? readContentDir(root) : [];
  const replaced = new Map(result.files.filter((f) => f.action === 'create' || f.action === 'overwrite').map((f) => [f.path, texts.get(f.path)!]));
  const raw: RawFile[] = existing.map((f) => (replaced.has(f.path) ? { path: f.path, text: replaced.get(f.path) } : f));
  for (const [p, text] of replaced) if (!existing.some((f) => f.path === p)) raw.push({ path: p, text });
  raw.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  result.check = checkFiles(raw, root);
  const stale = existing.filter((f) => f.path.startsWith('levels/') && f.path.endsWith('.md') && !texts.has(f.path));
  if (stale.length > 0) {
    result.todo.push(
      `Not in the sheet, so left as they are (delete them if they are gone): ${stale
        .slice(0, 5)
        .map((f) => f.path)
        .join(', ')}${stale.length > 5 ? ` and ${stale.length - 5} more` : ''}`,
    );
  }
  return finish(result);
}

function finish(result: ImportResult): ImportResult {
  result.diagnostics = sortDiagnostics(result.diagnostics);
  result.conflicts = sortDiagnostics(result.conflicts);
  return result;
}

export const hasErrors = (diagnostics: readonly Diagnostic[]) => diagnostics.some((d) => d.severity === 'error');

/** The first existing component between root and target that is a symbolic link, relative to root. */
function symlinkOnPath(root: string, target: string): string | undefined {
  let at = root;
  for (const part of relative(root, target).split(sep)) {
    at = join(at, part);
    try {
      if (lstatSync(at).isSymbolicLink()) return relative(root, at).split(sep).join('/');
    } catch {
      return undefined;
    }
  }
  return undefined;
}
