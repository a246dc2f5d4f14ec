/**
 * The editing loop in `astro dev`, measured from outside as an editor lives
 * it: start the dev server on a copy of a ladder (argv[2]), open a level page
 * once, then save that level file `argv[3]` times (default 5), and time each
 * save:
 *
 * - save to diagnostics: until the server has printed the new check's
 *   summary in the terminal;
 * - save to reload: until the server has told the browser to reload (Vite's
 *   "full-reload" message on its HMR socket, as /@vite/client receives it)
 *   and the level page, asked for again as the browser would, has come back
 *   whole with the saved text in it.
 *
 * Prints one line of JSON. The server is this repository's own site
 * (astro.config.mjs), pointed at the ladder with LADDER_CONTENT.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = process.argv[2]!;
const saves = Number(process.argv[3] ?? 5);
const TIMEOUT = 180_000;

const port = await new Promise<number>((done) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address() as { port: number };
    probe.close(() => done(port));
  });
});
const base = `http://127.0.0.1:${port}`;

// A level file of the ladder, and its page.
const track = readdirSync(join(dir, 'levels')).sort()[0]!;
const levelFile = join(
  dir,
  'levels',
  track,
  readdirSync(join(dir, 'levels', track))
    .filter((f) => f.endsWith('.md'))
    .sort()[1]!,
);
const url = `${base}/levels/${track}/${levelFile.split('/').at(-1)!.slice(0, -3)}/`;
const original = readFileSync(levelFile, 'utf8');

/** This process's environment without what a test runner adds (NODE_ENV=test, VITEST, MODE...), which would make Astro's dev server serve no pages. */
function ownEnvironment(): NodeJS.ProcessEnv {
  const runner = new Set(['NODE_ENV', 'TEST', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL']);
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !runner.has(key) && !key.startsWith('VITEST')));
}

const started = performance.now();
const server = spawn(process.execPath, [join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)], {
  cwd: ROOT,
  env: { ...ownEnvironment(), LADDER_CONTENT: dir, NO_COLOR: '1', FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1' },
  stdio: ['ignore', 'pipe', 'pipe'],
  detached: true,
});
let output = '';
const waiters: { test: (text: string) => boolean; from: number; done: (at: number) => void }[] = [];
const onOutput = (chunk: Buffer) => {
  const at = performance.now();
  output += chunk.toString();
  for (const waiter of [...waiters]) {
    if (waiter.test(output.slice(waiter.from))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.done(at);
    }
  }
};
server.stdout.on('data', onOutput);
server.stderr.on('data', onOutput);
const stop = () => {
  try {
    process.kill(-server.pid!, 'SIGTERM');
  } catch {
    // already gone
  }
};
process.on('exit', () => {
  writeFileSync(levelFile, original);
  stop();
});
const timeout = <T>(promise: Promise<T>, what: string): Promise<T> =>
  Promise.race([
    promise,
    new Promise<T>((_, fail) => setTimeout(() => fail(new Error(`${what}: no answer in ${TIMEOUT / 1000} s\n${output.slice(-3000)}`)), TIMEOUT).unref()),
  ]);
/** When the server's output, from now on, first matches. */
const printed = (pattern: RegExp, what: string) =>
  timeout(new Promise<number>((done) => waiters.push({ test: (text) => pattern.test(text), from: output.length, done })), what);
/** The check's summary line, as formatText prints it. */
const SUMMARY = /(No problems in \d+ files|\d+ errors?|\d+ warnings?)[^\n]*\n/;

await printed(/127\.0\.0\.1:\d+/, 'the dev server to start');
const ready = performance.now();
// The first request compiles the routes: not measured. A server that has just started may answer before its routes are
// ready (a bare 404): ask again, for up to a minute.
let first = '';
for (let tries = 0; !first.includes('<h1'); tries++) {
  if (tries > 0) {
    if (tries > 240) throw new Error(`${url} did not render a level page:\n${first.slice(0, 500)}\n${output.slice(-2000)}`);
    await new Promise((done) => setTimeout(done, 250));
  }
  first = await timeout(
    fetch(url).then((r) => r.text()),
    'the first page',
  );
}
const firstPage = performance.now();

// Vite's HMR socket, with the token its client script carries.
const client = await (await fetch(`${base}/@vite/client`)).text();
const token = /const wsToken = "([^"]*)"/.exec(client)?.[1] ?? /wsToken\s*=\s*"([^"]*)"/.exec(client)?.[1] ?? '';
const socket = new WebSocket(`ws://127.0.0.1:${port}/?token=${token}`, 'vite-hmr');
await timeout(
  new Promise<void>((done, fail) => {
    socket.addEventListener('open', () => done(), { once: true });
    socket.addEventListener('error', () => fail(new Error('the HMR socket did not open')), { once: true });
  }),
  'the HMR socket',
);
const reloads: ((at: number) => void)[] = [];
socket.addEventListener('message', (event) => {
  const at = performance.now();
  if (JSON.parse(String(event.data)).type === 'full-reload') for (const done of reloads.splice(0)) done(at);
});

const toDiagnostics: number[] = [];
const toReload: number[] = [];
for (let i = 0; i < saves; i++) {
  await new Promise((done) => setTimeout(done, 400));
  const marker = `Edited ${i + 1} ${Date.now()}`;
  const diagnostics = printed(SUMMARY, 'the diagnostics after a save');
  const reloaded = timeout(new Promise<number>((done) => reloads.push(done)), 'the reload after a save');
  const saved = performance.now();
  writeFileSync(levelFile, original.replace(/\n## /, `\n${marker}.\n\n## `));
  const printedAt = await diagnostics;
  await reloaded;
  const page = await timeout(
    fetch(url).then((r) => r.text()),
    'the page after a save',
  );
  const servedAt = performance.now();
  if (!page.includes(marker)) throw new Error(`The page after save ${i + 1} does not show the saved text`);
  toDiagnostics.push(printedAt - saved);
  toReload.push(servedAt - saved);
}
socket.close();
writeFileSync(levelFile, original);
stop();
process.stdout.write(
  `${JSON.stringify({ saves, startMs: ready - started, firstPageMs: firstPage - ready, toDiagnosticsMs: toDiagnostics, toReloadMs: toReload })}\n`,
);
process.exit(0);
