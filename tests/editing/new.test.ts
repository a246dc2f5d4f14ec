/** `ladder new`: scaffolds pass the checker, start equal to their counterparts, and never overwrite. */
import { existsSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../src/ladder/check.ts';
import type { Diagnostic } from '../../src/ladder/diagnostics.ts';
import { levelAt } from '../../src/ladder/model.ts';
import { scaffoldLevel, ScaffoldError } from '../../src/ladder/scaffold.ts';
import { cleanup, copySample, tempDir } from '../helpers/ladder.ts';
import { ladder } from './run.ts';

afterAll(cleanup);

/** A scaffold passes the check: its only findings are warnings about the placeholders it leaves to write. */
function expectOnlyPlaceholders(diagnostics: readonly Diagnostic[]): void {
  expect(diagnostics.filter((d) => d.rule !== 'content/placeholder' || d.severity !== 'warning')).toEqual([]);
  expect(diagnostics.length).toBeGreaterThan(0);
}

describe('ladder new level', () => {
  it('copies the pay band and authority of the level at the same grade in the other track', async () => {
    const taken = await ladder(['new', 'level', 'engineering-ic', '--grade', '4', '--title', 'Staff Engineer II', '--content', copySample()]);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('already has a level at grade 4: Staff Engineer');

    // Re-create the IC level at grade 4, whose counterpart is Engineering Manager.
    const fresh = copySample();
    rmSync(join(fresh, 'levels/engineering-ic/staff-engineer.md'));
    const made = await ladder(['new', 'level', 'engineering-ic', '--grade', '4', '--title', 'Staff Engineer', '--content', fresh]);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain('staff-engineer.md');
    expect(made.stdout).toContain('copied from Engineering Manager');
    expect(made.stdout).toContain('ladder check');

    const after = check(fresh);
    expectOnlyPlaceholders(after.diagnostics);
    const level = levelAt(after.ladder, 'engineering-ic', 4)!;
    const counterpart = levelAt(after.ladder, 'engineering-management', 4)!;
    expect(level.title).toBe('Staff Engineer');
    expect(level.pay).toEqual(counterpart.pay);
    expect(level.authority).toEqual(counterpart.authority);
    // A heading for every competency of the track, in the track's order.
    const track = after.ladder.track.get('engineering-ic')!;
    expect(level.sections.map((s) => s.competency)).toEqual(track.competencies);
  });

  it('adds a grade at the top of both tracks that passes the checker at every step', async () => {
    const dir = copySample();
    const ic = await ladder(['new', 'level', 'engineering-ic', '--grade', '9', '--title', 'Engineering Fellow', '--content', dir]);
    expect(ic.code, ic.stderr).toBe(0);
    expect(ic.stdout).toContain('No other track of the family has a level at grade 9');
    expectOnlyPlaceholders(check(dir).diagnostics);
    const text = readFileSync(join(dir, 'levels/engineering-ic/engineering-fellow.md'), 'utf8');
    expect(text).toContain('TODO');

    const mgmt = await ladder(['new', 'level', 'engineering-management', '--grade', '9', '--title', 'SVP of Engineering', '--content', dir]);
    expect(mgmt.code, mgmt.stderr).toBe(0);
    expect(mgmt.stdout).toContain('copied from Engineering Fellow');
    const result = check(dir);
    expectOnlyPlaceholders(result.diagnostics);
    const a = levelAt(result.ladder, 'engineering-ic', 9)!;
    const b = levelAt(result.ladder, 'engineering-management', 9)!;
    expect(b.pay).toEqual(a.pay);
    expect(b.authority).toEqual(a.authority);
  });

  it('never overwrites an existing file', async () => {
    const dir = copySample();
    const path = join(dir, 'levels/engineering-ic/staff-engineer.md');
    const before = readFileSync(path, 'utf8');
    // Grade 12 is free, but the file name (from the title) exists.
    const result = await ladder(['new', 'level', 'engineering-ic', '--grade', '12', '--title', 'Staff Engineer', '--content', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('already exists');
    expect(result.stdout).toBe('');
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('reports an unknown track and bad arguments', async () => {
    const dir = copySample();
    const unknown = await ladder(['new', 'level', 'engineering-ics', '--grade', '3', '--title', 'X', '--content', dir]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('There is no track "engineering-ics"');
    expect((await ladder(['new', 'level', 'engineering-ic', '--grade', 'three', '--title', 'X', '--content', dir])).code).toBe(2);
    expect((await ladder(['new', 'level', 'engineering-ic', '--title', 'X', '--content', dir])).code).toBe(2);
    expect((await ladder(['new', 'level', '--grade', '3', '--title', 'X', '--content', dir])).code).toBe(2);
    expect((await ladder(['new', 'bogus', '--content', dir])).code).toBe(2);
    expect((await ladder(['new', 'family', '--grade', '3', '--name', 'X', '--content', dir])).code).toBe(2);
    expect((await ladder(['new', 'level', 'engineering-ic', '--grade', '100', '--title', 'X', '--content', dir])).code).toBe(2);
    expect((await ladder(['new', 'level', 'engineering-ic', '--grade', '0', '--title', 'X', '--content', dir])).code).toBe(2);
  });

  it('refuses a track while one of its level files has errors, and names the commands for the same ladder', async () => {
    const dir = copySample();
    // Staff Engineer (grade 4) loses its summary: the grade looks free, but it is not.
    const file = join(dir, 'levels/engineering-ic/staff-engineer.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^summary: .*\n/m, ''));
    const result = await ladder(['new', 'level', 'engineering-ic', '--grade', '4', '--title', 'Staff Engineer II', '--content', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('levels/engineering-ic/staff-engineer.md has errors');
    expect(result.stderr).toContain(`"ladder check --content ${dir}"`);
    expect(existsSync(join(dir, 'levels/engineering-ic/staff-engineer-ii.md'))).toBe(false);

    const track = await ladder(['new', 'track', '--name', 'Data, IC', '--family', 'engineering', '--kind', 'individual-contributor', '--competencies', 'technical-craft', '--content', dir]);
    expect(track.code, track.stderr).toBe(0);
    expect(track.stdout).toContain(`"ladder new level data-ic --grade N --title ... --content ${dir}"`);
    expect(track.stdout).toContain(`"ladder check --content ${dir}"`);
  });

  it('never writes through a symbolic link, to a folder or a file outside the content folder', async () => {
    const outside = tempDir();
    const link = (dir: string, path: string, target: string) => {
      rmSync(join(dir, path), { recursive: true, force: true });
      symlinkSync(target, join(dir, path));
      return dir;
    };
    // The levels folder, a track's folder of levels, the very file it would write (a dangling link).
    const planted = join(tempDir(), 'planted.md');
    const cases: [string, string][] = [
      [link(copySample(), 'levels', outside), 'levels is a symbolic link, which ladder new does not write through'],
      [link(copySample(), 'levels/formulation-ic', outside), 'levels/formulation-ic has errors'],
      [link(copySample(), 'levels/formulation-ic/chief-scientist.md', planted), 'levels/formulation-ic/chief-scientist.md has errors'],
    ];
    for (const [dir, says] of cases) {
      const result = await ladder(['new', 'level', 'formulation-ic', '--grade', '20', '--title', 'Chief Scientist', '--content', dir]);
      expect(result.code, says).toBe(1);
      expect(result.stderr).toContain(says);
      expect(result.stdout).toBe('');
      // ladder check says why: the link is reported where it is.
      expect(check(dir).diagnostics.map((d) => d.rule)).toContain('layout/symbolic-link');
    }
    expect(readdirSync(outside)).toEqual([]);
    expect(existsSync(planted)).toBe(false);
  });

  it('takes the file name from the title, and quotes titles YAML would misread', () => {
    const { ladder: model } = check(copySample());
    const scaffold = scaffoldLevel(model, { track: 'formulation-ic', grade: 20, title: 'Chief: Scientist #1', summary: 'Yes: really.' });
    expect(scaffold.path).toBe('levels/formulation-ic/chief-scientist-1.md');
    expect(scaffold.text).toContain('title: "Chief: Scientist #1"');
    expect(() => scaffoldLevel(model, { track: 'formulation-ic', grade: 20, title: '!!!' })).toThrow(ScaffoldError);
    // What the check would refuse in the file, the scaffold refuses before writing it.
    expect(() => scaffoldLevel(model, { track: 'formulation-ic', grade: 20, title: 'Chief\u001b]0;pwned\u0007' })).toThrow(/title contains an escape character/);
    expect(() => scaffoldLevel(model, { track: 'formulation-ic', grade: 20, title: 'Chief', summary: 'Leads \u202eall' })).toThrow(/summary contains a right-to-left override/);
    expect(() => scaffoldLevel(model, { track: 'formulation-ic', grade: 20, title: 'X', id: 'Bad Id' })).toThrow(ScaffoldError);
  });
});

describe('ladder new family, competency and track', () => {
  it('builds a new family from nothing to a checked ladder', async () => {
    const dir = copySample();
    const family = await ladder(['new', 'family', '--name', 'Data Science', '--content', dir]);
    expect(family.code, family.stderr).toBe(0);
    expect(existsSync(join(dir, 'families/data-science.md'))).toBe(true);
    const competency = await ladder(['new', 'competency', '--name', 'Statistical rigour', '--content', dir]);
    expect(competency.code, competency.stderr).toBe(0);
    const track = await ladder([
      'new', 'track', '--family', 'data-science', '--kind', 'individual-contributor', '--name', 'Data science, individual contributor',
      '--id', 'data-science-ic', '--competencies', 'statistical-rigour, impact', '--content', dir,
    ]);
    expect(track.code, track.stderr).toBe(0);
    const level = await ladder(['new', 'level', 'data-science-ic', '--grade', '1', '--title', 'Data Scientist', '--content', dir]);
    expect(level.code, level.stderr).toBe(0);
    expect(level.stdout).toContain('first level of its track');
    const result = check(dir);
    expectOnlyPlaceholders(result.diagnostics);
    // The first level of a track has no band to copy: 0–0 until someone sets it, which the check keeps saying.
    expect(result.diagnostics.map((d) => d.message)).toContain('The pay band of Data Scientist is still 0–0: set it before this is published');
    expect(result.ladder.level.get('data-science-ic/data-scientist')?.sections.map((s) => s.competency)).toEqual(['statistical-rigour', 'impact']);

    // A second track of the family copies the competencies of the first by default.
    const mgmt = await ladder(['new', 'track', '--family', 'data-science', '--kind', 'management', '--name', 'Data science management', '--content', dir]);
    expect(mgmt.code, mgmt.stderr).toBe(0);
    expect(check(dir).ladder.track.get('data-science-management')?.competencies).toEqual(['statistical-rigour', 'impact']);
  });

  it('refuses unknown families and competencies, and existing files', async () => {
    const dir = copySample();
    const noFamily = await ladder(['new', 'track', '--family', 'sales', '--kind', 'management', '--name', 'Sales management', '--content', dir]);
    expect(noFamily.code).toBe(1);
    expect(noFamily.stderr).toContain('There is no family "sales"');
    const noCompetency = await ladder([
      'new', 'track', '--family', 'engineering', '--kind', 'management', '--name', 'Platform management', '--competencies', 'impact,charisma', '--content', dir,
    ]);
    expect(noCompetency.code).toBe(1);
    expect(noCompetency.stderr).toContain('charisma');
    expect((await ladder(['new', 'track', '--family', 'engineering', '--kind', 'boss', '--name', 'X', '--content', dir])).code).toBe(2);
    const exists = await ladder(['new', 'family', '--name', 'Engineering', '--content', dir]);
    expect(exists.code).toBe(1);
    expect(exists.stderr).toContain('already exists');
  });
});
