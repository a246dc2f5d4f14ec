/**
 * "Suggest a change" links: to edit a page's source file on GitHub, and to
 * open an issue about a level with the title and a template filled in.
 * Available only when ladder.md names its `repository`.
 */
import type { Ladder, Level } from '../ladder/model.ts';

export interface LinkOptions {
  /** The branch that edits start from (default: main). */
  branch?: string;
  /** Where the content directory is inside the repository (default: content). */
  contentPath?: string;
}

export interface Repository {
  /** The repository's web address, without a trailing slash or .git: https://github.com/acme/career-ladder */
  url: string;
  host: string;
  owner: string;
  name: string;
}

/** The parts of a repository URL such as https://github.com/acme/career-ladder(.git), or undefined if it is not one. */
export function parseRepository(repository: string | undefined): Repository | undefined {
  if (!repository) return undefined;
  let url: URL;
  try {
    url = new URL(repository);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const parts = url.pathname
    .replace(/\.git\/?$/, '')
    .split('/')
    .filter(Boolean);
  if (parts.length < 2) return undefined;
  const [owner, name] = parts as [string, string];
  return { url: `${url.protocol}//${url.host}/${owner}/${name}`, host: url.host, owner, name };
}

/** The GitHub page that edits a content file (a path relative to the content directory), or undefined without a repository. */
export function editUrl(ladder: Pick<Ladder, 'repository'>, file: string, options: LinkOptions = {}): string | undefined {
  const repo = parseRepository(ladder.repository);
  if (!repo) return undefined;
  const branch = options.branch ?? 'main';
  const path = [...pathParts(options.contentPath ?? 'content'), ...pathParts(file)].map(encodeURIComponent).join('/');
  return `${repo.url}/edit/${encodeURIComponent(branch)}/${path}`;
}

export interface IssueOptions extends LinkOptions {
  /** The address of the level's page on the published site, quoted in the issue. */
  pageUrl?: string;
}

/** A new-issue page about a level, with its title and a short template filled in; undefined without a repository. */
export function issueUrl(ladder: Pick<Ladder, 'repository' | 'track'>, level: Level, options: IssueOptions = {}): string | undefined {
  const repo = parseRepository(ladder.repository);
  if (!repo) return undefined;
  const track = ladder.track.get(level.track);
  const title = `Suggestion for ${level.title} (${track?.name ?? level.track}, grade ${level.grade})`;
  const source = editUrl(ladder, level.source.file, options)?.replace('/edit/', '/blob/');
  const body = [
    `**Level:** ${level.title}, grade ${level.grade}, ${track?.name ?? level.track}`,
    ...(options.pageUrl ? [`**Page:** ${options.pageUrl}`] : []),
    ...(source ? [`**Source:** ${source}`] : []),
    '',
    '### What should change?',
    '',
    '<!-- A section, a sentence, the pay band or the authority of this level. -->',
    '',
    '### Why?',
    '',
    '<!-- What you see in practice, or what the equivalent levels in the other track say. -->',
    '',
  ].join('\n');
  const query = new URLSearchParams({ title, body });
  return `${repo.url}/issues/new?${query.toString().replace(/\+/g, '%20')}`;
}

function pathParts(path: string): string[] {
  return path.split(/[\\/]/).filter((part) => part !== '' && part !== '.');
}
