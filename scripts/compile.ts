/**
 * `npm pack` (prepack): compile what Node runs from the published package
 * (the `ladder` command, the core, the integration's entry) into lib/, with
 * tsconfig.lib.json. `--clean` (postpack) removes lib/ again, so that the
 * repository's own `ladder` always runs the TypeScript sources.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const lib = new URL('../lib/', import.meta.url);
rmSync(lib, { recursive: true, force: true });
if (!process.argv.includes('--clean')) {
  const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.lib.json'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    rmSync(lib, { recursive: true, force: true });
    process.exit(result.status ?? 1);
  }
}
