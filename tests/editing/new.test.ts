/** `ladder new`: scaffolds pass the checker, start equal to their counterparts, and never overwrite. */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ConfinementError, readFileInside, replaceFileInside } from '../../src/cli/confine.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../src/ladder/check.ts';
import type { Diagnostic } from '../../src/ladder/diagnostics.ts';
import { levelAt } from '../../src/ladder/model.ts';
import { scaffoldLevel, ScaffoldError } from '../../src/ladder/scaffold.ts';
import { bandLadder, bandLevel, cleanup, copySample, editFile, rulesOf, tempDir, writeLadder } from '../helpers/ladder.ts';
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
    expect(level.pay?.zones).toEqual(counterpart.pay?.zones);
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
    expect(b.pay?.zones).toEqual(a.pay?.zones);
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

    const track = await ladder([
      'new',
      'track',
      '--name',
      'Data, IC',
      '--family',
      'engineering',
      '--kind',
      'individual-contributor',
      '--competencies',
      'technical-craft',
      '--content',
      dir,
    ]);
    expect(track.code, track.stderr).toBe(0);
    expect(track.stdout).toContain(`"ladder new level data-ic --grade N --title ... --content ${dir}"`);
    expect(track.stdout).toContain(`"ladder check --content ${dir}"`);
  });

  it('refuses a level while its family file has errors: whether it needs a pay: block cannot be told', async () => {
    const dir = copySample();
    editFile(dir, 'families/engineering.md', (t) => t.replace('name: Engineering', 'name: Engineering\nbands: 4'));
    const result = await ladder(['new', 'level', 'engineering-ic', '--grade', '9', '--title', 'Fellow', '--content', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('families/engineering.md has errors, so the pay of its levels cannot be planned yet');
    expect(existsSync(join(dir, 'levels/engineering-ic/fellow.md'))).toBe(false);
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
    expect(() => scaffoldLevel(model, { track: 'formulation-ic', grade: 20, title: 'Chief\u001b]0;pwned\u0007' })).toThrow(
      /title contains an escape character/,
    );
    expect(() => scaffoldLevel(model, { track: 'formulation-ic', grade: 20, title: 'Chief', summary: 'Leads \u202eall' })).toThrow(
      /summary contains a right-to-left override/,
    );
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
      'new',
      'track',
      '--family',
      'data-science',
      '--kind',
      'individual-contributor',
      '--name',
      'Data science, individual contributor',
      '--id',
      'data-science-ic',
      '--competencies',
      'statistical-rigour, impact',
      '--content',
      dir,
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
      'new',
      'track',
      '--family',
      'engineering',
      '--kind',
      'management',
      '--name',
      'Platform management',
      '--competencies',
      'impact,charisma',
      '--content',
      dir,
    ]);
    expect(noCompetency.code).toBe(1);
    expect(noCompetency.stderr).toContain('charisma');
    expect((await ladder(['new', 'track', '--family', 'engineering', '--kind', 'boss', '--name', 'X', '--content', dir])).code).toBe(2);
    const exists = await ladder(['new', 'family', '--name', 'Engineering', '--content', dir]);
    expect(exists.code).toBe(1);
    expect(exists.stderr).toContain('already exists');
  });
});

describe('ladder new band', () => {
  const ladderMd = bandLadder()['ladder.md']!;
  const familyMd = `---
name: Engineering
# Bands are reviewed every March.
bands:
  1:
    min: 50000
    max: 70000
    zones:
      berlin: { min: 40000, max: 55000 }

  # Grade 3: the senior band.
  3:
    min: 90000
    max: 120000
    bonus: 10
    zones:
      berlin: { min: 70000, max: 95000 }
order: 1
---

Builds software.
`;
  const level = bandLevel;
  const ownPay = 'pay:\n  min: 70000\n  max: 90000\n  zones:\n    berlin: { min: 55000, max: 70000 }\n';
  const files = (): Record<string, string> => ({
    'ladder.md': ladderMd,
    'families/eng.md': familyMd,
    'competencies/craft.md': '---\nname: Craft\n---\n\nThe craft.\n',
    'tracks/eng-ic.md': '---\nname: Engineering IC\nfamily: eng\nkind: individual-contributor\ncompetencies: [craft]\n---\n\nFor builders.\n',
    'tracks/eng-mgmt.md': '---\nname: Engineering management\nfamily: eng\nkind: management\ncompetencies: [craft]\n---\n\nFor managers.\n',
    'levels/eng-ic/engineer.md': level('Engineer', 1),
    'levels/eng-ic/engineer-ii.md': level('Engineer II', 2, ownPay),
    'levels/eng-ic/senior.md': level('Senior Engineer', 3),
    'levels/eng-mgmt/manager.md': level('Manager', 3),
  });
  const band = (dir: string, ...argv: string[]) => ladder(['new', 'band', 'eng', ...argv, '--content', dir]);
  const read = (dir: string) => readFileSync(join(dir, 'families/eng.md'), 'utf8');

  it('inserts a grade between two others, before the comment that introduces the next, keeping every other byte', async () => {
    const dir = writeLadder(files());
    expect(check(dir).diagnostics).toEqual([]);
    const result = await band(
      dir,
      '--grade',
      '2',
      '--min',
      '70000',
      '--max',
      '90000',
      '--bonus',
      '5',
      '--equity-min',
      '1000',
      '--equity-max',
      '2000',
      '--zone',
      'berlin=55000-70000',
    );
    expect(result.code, result.stderr).toBe(0);
    expect(read(dir)).toBe(
      familyMd.replace(
        '\n  # Grade 3',
        '\n  2:\n    min: 70000\n    max: 90000\n    bonus: 5\n    equity:\n      min: 1000\n      max: 2000\n    zones:\n      berlin: { min: 55000, max: 70000 }\n\n  # Grade 3',
      ),
    );
    expect(result.stdout).toContain('Wrote the grade 2 band in');
    expect(result.stdout).toContain('Headquarters: $70,000 – $90,000.');
    expect(result.stdout).toContain('Remote: $56,000 – $72,000, the band times 0.8.');
    expect(result.stdout).toContain('Berlin: €55,000 – €70,000, set by hand.');
    // The one level at grade 2 has its own pay, which still wins: the command says so.
    expect(result.stdout).toContain('Engineer II (levels/eng-ic/engineer-ii.md) has a pay: block of its own, which wins over this band');
    const after = check(dir);
    expect(after.diagnostics).toEqual([]);
    expect(after.ladder.family.get('eng')!.bands.get(2)).toMatchObject({ min: 70000, max: 90000, bonus: 5, equity: { min: 1000, max: 2000 } });
  });

  it('appends a grade after the last, inside bands:, and creates bands: at the end of the frontmatter when there is none', async () => {
    const dir = writeLadder(files());
    const top = await band(dir, '--grade', '4', '--min', '120000', '--max', '150000', '--zone', 'berlin=95000-120000');
    expect(top.code, top.stderr).toBe(0);
    expect(read(dir)).toBe(
      familyMd.replace('\norder: 1', '\n  4:\n    min: 120000\n    max: 150000\n    zones:\n      berlin: { min: 95000, max: 120000 }\norder: 1'),
    );
    expect(top.stdout).toContain('No level of Engineering is at grade 4 yet');
    expect(check(dir).diagnostics).toEqual([]);

    // A family without bands (every level with its own pay, as in version 1).
    const bare = files();
    bare['families/eng.md'] = '---\nname: Engineering\n---\n\nBuilds software.\n';
    bare['levels/eng-ic/engineer.md'] = level('Engineer', 1, ownPay);
    bare['levels/eng-ic/senior.md'] = level('Senior Engineer', 3, ownPay.replace('70000\n  max: 90000', '90000\n  max: 120000'));
    bare['levels/eng-mgmt/manager.md'] = level('Manager', 3, ownPay.replace('70000\n  max: 90000', '90000\n  max: 120000'));
    const v1 = writeLadder(bare);
    expect(check(v1).diagnostics).toEqual([]);
    const made = await band(v1, '--grade', '3', '--min', '90000', '--max', '120000', '--zone', 'berlin=70000-95000');
    expect(made.code, made.stderr).toBe(0);
    expect(read(v1)).toBe(
      '---\nname: Engineering\nbands:\n  3:\n    min: 90000\n    max: 120000\n    zones:\n      berlin: { min: 70000, max: 95000 }\n---\n\nBuilds software.\n',
    );
    expect(made.stdout).toContain('Senior Engineer (levels/eng-ic/senior.md) has a pay: block of its own');
    expect(made.stdout).toContain('Manager (levels/eng-mgmt/manager.md) has a pay: block of its own');
    expect(check(v1).diagnostics).toEqual([]);
  });

  it('keeps Windows line endings and fills an empty bands: {}', async () => {
    const crlf = files();
    crlf['families/eng.md'] = familyMd.replace(/\n/g, '\r\n');
    const dir = writeLadder(crlf);
    const result = await band(dir, '--grade', '2', '--min', '70000', '--max', '90000', '--zone', 'berlin=55000-70000');
    expect(result.code, result.stderr).toBe(0);
    const text = read(dir);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(text).toContain('\r\n  2:\r\n    min: 70000\r\n');
    expect(check(dir).diagnostics).toEqual([]);

    const empty = files();
    empty['families/eng.md'] = '---\nname: Engineering\nbands: {}\norder: 1\n---\n\nBuilds software.\n';
    empty['levels/eng-ic/engineer.md'] = level('Engineer', 1, ownPay);
    const other = writeLadder(empty);
    const filled = await band(other, '--grade', '3', '--min', '90000', '--max', '120000', '--zone', 'berlin=70000-95000');
    expect(filled.code, filled.stderr).toBe(0);
    expect(read(other)).toBe(
      '---\nname: Engineering\nbands:\n  3:\n    min: 90000\n    max: 120000\n    zones:\n      berlin: { min: 70000, max: 95000 }\norder: 1\n---\n\nBuilds software.\n',
    );
  });

  it('refuses, writing nothing, a grade that has a band, an unknown family or zone, a missing zone, a family file with errors', async () => {
    const cases: [string[], string, ((f: Record<string, string>) => void)?][] = [
      [
        ['--grade', '3', '--min', '1', '--max', '2', '--zone', 'berlin=1-2'],
        'Engineering already has a band for grade 3 (families/eng.md, line 12): edit it there.',
      ],
      [['--grade', '2', '--min', '1', '--max', '2', '--zone', 'berlin=1-2', '--zone', 'berln=1-2'], '"berln" is not a pay zone: did you mean "berlin"?'],
      [
        ['--grade', '2', '--min', '1', '--max', '2', '--zone', 'berlin=1-2', '--zone', 'hq=1-2'],
        '"hq" is the first zone, the anchor: its band is --min and --max',
      ],
      [
        ['--grade', '2', '--min', '1', '--max', '2'],
        'Berlin ("berlin") has no factor in ladder.md, so every band sets its amounts there by hand: add --zone berlin=MIN-MAX',
      ],
      [
        ['--grade', '2', '--min', '1', '--max', '2', '--zone', 'berlin=1-2'],
        'families/eng.md has errors: run "ladder check',
        (f) => {
          f['families/eng.md'] = familyMd.replace('max: 70000', 'max: 70,000');
        },
      ],
      [
        ['--grade', '2', '--min', '1', '--max', '2', '--zone', 'berlin=1-2'],
        'ladder.md is missing or has errors, so the pay zones a band must cover are not known',
        (f) => {
          f['ladder.md'] = ladderMd.replace('currency: USD', 'currency: usd');
        },
      ],
      [
        ['--grade', '2', '--min', '1', '--max', '2', '--zone', 'berlin=1-2'],
        '{ 1: { min: 50000',
        (f) => {
          f['families/eng.md'] =
            '---\nname: Engineering\nbands: { 1: { min: 50000, max: 70000, zones: { berlin: { min: 40000, max: 55000 } } }, 3: { min: 90000, max: 120000, zones: { berlin: { min: 70000, max: 95000 } } } }\n---\n\nBuilds software.\n';
        },
      ],
    ];
    for (const [argv, says, change] of cases) {
      const content = files();
      change?.(content);
      const dir = writeLadder(content);
      const before = read(dir);
      const result = await band(dir, ...argv);
      expect(result.code, says).toBe(1);
      expect(result.stdout).toBe('');
      if (says.startsWith('{')) expect(result.stderr).toContain('cannot add to safely');
      else expect(result.stderr).toContain(says);
      expect(read(dir)).toBe(before);
    }
    const none = await ladder(['new', 'band', 'sales', '--grade', '2', '--min', '1', '--max', '2', '--content', writeLadder(files())]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('There is no family "sales" (families: eng)');
  });

  it('refuses a band the check would reject where it is written (a regression against the next grade), and says what it fixes elsewhere', async () => {
    const content = files();
    content['levels/eng-ic/engineer-ii.md'] = level('Engineer II', 2); // pay/missing until grade 2 has a band
    const dir = writeLadder(content);
    expect(rulesOf(check(dir).diagnostics)).toEqual(['pay/missing']);
    const before = read(dir);
    const high = await band(dir, '--grade', '2', '--min', '100000', '--max', '130000', '--zone', 'berlin=55000-70000');
    expect(high.code).toBe(1);
    expect(high.stderr).toContain(`the grade 2 band would not pass "ladder check --content ${dir}", so nothing was written:\n`);
    expect(high.stderr).toContain(
      '\n  In Headquarters, the grade 3 band starts at $90,000, below the grade 2 band at $100,000: a promotion must not lower pay  pay/regression',
    );
    expect(read(dir)).toBe(before);
    const right = await band(dir, '--grade', '2', '--min', '70000', '--max', '90000', '--zone', 'berlin=55000-70000');
    expect(right.code, right.stderr).toBe(0);
    expect(right.stdout).toContain('Paid from this band: Engineer II.');
    expect(check(dir).diagnostics).toEqual([]);
  });

  it('notes a band below the grade under it when no level uses both yet', async () => {
    const dir = writeLadder(files());
    const result = await band(dir, '--grade', '4', '--min', '80000', '--max', '150000', '--zone', 'berlin=95000-120000');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Note: this band is below the grade 3 band ($90,000 – $120,000)');
  });

  it('takes plain amounts only, and says how to write one', async () => {
    const dir = writeLadder(files());
    const before = read(dir);
    const usage: [string[], string][] = [
      [['--grade', '2', '--min', '420000', '--max', '560,000'], '--max must be a plain amount per year, such as 185000, not "560,000": write 560000'],
      [['--grade', '2', '--min', '$195,000', '--max', '560000'], 'write 195000'],
      [['--grade', '2', '--min', '195k', '--max', '560000'], 'write 195000'],
      [['--grade', '2', '--min', '9', '--max', '1'], '--min and --max: the minimum 9 is above the maximum 1: swap them'],
      [['--grade', '2', '--min', '1', '--max', '2', '--equity-min', '5'], 'give both --equity-min and --equity-max'],
      [['--grade', '2', '--min', '1', '--max', '2', '--bonus', '300'], '--bonus is a target in percent of base pay, from 0 to 200'],
      [['--grade', '2', '--min', '1', '--max', '2', '--zone', 'berlin:1-2'], '--zone takes ID=MIN-MAX'],
      [['--grade', '2', '--min', '1', '--max', '2', '--zone', 'berlin=1-2', '--zone', 'berlin=3-4'], '--zone berlin is given twice'],
      [['--grade', '2', '--max', '2'], '"ladder new band" needs --min'],
      [['--grade', 'two', '--min', '1', '--max', '2'], '--grade must be a whole number from 1 to 99'],
      [['--grade', '2', '--min', '1', '--max', '2', '--title', 'X'], '--title does not apply to "ladder new band"'],
    ];
    for (const [argv, says] of usage) {
      const result = await band(dir, ...argv);
      expect(result.code, says).toBe(2);
      expect(result.stderr).toContain(says);
    }
    expect((await ladder(['new', 'band', '--grade', '2', '--min', '1', '--max', '2', '--content', dir])).code).toBe(2);
    expect((await ladder(['new', 'level', 'eng-ic', '--grade', '5', '--title', 'X', '--min', '1', '--content', dir])).code).toBe(2);
    expect(read(dir)).toBe(before);
  });

  it('never writes through a symbolic link', async () => {
    const outside = tempDir();
    const target = join(outside, 'eng.md');
    writeFileSync(target, familyMd);
    const content = files();
    delete content['families/eng.md'];
    const dir = writeLadder(content);
    mkdirSync(join(dir, 'families'));
    symlinkSync(target, join(dir, 'families/eng.md'));
    const result = await band(dir, '--grade', '2', '--min', '70000', '--max', '90000', '--zone', 'berlin=55000-70000');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('families/eng.md has errors');
    expect(readFileSync(target, 'utf8')).toBe(familyMd);
    expect(rulesOf(check(dir).diagnostics)).toContain('layout/symbolic-link');
  });
});

describe('replaceFileInside (the one edit of an existing file)', () => {
  it('replaces a file that still reads as expected, keeps its permissions, and never goes through a link', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'families'));
    const file = join(dir, 'families/a.md');
    writeFileSync(file, 'old', { mode: 0o640 });
    replaceFileInside(dir, 'families/a.md', 'old', 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(join(dir, 'families'))).toEqual(['a.md']); // no temporary file left
    // Saved by someone else in between: not replaced.
    expect(() => replaceFileInside(dir, 'families/a.md', 'old', 'newer')).toThrow(ConfinementError);
    expect(readFileSync(file, 'utf8')).toBe('new');
    // A link, to a file or on the way to it: refused, and what it points at is untouched.
    const outside = join(tempDir(), 'target.md');
    writeFileSync(outside, 'old');
    symlinkSync(outside, join(dir, 'families/b.md'));
    expect(() => replaceFileInside(dir, 'families/b.md', 'old', 'new')).toThrow(/symbolic link/);
    expect(() => readFileInside(dir, 'families/b.md')).toThrow(/symbolic link/);
    symlinkSync(dirname(outside), join(dir, 'linked'));
    expect(() => replaceFileInside(dir, 'linked/target.md', 'old', 'new')).toThrow(/symbolic link/);
    expect(() => replaceFileInside(dir, '../x.md', 'old', 'new')).toThrow(/outside/);
    expect(() => replaceFileInside(dir, 'families/none.md', '', 'new')).toThrow(/does not exist/);
    expect(readFileSync(outside, 'utf8')).toBe('old');
  });
});
