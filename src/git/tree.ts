/**
 * The files of the content directory in git's objects: which Markdown files
 * a commit holds (`git ls-tree -z`) and their bytes (`git cat-file --batch`),
 * without touching the working tree, the index or HEAD.
 */
import { git } from './run.ts';

/** A version of the content directory: path (relative to it, with /) → blob id. */
export type Version = Map<string, string>;

/**
 * A path of the content directory that the ladder may read: a Markdown file,
 * not a symbolic link or a submodule, with nothing odd in its path; relative
 * to the content directory (`rel`, its path in the repository, '' for the top).
 */
export function insideContent(path: string, rel: string, mode: string): string | undefined {
  if (mode === '120000' || mode === '160000' || !path.endsWith('.md')) return undefined;
  const local = rel === '' ? path : path.startsWith(`${rel}/`) ? path.slice(rel.length + 1) : undefined;
  if (local === undefined || local.split('/').some((part) => part === '..' || part === '')) return undefined;
  return local;
}

/** The Markdown files of the content directory (at `rel` in the repository) at a commit; undefined when git refuses. */
export function listVersion(root: string, commit: string, rel: string): Version | undefined {
  const listing = git(['ls-tree', '-r', '-z', '--full-tree', commit, '--', rel === '' ? '.' : rel], root);
  if (!listing.ok) return undefined;
  const version: Version = new Map();
  for (const record of listing.stdout.toString('utf8').split('\0')) {
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode = '', type, oid] = record.slice(0, tab).split(' ');
    const local = insideContent(record.slice(tab + 1), rel, mode);
    if (type === 'blob' && oid && local !== undefined) version.set(local, oid);
  }
  return version;
}

/** The bytes of every blob given, read in one `git cat-file --batch`; a blob git does not have is left out. */
export function readBlobs(root: string, oids: Iterable<string>): Map<string, Buffer> {
  const wanted = [...new Set(oids)];
  const out = new Map<string, Buffer>();
  if (wanted.length === 0) return out;
  const result = git(['cat-file', '--batch'], root, `${wanted.join('\n')}\n`);
  if (!result.ok) return out;
  const data = result.stdout;
  let offset = 0;
  for (const oid of wanted) {
    const newline = data.indexOf(0x0a, offset);
    if (newline < 0) break;
    const header = data.subarray(offset, newline).toString('utf8').split(' ');
    if (header[1] === 'missing' || header[0] !== oid) {
      offset = newline + 1;
      continue;
    }
    const size = Number(header[2]);
    if (!Number.isSafeInteger(size) || size < 0) break;
    out.set(oid, data.subarray(newline + 1, newline + 1 + size));
    offset = newline + 1 + size + 1;
  }
  return out;
}
