/** "Suggest a change" links. */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../src/ladder/check.ts';
import { editUrl, issueUrl, parseRepository } from '../../src/site/links.ts';
import { contentPathInRepository, editBranch } from '../../src/site/repository.ts';
import { cleanup, SAMPLE, tempDir } from '../helpers/ladder.ts';

afterAll(cleanup);

const sample = check(SAMPLE).ladder;
const ladder = { ...sample, repository: 'https://github.com/acme/career-ladder' };
const level = sample.level.get('engineering-ic/staff-engineer')!;

describe('suggest-a-change links', () => {
  it('link to the source file on GitHub', () => {
    expect(editUrl(ladder, level.source.file)).toBe('https://github.com/acme/career-ladder/edit/main/content/levels/engineering-ic/staff-engineer.md');
    expect(editUrl(ladder, 'ladder.md', { branch: 'trunk', contentPath: './ladders/acme/' })).toBe(
      'https://github.com/acme/career-ladder/edit/trunk/ladders/acme/ladder.md',
    );
    expect(editUrl({ repository: 'https://github.com/acme/career-ladder.git/' }, 'ladder.md')).toBe(
      'https://github.com/acme/career-ladder/edit/main/content/ladder.md',
    );
  });

  it('open a prefilled issue about a level', () => {
    const url = new URL(issueUrl(ladder, level, { pageUrl: 'https://careers.acme.example/levels/engineering-ic/staff-engineer/' })!);
    expect(`${url.origin}${url.pathname}`).toBe('https://github.com/acme/career-ladder/issues/new');
    expect(url.searchParams.get('title')).toBe('Suggestion for Staff Engineer (Engineering, individual contributor, grade 4)');
    const body = url.searchParams.get('body')!;
    expect(body).toContain('https://careers.acme.example/levels/engineering-ic/staff-engineer/');
    expect(body).toContain('https://github.com/acme/career-ladder/blob/main/content/levels/engineering-ic/staff-engineer.md');
    expect(body).toContain('### What should change?');
    expect(url.search).not.toContain('+'); // spaces as %20, which every form of the new-issue page reads
  });

  it('are absent without a repository, or with one that is not a repository URL', () => {
    expect(sample.repository).toBeUndefined();
    expect(editUrl(sample, 'ladder.md')).toBeUndefined();
    expect(issueUrl(sample, level)).toBeUndefined();
    expect(parseRepository('https://github.com/acme')).toBeUndefined();
    expect(parseRepository('not a url')).toBeUndefined();
  });
});

describe('the content folder inside the repository', () => {
  const gitInit = (dir: string) => execFileSync('git', ['init', '-q', dir]);

  it('is read from git, whatever the working directory', () => {
    const repo = tempDir('parity-repo-');
    gitInit(repo);
    const content = join(repo, 'ladders', 'acme');
    mkdirSync(content, { recursive: true });
    // A working directory far from the checkout (a CI workspace, say) changes nothing.
    const elsewhere = tempDir('parity-elsewhere-');
    const deep = join(elsewhere, 'a', 'b', 'c', 'd');
    mkdirSync(deep, { recursive: true });
    expect(contentPathInRepository(content, undefined, deep)).toBe('ladders/acme');
    expect(contentPathInRepository(repo, undefined, deep)).toBe('.');
    expect(editUrl(ladder, 'levels/x/y.md', { contentPath: contentPathInRepository(content, undefined, deep) })).toBe(
      'https://github.com/acme/career-ladder/edit/main/ladders/acme/levels/x/y.md',
    );
  });

  it('falls back to the working directory, then to the content folder as the repository, outside git', () => {
    const cwd = tempDir('parity-nogit-');
    const inside = join(cwd, 'content');
    mkdirSync(inside);
    expect(contentPathInRepository(inside, undefined, cwd)).toBe('content');
    expect(contentPathInRepository(tempDir('parity-nogit-other-'), undefined, cwd)).toBe('.');
  });

  it('is the repository.contentPath option when set, and edits start from repository.branch (default main)', () => {
    expect(contentPathInRepository(SAMPLE, './people/ladder/')).toBe('people/ladder');
    expect(editBranch()).toBe('main');
    expect(editBranch({ branch: 'trunk' })).toBe('trunk');
  });
});
