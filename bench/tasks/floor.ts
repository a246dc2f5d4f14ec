/**
 * The floor for `ladder check`, in a fresh process: read the same files and
 * parse their frontmatter and Markdown bodies with the same libraries and
 * the same options (yaml parseDocument with a LineCounter, then toJS;
 * Sätteri's markdownToMdast with positions, GFM on and frontmatter off, as
 * src/ladder/markdown.ts), and nothing else: no validation, no model, no
 * rules. No checker can do less work and still have read the ladder with
 * positions. (floor-remark.ts is the same with remark, the old floor.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { enableCompileCache } from 'node:module';
import { join } from 'node:path';

const started = performance.now();
enableCompileCache?.();
const [{ LineCounter, parseDocument }, { markdownToMdast }] = await Promise.all([import('yaml'), import('satteri')]);
const imported = performance.now();

const dir = process.argv[2]!;
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
