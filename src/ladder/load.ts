/**
 * Finds the content files of a ladder and reads them. Knows the layout of
 * the content directory and nothing else.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readlinkSync, readSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from './diagnostics.ts';
import missingLadder from './rules/layout/missing-ladder.ts';
import symbolicLink from './rules/layout/symbolic-link.ts';
import unexpectedFile from './rules/layout/unexpected-file.ts';
import { report } from './rules/rule.ts';
import type { FileKind } from './schema.ts';

export interface SourceFile {
  /** Path relative to the content directory, with forward slashes. */
  path: string;
  kind: FileKind;
  /** The id: a file name without .md, or <track>/<level> for a level. */
  id: string;
  /** For a level: its track's id (the folder). */
  track?: string;
  /** The text, or undefined when it could not be read as text. */
  text: string | undefined;
  /** Why the text could not be read. */
  unreadable?: string;
}

export interface LoadResult {
  files: SourceFile[];
  /** Optional pages (such as choose.md) by name. */
  pages: Map<string, SourceFile>;
  diagnostics: Diagnostic[];
  /**
   * Entries the ladder would have read but found as symbolic links (reported,
   * not followed): what each stands for, so that the rules take it for a
   * file that could not be read rather than for one that is missing.
   */
  links: { kind: FileKind; id: string }[];
}

/** Optional Markdown pages that may sit at the top of the content directory. */
export const OPTIONAL_PAGES = ['choose', 'pay'] as const;

const FOLDERS: Record<string, FileKind> = { families: 'family', competencies: 'competency', tracks: 'track' };
/** A career-ladder entry larger than this is not an entry. */
const MAX_FILE_BYTES = 1024 * 1024;

export class ContentDirectoryError extends Error {}

/** A file of the content directory as read from disk (or from git, or from a test). */
export interface RawFile {
  /** Path relative to the content directory, with forward slashes. */
  path: string;
  /** The text, or undefined when it could not be read as text. */
  text: string | undefined;
  unreadable?: string;
  /** A symbolic link (to a file or a folder), which the ladder does not follow: where it points. */
  link?: string;
}

/** Beyond this many entries below it, a folder is not a ladder's content folder (a ladder has tens of files). */
const MAX_ENTRIES = 20_000;

/** Reads every Markdown file below dir. Throws ContentDirectoryError only when the directory itself is unusable. */
export function readContentDir(dir: string): RawFile[] {
  let stat;
  try {
    stat = statSync(dir);
  } catch {
    throw new ContentDirectoryError(`Content directory not found: ${dir}`);
  }
  if (!stat.isDirectory()) throw new ContentDirectoryError(`Not a directory: ${dir}`);
  // Markdown files are read; other files in the ladder's folders are listed (and warned about), not read.
  const budget = { left: MAX_ENTRIES, dir };
  return walk(dir, '', budget)
    .filter((entry) => entry.link !== undefined || entry.path.endsWith('.md') || inLadderFolder(entry.path))
    .map(({ path, link }) => {
      if (link !== undefined) return { path, text: undefined, link };
      return path.endsWith('.md') ? { path, ...readText(join(dir, path)) } : { path, text: undefined };
    });
}

/**
 * The files of `dir` after the paths in `changed` (relative to it, or
 * absolute below it) changed, from the files read before: each changed file
 * is read again, or dropped when it is gone, and nothing else is read. A
 * changed folder, or anything that is not a plain file, is read whole again
 * with readContentDir. The result is what readContentDir would return now.
 */
export function refreshContent(dir: string, before: readonly RawFile[], changed: readonly string[]): RawFile[] {
  const files = new Map(before.map((file) => [file.path, file]));
  for (const change of changed) {
    const path = relative(dir, resolve(dir, change)).split(sep).join('/');
    if (path === '' || path.startsWith('..') || isAbsolute(path)) continue;
    const parts = path.split('/');
    if (parts.some((part) => part.startsWith('.') || part === 'node_modules')) continue;
    // A path through a symbolic link (a watcher that follows links reports changes inside a linked folder) is nothing the
    // ladder reads, as readContentDir reads nothing in a link; a folder on the way that became a link unseen is a change of
    // layout: everything is read again.
    if (throughLink(parts, files)) continue;
    if (parts.some((_, i) => i > 0 && isLink(join(dir, ...parts.slice(0, i))))) return readContentDir(dir);
    let stat;
    try {
      stat = lstatSync(join(dir, path));
    } catch {
      // Gone: the file, or a folder and everything in it.
      files.delete(path);
      for (const key of files.keys()) if (key.startsWith(`${path}/`)) files.delete(key);
      continue;
    }
    if (stat.isDirectory() && !path.endsWith('.md')) return readContentDir(dir);
    if (stat.isSymbolicLink()) {
      // A folder that became a link: what was read in it is gone with it.
      for (const key of files.keys()) if (key.startsWith(`${path}/`)) files.delete(key);
      files.set(path, { path, text: undefined, link: linkTarget(join(dir, path)) });
    } else if (path.endsWith('.md')) files.set(path, { path, ...readText(join(dir, path)) });
    else if (inLadderFolder(path) && stat.isFile()) files.set(path, { path, text: undefined });
    else if (!stat.isFile()) return readContentDir(dir);
  }
  // In readContentDir's order: folder by folder, each sorted by name.
  const byFolder = (a: RawFile, b: RawFile) => {
    const x = a.path.split('/');
    const y = b.path.split('/');
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
    return x.length - y.length;
  };
  return [...files.values()].sort(byFolder);
}

/** Whether a folder on the way to the path was read as a symbolic link. */
function throughLink(parts: readonly string[], files: ReadonlyMap<string, RawFile>): boolean {
  for (let i = 1; i < parts.length; i++) if (files.get(parts.slice(0, i).join('/'))?.link !== undefined) return true;
  return false;
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** A path inside families/, competencies/, tracks/ or levels/. */
function inLadderFolder(path: string): boolean {
  const top = path.split('/')[0] ?? '';
  return top in FOLDERS || top === 'levels';
}

/** Files given as text, such as a ladder held in memory. */
export function rawFiles(files: Record<string, string>): RawFile[] {
  return Object.keys(files)
    .sort()
    .filter((path) => path.endsWith('.md'))
    .map((path) => ({ path, text: files[path] }));
}

/** Sorts files into the kinds of the layout. Files out of place are reported, not read. */
export function classify(raw: readonly RawFile[]): LoadResult {
  const files: SourceFile[] = [];
  const pages = new Map<string, SourceFile>();
  const diagnostics: Diagnostic[] = [];
  const links: LoadResult['links'] = [];
  const unexpected = (path: string, why: 'notMarkdown' | 'notPart' | 'misplaced') =>
    diagnostics.push(report(unexpectedFile.meta, { file: path, line: 1, column: 1 }, why, { path, pages: OPTIONAL_PAGES }));

  for (const { path, link, ...content } of raw) {
    if (link !== undefined) {
      // Followed, a link could read a file from anywhere on the disk into the published site: it is reported where it is, not read.
      // An error where the ladder would have read it; elsewhere (a top-level link to images, say) a warning.
      const read = path.endsWith('.md') || inLadderFolder(path) || path in FOLDERS || path === 'levels';
      diagnostics.push(
        report(symbolicLink.meta, { file: path, line: 1, column: 1 }, 'link', { path, target: link, read }, { severity: read ? 'error' : 'warning' }),
      );
      const parts = path.replace(/\.md$/, '').split('/');
      if (parts.length === 2 && parts[0]! in FOLDERS && path.endsWith('.md')) links.push({ kind: FOLDERS[parts[0]!] as FileKind, id: parts[1]! });
      // A level, or a whole folder of a track's levels (its id ends in "/").
      else if (parts[0] === 'levels' && parts.length === 3 && path.endsWith('.md')) links.push({ kind: 'level', id: `${parts[1]}/${parts[2]}` });
      else if (parts[0] === 'levels' && parts.length === 2) links.push({ kind: 'level', id: `${parts[1]}/` });
      continue;
    }
    if (!path.endsWith('.md')) {
      if (inLadderFolder(path)) unexpected(path, 'notMarkdown');
      continue;
    }
    const parts = path.split('/');
    const name = (parts[parts.length - 1] ?? '').slice(0, -'.md'.length);
    const read = () => content;
    if (parts.length === 1) {
      if (name === 'ladder') files.push({ path, kind: 'ladder', id: 'ladder', ...read() });
      else if ((OPTIONAL_PAGES as readonly string[]).includes(name)) pages.set(name, { path, kind: 'ladder', id: name, ...read() });
      else unexpected(path, 'notPart');
    } else if (parts.length === 2 && parts[0] !== undefined && parts[0] in FOLDERS) {
      files.push({ path, kind: FOLDERS[parts[0]] as FileKind, id: name, ...read() });
    } else if (parts.length === 3 && parts[0] === 'levels') {
      const track = parts[1] as string;
      files.push({ path, kind: 'level', id: `${track}/${name}`, track, ...read() });
    } else {
      unexpected(path, 'misplaced');
    }
  }
  if (!files.some((file) => file.kind === 'ladder')) {
    diagnostics.push(report(missingLadder.meta, { file: 'ladder.md', line: 1, column: 1 }, 'missing'));
  }
  return { files, pages, diagnostics, links };
}

/**
 * Relative paths of the regular files below dir, sorted, skipping hidden
 * entries; symbolic links are listed with their target, never followed.
 */
function walk(root: string, rel: string, budget: { left: number; dir: string }): { path: string; link?: string }[] {
  const out: { path: string; link?: string }[] = [];
  let entries;
  try {
    entries = readdirSync(join(root, rel), { withFileTypes: true });
  } catch {
    return out;
  }
  budget.left -= entries.length;
  if (budget.left < 0) {
    throw new ContentDirectoryError(
      `${budget.dir} holds more than ${MAX_ENTRIES} files and folders, so it is not a ladder's content folder: point --content at the folder that holds ladder.md`,
    );
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isSymbolicLink()) {
      out.push({ path, link: linkTarget(join(root, path)) });
      continue;
    }
    // A folder named like an entry ("tracks/research.md/") is reported as that entry, unreadable.
    if (entry.isDirectory() && entry.name.endsWith('.md')) out.push({ path });
    else if (entry.isDirectory()) out.push(...walk(root, path, budget));
    else if (entry.isFile()) out.push({ path });
  }
  return out;
}

function linkTarget(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return 'somewhere else';
  }
}

/**
 * The file as UTF-8 text, or why it is not: binary, not UTF-8, or too large
 * to be an entry. Opened without following a link (O_NOFOLLOW), and its size
 * is checked before a byte is read.
 */
function readText(path: string): Pick<SourceFile, 'text' | 'unreadable'> {
  let fd: number | undefined;
  try {
    // Where the system has O_NOFOLLOW, opening a link fails with ELOOP (below); elsewhere, look first.
    if (!constants.O_NOFOLLOW && lstatSync(path).isSymbolicLink())
      return { text: undefined, unreadable: 'This is a symbolic link, which the ladder does not follow: put the file itself here' };
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { text: undefined, unreadable: 'This is a folder, not a file: an entry is a Markdown file, so rename or remove the folder' };
    if (!stat.isFile()) return { text: undefined, unreadable: 'This is not a regular file (a device, a pipe or a socket): an entry is a Markdown file' };
    if (stat.size > MAX_FILE_BYTES) return tooLarge(stat.size);
    // At most one byte more than the limit: a file that grows while it is read is still caught.
    // Not zero-filled: only the bytes read are used. Read until the end (a network or FUSE file system may return less than asked
    // before it).
    const bytes = Buffer.allocUnsafe(Math.min(stat.size, MAX_FILE_BYTES) + 1);
    let length = 0;
    for (let n; length < bytes.length && (n = readSync(fd, bytes, length, bytes.length - length, null)) > 0; ) length += n;
    return decodeText(bytes.subarray(0, length));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') return { text: undefined, unreadable: 'This is a folder, not a file: an entry is a Markdown file, so rename or remove the folder' };
    if (code === 'ELOOP') return { text: undefined, unreadable: 'This is a symbolic link, which the ladder does not follow: put the file itself here' };
    return { text: undefined, unreadable: `The file could not be read (${code ?? 'error'})` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const tooLarge = (size: number) => ({ text: undefined, unreadable: `The file is larger than 1 MiB (${size} bytes): a ladder entry is a page of text` });

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes as UTF-8 text, or why they are not: binary, not UTF-8, or too large to be an entry. For files read from disk or from git. */
export function decodeText(bytes: Uint8Array): Pick<SourceFile, 'text' | 'unreadable'> {
  if (bytes.length > MAX_FILE_BYTES) return tooLarge(bytes.length);
  if (bytes.includes(0)) return { text: undefined, unreadable: 'This is a binary file, not Markdown: save it as plain UTF-8 text' };
  try {
    return { text: UTF8.decode(bytes) };
  } catch {
    return { text: undefined, unreadable: 'The file is not valid UTF-8: save it with UTF-8 encoding' };
  }
}
