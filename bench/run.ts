/**
 * The benchmark (`npm run bench`): how fast `ladder check` and `ladder build`
 * are, measured beside a floor and a baseline, how quickly `astro dev` shows
 * a saved file, and how heavy the built pages are. Prints a table and writes
 * bench/results.json. See docs/performance.md.
 *
 *   npm run bench                  check at sample, 1,000, 2,500 and 5,000 levels; builds at sample and 1,000; astro dev at 1,000
 *   npm run bench -- --full        also builds the 5,000-level ladder
 *   npm run bench -- --quick       one run of each, sample and 48 levels only (the test suite runs this)
 *   options: --runs N (check/floor runs, default 5), --build-runs N (default 3), --saves N (astro dev saves, default 5),
 *            --out FILE, --keep, --sizes sample,1000 (a subset of the sizes), --only check|build|dev (one part)
 *
 * Every measurement runs in a fresh child process, so no in-process cache
 * (check.ts caches parsed files by their text) can flatter a number.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { generateLadder, levelCount, writeLadder } from './generate.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const TASKS = join(ROOT, 'bench', 'tasks');

// ---------------------------------------------------------------- options

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    full: { type: 'boolean', default: false },
    runs: { type: 'string' },
    'build-runs': { type: 'string' },
    saves: { type: 'string' },
    out: { type: 'string' },
    keep: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    only: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (args.help) {
  process.stdout.write(
    readFileSync(fileURLToPath(import.meta.url), 'utf8')
      .split('*/')[0]!
      .replace(/^\/\*\*\n/, '')
      .replace(/^ \* ?/gm, ''),
  );
  process.exit(0);
}
const quick = args.quick;
const checkRuns = Number(args.runs ?? (quick ? 1 : 5));
const buildRuns = Number(args['build-runs'] ?? (quick ? 1 : 3));
const devSaves = Number(args.saves ?? (quick ? 2 : 5));
/** The reference floors (remark, the old one; js-yaml) are measured on fewer runs: remark's is the slowest task of all. */
const referenceRuns = Math.min(checkRuns, 3);
const outFile = resolve(args.out ?? join(ROOT, 'bench', 'results.json'));

interface Size {
  name: string;
  /** Families and grades of a generated ladder; undefined for the sample (content/). */
  families?: number;
  grades?: number;
  build: boolean;
  /** Measure the editing loop of `astro dev` on it. */
  dev?: boolean;
}
const ALL_SIZES: Size[] = quick
  ? [
      { name: 'sample', build: true },
      { name: '48', families: 2, grades: 12, build: true, dev: true },
    ]
  : [
      { name: 'sample', build: true },
      { name: '1000', families: 42, grades: 12, build: true, dev: true },
      { name: '2500', families: 104, grades: 12, build: false },
      { name: '5000', families: 209, grades: 12, build: args.full },
    ];
const wanted = args.sizes?.split(',').map((name) => name.trim());
const SIZES = wanted ? ALL_SIZES.filter((size) => wanted.includes(size.name)) : ALL_SIZES;
if (SIZES.length === 0) throw new Error(`--sizes: none of ${wanted} is one of ${ALL_SIZES.map((size) => size.name).join(', ')}`);
if (args.only !== undefined && !['check', 'build', 'dev'].includes(args.only)) throw new Error('--only is check, build or dev');
const part = (name: 'check' | 'build' | 'dev') => args.only === undefined || args.only === name;

// ---------------------------------------------------------------- helpers

interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)!, runs: values };
}

const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;

interface Run {
  ms: number;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion and measures its wall time. Fails loudly on a non-zero exit. */
function run(command: string, argv: string[], cwd = ROOT, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(command, argv, { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      if (code !== 0) fail(new Error(`${command} ${argv.join(' ')} exited with ${code}\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`));
      else done({ ms, stdout, stderr });
    });
  });
}

/**
 * Node's compile cache, where `node bin/ladder.js` keeps it (module.enableCompileCache() with no directory). The tasks
 * are TypeScript files: with the cache on from the start, Node strips their types once, not in every run. Without it,
 * every run of a task would load Node's TypeScript stripper (about 25 ms and 20 MiB) that neither `node bin/ladder.js`
 * (a JavaScript file) nor a floor written in JavaScript loads, and that constant would bring every ratio nearer to 1.
 */
const COMPILE_CACHE = join(tmpdir(), 'node-compile-cache');

const node = (script: string, argv: string[], cwd = ROOT) => run(process.execPath, [script, ...argv], cwd, { NODE_COMPILE_CACHE: COMPILE_CACHE });

/** The last line of a task's output, as JSON. */
const report = <T>(out: Run): T => JSON.parse(out.stdout.trim().split('\n').at(-1)!) as T;

function htmlFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).filter((path) => path.endsWith('.html')).sort();
}

const log = (text: string) => process.stderr.write(`${text}\n`);

// ---------------------------------------------------------------- the machine

function machine() {
  let model = cpus()[0]?.model ?? 'unknown';
  try {
    model = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? model;
  } catch {
    // not Linux: os.cpus() it is
  }
  return {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: cpus().length,
    cpuModel: model.trim(),
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    freeMemoryGiB: round(freemem() / 2 ** 30, 1),
    loadAverage: loadavg().map((n) => round(n, 2)),
  };
}

// ---------------------------------------------------------------- check beside the floor

interface CheckReport {
  ok: boolean;
  files: number;
  levels: number;
  errors: number;
  importMs: number;
  workMs: number;
  maxRssKb: number;
  cpuMs: number;
}
interface FloorReport {
  files: number;
  importMs: number;
  workMs: number;
  maxRssKb: number;
  cpuMs: number;
}

async function measureCheck(size: Size, dir: string) {
  const check: { wall: number[]; cpu: number[]; work: number[]; import: number[]; rss: number[] } = { wall: [], cpu: [], work: [], import: [], rss: [] };
  const floor: typeof check = { wall: [], cpu: [], work: [], import: [], rss: [] };
  const remark: typeof check = { wall: [], cpu: [], work: [], import: [], rss: [] };
  const jsYaml: typeof check = { wall: [], cpu: [], work: [], import: [], rss: [] };
  let files = 0;
  let levels = 0;
  // One run of each first, not measured: it fills the compile cache (see node()) and the file system's.
  for (const task of ['check', 'floor', 'floor-js-yaml']) await node(join(TASKS, `${task}.ts`), [dir]);
  for (let i = 0; i < checkRuns; i++) {
    // Alternate which goes first, so that neither always runs on a warmer machine.
    const order: ('check' | 'floor' | 'floor-remark' | 'floor-js-yaml')[] = i % 2 === 0 ? ['check', 'floor'] : ['floor', 'check'];
    if (i < referenceRuns) order.push('floor-remark', 'floor-js-yaml');
    for (const task of order) {
      const out = await node(join(TASKS, `${task}.ts`), [dir]);
      const r = report<CheckReport | FloorReport>(out);
      if (task === 'check') {
        const c = r as CheckReport;
        if (!c.ok || c.errors > 0) throw new Error(`The ${size.name} ladder does not pass ladder check (${c.errors} errors)`);
        levels = c.levels;
        files = c.files;
      }
      const into = { check, floor, 'floor-remark': remark, 'floor-js-yaml': jsYaml }[task];
      into.wall.push(out.ms);
      into.cpu.push(r.cpuMs);
      into.work.push(r.workMs);
      into.import.push(r.importMs);
      into.rss.push(r.maxRssKb / 1024);
    }
  }
  const summary = (m: typeof check) => ({
    wallMs: spread(m.wall.map((n) => round(n, 1))),
    cpuMs: spread(m.cpu.map((n) => round(n, 1))),
    workMs: spread(m.work.map((n) => round(n, 1))),
    importMs: spread(m.import.map((n) => round(n, 1))),
    peakRssMiB: spread(m.rss.map((n) => round(n, 1))),
  });
  const c = summary(check);
  const f = summary(floor);
  const rf = summary(remark);
  const jf = summary(jsYaml);
  return {
    size: size.name,
    levels,
    files,
    check: c,
    floor: f,
    /** The old floor (remark-parse + remark-gfm for the Markdown), for reference. */
    remarkFloor: rf,
    /** Median wall time of check over median wall time of the floor. */
    ratio: round(c.wallMs.median / f.wallMs.median),
    /** The same on CPU time (user + system), which other work on the machine disturbs less. */
    cpuRatio: round(c.cpuMs.median / f.cpuMs.median),
    /** The same, for the work after the imports (parsing and checking only). */
    workRatio: round(c.workMs.median / f.workMs.median),
    /** Median peak memory (RSS) of check over the floor's. */
    rssRatio: round(c.peakRssMiB.median / f.peakRssMiB.median),
    /** Check over the old (remark) floor, wall time and peak memory. */
    remarkRatio: round(c.wallMs.median / rf.wallMs.median),
    remarkRssRatio: round(c.peakRssMiB.median / rf.peakRssMiB.median),
    /** The floor with js-yaml for the frontmatter (no positions), for reference: what check reads plain frontmatter with. */
    jsYamlFloor: jf,
    /** Check over the js-yaml floor, wall time and peak memory. */
    jsYamlRatio: round(c.wallMs.median / jf.wallMs.median),
    jsYamlRssRatio: round(c.peakRssMiB.median / jf.peakRssMiB.median),
    /**
     * Each check run over the floor run next to it (they run back to back), then the median
     * and spread of those ratios: steadier than the ratio of medians when the machine's load drifts.
     */
    pairedRatio: spread(check.wall.map((ms, i) => round(ms / floor.wall[i]!))),
    pairedCpuRatio: spread(check.cpu.map((ms, i) => round(ms / floor.cpu[i]!))),
    pairedRssRatio: spread(check.rss.map((mib, i) => round(mib / floor.rss[i]!))),
    /** Fastest check over fastest floor: other work only ever adds time, so this is closest to an idle machine. */
    bestRatio: round(Math.min(...check.wall) / Math.min(...floor.wall)),
    bestCpuRatio: round(Math.min(...check.cpu) / Math.min(...floor.cpu)),
    checkMsPerLevel: round(c.wallMs.median / levels),
    checkWorkMsPerLevel: round(c.workMs.median / levels),
    floorWorkMsPerLevel: round(f.workMs.median / levels),
  };
}

/** `node bin/ladder.js check` on the sample, as an editor runs it: the whole command, start-up included. */
async function measureCli() {
  const wall: number[] = [];
  const argv = ['check', '--content', join(ROOT, 'content')];
  await node(join(ROOT, 'bin', 'ladder.js'), argv); // not measured: fills the compile cache
  for (let i = 0; i < checkRuns; i++) wall.push((await node(join(ROOT, 'bin', 'ladder.js'), argv)).ms);
  return { command: 'node bin/ladder.js check (the sample)', wallMs: spread(wall.map((n) => round(n, 1))) };
}

// ---------------------------------------------------------------- astro dev: a save, its diagnostics, the reload

interface DevReport {
  saves: number;
  startMs: number;
  firstPageMs: number;
  toDiagnosticsMs: number[];
  toReloadMs: number[];
}

/** bench/tasks/dev.ts on a copy of the ladder (it edits a level file). */
async function measureDev(size: Size, dir: string, work: string) {
  const copy = join(work, `dev-${size.name}`);
  rmSync(copy, { recursive: true, force: true });
  cpSync(dir, copy, { recursive: true });
  const r = report<DevReport>(await node(join(TASKS, 'dev.ts'), [copy, String(devSaves)]));
  rmSync(copy, { recursive: true, force: true });
  return {
    size: size.name,
    saves: r.saves,
    /** From `astro dev` starting to its first check printed and the server listening. */
    startMs: round(r.startMs, 1),
    /** The first request of a level page, which compiles the routes (not part of the loop). */
    firstPageMs: round(r.firstPageMs, 1),
    /** From the file written to the new diagnostics printed. */
    toDiagnosticsMs: spread(r.toDiagnosticsMs.map((n) => round(n, 1))),
    /** From the file written to the reload sent and the page served again with the saved text. */
    toReloadMs: spread(r.toReloadMs.map((n) => round(n, 1))),
  };
}

// ---------------------------------------------------------------- site build beside plain Astro

/** A plain Astro project with `pages` Markdown pages through a minimal layout, using this project's node_modules. */
function baselineProject(dir: string, pages: number, bodies: string[]): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src', 'pages'), { recursive: true });
  mkdirSync(join(dir, 'src', 'layouts'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'plain-astro-baseline', private: true, type: 'module' }, null, 2)}\n`);
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\n\nexport default defineConfig({\n  cacheDir: './.astro-cache',\n  vite: { cacheDir: './.vite-cache' },\n  trailingSlash: 'always',\n  build: { format: 'directory' },\n  devToolbar: { enabled: false },\n});\n`,
  );
  writeFileSync(
    join(dir, 'src', 'layouts', 'Page.astro'),
    `---\nconst { frontmatter } = Astro.props;\n---\n<!doctype html>\n<html lang="en">\n  <head>\n    <meta charset="utf-8" />\n    <meta name="viewport" content="width=device-width, initial-scale=1" />\n    <title>{frontmatter.title}</title>\n  </head>\n  <body>\n    <main>\n      <h1>{frontmatter.title}</h1>\n      <slot />\n    </main>\n  </body>\n</html>\n`,
  );
  for (let i = 0; i < pages; i++) {
    const name = `page-${String(i + 1).padStart(5, '0')}`;
    writeFileSync(join(dir, 'src', 'pages', `${name}.md`), `---\nlayout: ../layouts/Page.astro\ntitle: Page ${i + 1}\n---\n\n${bodies[i % bodies.length]}`);
  }
}

/** The Markdown bodies of a ladder's level files: the baseline's pages carry the same text. */
function levelBodies(dir: string): string[] {
  const levels = join(dir, 'levels');
  return (readdirSync(levels, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((path) => path.endsWith('.md'))
    .sort()
    .map((path) => {
      const text = readFileSync(join(levels, path), 'utf8');
      const lines = text.split('\n');
      return lines.slice(lines.indexOf('---', 1) + 1).join('\n');
    });
}

/** "2574 page(s) built in 24.41s" (or "in 1m 38s", "in 950ms") from an Astro build log, in ms. */
function astroRenderMs(log: string): number | undefined {
  const match = /page\(s\) built in (?:(\d+)m\s*)?([\d.]+)(m?s)/.exec(log);
  if (!match) return undefined;
  return Number(match[1] ?? 0) * 60_000 + Number(match[2]) * (match[3] === 's' ? 1000 : 1);
}

interface Timed {
  status: number;
  wallMs: number;
  cpuMs: number | null;
}

/** A node script run through bench/tasks/timed.ts: its wall time and the CPU time of it and its children. */
async function timed(script: string, argv: string[], cwd = ROOT): Promise<Timed & { log: string }> {
  const out = await node(join(TASKS, 'timed.ts'), [process.execPath, script, ...argv], cwd);
  return { ...report<Timed>(out), log: out.stdout + out.stderr };
}

async function measureBuild(size: Size, dir: string, work: string) {
  const ours: number[] = [];
  const oursCpu: number[] = [];
  const oursRender: number[] = [];
  let pages = 0;
  const site = join(work, `site-${size.name}`);
  for (let i = 0; i < buildRuns; i++) {
    const out = await timed(join(ROOT, 'bin', 'ladder.js'), ['build', '--content', dir, '--out', site]);
    ours.push(out.wallMs);
    if (out.cpuMs !== null) oursCpu.push(out.cpuMs);
    const render = astroRenderMs(out.log);
    if (render !== undefined) oursRender.push(render);
    pages = htmlFiles(site).length;
    log(`  build ${size.name} run ${i + 1}: ${(out.wallMs / 1000).toFixed(1)} s (CPU ${((out.cpuMs ?? 0) / 1000).toFixed(1)} s), ${pages} pages`);
  }
  const project = join(work, `baseline-${size.name}`);
  baselineProject(project, pages, levelBodies(dir));
  const base: number[] = [];
  const baseCpu: number[] = [];
  const baseRender: number[] = [];
  let basePages = 0;
  for (let i = 0; i < buildRuns; i++) {
    const out = await timed(join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), ['build'], project);
    base.push(out.wallMs);
    if (out.cpuMs !== null) baseCpu.push(out.cpuMs);
    const render = astroRenderMs(out.log);
    if (render !== undefined) baseRender.push(render);
    basePages = htmlFiles(join(project, 'dist')).length;
    log(`  baseline ${size.name} run ${i + 1}: ${(out.wallMs / 1000).toFixed(1)} s (CPU ${((out.cpuMs ?? 0) / 1000).toFixed(1)} s), ${basePages} pages`);
  }
  if (!args.keep) rmSync(project, { recursive: true, force: true });
  const o = spread(ours.map((n) => round(n / 1000, 2)));
  const b = spread(base.map((n) => round(n / 1000, 2)));
  const oc = oursCpu.length ? spread(oursCpu.map((n) => round(n / 1000, 2))) : null;
  const bc = baseCpu.length ? spread(baseCpu.map((n) => round(n / 1000, 2))) : null;
  const oursPerPage = o.median / pages;
  const basePerPage = b.median / basePages;
  return {
    result: {
      size: size.name,
      pages,
      ours: {
        seconds: o,
        cpuSeconds: oc,
        /** Astro's own "N page(s) built in" figure: page rendering alone. */
        renderSeconds: oursRender.length ? spread(oursRender.map((n) => round(n / 1000, 2))) : null,
        pagesPerSecond: round(pages / o.median, 1),
        msPerPage: round(oursPerPage * 1000),
      },
      baseline: {
        pages: basePages,
        seconds: b,
        cpuSeconds: bc,
        renderSeconds: baseRender.length ? spread(baseRender.map((n) => round(n / 1000, 2))) : null,
        pagesPerSecond: round(basePages / b.median, 1),
        msPerPage: round(basePerPage * 1000),
      },
      /** Seconds per page, ours over plain Astro. */
      ratio: round(oursPerPage / basePerPage),
      /** The same on CPU seconds (all threads and child processes). */
      cpuRatio: oc && bc ? round(oc.median / pages / (bc.median / basePages)) : null,
    },
    site,
  };
}

// ---------------------------------------------------------------- page weight

/** Executable scripts of a page: inline bytes, and the files it loads (with their static imports). */
function scripts(site: string, html: string) {
  let inline = 0;
  const files = new Set<string>();
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attributes = match[1] ?? '';
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase();
    if (type && type !== 'module' && type !== 'text/javascript' && type !== 'application/javascript') continue; // data, not code
    const src = /\bsrc\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1];
    if (src) collect(site, src, files);
    else inline += Buffer.byteLength(match[2] ?? '');
  }
  for (const match of html.matchAll(/<link\b[^>]*rel=["']?modulepreload["']?[^>]*>/gi)) {
    const href = /\bhref\s*=\s*["']?([^"'\s>]+)/i.exec(match[0])?.[1];
    if (href) collect(site, href, files);
  }
  let loaded = 0;
  for (const file of files) loaded += statSync(file).size;
  return { inline, files: [...files].map((f) => relative(site, f)), bytes: inline + loaded };
}

/** A script file and the files it imports statically, recursively. */
function collect(site: string, url: string, into: Set<string>): void {
  if (/^[a-z]+:\/\//i.test(url)) return;
  const file = join(site, url.split(/[?#]/)[0]!);
  if (into.has(file) || !existsSync(file)) return;
  into.add(file);
  const code = readFileSync(file, 'utf8');
  for (const match of code.matchAll(/(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)) {
    const target = match[1]!;
    if (target.startsWith('.') || target.startsWith('/'))
      collect(site, target.startsWith('/') ? target : `/${relative(site, join(dirname(file), target))}`, into);
  }
}

function pageWeight(site: string) {
  const html = htmlFiles(site);
  const largest = (pattern: RegExp) => {
    const matching = html.filter((path) => pattern.test(path));
    if (matching.length === 0) return undefined;
    return { path: matching.reduce((a, b) => (statSync(join(site, a)).size >= statSync(join(site, b)).size ? a : b)), of: matching.length };
  };
  const types: Array<[string, { path: string; of: number } | undefined, string]> = [
    ['home', largest(/^index\.html$/), '/'],
    ['level', largest(/^levels\/[^/]+\/[^/]+\/index\.html$/), 'the largest level page'],
    ['promotion', largest(/^levels\/[^/]+\/[^/]+\/next\/index\.html$/), 'the largest /next/ page'],
    ['compare', largest(/^compare\/[^/]+\/[^/]+\/index\.html$/), 'the largest /compare/<family>/<grade>/ page'],
    ['compare picker', largest(/^compare\/index\.html$/), '/compare/'],
    ['search', largest(/^search\/index\.html$/), '/search/'],
  ];
  const pages = types
    .filter((entry): entry is [string, { path: string; of: number }, string] => entry[1] !== undefined)
    .map(([type, found, what]) => {
      const text = readFileSync(join(site, found.path));
      const js = scripts(site, text.toString('utf8'));
      return {
        type,
        what,
        url: `/${found.path.replace(/index\.html$/, '')}`,
        ofPages: found.of,
        htmlBytes: text.length,
        htmlGzipBytes: gzipSync(text, { level: 9 }).length,
        jsBytes: js.bytes,
        inlineJsBytes: js.inline,
        jsFiles: js.files,
      };
    });
  const size = (path: string) => (existsSync(join(site, path)) ? statSync(join(site, path)).size : 0);
  const css = [
    ...new Set(
      html.flatMap((path) =>
        [...readFileSync(join(site, path), 'utf8').matchAll(/<link[^>]+rel=["']?stylesheet["']?[^>]*href=["']?([^"'\s>]+)/g)].map((m) => m[1]!),
      ),
    ),
  ];
  return {
    pages,
    /** The stylesheets shared by every page (cached after the first). */
    cssBytes: css.reduce((sum, href) => sum + size(href), 0),
    /** Loaded by the search page only when it runs: Pagefind's UI and its runtime (the index comes in fragments on top). */
    searchOnUseJsBytes: size('pagefind/pagefind-ui.js') + size('pagefind/pagefind.js'),
  };
}

// ---------------------------------------------------------------- main

async function main() {
  const started = performance.now();
  const work = mkdtempSync(join(tmpdir(), 'parity-bench-'));
  log(`Parity benchmark${quick ? ' (quick)' : ''}: ${checkRuns} run(s) of check and floor, ${buildRuns} of each build; scratch in ${work}`);
  const results = {
    meta: { ...machine(), quick, full: args.full, checkRuns, buildRuns },
    check: [] as Awaited<ReturnType<typeof measureCheck>>[],
    cli: undefined as Awaited<ReturnType<typeof measureCli>> | undefined,
    dev: [] as Awaited<ReturnType<typeof measureDev>>[],
    build: [] as Awaited<ReturnType<typeof measureBuild>>['result'][],
    weight: undefined as ReturnType<typeof pageWeight> | undefined,
    growth: undefined as ReturnType<typeof growth> | undefined,
    targets: [] as Target[],
    seconds: 0,
  };
  try {
    const dirs = new Map<string, string>();
    for (const size of SIZES) {
      if (size.families === undefined) {
        dirs.set(size.name, join(ROOT, 'content'));
        continue;
      }
      const dir = join(work, `ladder-${size.name}`);
      writeLadder(dir, generateLadder({ families: size.families, grades: size.grades!, competencies: 5, seed: 1 }));
      dirs.set(size.name, dir);
      log(`Generated ${levelCount(size.families, size.grades!)} levels in ${dir}`);
    }

    for (const size of part('check') ? SIZES : []) {
      log(`check and floor: ${size.name}`);
      const measured = await measureCheck(size, dirs.get(size.name)!);
      results.check.push(measured);
      log(
        `  check ${measured.check.wallMs.median.toFixed(0)} ms, floor ${measured.floor.wallMs.median.toFixed(0)} ms, ratio ${measured.ratio}, memory ratio ${measured.rssRatio}`,
      );
      if (size.name === 'sample') {
        results.cli = await measureCli();
        log(`  ${results.cli.command}: ${results.cli.wallMs.median.toFixed(0)} ms`);
      }
    }
    for (const size of part('dev') ? SIZES.filter((s) => s.dev) : []) {
      log(`astro dev: ${size.name}`);
      const measured = await measureDev(size, dirs.get(size.name)!, work);
      results.dev.push(measured);
      log(`  save to diagnostics ${measured.toDiagnosticsMs.median.toFixed(0)} ms, save to reload ${measured.toReloadMs.median.toFixed(0)} ms`);
    }
    for (const size of part('build') ? SIZES.filter((s) => s.build) : []) {
      log(`site build: ${size.name}`);
      const { result, site } = await measureBuild(size, dirs.get(size.name)!, work);
      results.build.push(result);
      if (size.name === 'sample') results.weight = pageWeight(site);
    }
    results.growth = growth(results.check);
    results.targets = targets(results);
    results.seconds = round((performance.now() - started) / 1000, 1);
    mkdirSync(dirname(outFile), { recursive: true });
    writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);
    process.stdout.write(table(results));
    process.stdout.write(`\nWrote ${relative(process.cwd(), outFile) || outFile} in ${results.seconds} s.\n`);
  } finally {
    if (!args.keep) rmSync(work, { recursive: true, force: true });
    else log(`Kept ${work}`);
  }
}

/** How check time grows with the ladder: cost per level at each size, and per added level between sizes (marginal). */
function growth(check: Awaited<ReturnType<typeof measureCheck>>[]) {
  const generated = check.filter((c) => c.size !== 'sample').sort((a, b) => a.levels - b.levels);
  const steps = [];
  for (let i = 1; i < generated.length; i++) {
    const a = generated[i - 1]!;
    const b = generated[i]!;
    const added = b.levels - a.levels;
    steps.push({
      from: a.levels,
      to: b.levels,
      marginalCheckMsPerLevel: round((b.check.workMs.median - a.check.workMs.median) / added),
      marginalFloorMsPerLevel: round((b.floor.workMs.median - a.floor.workMs.median) / added),
      marginalCheckCpuMsPerLevel: round((b.check.cpuMs.median - a.check.cpuMs.median) / added),
      marginalFloorCpuMsPerLevel: round((b.floor.cpuMs.median - a.floor.cpuMs.median) / added),
    });
  }
  const first = generated[0];
  const last = generated.at(-1);
  const both = first && last && first !== last;
  return {
    steps,
    /** Check work (after imports) per level at the largest size over the smallest generated size: 1.0 is linear. */
    perLevelGrowth: both ? round(last.checkWorkMsPerLevel / first.checkWorkMsPerLevel) : null,
    floorPerLevelGrowth: both ? round(last.floorWorkMsPerLevel / first.floorWorkMsPerLevel) : null,
    /** The same on CPU time (which includes the fixed start-up, so it reads slightly below 1.0 when linear). */
    perLevelGrowthCpu: both ? round(last.check.cpuMs.median / last.levels / (first.check.cpuMs.median / first.levels)) : null,
  };
}

type Target = { target: string; limit: number; value: number | null; cpuValue: number | null; met: boolean | null };

type Results = {
  check: Awaited<ReturnType<typeof measureCheck>>[];
  cli?: Awaited<ReturnType<typeof measureCli>>;
  dev: Awaited<ReturnType<typeof measureDev>>[];
  build: Awaited<ReturnType<typeof measureBuild>>['result'][];
  weight?: ReturnType<typeof pageWeight>;
  growth?: ReturnType<typeof growth>;
};

/** The targets of issues 6 and 13, judged on this run's medians (CPU time beside them, as a cross-check under load). */
function targets(r: Results) {
  const out: Target[] = [];
  const check1k = r.check.find((c) => c.size === '1000');
  const at = (value: number | undefined | null, limit: number, below = false) =>
    value === undefined || value === null ? null : below ? value < limit : value <= limit;
  out.push({
    target: 'ladder check / floor at 1,000 levels, wall time',
    limit: 1.3,
    value: check1k?.ratio ?? null,
    cpuValue: check1k?.cpuRatio ?? null,
    met: at(check1k?.ratio, 1.3),
  });
  out.push({
    target: '  the same, median of paired runs',
    limit: 1.3,
    value: check1k?.pairedRatio.median ?? null,
    cpuValue: check1k?.pairedCpuRatio.median ?? null,
    met: at(check1k?.pairedRatio.median, 1.3),
  });
  out.push({
    target: '  the same, fastest run over fastest run',
    limit: 1.3,
    value: check1k?.bestRatio ?? null,
    cpuValue: check1k?.bestCpuRatio ?? null,
    met: at(check1k?.bestRatio, 1.3),
  });
  out.push({
    target: 'ladder check / floor at 1,000 levels, peak memory',
    limit: 1.5,
    value: check1k?.rssRatio ?? null,
    cpuValue: null,
    met: at(check1k?.rssRatio, 1.5),
  });
  const has5k = r.check.some((c) => c.size === '5000');
  const growthValue = has5k ? (r.growth?.perLevelGrowth ?? null) : null;
  out.push({
    target: 'ladder check linear to 5,000 levels (per level at 5,000 / at 1,000)',
    limit: 1.25,
    value: growthValue,
    cpuValue: has5k ? (r.growth?.perLevelGrowthCpu ?? null) : null,
    met: at(growthValue, 1.25),
  });
  const cli = r.cli ? round(r.cli.wallMs.median / 1000) : null;
  out.push({ target: 'node bin/ladder.js check on the sample, seconds', limit: 0.25, value: cli, cpuValue: null, met: at(cli, 0.25, true) });
  const dev1k = r.dev.find((d) => d.size === '1000');
  const diagnostics = dev1k ? round(dev1k.toDiagnosticsMs.median / 1000) : null;
  const reload = dev1k ? round(dev1k.toReloadMs.median / 1000) : null;
  out.push({
    target: 'astro dev at 1,000 levels: save to diagnostics, seconds',
    limit: 0.3,
    value: diagnostics,
    cpuValue: null,
    met: at(diagnostics, 0.3, true),
  });
  out.push({ target: 'astro dev at 1,000 levels: save to reload, seconds', limit: 1, value: reload, cpuValue: null, met: at(reload, 1, true) });
  const build1k = r.build.find((b) => b.size === '1000');
  out.push({
    target: 'site build / plain Astro, per page, at 1,000 levels',
    limit: 1,
    value: build1k?.ratio ?? null,
    cpuValue: build1k?.cpuRatio ?? null,
    met: at(build1k?.ratio, 1),
  });
  const level = r.weight?.pages.find((p) => p.type === 'level');
  out.push({
    target: 'largest level page of the sample, KB of HTML',
    limit: 40,
    value: level ? round(level.htmlBytes / 1024, 1) : null,
    cpuValue: null,
    met: level ? level.htmlBytes < 40 * 1024 : null,
  });
  return out;
}

function table(r: Results & { meta: ReturnType<typeof machine> & { checkRuns: number; buildRuns: number }; targets: Target[] }): string {
  const lines: string[] = [];
  const grid = (head: string[], rows: string[][]) => {
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
    // Numbers (with their units and spreads) align right, words left.
    const numeric = head.map((_, i) => rows.length > 0 && rows.every((row) => /^[\d.,()–×\s-]+$|^not measured$/.test(row[i] ?? '')));
    const line = (cells: string[]) => `| ${cells.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
    lines.push(line(head), `|${widths.map((w, i) => (numeric[i] ? `-${'-'.repeat(w)}:` : `-${'-'.repeat(w)}-`)).join('|')}|`, ...rows.map(line), '');
  };
  const ms = (s: Spread) => `${s.median.toFixed(0)} (${s.min.toFixed(0)}–${s.max.toFixed(0)})`;
  const sec = (s: Spread | null) => (s ? `${s.median.toFixed(1)} (${s.min.toFixed(1)}–${s.max.toFixed(1)})` : '–');
  const times = (n: number | null) => (n === null ? '–' : `${n.toFixed(2)}×`);
  const { meta } = r;
  lines.push(
    `Machine: ${meta.cpus} × ${meta.cpuModel}, ${meta.memoryGiB} GiB, Node ${meta.node}; load average ${meta.loadAverage.join(' ')} at start.`,
    `Medians of ${meta.checkRuns} run(s) of check and floor (${Math.min(meta.checkRuns, 3)} of the reference floors), ${meta.buildRuns} of each build; min–max in brackets. Wall time unless marked CPU.`,
    '"paired": the median (and spread) of each check run over the floor run beside it, steadier when the load drifts;',
    '"best": the fastest check over the fastest floor, nearest to an idle machine.',
    '',
    '`ladder check` beside the floor (read the files, parse frontmatter with yaml and Markdown with Sätteri, positions on, nothing else),',
    'and beside two reference floors: the old one (the same with remark) and the fastest reading (the same with js-yaml, no positions in the frontmatter),',
    'a fresh process each run:',
    '',
  );
  const ratios = (s: Spread) => `${s.median.toFixed(2)}× (${s.min.toFixed(2)}–${s.max.toFixed(2)})`;
  grid(
    [
      'ladder',
      'levels',
      'files',
      'check ms',
      'floor ms',
      'check/floor',
      'paired',
      'best',
      'CPU check/floor',
      'paired CPU',
      'check ms/level',
      'check MiB',
      'floor MiB',
      'MiB ratio',
      'remark floor ms',
      'remark MiB',
      'js-yaml floor ms',
      'check/js-yaml',
      'js-yaml MiB',
    ],
    r.check.map((c) => [
      c.size,
      String(c.levels),
      String(c.files),
      ms(c.check.wallMs),
      ms(c.floor.wallMs),
      times(c.ratio),
      ratios(c.pairedRatio),
      times(c.bestRatio),
      times(c.cpuRatio),
      ratios(c.pairedCpuRatio),
      c.checkWorkMsPerLevel.toFixed(2),
      c.check.peakRssMiB.median.toFixed(0),
      c.floor.peakRssMiB.median.toFixed(0),
      times(c.rssRatio),
      ms(c.remarkFloor.wallMs),
      c.remarkFloor.peakRssMiB.median.toFixed(0),
      ms(c.jsYamlFloor.wallMs),
      times(c.jsYamlRatio),
      c.jsYamlFloor.peakRssMiB.median.toFixed(0),
    ]),
  );
  if (r.cli) lines.push(`${r.cli.command}: ${ms(r.cli.wallMs)} ms.`, '');
  if (r.dev.length > 0) {
    lines.push('`astro dev`: a level file saved, its diagnostics printed, the page reloaded (bench/tasks/dev.ts):', '');
    grid(
      ['ladder', 'saves', 'save → diagnostics ms', 'save → reload ms', 'server start ms', 'first page ms'],
      r.dev.map((d) => [d.size, String(d.saves), ms(d.toDiagnosticsMs), ms(d.toReloadMs), d.startMs.toFixed(0), d.firstPageMs.toFixed(0)]),
    );
  }
  if (r.growth && r.growth.steps.length > 0) {
    lines.push('Growth: ms per added level between sizes (in-process work, and CPU):', '');
    grid(
      ['levels', 'check ms', 'floor ms', 'check CPU ms', 'floor CPU ms'],
      r.growth.steps.map((s) => [
        `${s.from} → ${s.to}`,
        s.marginalCheckMsPerLevel.toFixed(2),
        s.marginalFloorMsPerLevel.toFixed(2),
        s.marginalCheckCpuMsPerLevel.toFixed(2),
        s.marginalFloorCpuMsPerLevel.toFixed(2),
      ]),
    );
  }
  if (r.build.length > 0) {
    lines.push('Site build (`ladder build`: check, Astro, Pagefind) beside plain Astro rendering as many Markdown pages:', '');
    grid(
      ['ladder', 'pages', 'ours s', 'pages/s', 'plain Astro s', 'pages/s', 's/page ratio', 'ours CPU s', 'plain CPU s', 'CPU ratio'],
      r.build.map((b) => [
        b.size,
        String(b.pages),
        sec(b.ours.seconds),
        b.ours.pagesPerSecond.toFixed(1),
        sec(b.baseline.seconds),
        b.baseline.pagesPerSecond.toFixed(1),
        times(b.ratio),
        sec(b.ours.cpuSeconds),
        sec(b.baseline.cpuSeconds),
        times(b.cpuRatio),
      ]),
    );
  }
  if (r.weight) {
    lines.push(
      `Page weight of the built sample (the stylesheet, shared and cached: ${r.weight.cssBytes} B; the search page loads ${r.weight.searchOnUseJsBytes} B of Pagefind JS when it runs):`,
      '',
    );
    grid(
      ['page', 'url', 'HTML bytes', 'gzip', 'JS bytes'],
      r.weight.pages.map((p) => [p.type, p.url, String(p.htmlBytes), String(p.htmlGzipBytes), String(p.jsBytes)]),
    );
  }
  lines.push('Targets (issues 6 and 13):', '');
  grid(
    ['target', 'limit', 'measured', 'on CPU time', 'met'],
    r.targets.map((t) => [
      t.target,
      String(t.limit),
      t.value === null ? 'not measured' : String(t.value),
      t.cpuValue === null ? '–' : String(t.cpuValue),
      t.met === null ? '–' : t.met ? 'yes' : 'NO',
    ]),
  );
  return `${lines.join('\n')}`;
}

await main();
