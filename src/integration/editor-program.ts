/**
 * The web editor's program (src/editor/admin.ts: Sveltia CMS, its lazily
 * loaded chunks and the core), built once and reused by every site build
 * until something it is made of changes.
 *
 * The program is the same for every ladder: only the site's base path is
 * baked into it. Bundled with the rest of the site, it cost every build
 * 2.4–2.9 s of Vite's time (some 300 files), whatever the size of the ladder
 * (docs/performance.md). So a build asks for it here: the first build makes
 * it with Vite into Astro's cache folder, with a manifest of every file that
 * went into it and a hash of each; a later build checks those hashes (about
 * 15 MB of files, tens of milliseconds) and reuses the program when none has
 * changed. A change to any of them (a source file of the editor or the core,
 * an updated package) makes it anew.
 *
 * The site's loader (src/editor/load.ts) then imports the program from its
 * place in `_astro/` (vitePluginEditor, `program`), and the build copies the
 * files there. `astro dev` does not use this: it serves the editor from
 * source, as before.
 */
import { createHash, randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { vitePluginEditor } from './editor.ts';
import { PACKAGE_ROOT } from './virtual.ts';

/** Where the program goes in the built site, below the base path: beside Astro's own assets. */
export const PROGRAM_FOLDER = '_astro';

/** The program, ready to copy into a site. */
export interface EditorProgram {
  /** A private copy of its files (removed by `discard()`), as they go into `_astro/`. */
  dir: string;
  /** The URL the site's loader imports: the base path, `_astro/`, the entry's hashed name. */
  url: string;
  /** Whether it was made by this build rather than taken from the cache. */
  built: boolean;
}

interface Manifest {
  /** Where this package was when the program was built: a copied project builds its own. */
  root: string;
  /** The base path the program was built for. */
  base: string;
  /** The entry's file name. */
  entry: string;
  /**
   * Every file that went into the program, and the project's lockfiles, with
   * the SHA-256 of its content when it was built ("" for a file that was not there).
   */
  inputs: Record<string, string>;
}

const MANIFEST = 'parity-editor-manifest.json';

/** The lockfiles a project may have: a dependency updated (Vite, Sveltia, anything they use) changes one of them. */
const LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'yarn.lock', 'bun.lock', 'bun.lockb'];

/**
 * Files that the manifest lists besides those Vite reports: how the program
 * is built and transformed, every source of the editor and of the core (even
 * one whose code the bundler left out: a change could bring it in), and the
 * lockfiles of the project and of this package.
 */
function watchedFiles(projectRoot: string): string[] {
  const sources = ['src/editor', 'src/ladder'].flatMap((folder) =>
    readdirSync(join(PACKAGE_ROOT, folder), { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.[cm]?[jt]s$/.test(file))
      .map((file) => join(PACKAGE_ROOT, folder, file)),
  );
  const own = ['src/integration/editor.ts', 'src/integration/editor-program.ts', 'package.json'].map((file) => join(PACKAGE_ROOT, file));
  const locks = [...new Set([projectRoot, PACKAGE_ROOT])].flatMap((dir) => LOCKFILES.map((file) => join(dir, file)));
  return [...new Set([...own, ...sources, ...locks])];
}

function sha256(path: string): string | undefined {
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex');
  } catch {
    return undefined;
  }
}

/** The SHA-256 of each file, "" for one that is not there. */
function digests(paths: readonly string[]): Record<string, string> {
  return Object.fromEntries(paths.map((path) => [path, sha256(path) ?? '']));
}

/** Whether a manifest is for this package and base path, and every input still has the content it was built from. */
export function isCurrent(manifest: Manifest, base: string, hash: (path: string) => string | undefined = sha256): boolean {
  if (manifest.root !== PACKAGE_ROOT || manifest.base !== base) return false;
  const inputs = Object.entries(manifest.inputs);
  return inputs.length > 0 && inputs.every(([path, digest]) => (hash(path) ?? '') === digest);
}

function readManifest(dir: string): Manifest | undefined {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as Manifest;
    const valid = typeof manifest.root === 'string' && typeof manifest.base === 'string' && typeof manifest.entry === 'string';
    return valid && typeof manifest.inputs === 'object' && existsSync(join(dir, manifest.entry)) ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/** What an interrupted build left (a build stopped by a signal runs no clean-up): folders of this module's naming, a day old. */
function removeLeftovers(cacheDir: string): void {
  const dayAgo = Date.now() - 24 * 60 * 60 * 1000;
  const old = (dir: string, name: string, pattern: RegExp) => {
    if (!pattern.test(name)) return;
    try {
      if (statSync(join(dir, name)).mtimeMs < dayAgo) rmSync(join(dir, name), { recursive: true, force: true });
    } catch {
      // Gone already, or not ours to look at.
    }
  };
  for (const name of safeList(cacheDir)) old(cacheDir, name, /^(\.building-|editor-[0-9a-f]{12}\.old-)[0-9a-f-]{36}$/);
  for (const name of safeList(tmpdir())) old(tmpdir(), name, /^parity-editor-[0-9a-f-]{36}$/);
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/**
 * The program for a site at `base` ("/" or "/career-ladder/") of the
 * project at `projectRoot`, from the cache in `cacheDir` when it is
 * current, else built (and put in the cache). Throws when Vite cannot build
 * it; the caller then bundles the editor with the site as before.
 */
export async function editorProgram(cacheDir: string, base: string, projectRoot: string): Promise<EditorProgram> {
  removeLeftovers(cacheDir);
  const slot = join(cacheDir, `editor-${createHash('sha256').update(base).digest('hex').slice(0, 12)}`);
  // A private copy of the files, which this build alone uses: another build may replace the cached program meanwhile.
  const dir = join(tmpdir(), `parity-editor-${randomUUID()}`);
  if (readManifest(slot)) {
    try {
      cpSync(slot, dir, { recursive: true });
      // The manifest of what was copied, not of what the slot holds now.
      const copied = readManifest(dir);
      if (copied && isCurrent(copied, base)) {
        rmSync(join(dir, MANIFEST), { force: true });
        return { dir, url: `${base}${PROGRAM_FOLDER}/${copied.entry}`, built: false };
      }
    } catch {
      // Replaced or removed while it was copied: build it.
    }
    rmSync(dir, { recursive: true, force: true });
  }
  try {
    const entry = await build(slot, base, dir, projectRoot);
    return { dir, url: `${base}${PROGRAM_FOLDER}/${entry}`, built: true };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Builds the program with Vite into a new folder and copies it to `copy`;
 * then, if no watched file changed while it was built, puts it in the slot
 * with its manifest, in one rename. Returns the entry's file name.
 */
async function build(slot: string, base: string, copy: string, projectRoot: string): Promise<string> {
  const { build: viteBuild } = await import('vite');
  const parent = join(slot, '..');
  mkdirSync(parent, { recursive: true });
  const staging = join(parent, `.building-${randomUUID()}`);
  const watched = watchedFiles(projectRoot);
  const before = digests(watched);
  try {
    const output = await viteBuild({
      configFile: false,
      root: PACKAGE_ROOT,
      base: `${base}${PROGRAM_FOLDER}/`,
      logLevel: 'silent',
      plugins: [vitePluginEditor()],
      build: {
        outDir: staging,
        emptyOutDir: true,
        assetsDir: '',
        copyPublicDir: false,
        // As in the site's own build (src/integration/index.ts): scripts are files, never inlined.
        assetsInlineLimit: (file: string) => (/\.[cm]?js$/.test(file) ? false : undefined),
        chunkSizeWarningLimit: 4096,
        rollupOptions: {
          input: join(PACKAGE_ROOT, 'src/editor/admin.ts'),
          preserveEntrySignatures: 'exports-only',
          output: { entryFileNames: 'admin.[hash].js', chunkFileNames: '[name].[hash].js', assetFileNames: '[name].[hash][extname]' },
        },
      },
    });
    const outputs = Array.isArray(output) ? output : [output];
    const inputs: Record<string, string> = {};
    let entry: string | undefined;
    for (const result of outputs) {
      if (!('output' in result)) continue;
      for (const item of result.output) {
        if (item.type !== 'chunk') continue;
        if (item.isEntry) entry = item.fileName;
        for (const id of item.moduleIds ?? Object.keys(item.modules)) {
          const path = id.split('?')[0]!;
          if (!isAbsolute(path) || inputs[path] !== undefined) continue;
          const digest = sha256(path);
          if (digest !== undefined) inputs[path] = digest;
        }
      }
    }
    if (!entry) throw new Error("Vite built the web editor's program without an entry file");
    cpSync(staging, copy, { recursive: true });
    // A file saved while Vite read the sources: this build uses what Vite read, and the cache is left as it was.
    const after = digests(watched);
    if (watched.some((path) => after[path] !== before[path])) return entry;
    const manifest: Manifest = { root: PACKAGE_ROOT, base, entry, inputs: { ...inputs, ...before } };
    writeFileSync(join(staging, MANIFEST), JSON.stringify(manifest));
    const old = `${slot}.old-${randomUUID()}`;
    try {
      if (existsSync(slot)) renameSync(slot, old);
      renameSync(staging, slot);
    } catch {
      // Another build put its program there at the same moment: this build has its own copy either way.
    } finally {
      rmSync(old, { recursive: true, force: true });
    }
    return entry;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** The program's files, copied into the built site's `_astro/` folder. */
export function installProgram(program: EditorProgram, outDir: string): void {
  const target = join(outDir, PROGRAM_FOLDER);
  mkdirSync(target, { recursive: true });
  for (const name of readdirSync(program.dir)) cpSync(join(program.dir, name), join(target, name), { recursive: true });
}

/** Removes the private copy. */
export function discard(program: EditorProgram | undefined): void {
  if (program) rmSync(program.dir, { recursive: true, force: true });
}
