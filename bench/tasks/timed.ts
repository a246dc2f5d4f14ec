/**
 * Runs a command and reports its wall time and the CPU time that it and its
 * children used (worker threads, the Pagefind binary), as the last line of
 * stdout in JSON: {"status", "wallMs", "cpuMs"}. The command's own output
 * comes first. CPU time is read from /proc/self/stat (cutime + cstime), so
 * it is null off Linux. Used for site builds.
 *
 *   node bench/tasks/timed.ts <command> [args...]
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const [command, ...args] = process.argv.slice(2);
const started = performance.now();
const child = spawnSync(command!, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
const wallMs = performance.now() - started;
process.stdout.write(child.stdout ?? '');
process.stderr.write(child.stderr ?? '');
process.stdout.write(`\n${JSON.stringify({ status: child.status, wallMs, cpuMs: childrenCpuMs() })}\n`);
process.exitCode = child.status ?? 1;

/** CPU time of the waited-for children of this process, in ms. */
function childrenCpuMs(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / ticks;
  } catch {
    return null;
  }
}
