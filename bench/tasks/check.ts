/**
 * One measurement of `ladder check`, in a fresh process: imports the checker
 * (as bin/ladder.js does, with the compile cache on), checks the directory
 * given as the first argument and prints one line of JSON. The parent
 * process measures the wall time; this reports where the time went and the
 * peak resident memory.
 */
import { enableCompileCache } from 'node:module';
import { usage } from './measure.ts';

const started = performance.now();
enableCompileCache?.();
const { check } = await import('../../src/ladder/check.ts');
const imported = performance.now();
const result = check(process.argv[2]);
const done = performance.now();
process.stdout.write(
  `${JSON.stringify({
    ok: result.ok,
    files: result.summary.files,
    levels: result.ladder.levels.length,
    errors: result.summary.errors,
    warnings: result.summary.warnings,
    importMs: imported - started,
    workMs: done - imported,
    ...usage(),
  })}\n`,
);
