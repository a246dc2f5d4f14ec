/**
 * `ladder build`: check the ladder, build the site with Astro into a staging
 * folder next to the output, index it with Pagefind, then swap it in.
 * A ladder with errors never reaches Astro; any failure removes the staging
 * folder and leaves the previous output as it was.
 */
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { check, contentDir } from '../ladder/check.ts';
import { formatText } from '../ladder/formatters/index.ts';
import { prime } from '../site/ladder.ts';
import { EXIT, UsageError, type Io } from './usage.ts';

export const buildHelp = `Usage: ladder build [--content DIR] [--out DIR]

Checks the ladder, then builds the published site with its search index.
A ladder that "ladder check" rejects is never built: the command prints the
same diagnostics and leaves the output folder untouched.

Options:
  --content DIR   the content directory (default: $LADDER_CONTENT, else ./content)
  --out DIR       the output folder (default: $LADDER_OUT, else ./dist); replaced
                  only once the new site is complete
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
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    io.stdout(buildHelp);
    return EXIT.ok;
  }

  // 1. Check. Nothing is written unless the ladder passes.
  const dir = contentDir(values.content, io.env, io.cwd);
  const result = check(dir);
  const rel = relative(io.cwd, result.dir).replace(/\\/g, '/');
  const prefix = rel === '' ? '' : rel.startsWith('..') ? `${result.dir}/` : `${rel}/`;
  io.stdout(formatText(result.diagnostics, result.summary, { color: io.tty, prefix }));
  if (!result.ok) {
    io.stderr('ladder build: the ladder has errors, so no site was built. Fix them and run "ladder build" again.\n');
    return EXIT.problems;
  }

  const ROOT = projectRoot(io.cwd);
  const out = resolve(io.cwd, values.out ?? io.env.LADDER_OUT ?? 'dist');
  if (out === ROOT || isInside(out, ROOT) || out === result.dir || isInside(out, result.dir)) {
    throw new UsageError(`Refusing to build into ${out}: it holds the project or the ladder`);
  }
  if (existsSync(out) && !statSync(out).isDirectory()) throw new UsageError(`The output ${out} exists and is not a folder`);
  const tag = `${process.pid}-${randomBytes(3).toString('hex')}`;
  const staging = join(dirname(out), `.${basename(out)}.staging-${tag}`);
  const retired = join(dirname(out), `.${basename(out)}.old-${tag}`);
  const cleanups = [staging];

  try {
    mkdirSync(dirname(out), { recursive: true });
    // 2. Astro renders every page from the same check (the pages read $LADDER_CONTENT).
    process.env.LADDER_CONTENT = result.dir;
    // A published site is a production build, whatever the shell or a test runner left behind.
    // Vitest, for one, exports BASE_URL=/, MODE, DEV, PROD and SSR, which Astro would read as
    // import.meta.env and which would silently replace the configured base path.
    process.env.NODE_ENV = 'production';
    for (const name of SHADOWING_ENV) delete process.env[name];
    prime(result);
    const { build } = await import('astro');
    // Astro keeps its intermediate files (the server chunks that render the pages) in
    // <outDir>/.prerender when outDir is inside the working directory, else in the shared
    // <cwd>/.astro/.prerender, and those chunks import packages from node_modules. So Astro runs
    // from the project root, and an output outside the project is built in a folder of its own
    // inside it first, then moved: concurrent builds cannot collide and imports resolve.
    const inside = isInside(ROOT, staging);
    const astroOut = inside ? staging : join(ROOT, '.astro', `ladder-build-${tag}`);
    cleanups.push(astroOut);
    await inDirectory(ROOT, () => build({ root: ROOT, outDir: astroOut, mode: 'production' }));
    if (!existsSync(join(astroOut, 'index.html'))) throw new Error('Astro wrote no index.html');
    if (!inside) move(astroOut, staging);

    // 3. Pagefind indexes the built pages.
    await indexSite(staging);

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
    for (const dir of cleanups) rmSync(dir, { recursive: true, force: true });
    if (error instanceof UsageError) throw error;
    const where = existsSync(out) ? `${out} was left as it was.` : 'Nothing was written.';
    io.stderr(`ladder build: the site could not be built: ${oneLine(error)}. ${where}\n`);
    if (io.env.LADDER_DEBUG && error instanceof Error) io.stderr(`${error.stack ?? ''}\n`);
    return EXIT.problems;
  }
  const pages = relative(io.cwd, out) || '.';
  io.stdout(`✔ Built the site of ${result.ladder.name} into ${pages}/\n`);
  return EXIT.ok;
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
  const line = text.split('\n').find((l) => /[A-Za-z]/.test(l))?.trim() ?? 'unknown error';
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

function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
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

async function indexSite(site: string): Promise<void> {
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`Pagefind: ${errors.join('; ') || 'could not start'}`);
    const added = await index.addDirectory({ path: site });
    if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
    if (added.page_count === 0) throw new Error('Pagefind found no page to index');
    const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
}
