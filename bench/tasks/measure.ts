/**
 * What the measured tasks share: how a floor reads the ladder, and what
 * every task reports. A floor's own file says only which parsers it uses.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Peak memory, and CPU time (user + system): less sensitive than wall time to other work on the machine. */
export function usage() {
  const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
  return { maxRssKb: maxRSS, cpuMs: (userCPUTime + systemCPUTime) / 1000 };
}

/**
 * A floor's work: reads every Markdown file below the directory given as the
 * first argument, in order, splits it at its frontmatter fences, hands the
 * frontmatter and the body to `parse` (which returns a count, so that
 * nothing is optimised away), and prints one line of JSON: files, the count,
 * the import and work times (from the task's `started` and `imported`) and
 * `usage()`.
 */
export function runFloor(started: number, imported: number, parse: (frontmatter: string, body: string) => number): void {
  const dir = process.argv[2]!;
  let files = 0;
  let nodes = 0;
  for (const path of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    if (!path.endsWith('.md')) continue;
    const text = readFileSync(join(dir, path), 'utf8');
    const lines = text.split(/\r?\n/);
    const close = lines.indexOf('---', 1);
    nodes += parse(lines.slice(1, close).join('\n'), lines.slice(close + 1).join('\n'));
    files++;
  }
  const done = performance.now();
  process.stdout.write(`${JSON.stringify({ files, nodes, importMs: imported - started, workMs: done - imported, ...usage() })}\n`);
}
