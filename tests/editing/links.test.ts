/** "Suggest a change" links. */
import { describe, expect, it } from 'vitest';
import { check } from '../../src/ladder/check.ts';
import { editUrl, issueUrl, parseRepository } from '../../src/ladder/links.ts';
import { SAMPLE } from '../helpers/ladder.ts';

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
