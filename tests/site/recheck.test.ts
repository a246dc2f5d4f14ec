/**
 * The dev server's re-check (src/site/ladder.ts recheck, src/ladder/load.ts
 * refreshContent): after a save, only the files that changed are read
 * again, and the result is the check a fresh read would give.
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { check, checkFiles } from '../../src/ladder/check.ts';
import { readContentDir, refreshContent } from '../../src/ladder/load.ts';
import { getCheck, invalidate, recheck } from '../../src/site/ladder.ts';
import { cleanup, copySample, miniLadder, writeLadder } from '../helpers/ladder.ts';

afterAll(cleanup);

const diagnostics = (result: ReturnType<typeof check>) => result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`);

describe('refreshContent', () => {
  it('gives what a fresh read gives, after edits, new and deleted files and folders, links and stray files', () => {
    const dir = writeLadder(miniLadder());
    let files = readContentDir(dir);
    const step = (change: () => void, paths: string[]) => {
      change();
      files = refreshContent(dir, files, paths);
      expect(files).toEqual(readContentDir(dir));
    };
    const level = join(dir, 'levels/eng-ic/senior.md');
    step(() => writeFileSync(level, '---\ntitle: Broken\n'), [level]);
    step(() => writeFileSync(join(dir, 'levels/eng-ic/new.md'), '---\ntitle: New\n---\n'), ['levels/eng-ic/new.md']);
    step(() => rmSync(join(dir, 'levels/eng-ic/new.md')), [join(dir, 'levels/eng-ic/new.md')]);
    step(() => writeFileSync(join(dir, 'levels/eng-ic/notes.txt'), 'x'), [join(dir, 'levels/eng-ic/notes.txt')]);
    step(() => writeFileSync(join(dir, '.hidden.md'), 'x'), [join(dir, '.hidden.md')]);
    step(() => symlinkSync('/etc/hostname', join(dir, 'families/linked.md')), [join(dir, 'families/linked.md')]);
    step(() => {
      mkdirSync(join(dir, 'levels/new-track'));
      writeFileSync(join(dir, 'levels/new-track/a.md'), '---\ntitle: A\n---\n');
      writeFileSync(join(dir, 'levels/new-track/b.md'), '---\ntitle: B\n---\n');
    }, [join(dir, 'levels/new-track')]);
    step(() => rmSync(join(dir, 'levels/new-track'), { recursive: true }), [join(dir, 'levels/new-track')]);
    step(() => mkdirSync(join(dir, 'tracks/odd.md')), [join(dir, 'tracks/odd.md')]);
  });

  it('reads nothing through a symbolic link, as a fresh read does: a folder that became a link, a change inside a linked folder', () => {
    const files = miniLadder();
    const outside = writeLadder(files);
    const dir = writeLadder(files);
    let read = readContentDir(dir);
    const step = (change: () => void, paths: string[]) => {
      change();
      read = refreshContent(dir, read, paths);
      expect(read).toEqual(readContentDir(dir));
    };
    // The folder of a track's levels replaced by a link to a copy elsewhere: its files are gone, the link is one entry.
    step(() => {
      rmSync(join(dir, 'levels/eng-mgmt'), { recursive: true });
      symlinkSync(join(outside, 'levels/eng-mgmt'), join(dir, 'levels/eng-mgmt'));
    }, [join(dir, 'levels/eng-mgmt')]);
    // A watcher that follows links reports a change inside the linked folder by a path through the link: nothing is read there.
    const inside = Object.keys(files).find((path) => path.startsWith('levels/eng-mgmt/'))!;
    step(() => writeFileSync(join(outside, inside), '---\ntitle: Through the link\n---\n'), [join(dir, inside)]);
    step(() => writeFileSync(join(outside, 'levels/eng-mgmt/added.md'), '---\ntitle: Added\n---\n'), [join(dir, 'levels/eng-mgmt/added.md')]);
    // The check of the re-read files is a fresh check's: the link reported at the link, nothing in it read.
    const result = checkFiles(read, dir);
    expect(diagnostics(result)).toEqual(diagnostics(check(dir)));
    expect(diagnostics(result)).toContain('levels/eng-mgmt:1:1 layout/symbolic-link');
    expect(result.ladder.levels.some((level) => level.id.startsWith('eng-mgmt/'))).toBe(false);
  });
});

describe('recheck', () => {
  it('reads again only the files it is told changed, and then checks as a fresh check does', () => {
    const dir = copySample();
    invalidate();
    const first = getCheck(dir);
    expect(first.ok).toBe(true);
    const level = join(dir, first.ladder.levels[0]!.source.file);
    const other = join(dir, first.ladder.levels[1]!.source.file);
    // A change nobody reports is not seen: the other files are not read again.
    writeFileSync(other, '---\ntitle: Unseen\n');
    writeFileSync(level, '---\ntitle: Broken\n');
    const second = recheck(dir, [level]);
    expect(second.ok).toBe(false);
    expect(diagnostics(second).some((d) => d.startsWith(`${first.ladder.levels[0]!.source.file}:`))).toBe(true);
    expect(diagnostics(second).some((d) => d.startsWith(`${first.ladder.levels[1]!.source.file}:`))).toBe(false);
    // Told, it is read; and the result is a fresh check's.
    const third = recheck(dir, [other]);
    expect(diagnostics(third)).toEqual(diagnostics(check(dir)));
    expect(getCheck(dir)).toBe(third);
    invalidate();
  });
});
