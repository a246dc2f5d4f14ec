/**
 * A second reference floor (bench/tasks/floor.ts is the floor): the same
 * reading with the frontmatter parsed by js-yaml instead of yaml, without
 * positions. `ladder check` reads plain frontmatter this way and asks yaml
 * only where positions are needed (src/ladder/plain-yaml.ts), so this shows
 * what the check's own work costs beside the fastest reading it could do.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { enableCompileCache } from 'node:module';
import { join } from 'node:path';

const started = performance.now();
enableCompileCache?.();
const [{ default: jsyaml }, { markdownToMdast }] = await Promise.all([import('js-yaml'), import('satteri')]);
const imported = performance.now();

const dir = process.argv[2]!;
let files = 0;
let nodes = 0;
for (const path of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
  if (!path.endsWith('.md')) continue;
  const text = readFileSync(join(dir, path), 'utf8');
  const lines = text.split(/\r?\n/);
  const close = lines.indexOf('---', 1);
  const data = jsyaml.load(lines.slice(1, close).join('\n'), { schema: jsyaml.CORE_SCHEMA });
  const tree = markdownToMdast(lines.slice(close + 1).join('\n'), { features: { gfm: true, frontmatter: false }, position: true });
  files++;
  nodes += ('children' in tree ? tree.children.length : 0) + (data ? 1 : 0);
}
const done = performance.now();
process.stdout.write(`${JSON.stringify({ files, nodes, importMs: imported - started, workMs: done - imported, ...usage() })}\n`);

/** Peak memory, and CPU time (user + system): less sensitive than wall time to other work on the machine. */
function usage() {
  const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
  return { maxRssKb: maxRSS, cpuMs: (userCPUTime + systemCPUTime) / 1000 };
}
