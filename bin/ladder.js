#!/usr/bin/env node
// The `ladder` command. From the published package it runs the JavaScript that
// `npm pack` compiled into lib/ (Node does not strip types under node_modules).
// In this repository, which has no lib/, it runs the TypeScript sources on
// Node's own type stripping (Node 22.18+ and 24 do this by default; 22.12–22.17
// need a flag, so the command re-runs itself with it). No transpiler, no build step.
// Imports must exist on every Node version, so that an old one reaches the
// version check below instead of failing to link: no named imports of newer APIs.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { fileURLToPath } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(`ladder: Node.js 22.12 or newer is needed; this is ${process.version}\n`);
  process.exit(2);
}
const compiled = new URL('../lib/cli/main.js', import.meta.url);
const fromLib = existsSync(compiled);
if (!fromLib && !process.features.typescript) {
  const child = spawnSync(
    process.execPath,
    ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  process.exit(child.status ?? 2);
}
// Cache compiled modules between runs (in the OS temp directory): halves start-up time.
nodeModule.enableCompileCache?.();
const { main } = await import(fromLib ? compiled.href : '../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
