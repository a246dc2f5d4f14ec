/**
 * The ladder's history from git (src/git/history.ts): in a temporary
 * repository with two commits, the second raising a pay band, the history
 * lists that change in words; without git, or outside a repository, it is
 * unavailable and nothing throws.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHistory } from '../src/git/history.ts';
import { git } from './helpers/git.ts';
import { cleanup, miniLadder, tempDir, writeLadder } from './helpers/ladder.ts';

function edit(path: string, change: (text: string) => string): void {
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}

let repo: string;
let content: string;
let first: string;
let second: string;
let third: string;

beforeAll(() => {
  repo = tempDir('parity-history-');
  content = join(repo, 'ladder', 'content');
  mkdirSync(content, { recursive: true });
  writeLadder(miniLadder(), content);
  writeFileSync(join(repo, 'README.md'), 'A repository that holds a ladder.\n');
  git(repo, ['init', '-q']);
  git(repo, ['add', '.']);
  git(repo, ['commit', '-q', '-m', 'First version of the ladder'], '2025-01-15T10:00:00+00:00');
  first = git(repo, ['rev-parse', 'HEAD']);
  // Grade 2: both tracks' band raised, and a sentence added to the IC level.
  for (const file of ['levels/eng-ic/senior.md', 'levels/eng-mgmt/manager.md']) {
    edit(join(content, file), (t) => t.replace('min: 70000', 'min: 75000').replace('max: 90000', 'max: 95000'));
  }
  edit(join(content, 'levels/eng-ic/senior.md'), (t) => t.replace('## Craft\n\n', '## Craft\n\n- Reviews the designs of the team.\n'));
  git(repo, ['commit', '-q', '-a', '-m', 'Raise the grade 2 band'], '2025-03-02T09:30:00+01:00');
  second = git(repo, ['rev-parse', 'HEAD']);
  // A commit outside the content directory is not part of the ladder's history.
  writeFileSync(join(repo, 'README.md'), 'Changed.\n');
  git(repo, ['commit', '-q', '-a', '-m', 'Docs only'], '2025-03-05T09:30:00+00:00');
  third = git(repo, ['rev-parse', 'HEAD']);
});

afterAll(() => cleanup());

describe('in a git repository', () => {
  it('lists the commits that touched the content directory, newest first', () => {
    const history = readHistory(content);
    expect(history.available).toBe(true);
    expect(history.truncated).toBe(false);
    expect(history.entries.map((e) => [e.commit, e.subject, e.status])).toEqual([
      [second, 'Raise the grade 2 band', 'diff'],
      [first, 'First version of the ladder', 'initial'],
    ]);
    expect(history.entries[0]!.date).toBe('2025-03-02T09:30:00+01:00');
    expect(history.entries[0]!.short).toBe(second.slice(0, 7));
    expect(history.entries[1]!.summary).toBe('First version of the ladder: 3 levels in 2 tracks of 1 family');
  });

  it('describes the change made between the two commits in words, with the diff engine', () => {
    const entry = readHistory(content).entries[0]!;
    expect(entry.summary).toBe('2 levels changed');
    expect(entry.items).toEqual([
      {
        type: 'level',
        kind: 'changed',
        id: 'eng-ic/senior',
        name: 'Senior Engineer',
        track: 'eng-ic',
        grade: 2,
        phrases: ['Pay band raised: €70,000 – €90,000 → €75,000 – €95,000.', 'Craft section rewritten.'],
      },
      {
        type: 'level',
        kind: 'changed',
        id: 'eng-mgmt/manager',
        name: 'Manager',
        track: 'eng-mgmt',
        grade: 2,
        phrases: ['Pay band raised: €70,000 – €90,000 → €75,000 – €95,000.'],
      },
    ]);
  });

  it('knows when each file last changed', () => {
    const history = readHistory(content);
    expect(history.lastChanged.get('levels/eng-ic/senior.md')).toEqual({ commit: second, date: '2025-03-02T09:30:00+01:00' });
    expect(history.lastChanged.get('levels/eng-ic/engineer.md')).toEqual({ commit: first, date: '2025-01-15T10:00:00+00:00' });
    expect(history.lastChanged.has('README.md')).toBe(false);
    expect(history.uncommitted.size).toBe(0);
  });

  it('caps the number of commits and says so', () => {
    const history = readHistory(content, { limit: 1 });
    expect(history.entries.map((e) => e.commit)).toEqual([second]);
    expect(history.truncated).toBe(true);
    expect(readHistory(content, { limit: 0 }).available).toBe(false);
  });

  it('reports files with uncommitted edits, and new files', () => {
    const work = tempDir('parity-history-work-');
    git(work, ['clone', '-q', repo, '.']);
    const dir = join(work, 'ladder', 'content');
    edit(join(dir, 'levels/eng-ic/engineer.md'), (t) => t.replace('max: 70000', 'max: 71000'));
    writeFileSync(join(dir, 'competencies/new.md'), '---\nname: New\n---\n\nNew.\n');
    const history = readHistory(dir);
    expect([...history.uncommitted].sort()).toEqual(['competencies/new.md', 'levels/eng-ic/engineer.md']);
    expect(history.entries).toHaveLength(2);
  });

  it('treats a merged branch as one change, titled by its message', () => {
    const work = tempDir('parity-history-merge-');
    git(work, ['clone', '-q', repo, '.']);
    const dir = join(work, 'ladder', 'content');
    git(work, ['checkout', '-q', '-b', 'scope']);
    edit(join(dir, 'levels/eng-ic/senior.md'), (t) => t.replace('scope: group', 'scope: org'));
    edit(join(dir, 'levels/eng-mgmt/manager.md'), (t) => t.replace('scope: group', 'scope: org'));
    git(work, ['commit', '-q', '-a', '-m', 'Widen scope'], '2025-04-01T08:00:00+00:00');
    git(work, ['checkout', '-q', 'main']);
    git(
      work,
      ['merge', '-q', '--no-ff', 'scope', '-m', 'Merge pull request #7 from acme/scope', '-m', 'Grade 2 works across a group of teams'],
      '2025-04-02T08:00:00+00:00',
    );
    const history = readHistory(dir);
    expect(history.entries.map((e) => e.subject)).toEqual(['Grade 2 works across a group of teams', 'Raise the grade 2 band', 'First version of the ladder']);
    expect(history.entries[0]!.items.map((i) => [i.id, i.phrases])).toEqual([
      ['eng-ic/senior', ['Scope widened from group to org.']],
      ['eng-mgmt/manager', ['Scope widened from group to org.']],
    ]);
  });

  it('lists the first commit of a shallow clone without inventing its changes or dates', () => {
    const work = tempDir('parity-history-shallow-');
    git(work, ['clone', '-q', '--depth', '1', `file://${repo}`, '.']);
    const history = readHistory(join(work, 'ladder', 'content'));
    expect(history.available).toBe(true);
    // The clone's only commit has no parent here, so git lists it as touching every file.
    expect(history.entries).toHaveLength(1);
    expect(history.entries[0]).toMatchObject({ commit: third, status: 'unknown', items: [] });
    expect(history.entries[0]!.summary).toMatch(/not in this clone/);
    expect(history.lastChanged.size).toBe(0);
  });

  it('works when the content directory is the repository itself', () => {
    const work = tempDir('parity-history-root-');
    writeLadder(miniLadder(), work);
    git(work, ['init', '-q']);
    git(work, ['add', '.']);
    git(work, ['commit', '-q', '-m', 'Ladder'], '2025-01-01T00:00:00+00:00');
    const history = readHistory(work);
    expect(history.entries.map((e) => e.status)).toEqual(['initial']);
    expect(history.lastChanged.get('ladder.md')?.date).toBe('2025-01-01T00:00:00+00:00');
  });
});

describe('without history', () => {
  it('is unavailable outside a git repository, without throwing', () => {
    const dir = writeLadder(miniLadder());
    const history = readHistory(dir);
    expect(history.available).toBe(false);
    expect(history.reason).toMatch(/not inside a git repository/);
    expect(history.entries).toEqual([]);
    expect(history.lastChanged.size).toBe(0);
  });

  it('is unavailable when git cannot be run, without throwing', () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      const history = readHistory(content);
      expect(history.available).toBe(false);
      expect(history.reason).toMatch(/git could not be run/);
    } finally {
      process.env.PATH = path;
    }
  });

  it('is unavailable for a directory that does not exist', () => {
    expect(readHistory(join(repo, 'nowhere')).available).toBe(false);
  });
});

describe('a commit message cannot forge the history', () => {
  it('keeps a subject with \\x1e, \\x1f, a NUL-less fake entry and line breaks as one subject of its own commit', () => {
    const work = tempDir('parity-history-forged-');
    writeLadder(miniLadder(), work);
    git(work, ['init', '-q']);
    git(work, ['add', '.']);
    git(work, ['commit', '-q', '-m', 'Ladder'], '2025-01-01T00:00:00+00:00');
    edit(join(work, 'levels/eng-ic/senior.md'), (t) => t.replace('max: 90000', 'max: 91000'));
    const fake = 'f'.repeat(40);
    const subject = `Raise\x1e${fake}\x1f\x1f2099-01-01T00:00:00+00:00\x1fForged entry\x1f\x00`.replace('\x00', '');
    git(work, ['commit', '-q', '-a', '-m', `${subject}\n\n:100644 100644 ${fake} ${fake} M\nlevels/eng-ic/fake.md`], '2025-02-01T00:00:00+00:00');
    const history = readHistory(work);
    expect(history.available).toBe(true);
    expect(history.entries).toHaveLength(2);
    expect(history.entries.map((e) => e.commit)).not.toContain(fake);
    expect(history.entries.map((e) => e.date)).toEqual(['2025-02-01T00:00:00Z', '2025-01-01T00:00:00Z'].map((d) => expect.stringMatching(d.slice(0, 10))));
    // One subject of its own commit, with the separators it smuggled in removed (they are control characters).
    expect(history.entries[0]!.subject).toBe(subject.replace(/[\x1e\x1f]/g, ''));
    expect(history.entries[0]!.status).toBe('diff');
    expect(history.entries[1]!.status).toBe('initial');
    expect([...history.lastChanged.keys()]).not.toContain('levels/eng-ic/fake.md');
  });

  it('drops escape sequences, bidi overrides and line breaks from a subject, keeping its text', () => {
    const work = tempDir('parity-history-controls-');
    writeLadder(miniLadder(), work);
    git(work, ['init', '-q']);
    git(work, ['add', '.']);
    git(work, ['commit', '-q', '-m', 'Raise \u001b]0;pwned\u0007the \u001b[2Jband \u202e<b>x</b>\tnow'], '2025-01-01T00:00:00+00:00');
    const history = readHistory(work);
    expect(history.entries[0]!.subject).toBe('Raise ]0;pwnedthe [2Jband <b>x</b> now');
  });
});
