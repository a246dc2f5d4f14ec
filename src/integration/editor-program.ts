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
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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
  /** The base path the program was built for. */
  base: string;
  /** The entry's file name. */
  entry: string;
  /** Every file that went into the program, with the SHA-256 of its content when it was built. */
  inputs: Record<string, string>;
}

const MANIFEST = 'parity-editor-manifest.json';

/**
 * Files of this package that the manifest lists besides those Vite reports:
 * how the program is built and transformed, and every source of the editor
 * and of the core, even one whose code the bundler left out (a change could
 * bring it in).
 */
function packageFiles(): string[] {
  const sources = ['src/editor', 'src/ladder'].flatMap((folder) =>
    readdirSync(join(PACKAGE_ROOT, folder), { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.[cm]?[jt]s$/.test(file))
      .map((file) => join(PACKAGE_ROOT, folder, file)),
  );
  return [...['src/integration/editor.ts', 'src/integration/editor-program.ts', 'package.json'].map((file) => join(PACKAGE_ROOT, file)), ...sources];
}

function sha256(path: string): string | undefined {
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex');
  } catch {
    return undefined;
  }
}

/** Whether every input of a manifest still has the content it was built from (and the base path is the same). */
export function isCurrent(manifest: Manifest, base: string, hash: (path: string) => string | undefined = sha256): boolean {
  if (manifest.base !== base) return false;
  const inputs = Object.entries(manifest.inputs);
  return inputs.length > 0 && inputs.every(([path, digest]) => hash(path) === digest);
}

function readManifest(dir: string): Manifest | undefined {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as Manifest;
    return typeof manifest.base === 'string' && typeof manifest.entry === 'string' && existsSync(join(dir, manifest.entry)) ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The program for a site at `base` ("/" or "/career-ladder/"), from the
 * cache in `cacheDir` when it is current, else built into it. Throws when
 * Vite cannot build it; the caller then bundles the editor with the site
 * as before.
 */
export async function editorProgram(cacheDir: string, base: string): Promise<EditorProgram> {
  const slot = join(cacheDir, `editor-${createHash('sha256').update(base).digest('hex').slice(0, 12)}`);
  // A private copy of the files: another build may replace the cached program while this one is still running.
  const dir = join(tmpdir(), `parity-editor-${randomUUID()}`);
  const cached = readManifest(slot);
  if (cached && isCurrent(cached, base)) {
    try {
      cpSync(slot, dir, { recursive: true });
      rmSync(join(dir, MANIFEST), { force: true });
      return { dir, url: `${base}${PROGRAM_FOLDER}/${cached.entry}`, built: false };
    } catch {
      // Replaced while it was copied: build it.
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const manifest = await build(slot, base, dir);
  return { dir, url: `${base}${PROGRAM_FOLDER}/${manifest.entry}`, built: true };
}

/** Builds the program with Vite into a new folder, copies it to `copy`, then puts it in the slot in one rename. */
async function build(slot: string, base: string, copy: string): Promise<Manifest> {
  const { build: viteBuild } = await import('vite');
  const parent = join(slot, '..');
  mkdirSync(parent, { recursive: true });
  const staging = join(parent, `.building-${randomUUID()}`);
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
    for (const path of packageFiles()) inputs[path] ??= sha256(path) ?? '';
    if (!entry) throw new Error("Vite built the web editor's program without an entry file");
    const manifest: Manifest = { base, entry, inputs };
    cpSync(staging, copy, { recursive: true });
    writeFileSync(join(staging, MANIFEST), JSON.stringify(manifest));
    const old = `${slot}.old-${randomUUID()}`;
    try {
      if (existsSync(slot)) renameSync(slot, old);
      renameSync(staging, slot);
    } catch (error) {
      // Another build put its program in the slot first: the same inputs, so the same program.
      if (readManifest(slot)) return manifest;
      throw error;
    } finally {
      rmSync(old, { recursive: true, force: true });
    }
    return manifest;
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
