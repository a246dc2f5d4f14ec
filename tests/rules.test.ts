/**
 * Every rule of the spec: a ladder that triggers it (asserting rule, file,
 * line and column) and the same ladder fixed (asserting silence).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { check, checkSources } from '../src/ladder/check.ts';
import { classify, rawFiles } from '../src/ladder/load.ts';
import { applyExceptions, rules } from '../src/ladder/rules/index.ts';
import { checkFiles, cleanup, CONTENT, miniLadder, positionOf, rulesOf, SAMPLE, type Files } from './helpers/ladder.ts';

afterAll(cleanup);

interface Case {
  rule: string;
  /** Turns the valid mini ladder into one that breaks the rule. */
  breakIt: (files: Files) => void;
  /** The diagnostic expected: a file and the text at which it points. */
  file: string;
  at: string;
  /** Characters into `at` where the column points. */
  offset?: number;
  severity?: 'error' | 'warning';
  /** Turns the broken ladder into a valid one in a different way than undoing the edit, where one exists. */
  fixIt?: (files: Files) => void;
}

const replace = (files: Files, path: string, from: string | RegExp, to: string) => {
  const before = files[path]!;
  const after = before.replace(from, to);
  if (after === before) throw new Error(`${from} not found in ${path}`);
  files[path] = after;
};

const IC1 = 'levels/eng-ic/engineer.md';
const IC2 = 'levels/eng-ic/senior.md';
const M2 = 'levels/eng-mgmt/manager.md';

const cases: Record<string, Case> = {
  'syntax/frontmatter (broken YAML)': {
    rule: 'syntax/frontmatter',
    breakIt: (f) => replace(f, IC1, 'grade: 1', 'grade: [1'),
    file: IC1,
    // At the "[" never closed, where the fix goes (YAML itself gives up on the next line).
    at: '[1',
    fixIt: (f) => replace(f, IC1, 'grade: [1', 'grade: 1'),
  },
  'syntax/frontmatter (no frontmatter)': {
    rule: 'syntax/frontmatter',
    breakIt: (f) => (f['families/eng.md'] = 'Just some text about engineering.\n'),
    file: 'families/eng.md',
    at: 'Just',
    fixIt: (f) => (f['families/eng.md'] = '---\nname: Engineering\n---\n\nJust some text about engineering.\n'),
  },
  'schema/pay.min (missing key points at its parent)': {
    rule: 'schema/pay.min',
    breakIt: (f) => replace(f, IC2, '  min: 70000\n', ''),
    file: IC2,
    at: 'pay:',
    fixIt: (f) => replace(f, IC2, 'pay:\n', 'pay:\n  min: 70000\n'),
  },
  'schema/grade (wrong type points at the value)': {
    rule: 'schema/grade',
    breakIt: (f) => replace(f, IC2, 'grade: 2', 'grade: two'),
    file: IC2,
    at: 'grade: two',
    offset: 7,
    fixIt: (f) => replace(f, IC2, 'grade: two', 'grade: 2'),
  },
  'schema/salary (unknown key points at the key)': {
    rule: 'schema/salary',
    breakIt: (f) => replace(f, IC2, 'pay:', 'salary: 3\npay:'),
    file: IC2,
    at: 'salary',
    fixIt: (f) => replace(f, IC2, 'salary: 3\n', ''),
  },
  'schema/authority.budget (negative)': {
    rule: 'schema/authority.budget',
    breakIt: (f) => replace(f, M2, 'budget: 2000', 'budget: -5'),
    file: M2,
    at: 'budget: -5',
    offset: 8,
  },
  'schema/currency': {
    rule: 'schema/currency',
    breakIt: (f) => replace(f, 'ladder.md', 'currency: EUR', 'currency: XYZ'),
    file: 'ladder.md',
    at: 'XYZ',
    fixIt: (f) => replace(f, 'ladder.md', 'currency: XYZ', 'currency: GBP'),
  },
  'ref/unknown (family)': {
    rule: 'ref/unknown',
    breakIt: (f) => replace(f, 'tracks/eng-mgmt.md', 'family: eng', 'family: engineering'),
    file: 'tracks/eng-mgmt.md',
    at: 'engineering',
    fixIt: (f) => {
      f['families/engineering.md'] = '---\nname: Engineering too\n---\n';
      f['tracks/eng-mgmt.md'] = f['tracks/eng-mgmt.md']!.replace('family: engineering', 'family: eng');
    },
  },
  'ref/unknown (competency)': {
    rule: 'ref/unknown',
    breakIt: (f) => replace(f, 'tracks/eng-ic.md', '[craft, people]', '[craft, people, speed]'),
    file: 'tracks/eng-ic.md',
    at: 'speed',
    fixIt: (f) => {
      f['competencies/speed.md'] = '---\nname: Speed\n---\n';
      for (const path of [IC1, IC2]) f[path] = `${f[path]}\n## Speed\n\n- Ships quickly.\n`;
    },
  },
  'ref/unknown (scope)': {
    rule: 'ref/unknown',
    breakIt: (f) => {
      replace(f, IC2, 'scope: group', 'scope: galaxy');
      replace(f, M2, 'scope: group', 'scope: galaxy');
    },
    file: IC2,
    at: 'galaxy',
    fixIt: (f) => replace(f, 'ladder.md', 'currency: EUR', 'currency: EUR\nscopes: [team, galaxy]'),
  },
  'ref/orphan-level': {
    rule: 'ref/orphan-level',
    breakIt: (f) => {
      f['levels/eng-ops/operator.md'] = f[IC1]!;
    },
    file: 'levels/eng-ops/operator.md',
    at: '---',
    fixIt: (f) => {
      f['tracks/eng-ops.md'] = '---\nname: Operations\nfamily: eng\nkind: individual-contributor\ncompetencies: [craft, people]\n---\n';
      // The new IC track must reach the manager's grade too.
      f['levels/eng-ops/lead.md'] = f[IC2]!;
    },
  },
  'track/duplicate-grade': {
    rule: 'track/duplicate-grade',
    breakIt: (f) => {
      f['levels/eng-ic/zz-senior-too.md'] = f[IC2]!;
    },
    file: 'levels/eng-ic/zz-senior-too.md',
    at: 'grade: 2',
    offset: 7,
    fixIt: (f) => {
      delete f['levels/eng-ic/zz-senior-too.md'];
    },
  },
  'track/grade-gap': {
    rule: 'track/grade-gap',
    breakIt: (f) => {
      replace(f, IC2, 'grade: 2', 'grade: 3');
      replace(f, M2, 'grade: 2', 'grade: 3');
    },
    file: IC2,
    at: 'grade: 3',
    offset: 7,
    fixIt: (f) => {
      replace(f, IC1, 'grade: 1', 'grade: 2');
      replace(f, IC1, 'scope: team', 'scope: group');
    },
  },
  'pay/inverted': {
    rule: 'pay/inverted',
    breakIt: (f) => replace(f, IC1, /min: 50000\n {2}max: 70000/, 'min: 70000\n  max: 50000'),
    file: IC1,
    at: 'min: 70000',
    offset: 5,
  },
  'pay/regression': {
    rule: 'pay/regression',
    breakIt: (f) => {
      replace(f, IC2, 'min: 70000', 'min: 45000');
      replace(f, M2, 'min: 70000', 'min: 45000');
    },
    file: IC2,
    at: 'min: 45000',
    offset: 5,
    fixIt: (f) => replace(f, IC1, 'min: 50000', 'min: 40000'),
  },
  'content/missing-section': {
    rule: 'content/missing-section',
    breakIt: (f) => replace(f, M2, /## Craft\n\n- Does craft at grade 2\.\n/, ''),
    file: M2,
    at: '---\n\n## People',
  },
  'content/unknown-section': {
    rule: 'content/unknown-section',
    severity: 'warning',
    breakIt: (f) => {
      f[M2] = `${f[M2]}\n## Budgeting\n\n- Plans money.\n`;
    },
    file: M2,
    at: '## Budgeting',
    fixIt: (f) => replace(f, M2, '## Budgeting', '### Budgeting'),
  },
  'content/unsafe-html (script)': {
    rule: 'content/unsafe-html',
    breakIt: (f) => {
      f['families/eng.md'] = `${f['families/eng.md']}\n<script>alert(1)</script>\n`;
    },
    file: 'families/eng.md',
    at: '<script>',
  },
  'content/unsafe-html (javascript: link)': {
    rule: 'content/unsafe-html',
    breakIt: (f) => replace(f, IC1, '- Does craft at grade 1.', '- Does [craft](javascript:alert(1)) at grade 1.'),
    file: IC1,
    at: '[craft]',
    fixIt: (f) => replace(f, IC1, 'javascript:alert(1)', 'https://example.com/craft'),
  },
  'parity/ceiling': {
    rule: 'parity/ceiling',
    breakIt: (f) => {
      delete f[IC2];
    },
    file: M2,
    at: 'grade: 2',
    offset: 7,
    fixIt: (f) =>
      replace(
        f,
        'ladder.md',
        'currency: EUR',
        'currency: EUR\nparity:\n  exceptions:\n    - family: eng\n      grade: 2\n      rule: parity/ceiling\n      reason: Being tested.',
      ),
  },
  'parity/pay': {
    rule: 'parity/pay',
    breakIt: (f) => replace(f, IC2, 'max: 90000', 'max: 85000'),
    file: IC2,
    at: 'max: 85000',
    offset: 5,
    fixIt: (f) => replace(f, 'ladder.md', 'currency: EUR', 'currency: EUR\nparity:\n  pay: overlap'),
  },
  'parity/authority (budget)': {
    rule: 'parity/authority',
    breakIt: (f) => replace(f, M2, 'budget: 2000', 'budget: 9000'),
    file: M2,
    at: 'budget: 9000',
    offset: 8,
  },
  'parity/authority (decisions)': {
    rule: 'parity/authority',
    breakIt: (f) => replace(f, IC2, 'decisions: [hiring]', 'decisions: [hiring, architecture]'),
    file: IC2,
    at: '[hiring, architecture]',
    fixIt: (f) => replace(f, M2, 'decisions: [hiring]', 'decisions: [architecture, hiring]'),
  },
  'content/placeholder (text left to write)': {
    rule: 'content/placeholder',
    severity: 'warning',
    breakIt: (f) => replace(f, IC2, '- Does people at grade 2.', '- TODO: what a senior engineer does for people.'),
    file: IC2,
    at: 'TODO: what',
  },
  'content/placeholder (a 0–0 pay band)': {
    rule: 'content/placeholder',
    severity: 'warning',
    breakIt: (f) => {
      for (const path of [IC1, IC2, M2]) replace(f, path, /min: \d+\n {2}max: \d+/, 'min: 0\n  max: 0');
    },
    file: IC1,
    at: 'max: 0',
    offset: 5,
    fixIt: (f) => {
      for (const path of [IC1, IC2, M2]) replace(f, path, 'min: 0\n  max: 0', 'min: 1\n  max: 1');
    },
  },
  'parity/exception-unused': {
    rule: 'parity/exception-unused',
    severity: 'warning',
    breakIt: (f) =>
      replace(
        f,
        'ladder.md',
        'currency: EUR',
        'currency: EUR\nparity:\n  exceptions:\n    - family: eng\n      grade: 2\n      rule: parity/pay\n      reason: Market data.',
      ),
    file: 'ladder.md',
    at: 'family: eng',
    fixIt: (f) => replace(f, IC2, 'max: 90000', 'max: 95000'),
  },
  'schema/id (file name is not a slug)': {
    rule: 'schema/id',
    breakIt: (f) => {
      f['competencies/Soft Skills.md'] = '---\nname: Soft skills\n---\n';
    },
    file: 'competencies/Soft Skills.md',
    at: '---',
  },
  'content/duplicate-section': {
    rule: 'content/duplicate-section',
    breakIt: (f) => {
      f[M2] = `${f[M2]}\n## people\n\n- More people.\n`;
    },
    file: M2,
    at: '## people',
  },
};

describe('the mini ladder', () => {
  it('is valid', () => {
    const result = checkFiles(miniLadder());
    expect(result.diagnostics).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.ladder.levels).toHaveLength(3);
  });
});

describe('the sample ladder (content/)', () => {
  it('passes every rule', () => {
    const result = check(CONTENT);
    expect(result.diagnostics).toEqual([]);
    expect(result.ladder.families.length).toBeGreaterThan(0);
  });

  it('reaches the same top grade on both tracks of every family', () => {
    const { ladder } = check(CONTENT);
    for (const family of ladder.families) {
      const tops = (ladder.tracksByFamily.get(family.id) ?? []).map((t) => ladder.levelsByTrack.get(t.id)!.at(-1)!.grade);
      expect(tops.length).toBeGreaterThanOrEqual(2);
      expect(new Set(tops).size).toBe(1);
    }
  });
});

describe('the Northwind fixture', () => {
  it('passes every rule', () => {
    const result = check(SAMPLE);
    expect(result.diagnostics).toEqual([]);
    expect(result.ladder.families.map((f) => f.id)).toEqual(['engineering', 'formulation-science']);
  });
});

describe.each(Object.entries(cases))('%s', (_name, c) => {
  it('is reported at the file, line and column at fault', () => {
    const files = miniLadder();
    c.breakIt(files);
    const result = checkFiles(files);
    const found = result.diagnostics.filter((d) => d.rule === c.rule);
    const expected = { file: c.file, ...positionOf(files[c.file]!, c.at, c.offset ?? 0), rule: c.rule, severity: c.severity ?? 'error' };
    expect(found.map(({ file, line, column, rule, severity }) => ({ file, line, column, rule, severity }))).toContainEqual(expected);
    expect(result.ok).toBe((c.severity ?? 'error') === 'warning' && !result.diagnostics.some((d) => d.severity === 'error'));
    for (const d of found) expect(d.message.length).toBeGreaterThan(10);
  });

  it('is silent once fixed', () => {
    const files = miniLadder();
    c.breakIt(files);
    if (c.fixIt) c.fixIt(files);
    const result = c.fixIt ? checkFiles(files) : checkFiles(miniLadder());
    expect(rulesOf(result.diagnostics)).not.toContain(c.rule);
    expect(result.diagnostics).toEqual([]);
  });
});

describe('parity diagnostics', () => {
  it('name the counterpart level in related, on both sides', () => {
    const files = miniLadder();
    replace(files, IC2, 'max: 90000', 'max: 85000');
    const result = checkFiles(files);
    const pay = result.diagnostics.filter((d) => d.rule === 'parity/pay');
    expect(pay.map((d) => d.file).sort()).toEqual([IC2, M2]);
    const onIc = pay.find((d) => d.file === IC2)!;
    expect(onIc.message).toBe(`Pay band €70,000 – €85,000 differs from Manager (${M2}) at grade 2: €70,000 – €90,000`);
    expect(onIc.related?.[0]).toMatchObject({ file: M2, ...positionOf(files[M2]!, '90000') });
  });

  it('compare decisions as sets, ignoring order', () => {
    const files = miniLadder();
    replace(files, IC2, 'decisions: [hiring]', 'decisions: [hiring, budgeting]');
    replace(files, M2, 'decisions: [hiring]', 'decisions: [budgeting, hiring]');
    expect(checkFiles(files).diagnostics).toEqual([]);
  });

  it('accept overlapping bands under the overlap policy and reject disjoint ones', () => {
    const files = miniLadder();
    replace(files, 'ladder.md', 'currency: EUR', 'currency: EUR\nparity:\n  pay: overlap');
    replace(files, M2, /min: 70000\n {2}max: 90000/, 'min: 80000\n  max: 99000');
    expect(checkFiles(files).diagnostics).toEqual([]);
    replace(files, M2, /min: 80000\n {2}max: 99000/, 'min: 95000\n  max: 99000');
    const result = checkFiles(files);
    expect(rulesOf(result.diagnostics)).toEqual(['parity/pay', 'parity/pay']);
    expect(result.diagnostics[0]!.message).toContain('does not overlap');
  });

  it('are turned off by a matching exception, which the model records', () => {
    const files = miniLadder();
    delete files[IC2];
    replace(
      files,
      'ladder.md',
      'currency: EUR',
      'currency: EUR\nparity:\n  exceptions:\n    - family: eng\n      grade: 2\n      rule: parity/ceiling\n      reason: No IC yet.',
    );
    const result = checkFiles(files);
    expect(result.diagnostics).toEqual([]);
    expect(result.ladder.parity.exceptions[0]).toMatchObject({ family: 'eng', grade: 2, excused: 1, reason: 'No IC yet.' });
  });

  it('leave the model as it was: rules and exceptions on a frozen model give the same results twice', () => {
    const files = miniLadder();
    delete files[IC2];
    replace(
      files,
      'ladder.md',
      'currency: EUR',
      'currency: EUR\nparity:\n  exceptions:\n    - family: eng\n      grade: 2\n      rule: parity/ceiling\n      reason: No IC yet.\n    - family: eng\n      grade: 1\n      rule: parity/pay\n      reason: Unused.',
    );
    const { ladder } = checkFiles(files);
    const frozen = deepFreeze(ladder);
    const sources = classify(rawFiles(files)).files;
    // In a module (strict mode), writing to a frozen object throws.
    const run = () =>
      applyExceptions(
        frozen,
        rules.flatMap((rule) => rule({ ladder: frozen, files: sources })),
      );
    const first = run();
    const second = run();
    expect(second).toEqual(first);
    expect(first.excused).toEqual([1, 0]);
    expect(rulesOf(first.diagnostics)).toEqual(['parity/exception-unused']);
    // And the check itself, twice over the same files.
    expect(checkSources(files)).toEqual(checkSources(files));
  });

  it('report a family with a management track and no IC track', () => {
    const files = miniLadder();
    delete files['tracks/eng-ic.md'];
    delete files[IC1];
    delete files[IC2];
    const result = checkFiles(files);
    expect(result.diagnostics.map((d) => [d.rule, d.file])).toEqual([['parity/ceiling', 'tracks/eng-mgmt.md']]);
  });
});

describe('every problem in one run', () => {
  it('reports problems in many files and many rules together', () => {
    const files = miniLadder();
    replace(files, IC1, 'grade: 1', 'grade: 0');
    replace(files, IC2, 'max: 90000', 'max: 85000');
    replace(files, 'tracks/eng-mgmt.md', '[people, craft]', '[people, craft, nope]');
    files['levels/ghost/one.md'] = files[M2]!;
    const rules = rulesOf(checkFiles(files).diagnostics);
    expect(rules).toEqual(expect.arrayContaining(['schema/grade', 'parity/pay', 'ref/unknown', 'ref/orphan-level']));
  });

  it('does not pile a reference error onto a file that is already rejected', () => {
    const files = miniLadder();
    replace(files, 'families/eng.md', 'name: Engineering', 'nam: Engineering');
    const result = checkFiles(files);
    expect(rulesOf(result.diagnostics)).toEqual(['schema/name', 'schema/nam']);
    expect(result.diagnostics[1]!.message).toBe('Unknown field "nam": did you mean "name"?');
  });

  it('still compares the levels of a family whose own file has errors', () => {
    const files = miniLadder();
    replace(files, 'families/eng.md', 'name: Engineering', 'nam: Engineering');
    replace(files, M2, 'max: 90000', 'max: 95000');
    expect(rulesOf(checkFiles(files).diagnostics)).toEqual(['schema/name', 'schema/nam', 'parity/pay', 'parity/pay']);
  });

  it('still reports a real gap and ceiling when a level file with errors has a readable grade elsewhere', () => {
    const files = miniLadder();
    // The IC track loses its grade 2 (a real gap under a new grade 3); a principal at grade 4 has no summary.
    files['levels/eng-ic/staff.md'] = files[IC2]!.replace('Senior Engineer', 'Staff Engineer')
      .replace('grade: 2', 'grade: 3')
      .replace('max: 90000', 'max: 95000');
    files['levels/eng-ic/principal.md'] = files[IC2]!.replace('Senior Engineer', 'Principal')
      .replace('grade: 2', 'grade: 4')
      .replace(/summary: .*\n/, '');
    delete files[IC2];
    expect(rulesOf(checkFiles(files).diagnostics).sort()).toEqual(['parity/ceiling', 'schema/summary', 'track/grade-gap']);
    // A level whose grade cannot be read at all may be the missing one: then only its own error shows.
    replace(files, 'levels/eng-ic/principal.md', 'grade: 4', 'grade: [4');
    expect(rulesOf(checkFiles(files).diagnostics)).toEqual(['syntax/frontmatter']);
  });

  it('names a missing field with allowed values as missing, and keeps a broken competency file from flooding the levels', () => {
    const files = miniLadder();
    replace(files, 'tracks/eng-ic.md', 'kind: individual-contributor\n', '');
    replace(files, 'competencies/craft.md', 'name: Craft', 'nmae: Craft');
    const result = checkFiles(files);
    expect(result.diagnostics.map((d) => `${d.file} ${d.rule} ${d.message}`)).toEqual([
      'competencies/craft.md schema/name Missing required field "name" (text)',
      'competencies/craft.md schema/nmae Unknown field "nmae": did you mean "name"?',
      'tracks/eng-ic.md schema/kind Missing required field "kind" (one of "individual-contributor", "management")',
    ]);
  });

  it('reports a track that names a family that does not exist once, not also as a family without an IC track', () => {
    const files = miniLadder();
    replace(files, 'tracks/eng-mgmt.md', 'family: eng', 'family: egn');
    expect(rulesOf(checkFiles(files).diagnostics)).toEqual(['ref/unknown']);
  });

  it('still checks the levels of a track whose file has errors, against what of it is valid', () => {
    const files = miniLadder();
    replace(files, 'tracks/eng-mgmt.md', 'kind: management', 'kind: manager');
    replace(files, M2, 'scope: group', 'scope: teem');
    replace(files, M2, /## Craft[^#]*$/, '');
    const result = checkFiles(files);
    expect(result.diagnostics.map((d) => `${d.file}:${d.line} ${d.rule}`)).toEqual([
      `${IC2}:9 parity/authority`,
      `${M2}:9 parity/authority`,
      `${M2}:9 ref/unknown`,
      `${M2}:12 content/missing-section`,
      'tracks/eng-mgmt.md:4 schema/kind',
    ]);
  });

  it('reports an inverted band once, not also as a pay regression of the grade above', () => {
    const files = miniLadder();
    replace(files, IC1, 'max: 70000', 'max: 40000'); // 50000–40000
    files['levels/eng-ic/senior.md'] = files[IC2]!.replace('min: 70000', 'min: 45000');
    replace(files, M2, 'min: 70000', 'min: 45000');
    expect(rulesOf(checkFiles(files).diagnostics)).toEqual(['pay/inverted']);
  });

  it('does not report a grade as missing while the level file that holds it has errors', () => {
    const files = miniLadder();
    // Without its summary, the senior engineer (grade 2) is rejected: the manager at grade 2 is not "above the IC track".
    replace(files, IC2, /summary: .*\n/, '');
    files['levels/eng-ic/staff.md'] = files[IC2]!.replace('Senior Engineer', 'Staff Engineer').replace('grade: 2', 'grade: 3');
    replace(files, 'levels/eng-ic/staff.md', 'title: Staff Engineer', 'title: Staff Engineer\nsummary: Leads.');
    const result = checkFiles(files);
    expect(rulesOf(result.diagnostics)).toEqual(['schema/summary']);
    // Once it is fixed, what is really wrong shows: here, nothing.
    replace(files, IC2, 'title: Senior Engineer', 'title: Senior Engineer\nsummary: Leads.');
    expect(rulesOf(checkFiles(files).diagnostics)).toEqual([]);
  });
});

describe('YAML mistakes, in words and where the fix goes', () => {
  const first = (edit: (text: string) => string) => {
    const files = miniLadder();
    files[IC2] = edit(files[IC2]!);
    const result = checkFiles(files);
    return result.diagnostics.filter((d) => d.file === IC2).map((d) => `${d.line}:${d.column} ${d.rule} ${d.message}`);
  };

  it('explains the common ones once each', () => {
    // Lines of IC2: 2 title, 3 grade, 4 summary, 5 pay, 6 min, 7 max.
    expect(first((t) => t.replace(/summary: /, 'summary: Note: '))).toEqual([
      expect.stringMatching(
        /^4:10 syntax\/frontmatter The value of "summary" contains ": ", which YAML reads as another field: put it in quotes, summary: "Note: /,
      ),
    ]);
    expect(first((t) => t.replace('  max: 90000', '   max: 90000'))).toEqual([
      '7:1 syntax/frontmatter This line is indented more than "min" above it: fields of the same group start in the same column (use the same number of spaces)',
    ]);
    expect(first((t) => t.replace('title: Senior Engineer', 'title: "Senior Engineer'))).toEqual([
      '2:8 syntax/frontmatter The quote (") opened here is never closed: end the value with " on the same line',
    ]);
    expect(first((t) => t.replace('summary: ', "summary: The team's ").replace('scope: group', "scope: 'group"))).toEqual([
      "9:10 syntax/frontmatter The quote (') opened here is never closed: end the value with ' on the same line",
    ]);
    expect(first((t) => t.replace(/(summary: .*)\n/, '$1\n  and more: again\n'))).toEqual([
      '5:3 syntax/frontmatter The value of "summary" goes on over several lines and this line contains ": ", which YAML reads as another field: put the whole value in quotes',
    ]);
    expect(first((t) => t.replace('title: Senior Engineer', 'title:Senior Engineer'))).toEqual([
      '2:7 syntax/frontmatter Put a space after the colon: title: Senior Engineer',
    ]);
    expect(first((t) => t.replace('grade: 2', 'grade: 2\ntitle: Again'))).toEqual(['4:1 syntax/frontmatter The field "title" appears twice: keep one of them']);
    expect(first((t) => t.replace('  min: 70000', '\tmin: 70000'))).toEqual([
      '6:1 syntax/frontmatter This line is indented with a tab: YAML indents with spaces only',
    ]);
    expect(first((t) => t.replace('grade: 2', 'grade: 99999999999999999999999'))).toEqual([
      '3:8 schema/grade "grade" must be at most 99, not the number 1e+23',
    ]);
    expect(first((t) => t.replace('  max: 90000', 'max: 90000'))).toContain(
      '7:1 schema/max Unknown field "max": "max" belongs inside "pay": indent it under "pay:" like the fields beside it',
    );
  });
});

describe('an exception that excuses nothing', () => {
  const withException = (grade: number, rule: string) => {
    const files = miniLadder();
    replace(
      files,
      'ladder.md',
      'currency: EUR',
      `currency: EUR\nparity:\n  exceptions:\n    - family: eng\n      grade: ${grade}\n      rule: ${rule}\n      reason: Market data.`,
    );
    replace(files, M2, 'max: 90000', 'max: 95000'); // parity/pay at grade 2
    return checkFiles(files).diagnostics.find((d) => d.rule === 'parity/exception-unused')?.message;
  };

  it('suggests the grade or the rule it was probably meant for', () => {
    expect(withException(1, 'parity/pay')).toBe(
      'This exception excuses nothing: eng grade 1 does not break parity/pay; did you mean grade 2? Otherwise remove it',
    );
    expect(withException(2, 'parity/authority')).toBe(
      'This exception excuses nothing: eng grade 2 does not break parity/authority; did you mean the rule parity/pay? Otherwise remove it',
    );
    expect(withException(2, 'parity/pay')).toBeUndefined();
  });
});

describe('section headings an editor got almost right', () => {
  const located = (files: Files) => checkFiles(files).diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule} ${d.message}`);

  it('points a misspelt, unspaced or mis-levelled heading out where it is, once', () => {
    for (const [written, expected] of [
      ['## Crafts', 'The section "## Crafts" should be "## Craft"'],
      ['##Craft', '"##Craft" is not a heading: write "## Craft", with a space after ##'],
      ['### Craft', '"### Craft" is not a section: sections are "## " headings, write "## Craft"'],
    ] as const) {
      const files = miniLadder();
      replace(files, IC1, '## Craft', written);
      const line = files[IC1]!.split('\n').findIndex((l) => l === written) + 1;
      const found = located(files);
      expect(found, written).toHaveLength(1);
      expect(found[0], written).toBe(`${IC1}:${line}:1 content/missing-section ${expected}; every level of Engineering IC describes Craft`);
    }
  });

  it('blames a misspelt competency in a track on the track, not on each of its levels', () => {
    const files = miniLadder();
    replace(files, 'tracks/eng-ic.md', '[craft, people]', '[crafts, people]');
    const result = checkFiles(files);
    expect(result.diagnostics.map((d) => `${d.file} ${d.rule}`)).toEqual(['tracks/eng-ic.md ref/unknown']);
    expect(result.diagnostics[0]!.message).toBe('Unknown competency "crafts"; did you mean "craft"?');
  });
});

describe('files saved by other editors', () => {
  it('reads CRLF line endings and a byte-order mark, with the same locations', () => {
    const files = miniLadder();
    replace(files, IC2, 'max: 90000', 'max: 85000');
    const unix = checkFiles(files).diagnostics.find((d) => d.file === IC2)!;
    files[IC2] = `\uFEFF${files[IC2]!.replace(/\n/g, '\r\n')}`;
    files['families/eng.md'] = files['families/eng.md']!.replace(/\n/g, '\r\n');
    const windows = checkFiles(files).diagnostics.find((d) => d.file === IC2)!;
    expect(windows).toEqual(unix);
    expect(windows).toMatchObject({ line: 7, column: 8, rule: 'parity/pay' });
  });
});

/** Freezes an object, its arrays, and everything they and its Maps and Sets hold. */
function deepFreeze<T>(value: T, seen = new Set<unknown>()): T {
  if (value === null || typeof value !== 'object' || seen.has(value)) return value;
  seen.add(value);
  if (value instanceof Map) for (const [k, v] of value) deepFreeze(k, seen), deepFreeze(v, seen);
  else if (value instanceof Set) for (const v of value) deepFreeze(v, seen);
  else for (const v of Object.values(value)) deepFreeze(v, seen);
  return Object.freeze(value);
}
