/**
 * Summarises a V8 CPU profile (node --cpu-prof): self time per package (or
 * per project folder) and the top functions by self time.
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof bench/tasks/check.ts DIR
 *   node bench/profile.ts /tmp/prof/*.cpuprofile [--top 30]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** "zod", "@astrojs/markdown-remark", "src/ladder", "(node)" or "(v8)". */
export function bucket(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(v8)';
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + '/node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith('node:')) return '(node)';
  const src = /\/(src\/[^/]+|bench|bin)\//.exec(url);
  return src ? src[1]! : url;
}

export function summarise(profile: Profile) {
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const us = self.get(node.id) ?? 0;
    if (!us) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const pkg = bucket(url, functionName);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
    const key = `${functionName || '(anonymous)'}  ${pkg}${url ? `:${lineNumber + 1}` : ''}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  }
  // Inclusive time of the project's own functions (src/, bench/): self time of each node's subtree,
  // counted once per function even when it recurses or calls itself through others.
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const inclusive = new Map<string, number>();
  const walk = (node: ProfileNode, open: Set<string>): number => {
    let us = self.get(node.id) ?? 0;
    const { functionName, url, lineNumber } = node.callFrame;
    const pkg = bucket(url, functionName);
    const own = /^(src\/|bench)/.test(pkg) ? `${functionName || '(anonymous)'}  ${pkg}:${lineNumber + 1}` : undefined;
    const fresh = own !== undefined && !open.has(own);
    if (fresh) open.add(own);
    for (const child of node.children ?? []) us += walk(byId.get(child)!, open);
    if (fresh) {
      open.delete(own);
      inclusive.set(own, (inclusive.get(own) ?? 0) + us);
    }
    return us;
  };
  walk(profile.nodes[0]!, new Set());
  const total = profile.endTime - profile.startTime;
  const sorted = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]);
  return { totalMs: total / 1000, byPackage: sorted(byPackage), byFunction: sorted(byFunction), inclusive: sorted(inclusive) };
}

if (import.meta.filename === process.argv[1]) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' } } });
  const top = Number(values.top);
  for (const file of positionals) {
    const { totalMs, byPackage, byFunction, inclusive } = summarise(JSON.parse(readFileSync(file, 'utf8')) as Profile);
    const row = (name: string, us: number) => `${(us / 1000).toFixed(1).padStart(9)} ms ${(us / 10 / totalMs).toFixed(1).padStart(5)}%  ${name}`;
    process.stdout.write(`${file}: ${totalMs.toFixed(0)} ms\n\nSelf time by package:\n`);
    for (const [name, us] of byPackage.slice(0, top)) process.stdout.write(`${row(name, us)}\n`);
    process.stdout.write('\nSelf time by function:\n');
    for (const [name, us] of byFunction.slice(0, top)) process.stdout.write(`${row(name, us)}\n`);
    process.stdout.write("\nInclusive time of the project's functions:\n");
    for (const [name, us] of inclusive.slice(0, top)) process.stdout.write(`${row(name, us)}\n`);
    process.stdout.write('\n');
  }
}
