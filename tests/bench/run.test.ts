/**
 * `npm run bench -- --quick` end to end, so that the benchmark never rots.
 * Timings are reported by the benchmark, never asserted here: only that
 * every section is there and holds numbers.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cleanup, ROOT, tempDir } from '../helpers/ladder.ts';

afterAll(cleanup);

const isNumber = (value: unknown) => typeof value === 'number' && Number.isFinite(value);
const spreadOk = (s: { median: number; min: number; max: number; runs: number[] }) =>
  isNumber(s.median) && isNumber(s.min) && isNumber(s.max) && s.min <= s.median && s.median <= s.max && s.runs.length >= 1;

it('runs the quick benchmark: check beside the floor (and the reference floors: remark, js-yaml), the sample through the CLI, astro dev after a save, builds beside plain Astro, page weight, targets', () => {
  const out = join(tempDir('parity-bench-run-'), 'results.json');
  const result = spawnSync(process.execPath, [join(ROOT, 'bench/run.ts'), '--quick', '--out', out], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, LADDER_CONTENT: undefined } as NodeJS.ProcessEnv,
    timeout: 330_000,
  });
  expect(result.stderr + result.stdout).not.toMatch(/Error:/);
  expect(result.status).toBe(0);
  expect(result.stdout).toMatch(/ladder check/);
  expect(result.stdout).toMatch(/Targets/);

  const r = JSON.parse(readFileSync(out, 'utf8'));
  expect(r.meta.quick).toBe(true);
  expect(isNumber(r.meta.cpus)).toBe(true);
  expect(r.meta.node).toMatch(/^v\d+/);

  expect(r.check.map((c: { size: string }) => c.size)).toEqual(['sample', '48']);
  for (const c of r.check) {
    expect(c.levels).toBeGreaterThan(0);
    for (const task of [c.check, c.floor, c.remarkFloor, c.jsYamlFloor]) {
      for (const key of ['wallMs', 'workMs', 'importMs', 'peakRssMiB']) expect(spreadOk(task[key]), key).toBe(true);
    }
    for (const key of [
      'ratio',
      'cpuRatio',
      'bestRatio',
      'bestCpuRatio',
      'workRatio',
      'rssRatio',
      'remarkRatio',
      'remarkRssRatio',
      'jsYamlRatio',
      'jsYamlRssRatio',
      'checkMsPerLevel',
      'checkWorkMsPerLevel',
      'floorWorkMsPerLevel',
    ]) {
      expect(isNumber(c[key]), key).toBe(true);
    }
    expect(spreadOk(c.pairedRatio)).toBe(true);
    expect(spreadOk(c.pairedCpuRatio)).toBe(true);
    expect(spreadOk(c.pairedRssRatio)).toBe(true);
  }
  expect(r.check[1].levels).toBe(48);
  expect(spreadOk(r.cli.wallMs)).toBe(true);

  expect(r.dev.map((d: { size: string }) => d.size)).toEqual(['48']);
  expect(r.dev[0].saves).toBe(2);
  expect(spreadOk(r.dev[0].toDiagnosticsMs)).toBe(true);
  expect(spreadOk(r.dev[0].toReloadMs)).toBe(true);
  expect(r.dev[0].toReloadMs.median).toBeGreaterThanOrEqual(r.dev[0].toDiagnosticsMs.median);

  expect(r.build.map((b: { size: string }) => b.size)).toEqual(['sample', '48']);
  for (const b of r.build) {
    expect(b.pages).toBeGreaterThan(b.size === '48' ? 48 : 26);
    expect(b.baseline.pages).toBe(b.pages);
    expect(spreadOk(b.ours.seconds)).toBe(true);
    expect(spreadOk(b.baseline.seconds)).toBe(true);
    for (const n of [b.ours.pagesPerSecond, b.baseline.pagesPerSecond, b.ratio]) expect(isNumber(n)).toBe(true);
  }

  const types = r.weight.pages.map((p: { type: string }) => p.type);
  expect(types).toEqual(expect.arrayContaining(['home', 'level', 'promotion', 'compare']));
  for (const p of r.weight.pages) {
    expect(p.htmlBytes).toBeGreaterThan(0);
    expect(isNumber(p.jsBytes)).toBe(true);
    expect(isNumber(p.htmlGzipBytes)).toBe(true);
  }
  expect(r.targets.length).toBeGreaterThanOrEqual(4);
  for (const t of r.targets) expect(isNumber(t.limit)).toBe(true);
}, 340_000);
