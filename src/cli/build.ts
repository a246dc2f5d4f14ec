/**
 * `ladder build`: check the ladder, build the site with Astro into a staging
 * folder next to the output, index it with Pagefind, then swap it in.
 * A ladder with errors never reaches Astro; any failure removes the staging
 * folder and leaves the previous output as it was.
 */
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, parse, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { check } from '../ladder/check.ts';
import { readEnv } from '../environment.ts';
import { notedOptions, noteOptions } from '../integration/options.ts';
import { formatText } from '../ladder/formatters/index.ts';
import { visible } from '../ladder/text.ts';
import { isAudience, showsAmounts, type Audience } from '../site/audience.ts';
import { setBuildAudience, setBuildContent, siteConfig } from '../site/config.ts';
import { prime } from '../site/ladder.ts';
import { isInside, realish } from './confine.ts';
import { contentFor } from './content.ts';
import { EXIT, UsageError, type Io } from './usage.ts';

export const buildHelp = `Usage: ladder build [--content DIR] [--out DIR] [--audience public|internal]

Checks the ladder, then builds the published site with its search index
(none when the config turns search off).
A ladder that "ladder check" rejects is never built: the command prints the
same diagnostics and leaves the output folder untouched.

Options:
  --content DIR   the content directory (default: $LADDER_CONTENT, else the
                  project's parity({ content }), else ./content)
  --out DIR       the output folder (default: $LADDER_OUT, else ./dist); replaced
                  only once the new site is complete
  --audience WHO  public (the default) or internal. A ladder whose ladder.md
                  sets visibility.pay: internal is published without any pay
                  amount, unless the audience is internal: then the site has
                  every amount, /pay/ and /ladder-pay.csv, for a host behind
                  the company's sign-in (docs/publishing.md)
  -h, --help      show this help

It builds the Astro project of the working directory (its astro.config.mjs and
parity({...}) options, docs/configuration.md). Environment: LADDER_SITE (the
site's URL, for absolute links in print and ladder.csv) and LADDER_BASE (a
sub-path such as /careers) apply when the config sets no site or base.

Exit codes: 0 built, 1 the ladder has errors or the build failed, 2 bad usage.
`;

/** Names of Astro's built-in import.meta.env values: set in the environment, they override the config. */
const SHADOWING_ENV = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'SITE', 'ASSETS_PREFIX'] as const;

/** Parity's own folder: the project built when the working directory has no Astro project of its own. */
const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url)).replace(/[\\/]$/, '');
const CONFIG_FILES = ['astro.config.mjs', 'astro.config.js', 'astro.config.ts', 'astro.config.mts'];

/**
 * The content directory that the project's astro.config names with
 * parity({ content }), read by importing the config (parity() notes its
 * options); undefined for Parity's own project, a config Node cannot import
 * on its own (Astro then reports any problem itself), or one without parity().
 * A mistake in the options (parity() throws) is thrown.
 */
async function configuredContent(root: string): Promise<string | undefined> {
  if (root === PACKAGE_ROOT) return undefined;
  const file = CONFIG_FILES.map((name) => join(root, name)).find((path) => existsSync(path));
  if (!file) return undefined;
  noteOptions(undefined);
  try {
    // A query of its own each time: Node caches modules, and a process may build several projects.
    await import(`${pathToFileURL(file).href}?parity-build=${randomBytes(4).toString('hex')}`);
  } catch (error) {
    if ((error as { name?: unknown } | null)?.name === 'AstroUserError') throw error;
    return undefined;
  }
  const options = notedOptions();
  return options ? resolve(root, options.content) : undefined;
}

/** The Astro project to build: the nearest folder from `cwd` up that has an astro.config, else Parity's own. */
export function projectRoot(cwd: string): string {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (CONFIG_FILES.some((name) => existsSync(join(dir, name)))) return dir;
    if (dirname(dir) === dir) return PACKAGE_ROOT;
  }
}

export async function runBuild(argv: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      content: { type: 'string' },
      out: { type: 'string' },
      audience: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    io.stdout(buildHelp);
    return EXIT.ok;
  }

  if (values.audience !== undefined && !isAudience(values.audience)) {
    throw new UsageError(`--audience is public or internal, not "${values.audience}"`);
  }
  const audience: Audience = values.audience ?? 'public';

  // 0. Where the site goes: refused at once, before any work, when it is unsafe.
  const ROOT = projectRoot(io.cwd);
  const env = readEnv(io.env);
  // The content: --content, else $LADDER_CONTENT, else the project's parity({ content }), else ./content.
  let configured: string | undefined;
  if (values.content === undefined && env.content === undefined) {
    try {
      configured = await configuredContent(ROOT);
    } catch (error) {
      io.stderr(`ladder build: the site could not be built: ${visible(oneLine(error))}. Nothing was written.\n`);
      return EXIT.problems;
    }
  }
  const dir = configured ?? contentFor(values.content, io);
  const out = outputDir(values.out ?? env.out ?? 'dist', io.cwd, dir, ROOT);

  // 1. Check. Nothing is written unless the ladder passes.
  const result = check(dir);
  const rel = relative(io.cwd, result.dir).replace(/\\/g, '/');
  const prefix = rel === '' ? '' : rel.startsWith('..') ? `${result.dir}/` : `${rel}/`;
  io.stdout(formatText(result.diagnostics, result.summary, { color: io.tty, prefix }));
  if (!result.ok) {
    io.stderr('ladder build: the ladder has errors, so no site was built. Fix them and run "ladder build" again.\n');
    return EXIT.problems;
  }

  // What killed builds left behind (only folders marked as Parity's, of processes that are gone).
  removeDebris(out, ROOT);
  const tag = `${process.pid}-${randomBytes(3).toString('hex')}`;
  const staging = join(dirname(out), `.${basename(out)}.staging-${tag}`);
  const retired = join(dirname(out), `.${basename(out)}.old-${tag}`);
  // Astro renders into a folder of the project's own .astro/ (it empties its outDir first, so the
  // folder is claimed by a file beside it), which is then moved next to the output.
  const astroOut = join(ROOT, '.astro', `ladder-build-${tag}`);
  const claim = `${astroOut}${CLAIM}`;
  const cleanups = [staging, astroOut, claim];

  try {
    mkdirSync(dirname(out), { recursive: true });
    mkdirSync(dirname(astroOut), { recursive: true });
    writeFileSync(claim, `${process.pid}\n`);
    // 2. Astro renders every page from the same check: the integration takes this content directory, and the audience.
    setBuildContent(result.dir);
    setBuildAudience(audience);
    // A published site is a production build, whatever the shell or a test runner left behind.
    // Vitest, for one, exports BASE_URL=/, MODE, DEV, PROD and SSR, which Astro would read as
    // import.meta.env and which would silently replace the configured base path.
    process.env.NODE_ENV = 'production';
    for (const name of SHADOWING_ENV) delete process.env[name];
    prime(result);
    const { build } = await import('astro');
    // Astro keeps its intermediate files (the server chunks that render the pages) in
    // <outDir>/.prerender when outDir is inside the working directory, and those chunks import
    // packages from node_modules. So Astro runs from the project root into a folder of its own
    // inside it: concurrent builds cannot collide and imports resolve.
    try {
      await inDirectory(ROOT, () => build({ root: ROOT, outDir: astroOut, mode: 'production' }));
    } finally {
      setBuildContent(undefined);
      setBuildAudience(undefined);
    }
    if (!existsSync(join(astroOut, 'index.html'))) throw new Error('Astro wrote no index.html');
    writeFileSync(join(astroOut, MARKER), MARKER_TEXT);
    move(astroOut, staging);
    rmSync(claim, { force: true });

    // 3. Pagefind indexes the built pages, unless the site has no search (parity({ pages: { search: false } })).
    if (siteConfig().pages.search) indexSite(staging);

    // 4. Swap the new site in: rename the old one away, rename the new one in, then delete the old.
    if (existsSync(out)) renameSync(out, retired);
    try {
      renameSync(staging, out);
    } catch (error) {
      if (existsSync(retired)) renameSync(retired, out);
      throw error;
    }
    rmSync(retired, { recursive: true, force: true });
  } catch (error) {
    for (const path of cleanups) rmSync(path, { recursive: true, force: true });
    if (error instanceof UsageError) throw error;
    const where = existsSync(out) ? `${out} was left as it was.` : 'Nothing was written.';
    io.stderr(`ladder build: the site could not be built: ${visible(oneLine(error))}. ${visible(where)}\n`);
    if (env.debug && error instanceof Error) io.stderr(`${error.stack ?? ''}\n`);
    return EXIT.problems;
  }
  const pages = relative(io.cwd, out) || '.';
  io.stdout(`✔ Built the site of ${visible(result.ladder.name)} into ${visible(pages)}/\n`);
  if (result.ladder.visibility.pay === 'internal') {
    io.stdout(
      showsAmounts(result.ladder.visibility.pay, audience)
        ? '  For employees only: this site shows pay amounts (--audience internal). Host it behind your sign-in (docs/publishing.md).\n'
        : '  Without pay amounts: ladder.md sets visibility.pay: internal. "ladder build --audience internal" builds the site with them.\n',
    );
  }
  return EXIT.ok;
}

/**
 * The output folder, resolved and checked before anything is built: not the
 * root of a file system, not the project, not the ladder or inside it (nor
 * holding it), not a link, and either missing, empty, or a previous site of
 * `ladder build` (it has the marker file). Anything else is a UsageError (exit 2).
 */
export function outputDir(given: string, cwd: string, content: string, project: string = projectRoot(cwd)): string {
  if (given.trim() === '') throw new UsageError('--out needs a folder: it was given an empty path');
  const out = resolve(cwd, given);
  const real = realish(out);
  const ladder = realish(content);
  const root = realish(project);
  if (parse(out).root === out) throw new UsageError(`Refusing to build into ${out}: it is the root of the file system`);
  if (real === ladder || isInside(ladder, real))
    throw new UsageError(
      `Refusing to build into ${out}: it is inside the ladder's content folder ${content}, and the site would become part of the ladder. Choose a folder outside it, such as ./dist`,
    );
  if (isInside(real, ladder))
    throw new UsageError(`Refusing to build into ${out}: it holds the ladder's content folder ${content}, which the build would replace`);
  if (real === root || isInside(real, root) || (isInside(root, real) && !realIsBuildable(real, root))) {
    throw new UsageError(`Refusing to build into ${out}: it holds the project`);
  }
  let stat;
  try {
    stat = lstatSync(out);
  } catch {
    return out;
  }
  if (stat.isSymbolicLink()) throw new UsageError(`Refusing to build into ${out}: it is a symbolic link; give the folder it points to`);
  if (!stat.isDirectory()) throw new UsageError(`The output ${out} exists and is not a folder`);
  const entries = readdirSync(out);
  if (entries.length > 0 && !isParitySite(out)) {
    throw new UsageError(
      `Refusing to build into ${out}: it holds files that "ladder build" did not write (it has no ${MARKER} file), and the build replaces the whole folder. Choose an empty or new folder`,
    );
  }
  return out;
}

/** Inside the project, only a folder of its own below the top (such as ./dist) may take the site: never a source folder. */
function realIsBuildable(real: string, root: string): boolean {
  const top = relative(root, real).split(sep)[0] ?? '';
  return !['src', 'node_modules', 'content', 'tests', 'docs', 'bin', 'public', 'bench', '.git', '.astro', '.github'].includes(top);
}

/** The file that marks a folder as a site written by `ladder build`: only such a folder is ever replaced. */
export const MARKER = '.parity-site';
const MARKER_TEXT = 'This folder was written by "ladder build" (Parity). The next build replaces it whole.\n';
/** The suffix of the file that claims a folder of .astro/ for a running build. */
const CLAIM = '.parity-build';

function isParitySite(dir: string): boolean {
  try {
    return lstatSync(join(dir, MARKER)).isFile();
  } catch {
    return false;
  }
}

/**
 * Removes what killed builds left: `.<out>.staging-<pid>-<tag>` and
 * `.<out>.old-<pid>-<tag>` beside the output when they carry the marker, and
 * `.astro/ladder-build-<pid>-<tag>` when its claim file is there, in each case
 * only when that process is gone.
 */
export function removeDebris(out: string, project: string): void {
  const parent = dirname(out);
  const name = basename(out).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const beside = new RegExp(`^\\.${name}\\.(?:staging|old)-(\\d+)-[0-9a-f]+$`);
  for (const entry of list(parent)) {
    const pid = beside.exec(entry)?.[1];
    const path = join(parent, entry);
    if (pid && !running(Number(pid)) && isParitySite(path) && !lstatSync(path).isSymbolicLink()) rmSync(path, { recursive: true, force: true });
  }
  const astro = join(project, '.astro');
  const own = /^ladder-build-(\d+)-[0-9a-f]+$/;
  for (const entry of list(astro)) {
    const pid = own.exec(entry)?.[1];
    if (!pid || running(Number(pid)) || !existsSync(join(astro, `${entry}${CLAIM}`))) continue;
    rmSync(join(astro, entry), { recursive: true, force: true });
    rmSync(join(astro, `${entry}${CLAIM}`), { force: true });
  }
  // A claim whose folder is already gone.
  for (const entry of list(astro)) {
    const pid = own.exec(entry.slice(0, -CLAIM.length))?.[1];
    if (entry.endsWith(CLAIM) && pid && !running(Number(pid)) && !existsSync(join(astro, entry.slice(0, -CLAIM.length))))
      rmSync(join(astro, entry), { force: true });
  }
}

function list(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** Whether a process with this id is running (signal 0 tests without sending anything). */
function running(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** One line that says what went wrong: Astro's and Zod's errors carry a title or issues, others a message. */
function oneLine(error: unknown): string {
  const e = error as { title?: unknown; issues?: { path?: unknown[]; message?: unknown }[]; message?: unknown };
  const issue = Array.isArray(e?.issues) ? e.issues[0] : undefined;
  if (issue && typeof issue.message === 'string') {
    const path = Array.isArray(issue.path) && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return `${path}${issue.message}`;
  }
  const text = typeof e?.message === 'string' ? e.message : String(error);
  const line =
    text
      .split('\n')
      .find((l) => /[A-Za-z]/.test(l))
      ?.trim() ?? 'unknown error';
  const title = typeof e?.title === 'string' && e.title !== line ? `${e.title}: ` : '';
  return `${title}${line}`.replace(/[.\s]+$/, '');
}

/** Runs a task with the process in another working directory, then returns to the first. */
async function inDirectory<T>(dir: string, task: () => Promise<T>): Promise<T> {
  const previous = process.cwd();
  if (previous === dir) return task();
  process.chdir(dir);
  try {
    return await task();
  } finally {
    process.chdir(previous);
  }
}

/** Renames a folder, or copies it when it is on another file system. */
function move(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

/**
 * Pagefind indexes the site in a process of its own: its engine is a native
 * program that, on a full disk, panics (with Rust's text on stderr) and leaves
 * its Node API waiting forever. Here its output is kept, and a failure becomes
 * one line: "Pagefind could not write the search index: No space left on device".
 */
export function indexSite(site: string): void {
  const script = `
    const pagefind = await import('pagefind');
    const fail = async (text) => { process.stdout.write(JSON.stringify({ error: text })); await pagefind.close(); process.exit(1); };
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) await fail(errors.join('; ') || 'it could not start');
    const added = await index.addDirectory({ path: process.argv[1] });
    if (added.errors.length > 0) await fail(added.errors.join('; '));
    if (added.page_count === 0) await fail('it found no page to index');
    const written = await index.writeFiles({ outputPath: process.argv[2] });
    if (written.errors.length > 0) await fail(written.errors.join('; '));
    process.stdout.write(JSON.stringify({ pages: added.page_count }));
    await pagefind.close();
  `;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script, site, join(site, 'pagefind')], {
    cwd: PACKAGE_ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 30 * 60 * 1000,
  });
  let reply: { pages?: number; error?: string } = {};
  try {
    reply = JSON.parse(run.stdout || '{}') as typeof reply;
  } catch {
    reply = {};
  }
  if (run.status === 0 && reply.pages !== undefined) return;
  throw new Error(
    `Pagefind could not write the search index: ${reply.error ?? pagefindProblem(run.stderr ?? '', run.error?.message ?? (run.signal ? `it was stopped (${run.signal})` : `it exited with code ${run.status}`))}`,
  );
}

/** The cause in Pagefind's own output (a Rust panic names the OS error), else the fallback. */
export function pagefindProblem(stderr: string, fallback: string): string {
  const os =
    /message: "([^"]+)"/.exec(stderr)?.[1] ??
    /(No space left on device|Permission denied|Read-only file system|Disk quota exceeded|Too many open files)/i.exec(stderr)?.[1];
  if (os) return os;
  const line = stderr
    .split('\n')
    .map((l) => l.trim())
    .find((l) => /[A-Za-z]/.test(l) && !/^(note|stack backtrace):/.test(l));
  return line ? `${fallback}: ${line.slice(0, 200)}` : fallback;
}
