/** `ladder diff`: exactly the changes made, and nothing else; over directories and git history. */
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateWideLadder } from '../../bench/generate.ts';
import { check, checkSources } from '../../src/ladder/check.ts';
import {
  COMMENT_MARKER,
  describeDiff,
  diffLadders,
  formatDiffJson,
  formatDiffMarkdown,
  formatDiffText,
  wordExcerpts,
  type EntityChange,
  type LadderDiff,
} from '../../src/ladder/diff/index.ts';
import { bandLadder, cleanup, copySample, editFile, SAMPLE, tempDir, type Files } from '../helpers/ladder.ts';
import { ladder } from './run.ts';

afterAll(cleanup);

const brief = (changes: EntityChange[]) =>
  changes.map((c) => ({
    kind: c.kind,
    id: c.id,
    ...(c.from ? { from: c.from } : {}),
    fields: c.fields.map((f) => f.field),
    text: c.text.map((t) => `${t.section}:${t.kind}`),
  }));

/** The sample, and a copy with a known set of edits. */
function fixtures(): { base: string; head: string } {
  const base = copySample();
  const head = copySample();
  // 1. A band raised across grade 4, in both tracks (parity kept).
  for (const file of ['levels/engineering-ic/staff-engineer.md', 'levels/engineering-management/engineering-manager.md']) {
    editFile(head, file, (t) => t.replace('max: 240000', 'max: 250000'));
  }
  // 2. A scope narrowed in one track only (parity broken).
  editFile(head, 'levels/engineering-management/vp-of-engineering.md', (t) => t.replace('scope: company', 'scope: division'));
  // 3. Words changed in one section.
  editFile(head, 'levels/engineering-ic/staff-engineer.md', (t) => t.replace('Sets the architecture for systems', 'Sets the direction for systems'));
  // 4. A file moved, content untouched.
  renameSync(join(head, 'levels/engineering-ic/principal-engineer.md'), join(head, 'levels/engineering-ic/principal-engineer-i.md'));
  // 5. A level retitled under a new file name, same track and grade.
  const old = join(head, 'levels/formulation-ic/lead-formulator.md');
  writeFileSync(join(head, 'levels/formulation-ic/staff-formulator.md'), readFileSync(old, 'utf8').replace(/^title: .*$/m, 'title: Staff Formulator'));
  rmSync(old);
  // 6. A family renamed (its name, not its id).
  editFile(head, 'families/formulation-science.md', (t) => t.replace('name: Formulation Science', 'name: Formulation & Product Science'));
  // 7. An exception that excuses nothing (a new warning).
  editFile(head, 'ladder.md', (t) =>
    t.replace(
      '  pay: identical\n',
      '  pay: identical\n  exceptions:\n    - family: engineering\n      grade: 2\n      rule: parity/ceiling\n      reason: Testing.\n',
    ),
  );
  return { base, head };
}

describe('diffLadders', () => {
  it('reports exactly the changes made, and nothing else', () => {
    const { base, head } = fixtures();
    const diff = diffLadders(check(base), check(head));
    const lead = check(base).ladder.level.get('formulation-ic/lead-formulator')!;

    expect(brief(diff.levels)).toEqual([
      { kind: 'changed', id: 'engineering-ic/staff-engineer', fields: ['pay'], text: ['technical-craft:changed'] },
      { kind: 'changed', id: 'engineering-management/engineering-manager', fields: ['pay'], text: [] },
      { kind: 'renamed', id: 'formulation-ic/staff-formulator', from: 'formulation-ic/lead-formulator', fields: ['title'], text: [] },
      { kind: 'renamed', id: 'engineering-ic/principal-engineer-i', from: 'engineering-ic/principal-engineer', fields: [], text: [] },
      { kind: 'changed', id: 'engineering-management/vp-of-engineering', fields: ['authority.scope'], text: [] },
    ]); // by grade, then track, renames before changes
    expect(lead.grade).toBe(diff.levels.find((c) => c.id === 'formulation-ic/staff-formulator')?.grade);

    const staff = diff.levels.find((c) => c.id === 'engineering-ic/staff-engineer')!;
    expect(staff.fields[0]).toMatchObject({
      field: 'pay',
      before: { min: 185000, max: 240000, owner: 'level', grade: 4 },
      after: { min: 185000, max: 250000, owner: 'level', grade: 4 },
    });
    expect(staff.text[0]?.excerpts).toEqual([{ before: 'Sets the', removed: 'architecture', added: 'direction', after: 'for systems that several teams…' }]);
    expect(diff.levels.find((c) => c.id === 'engineering-management/vp-of-engineering')?.fields).toEqual([
      { field: 'authority.scope', before: 'company', after: 'division' },
    ]);
    expect(diff.levels.find((c) => c.kind === 'renamed' && c.from === 'formulation-ic/lead-formulator')?.fields).toEqual([
      { field: 'title', before: 'Lead Formulator', after: 'Staff Formulator' },
    ]);

    expect(brief(diff.families)).toEqual([{ kind: 'changed', id: 'formulation-science', fields: ['name'], text: [] }]);
    expect(diff.tracks).toEqual([]);
    expect(diff.competencies).toEqual([]);
    expect(diff.ladder.fields).toEqual([]);
    expect(diff.ladder.exceptions).toEqual([{ kind: 'added', family: 'engineering', grade: 2, rule: 'parity/ceiling', reason: 'Testing.' }]);

    // Parity broken at grade 8 (reported on both levels) and an unused exception; nothing about the moved files.
    expect(diff.verdicts.map((v) => `${v.change} ${v.rule} ${v.file}`).sort()).toEqual([
      'appeared parity/authority levels/engineering-ic/distinguished-engineer.md',
      'appeared parity/authority levels/engineering-management/vp-of-engineering.md',
      'appeared parity/exception-unused ladder.md',
    ]);
    expect(diff.summary).toEqual({
      added: 0,
      removed: 0,
      renamed: 2,
      changed: 5, // three levels, one family, ladder.md
      errorsAppeared: 2,
      errorsResolved: 0,
      warningsAppeared: 1,
      warningsResolved: 0,
      identical: false,
    });
  });

  it('reports added and removed levels with their terms, and resolved problems', () => {
    const base = copySample();
    const head = copySample();
    editFile(base, 'levels/engineering-management/vp-of-engineering.md', (t) => t.replace('scope: company', 'scope: division'));
    rmSync(join(head, 'levels/formulation-management/vp-of-r-and-d.md'));
    cpSync(join(SAMPLE, 'levels/engineering-ic/distinguished-engineer.md'), join(head, 'levels/engineering-ic/fellow.md'));
    editFile(head, 'levels/engineering-ic/fellow.md', (t) => t.replace('grade: 8', 'grade: 9').replace(/^title: .*$/m, 'title: Fellow'));
    const diff = diffLadders(check(base), check(head));
    expect(brief(diff.levels)).toEqual([
      { kind: 'changed', id: 'engineering-management/vp-of-engineering', fields: ['authority.scope'], text: [] },
      { kind: 'removed', id: 'formulation-management/vp-of-r-and-d', fields: [], text: [] },
      { kind: 'added', id: 'engineering-ic/fellow', fields: [], text: [] },
    ]);
    expect(diff.levels.find((c) => c.kind === 'added')?.terms?.scope).toBe('company');
    expect(diff.verdicts.map((v) => `${v.change} ${v.rule}`)).toEqual(['resolved parity/authority', 'resolved parity/authority']);
    expect(diff.summary.errorsResolved).toBe(2);
  });

  it('does not call a file that became unreadable removed: its problem is the change', () => {
    const head = copySample();
    editFile(head, 'levels/engineering-ic/staff-engineer.md', (t) => t.replace('max: 240000', 'max: 240,000'));
    editFile(head, 'tracks/formulation-ic.md', (t) => t.replace('kind: individual-contributor', 'kind: specialist'));
    const diff = diffLadders(check(SAMPLE), check(head));
    expect(diff.levels).toEqual([]);
    expect(diff.tracks).toEqual([]);
    expect(diff.unreadable).toEqual({ base: [], head: ['track:formulation-ic', 'level:engineering-ic/staff-engineer'] });
    expect(diff.verdicts.filter((v) => v.change === 'appeared').map((v) => v.rule)).toEqual(expect.arrayContaining(['schema/pay.max', 'schema/kind']));
    expect(diff.verdicts.every((v) => v.change === 'appeared')).toBe(true);
    expect(formatDiffText(diff)).toContain('2 files no longer readable (see the checks)');
    // Fixed again: the level is back, unchanged, and the problems are resolved.
    const back = diffLadders(check(head), check(SAMPLE));
    expect(back.levels).toEqual([]);
    expect(back.verdicts.every((v) => v.change === 'resolved')).toBe(true);
  });

  it('finds nothing between two copies of the same ladder', () => {
    const diff = diffLadders(check(SAMPLE), check(copySample()));
    expect(diff.summary.identical).toBe(true);
    expect([...diff.levels, ...diff.tracks, ...diff.families, ...diff.competencies, ...diff.verdicts]).toEqual([]);
  });

  it('follows a renamed track and its levels', () => {
    const base = copySample();
    const head = copySample();
    renameSync(join(head, 'tracks/formulation-ic.md'), join(head, 'tracks/formulation-specialist.md'));
    renameSync(join(head, 'levels/formulation-ic'), join(head, 'levels/formulation-specialist'));
    const diff = diffLadders(check(base), check(head));
    expect(brief(diff.tracks)).toEqual([{ kind: 'renamed', id: 'formulation-specialist', from: 'formulation-ic', fields: [], text: [] }]);
    expect(diff.levels.every((c) => c.kind === 'renamed' && c.fields.length === 0 && c.text.length === 0)).toBe(true);
    expect(diff.levels).toHaveLength(8);
    expect(diff.verdicts).toEqual([]);
  });

  it('lists families, tracks and levels in the order HR gave them (1.1 `order`), not by id', () => {
    // Ids sort the other way: applied-research before engineering, data before software, management in the middle.
    const files = generateWideLadder({
      families: [
        { tracks: 8, grades: 3 },
        { tracks: 2, grades: 2 },
      ],
    });
    const base = checkSources(files);
    const edited: Record<string, string> = {};
    for (const [path, text] of Object.entries(files)) {
      // A new band at grade 2 in every track, and a new sentence in every family and track.
      if (path.startsWith('levels/') && /^grade: 2$/m.test(text))
        edited[path] = text.replace(/^( {2}max: )(\d+)$/m, (_, key: string, max: string) => `${key}${Number(max) + 1000}`);
      else if (path.startsWith('families/') || path.startsWith('tracks/')) edited[path] = `${text}\nOne more sentence.\n`;
      else edited[path] = text;
    }
    const head = checkSources(edited);
    expect(head.ok).toBe(true);
    const diff = diffLadders(base, head);
    const l = head.ladder;
    expect(diff.families.map((c) => c.id)).toEqual(l.families.map((f) => f.id));
    expect(diff.families.map((c) => c.id)).toEqual(['engineering', 'applied-research']);
    expect(diff.tracks.map((c) => c.id)).toEqual(l.tracks.map((t) => t.id));
    expect(diff.levels.map((c) => c.track)).toEqual(l.tracks.map((t) => t.id));
    expect(diff.levels.every((c) => c.grade === 2)).toBe(true);
    expect(diff.levels.map((c) => c.track).slice(0, 3)).toEqual(['engineering-software', 'engineering-reliability', 'engineering-security']);
    // The text a pull request shows follows the same order.
    const text = formatDiffText(diff);
    const at = (id: string) => text.indexOf(id);
    expect(at('engineering-software/')).toBeLessThan(at('engineering-reliability/'));
    expect(at('engineering-test/')).toBeLessThan(at('engineering-management/'));
  });

  it('excerpts word changes with a little context', () => {
    const { excerpts, more } = wordExcerpts('one two three four five six seven eight nine ten', 'one two three four FIVE six seven eight nine ten', 1);
    expect(excerpts).toEqual([{ before: 'one two three four', removed: 'five', added: 'FIVE', after: 'six seven eight nine ten' }]);
    expect(more).toBe(0);
    expect(wordExcerpts('a b c d e f g h i j k l m n', 'A b c d e f g h i j k l M N', 1).more).toBe(1);
  });
});

describe('ladder diff (the command)', () => {
  it('prints text, a Markdown pull-request comment and JSON', async () => {
    const { base, head } = fixtures();
    const text = await ladder(['diff', base, head]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('pay band raised: $185,000 – $240,000 → $185,000 – $250,000');
    expect(text.stdout).toContain('scope: "company" → "division"');
    expect(text.stdout).toContain('Technical craft: Sets the [-architecture-] {+direction+} for systems');

    const markdown = await ladder(['diff', base, head, '--format', 'markdown']);
    expect(markdown.code).toBe(0);
    const lines = markdown.stdout.split('\n');
    expect(lines[0]).toBe(COMMENT_MARKER);
    expect(markdown.stdout).toContain('**3 levels changed, 2 levels renamed, 1 other file changed, ladder.md changed**');
    expect(markdown.stdout).toContain('❌ 2 new errors, 1 new warning; ladder check fails with 2 errors');
    expect(markdown.stdout).toContain(
      '| ✏️ changed | Staff Engineer | engineering-ic | 4 | pay band raised: $185,000 – $240,000 → $185,000 – $250,000<br>text: Technical craft |',
    );
    expect(markdown.stdout).toContain('~~architecture~~ **direction**');
    expect(markdown.stdout).toContain('| ❌ new error | `levels/engineering-management/vp-of-engineering.md:9` |');

    const json = await ladder(['diff', base, head, '--format', 'json']);
    const parsed = JSON.parse(json.stdout) as LadderDiff;
    expect(parsed.summary.renamed).toBe(2);
    expect(parsed.levels.map((c) => c.id)).toContain('engineering-ic/principal-engineer-i');
  });

  it('leaves no live @mention, link or HTML in the Markdown comment, whatever the ladder says', async () => {
    const base = copySample();
    const head = copySample();
    editFile(head, 'levels/engineering-ic/staff-engineer.md', (t) =>
      t
        .replace(/^title: .*$/m, 'title: "Staff @acme/security-team <img src=x onerror=alert(1)> [x](https://evil.example)"')
        .replace('Sets the architecture for systems', 'Ask @octocat and @acme/leads, see <https://evil.example> and ![p](/p.gif), **bold**'),
    );
    editFile(head, 'families/engineering.md', (t) => t.replace(/^name: .*$/m, 'name: "@everyone Engineering"'));
    const { code, stdout } = await ladder(['diff', base, head, '--format', 'markdown']);
    expect(code).toBe(0);
    // GitHub notifies a team or a user for "@" followed by a name: a zero-width joiner after the "@" stops it.
    for (const mention of ['@acme/security-team', '@octocat', '@acme/leads', '@everyone']) {
      expect(stdout).not.toContain(mention);
      expect(stdout).toContain(mention.replace('@', '@\u200d'));
    }
    // No raw HTML, no Markdown link (its brackets are escaped), no autolink in angle brackets.
    expect(stdout).not.toMatch(/<img|(?<!\\)\]\(https:\/\/evil|<https:/);
    expect(stdout).toContain('\\[x\\](https://evil.example)');
    expect(stdout).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('reads a folder that holds content/ as its content directory', async () => {
    const project = tempDir('parity-project-');
    cpSync(SAMPLE, join(project, 'content'), { recursive: true });
    const result = await ladder(['diff', project, SAMPLE, '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    expect((JSON.parse(result.stdout) as LadderDiff).summary.identical).toBe(true);
  });

  it('rejects a bad format, a missing version and an unknown ref with exit code 2', async () => {
    expect((await ladder(['diff', SAMPLE, SAMPLE, '--format', 'html'])).code).toBe(2);
    expect((await ladder(['diff'])).code).toBe(2);
    expect((await ladder(['diff', 'a', 'b', 'c'])).code).toBe(2);
    const repo = gitRepo();
    const unknown = await ladder(['diff', 'no-such-branch', '--content', join(repo, 'content')], { cwd: repo });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('"no-such-branch" is neither a directory nor a git commit');
    const outside = tempDir('parity-nogit-');
    const noRepo = await ladder(['diff', 'HEAD', '--content', SAMPLE], { cwd: outside });
    expect(noRepo.code).toBe(0); // SAMPLE is inside this project's own repository
    // A folder that holds no ladder (a mistyped path, a levels/ folder) is not an empty ladder.
    for (const folder of [tempDir('parity-empty-'), join(SAMPLE, 'levels')]) {
      const none = await ladder(['diff', folder, SAMPLE]);
      expect(none.code, folder).toBe(2);
      expect(none.stderr).toContain('has no ladder.md');
      expect(none.stdout).toBe('');
    }
  });
});

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  HOME: tempDir('parity-home-'),
};
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8' });

/** A repository with the sample in content/ (commit 1), then a raised grade-4 band (commit 2). */
function gitRepo(): string {
  const repo = tempDir('parity-git-');
  git(repo, 'init', '-q', '-b', 'main');
  cpSync(SAMPLE, join(repo, 'content'), { recursive: true });
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'The sample ladder');
  for (const file of ['content/levels/engineering-ic/staff-engineer.md', 'content/levels/engineering-management/engineering-manager.md']) {
    editFile(repo, file, (t) => t.replace('min: 185000', 'min: 190000'));
  }
  git(repo, 'commit', '-q', '-am', 'Raise the bottom of the grade 4 band');
  return repo;
}

describe('ladder diff over git history', () => {
  it('compares HEAD~1 with the working tree without touching it', async () => {
    const repo = gitRepo();
    // An uncommitted edit in the working tree is part of HEAD (the working tree side).
    editFile(repo, 'content/families/engineering.md', (t) => t.replace('name: Engineering', 'name: Software Engineering'));
    const statusBefore = git(repo, 'status', '--porcelain');
    const result = await ladder(['diff', 'HEAD~1', '--content', join(repo, 'content'), '--format', 'json'], { cwd: repo });
    expect(result.code, result.stderr).toBe(0);
    const diff = JSON.parse(result.stdout) as LadderDiff;
    expect(diff.base.label).toMatch(/^HEAD~1 \([0-9a-f]{7}\)$/);
    expect(brief(diff.levels)).toEqual([
      { kind: 'changed', id: 'engineering-ic/staff-engineer', fields: ['pay'], text: [] },
      { kind: 'changed', id: 'engineering-management/engineering-manager', fields: ['pay'], text: [] },
    ]);
    expect(brief(diff.families)).toEqual([{ kind: 'changed', id: 'engineering', fields: ['name'], text: [] }]);
    expect(diff.verdicts).toEqual([]);
    expect(git(repo, 'status', '--porcelain')).toBe(statusBefore);
    expect(readFileSync(join(repo, 'content/families/engineering.md'), 'utf8')).toContain('Software Engineering');
  });

  it('compares two commits, and a commit with itself', async () => {
    const repo = gitRepo();
    const content = join(repo, 'content');
    const two = await ladder(['diff', 'HEAD~1', 'HEAD', '--content', content], { cwd: repo });
    expect(two.code, two.stderr).toBe(0);
    expect(two.stdout).toContain('2 levels changed; ladder check passes');
    expect(two.stdout).toContain('pay band raised: $185,000 – $240,000 → $190,000 – $240,000');
    const same = await ladder(['diff', 'main', 'HEAD', '--content', content], { cwd: repo });
    expect(same.stdout).toContain('No changes to the ladder');
  });

  it('says so when the content directory did not exist at that ref', async () => {
    const repo = gitRepo();
    const content = join(repo, 'content');
    git(repo, 'checkout', '-q', '--orphan', 'empty');
    git(repo, 'rm', '-rq', '--cached', '.');
    writeFileSync(join(repo, 'README.md'), 'nothing\n');
    git(repo, 'add', 'README.md');
    git(repo, 'commit', '-q', '-m', 'empty');
    const result = await ladder(['diff', 'empty', '--content', content], { cwd: repo });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('There is no ladder in content/ at empty');
  });
});

describe('ladder diff on pay set by family bands (1.1)', () => {
  /** The band ladder, and a copy with edits. */
  const versions = (edit: (files: Files) => void) => {
    const base = bandLadder();
    const head = bandLadder();
    edit(head);
    return diffLadders(checkSources(base), checkSources(head), { baseLabel: 'base', headLabel: 'head' });
  };
  const replace = (files: Files, path: string, from: string, to: string) => {
    if (!files[path]!.includes(from)) throw new Error(`${from} is not in ${path}`);
    files[path] = files[path]!.replace(from, to);
  };
  const grade2 = (to: string) => (files: Files) =>
    replace(files, 'families/eng.md', '  2:\n    min: 70000\n    max: 90000\n    bonus: 5\n    zones:\n      berlin: { min: 55000, max: 70000 }\n', to);

  it('reports a raised band once, on the family, with the levels it pays, and not on each level', () => {
    const diff = versions(grade2('  2:\n    min: 75000\n    max: 95000\n    bonus: 5\n    zones:\n      berlin: { min: 58000, max: 74000 }\n'));
    expect(diff.levels).toEqual([]);
    expect(diff.families).toHaveLength(1);
    const family = diff.families[0]!;
    expect(family.fields).toEqual([]);
    expect(family.bands).toHaveLength(1);
    const change = family.bands![0]!;
    expect(change).toMatchObject({
      kind: 'changed',
      grade: 2,
      levels: [
        { id: 'eng-ic/engineer-ii', title: 'Engineer II' },
        { id: 'eng-mgmt/manager', title: 'Manager' },
      ],
    });
    expect(change.before).toMatchObject({ min: 70000, max: 90000, owner: 'family', grade: 2, bonus: 5, equity: null, currency: 'USD' });
    expect(change.after!.zones).toEqual([
      { zone: 'hq', name: 'Headquarters', currency: 'USD', basis: 'anchor', min: 75000, max: 95000 },
      { zone: 'remote', name: 'Remote', currency: 'USD', basis: 'factor', min: 60000, max: 76000 },
      { zone: 'berlin', name: 'Berlin', currency: 'EUR', basis: 'set', min: 58000, max: 74000 },
    ]);
    expect(diff.summary).toMatchObject({ changed: 1, errorsAppeared: 0 });

    const text = formatDiffText(diff);
    expect(text).toContain(
      [
        '1 other file changed; ladder check passes',
        '',
        'Families',
        '  ~ eng: Engineering changed',
        '      Grade 2 band raised in every zone: $70,000 – $90,000 → $75,000 – $95,000',
        '      Grade 2 band in Berlin set by hand: €55,000 – €70,000 → €58,000 – €74,000',
        '        affects 2 levels: Engineer II, Manager',
      ].join('\n'),
    );
    expect(text).not.toContain('Levels');
    const markdown = formatDiffMarkdown(diff);
    expect(markdown).toContain(
      '| ✏️ changed | Family: Engineering | `eng` | Grade 2 band raised in every zone: $70,000 – $90,000 → $75,000 – $95,000<br>Grade 2 band in Berlin set by hand: €55,000 – €70,000 → €58,000 – €74,000<br>(affects 2 levels: Engineer II, Manager) |',
    );
    expect(markdown).not.toContain('#### Levels');
    const json = JSON.parse(formatDiffJson(diff)) as LadderDiff;
    expect(json.families[0]!.bands![0]!.levels.map((l) => l.title)).toEqual(['Engineer II', 'Manager']);
    // The site's history says the same, in sentences.
    const items = describeDiff(diff, checkSources(bandLadder()).ladder);
    expect(items).toEqual([
      {
        type: 'family',
        kind: 'changed',
        id: 'eng',
        name: 'Engineering',
        phrases: [
          'Grade 2 band raised in every zone: $70,000 – $90,000 → $75,000 – $95,000.',
          'Grade 2 band in Berlin set by hand: €55,000 – €70,000 → €58,000 – €74,000.',
          'Affects 2 levels: Engineer II, Manager.',
        ],
      },
    ]);
  });

  it('names the zones a raise left behind, and speaks of bonus and equity', () => {
    const anchorOnly = versions(grade2('  2:\n    min: 75000\n    max: 95000\n    bonus: 5\n    zones:\n      berlin: { min: 55000, max: 70000 }\n'));
    expect(formatDiffText(anchorOnly)).toContain('      Grade 2 band raised: $70,000 – $90,000 → $75,000 – $95,000; Berlin unchanged, set by hand\n');
    const variable = versions(
      grade2(
        '  2:\n    min: 70000\n    max: 90000\n    bonus: 7.5\n    equity:\n      min: 1000\n      max: 2000\n    zones:\n      berlin: { min: 55000, max: 70000 }\n',
      ),
    );
    const text = formatDiffText(variable);
    expect(text).toContain(
      '      Grade 2 bonus target raised: 5% → 7.5%\n      Grade 2 equity added: $1,000 – $2,000\n        affects 2 levels: Engineer II, Manager\n',
    );
    expect(text).not.toContain('band raised');
    const less = versions((f) => replace(f, 'families/eng.md', '    bonus: 10\n    equity:\n      min: 10000\n      max: 20000\n', ''));
    expect(formatDiffText(less)).toContain('      Grade 3 bonus target removed (was 10%)\n      Grade 3 equity removed (was $10,000 – $20,000)\n');
  });

  it('reports a band added and one removed, with who it pays and the problems that follow', () => {
    const diff = versions((f) => {
      replace(
        f,
        'families/eng.md',
        '\n---\n',
        '\n  4:\n    min: 120000\n    max: 150000\n    bonus: 20\n    zones:\n      berlin: { min: 95000, max: 120000 }\n---\n',
      );
      replace(f, 'families/eng.md', '  1:\n    min: 50000\n    max: 70000\n    zones:\n      berlin: { min: 40000, max: 55000 }\n', '');
    });
    const text = formatDiffText(diff);
    expect(text).toContain(
      '      Grade 1 band removed (was $50,000 – $70,000, in Berlin €40,000 – €55,000 (set by hand))\n        was the pay of 1 level: Engineer\n',
    );
    expect(text).toContain(
      '      Grade 4 band added: $120,000 – $150,000, in Berlin €95,000 – €120,000 (set by hand), bonus target 20%\n        no level is paid from it yet\n',
    );
    expect(diff.verdicts.map((v) => `${v.change} ${v.rule} ${v.file}`)).toEqual(['appeared pay/missing levels/eng-ic/engineer.md']);
    // The level that lost its band says so too: its pay came from somewhere and now comes from nowhere.
    expect(text).toContain('pay band removed (was $50,000 – $70,000, in Berlin €40,000 – €55,000 (set by hand)): the family has no band for grade 1 any more');
  });

  it('says when a level starts or stops overriding its family band', () => {
    const own = 'pay:\n  min: 72000\n  max: 92000\n  bonus: 5\n  zones:\n    berlin: { min: 56000, max: 71000 }\nauthority:';
    const added = versions((f) => replace(f, 'levels/eng-ic/engineer-ii.md', 'authority:', own));
    expect(added.families).toEqual([]);
    expect(brief(added.levels)).toEqual([{ kind: 'changed', id: 'eng-ic/engineer-ii', fields: ['pay'], text: [] }]);
    expect(formatDiffText(added)).toContain("      own pay band: $70,000 – $90,000 → $72,000 – $92,000 (in place of the family's grade 2 band)\n");
    // Its own band breaks parity with the manager at grade 2: the check says so where the override is.
    expect([...new Set(added.verdicts.map((v) => `${v.change} ${v.rule} ${v.file}`))]).toEqual(['appeared parity/pay levels/eng-ic/engineer-ii.md']);

    const base = bandLadder();
    replace(base, 'levels/eng-ic/engineer-ii.md', 'authority:', own.replace('  bonus: 5\n', ''));
    const removed = diffLadders(checkSources(base), checkSources(bandLadder()));
    const text = formatDiffText(removed);
    expect(text).toContain(
      "      now paid from the family's grade 2 band: $72,000 – $92,000 → $70,000 – $90,000 (was its own band)\n      bonus target added: 5%\n",
    );
    expect(removed.families).toEqual([]);

    // An override rewritten: its own phrases, as a family band's.
    const before = bandLadder();
    const after = bandLadder();
    replace(before, 'levels/eng-ic/engineer-ii.md', 'authority:', own);
    replace(after, 'levels/eng-ic/engineer-ii.md', 'authority:', own.replace('min: 56000', 'min: 50000'));
    expect(formatDiffText(diffLadders(checkSources(before), checkSources(after)))).toContain(
      '      pay band in Berlin set by hand: €56,000 – €71,000 → €50,000 – €71,000\n',
    );
  });

  it('speaks of zones, rounding and who sees pay in ladder.md', () => {
    const diff = versions((f) => {
      replace(f, 'ladder.md', 'factor: 0.8', 'factor: 0.85');
      replace(f, 'ladder.md', '  - id: berlin\n', '  - id: london\n    name: London\n    factor: 1.1\n  - id: berlin\n');
      replace(f, 'ladder.md', '---\n\nA ladder', 'rounding: 500\nvisibility:\n  pay: internal\n---\n\nA ladder');
    });
    expect(diff.ladder.zones).toEqual([
      {
        kind: 'changed',
        id: 'remote',
        before: { name: 'Remote', currency: 'USD', factor: 0.8, anchor: false },
        after: { name: 'Remote', currency: 'USD', factor: 0.85, anchor: false },
      },
      { kind: 'added', id: 'london', before: null, after: { name: 'London', currency: 'USD', factor: 1.1, anchor: false } },
    ]);
    const text = formatDiffText(diff);
    expect(text).toContain(
      [
        'ladder.md changed; ladder check passes',
        '',
        'Ladder (ladder.md)',
        '  rounding of amounts derived by a factor: 1000 → 500',
        '  who sees pay: public → internal (the public site shows no amounts; the internal build does)',
        '  Remote: factor 0.8 → 0.85, every band there changes',
        "  zone added: London (the anchor's bands times 1.1, in USD)",
      ].join('\n'),
    );
    // Every derived amount changed, and no family or level lists it: ladder.md says it once.
    expect(diff.families).toEqual([]);
    expect(diff.levels).toEqual([]);
    const gone = versions((f) => replace(f, 'ladder.md', '    factor: 0.8\n', ''));
    expect(formatDiffText(gone)).toContain('  Remote: factor 0.8 removed: every band must now set its amounts there by hand\n');
    expect(gone.verdicts.filter((v) => v.rule === 'pay/missing-zone')).toHaveLength(3);
  });

  it('describes a level added with its family band', () => {
    const diff = versions((f) => {
      f['levels/eng-mgmt/lead.md'] = f['levels/eng-mgmt/manager.md']!.replace('title: Manager', 'title: Team Lead')
        .replace('grade: 2', 'grade: 1')
        .replace('budget: 2000', 'budget: 1000');
    });
    expect(formatDiffText(diff)).toContain(
      "  + eng-mgmt/lead: Team Lead, grade 1 added\n      paid from the family's grade 1 band ($50,000 – $70,000), scope team, budget $1,000, 1 decision right\n",
    );
  });
});
