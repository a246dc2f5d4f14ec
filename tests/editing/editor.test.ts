/** The VS Code wiring: the tasks' problem matcher reads the checker's real output. */
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, editFile, ROOT, SAMPLE, tempDir } from '../helpers/ladder.ts';
import { ladder } from './run.ts';

afterAll(cleanup);

/** JSON with comments, as VS Code reads its settings. */
const jsonc = (path: string): unknown => JSON.parse(readFileSync(join(ROOT, path), 'utf8').replace(/^\s*\/\/.*$/gm, ''));

interface Task {
  label: string;
  command: string;
  problemMatcher: { pattern: { regexp: string; file: number; line: number; column: number; severity: number; message: number; code: number } } | [];
}

describe('.vscode', () => {
  const tasks = (jsonc('.vscode/tasks.json') as { tasks: Task[] }).tasks;

  it('parses, and recommends extensions', () => {
    expect(jsonc('.vscode/settings.json')).toBeTypeOf('object');
    expect((jsonc('.vscode/extensions.json') as { recommendations: string[] }).recommendations).toContain('redhat.vscode-yaml');
    expect(tasks.map((t) => t.label)).toEqual(['ladder: check', 'ladder: watch', 'ladder: diff against main']);
  });

  it("the problem matcher reads every field of the checker's text output", async () => {
    const project = tempDir('parity-vscode-');
    cpSync(SAMPLE, join(project, 'content'), { recursive: true });
    editFile(project, 'content/levels/engineering-ic/staff-engineer.md', (t) =>
      t.replace('max: 240000', 'max: 250000').replace('## Impact', '## Impacts').replace('## Delivery', '## Further reading\n\n- Books.\n\n## Delivery'),
    );
    const result = await ladder(['check', '--content', join(project, 'content')], { cwd: project });
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n').filter((l) => l.includes(':'));
    for (const task of tasks.filter((t) => !Array.isArray(t.problemMatcher))) {
      const { pattern } = task.problemMatcher as Exclude<Task['problemMatcher'], []>;
      const regexp = new RegExp(pattern.regexp);
      const matches = lines.map((l) => regexp.exec(l)).filter((m) => m !== null);
      expect(matches.length, task.label).toBe(result.stdout.split('\n').filter((l) => /^content\//.test(l)).length);
      const pay = matches.find((m) => m[pattern.code] === 'parity/pay')!;
      expect(pay[pattern.file]).toBe('content/levels/engineering-ic/staff-engineer.md');
      expect(Number(pay[pattern.line])).toBeGreaterThan(1);
      expect(Number(pay[pattern.column])).toBeGreaterThan(0);
      expect(pay[pattern.severity]).toBe('error');
      expect(pay[pattern.message]).toMatch(/^Pay band \$185,000 – \$250,000 differs from Engineering Manager/);
      expect(matches.map((m) => m[pattern.code])).toEqual(expect.arrayContaining(['content/missing-section', 'content/unknown-section']));
    }
  });

  it('the tasks run real commands of the CLI', async () => {
    for (const task of tasks) {
      const args = task.command.split(' ').filter((w) => !w.startsWith('--watch'));
      expect(args.slice(0, 2)).toEqual(['node', 'bin/ladder.js']);
      expect((await ladder([...args.slice(2), '--help'])).code, task.command).toBe(0);
    }
  });
});
