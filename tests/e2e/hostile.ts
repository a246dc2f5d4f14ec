/**
 * A hostile ladder that passes `ladder check`: every name, title, summary,
 * heading, reason and body a pull request can write carries markup, script
 * breakouts and event handlers, and its git history has commit subjects that
 * do the same (with escape sequences and a bidi override, which the history
 * reader removes). The browser suite builds it once beside the sample
 * (tests/e2e/setup.ts) and opens every page of it (tests/e2e/hostile.test.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { git } from '../helpers/git.ts';

/** What each payload does when it runs: a dialog saying where it came from. */
const X = (where: string) => `<img src=x onerror=alert('${where}')>`;
const BREAK = (where: string) => `</script><script>alert("${where}")</script>`;
/** YAML double-quoted text. */
const q = (text: string) => JSON.stringify(text);

/** A word that the hostile levels' bodies share, to search for. */
export const SEARCH_TERM = 'zebrafish';

export const HOSTILE_NAMES = {
  ladder: `Mini ${BREAK('ladder')}${X('ladder')}`,
  family: `Engineering${X('family')}"><svg onload=alert('family')>`,
  craft: `Craft ${X('competency')}`,
  people: `People' onmouseover='alert(1)`,
  ic: `Eng IC ${BREAK('track')}${X('track')}`,
  management: `Management "><svg/onload=alert('management')>`,
  senior: `Senior <b onmouseover=alert(1)>${X('title')}"'\`\${alert('template')}`,
};

const level = (title: string, grade: number, pay: [number, number], scope: string, sections: string[], body = '') =>
  [
    '---',
    `title: ${q(title)}`,
    `grade: ${grade}`,
    `summary: ${q(`Sum ${X(`summary-${grade}`)} </textarea></title></style><!-- ${BREAK('summary')}`)}`,
    'pay:',
    `  min: ${pay[0]}`,
    `  max: ${pay[1]}`,
    'authority:',
    `  scope: ${scope}`,
    `  budget: ${grade * 1000}`,
    '  decisions: [hiring]',
    '---',
    '',
    body,
    ...sections.map(
      (s) =>
        // The heading is the competency's name, its markup escaped for Markdown: the text is the name.
        `## ${s.replace(/[<>`*_[\]\\]/g, (c) => `\\${c}`)}\n\n- ${SEARCH_TERM} \`${X(`code-${grade}`)}\` and ${SEARCH_TERM} &lt;img src=x onerror=alert('entity-${grade}')&gt; at grade ${grade}.\n- [\`<svg onload=alert('link-${grade}')>\`](https://example.com/"onmouseover="alert(1)) and **${SEARCH_TERM}**.\n`,
    ),
  ].join('\n');

export function hostileFiles(): Record<string, string> {
  const n = HOSTILE_NAMES;
  return {
    'ladder.md': [
      '---',
      `name: ${q(n.ladder)}`,
      'currency: EUR',
      'repository: https://github.com/acme/career-ladder',
      'parity:',
      '  exceptions:',
      '    - family: eng',
      '      grade: 2',
      '      rule: parity/pay',
      `      reason: ${q(`Because ${X('reason')} ${BREAK('reason')} [x](javascript:alert(1)) **b** <a href="javascript:alert(2)">a</a>`)}`,
      '---',
      '',
      `The ladder of ${SEARCH_TERM} \`${X('intro')}\` and &lt;script&gt;alert('intro')&lt;/script&gt;.`,
      '',
    ].join('\n'),
    'choose.md': `---\ntitle: ${q(`Which? ${X('choose')}`)}\n---\n\nPick \`${BREAK('choose')}\` carefully.\n`,
    'families/eng.md': `---\nname: ${q(n.family)}\n---\n\nBuilds \`${X('family-body')}\` software.\n`,
    'competencies/craft.md': `---\nname: ${q(n.craft)}\n---\n\nThe craft, \`${X('craft-body')}\`.\n`,
    'competencies/people.md': `---\nname: ${q(n.people)}\n---\n\nThe people.\n`,
    'tracks/eng-ic.md': `---\nname: ${q(n.ic)}\nfamily: eng\nkind: individual-contributor\ncompetencies: [craft, people]\n---\n\nFor builders \`${X('track-body')}\`.\n`,
    'tracks/eng-mgmt.md': `---\nname: ${q(n.management)}\nfamily: eng\nkind: management\ncompetencies: [people, craft]\n---\n\nFor managers.\n`,
    'levels/eng-ic/engineer.md': level(`Engineer ${X('engineer')}`, 1, [50000, 70000], 'team', [n.craft, n.people]),
    // Pay differs from the manager's at grade 2: the exception (with its hostile reason) excuses it.
    'levels/eng-ic/senior.md': level(
      n.senior,
      2,
      [70000, 95000],
      'group',
      [n.craft, n.people],
      `An intro with ${SEARCH_TERM} and \`${BREAK('level-intro')}\`.\n`,
    ),
    'levels/eng-mgmt/manager.md': level(`Manager ${X('manager')}`, 2, [70000, 90000], 'group', [n.people, n.craft]),
  };
}

/**
 * Writes the hostile ladder into `dir` as a git repository of two commits
 * whose subjects are hostile too, so that /changes/ and its feed show them.
 */
export function writeHostileLadder(dir: string): void {
  const files = hostileFiles();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  git(dir, ['init', '-q']);
  git(dir, ['add', '.']);
  git(dir, ['commit', '-q', '-m', `First ${X('commit')} ${BREAK('commit')}\n\nBody ${X('commit-body')}`], '2025-01-15T10:00:00+00:00');
  const senior = join(dir, 'levels/eng-ic/senior.md');
  writeFileSync(senior, files['levels/eng-ic/senior.md']!.replace('max: 95000', 'max: 96000'));
  // An escape sequence (a terminal title) and a right-to-left override in the subject: removed by the history reader.
  git(dir, ['commit', '-q', '-a', '-m', `Raise \u001b]0;pwned\u0007 the band \u202e${X('commit-2')}`], '2025-03-02T09:30:00+00:00');
}
