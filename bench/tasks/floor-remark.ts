/**
 * The old floor, kept for reference (bench/tasks/floor.ts is the floor now):
 * the same as floor.ts, with the Markdown parsed by unified + remark-parse +
 * remark-gfm, the stack Parity used before Sätteri (issue 13).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { enableCompileCache } from 'node:module';
import { join } from 'node:path';

const started = performance.now();
enableCompileCache?.();
const [{ LineCounter, parseDocument }, { unified }, { default: remarkParse }, { default: remarkGfm }] = await Promise.all([
  import('yaml'),
  import('unified'),
  import('remark-parse'),
  import('remark-gfm'),
]);
const imported = performance.now();

const dir = process.argv[2]!;
const parser = unified().use(remarkParse).use(remarkGfm).freeze();
let files = 0;
let nodes = 0;
for (const path of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
  if (!path.endsWith('.md')) continue;
  const text = readFileSync(join(dir, path), 'utf8');
  const lines = text.split(/\r?\n/);
  const close = lines.indexOf('---', 1);
  const lineCounter = new LineCounter();
  const doc = parseDocument(lines.slice(1, close).join('\n'), { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const data = doc.toJS();
  const tree = parser.parse(lines.slice(close + 1).join('\n'));
  files++;
  nodes += tree.children.length + (data ? 1 : 0);
}
const done = performance.now();
process.stdout.write(`${JSON.stringify({ files, nodes, importMs: imported - started, workMs: done - imported, ...usage() })}\n`);

/** Peak memory, and CPU time (user + system): less sensitive than wall time to other work on the machine. */
function usage() {
  const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
  return { maxRssKb: maxRSS, cpuMs: (userCPUTime + systemCPUTime) / 1000 };
}
