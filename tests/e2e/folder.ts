/**
 * A folder on disk, handed to a page as if the person had picked it in the
 * browser's folder picker: what the web editor's "Work with Local
 * Repository" asks for (the File System Access API's showDirectoryPicker).
 *
 * Headless Chromium cannot answer that picker: with a file-chooser listener
 * it aborts the call ("Intercepted by Page.setInterceptFileChooserDialog()"),
 * without one nothing can pick; a folder dropped in through DevTools arrives
 * readable but its write permission is a prompt that headless Chromium
 * denies. So the page's showDirectoryPicker is replaced, before any script
 * runs, by one that returns a directory handle with the standard methods
 * (entries, getFileHandle, getDirectoryHandle, removeEntry, getFile,
 * createWritable, move), each carried out by the test on the real folder
 * through a binding. The editor's own code runs unchanged: it reads and
 * writes the files on disk that the test then compares.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import type { BrowserContext } from 'playwright-core';

type Op =
  | { op: 'list'; path: string }
  | { op: 'kind'; path: string }
  | { op: 'read'; path: string }
  | { op: 'write'; path: string; base64: string }
  | { op: 'mkdir'; path: string }
  | { op: 'touch'; path: string }
  | { op: 'remove'; path: string; recursive: boolean }
  | { op: 'move'; from: string; to: string };

/** The requests the page made of the folder, for a test to look at. */
export interface FolderLog {
  writes: string[];
  removals: string[];
}

/** Gives every page of `context` the folder `root` as the answer to showDirectoryPicker(). */
export async function grantFolder(context: BrowserContext, root: string): Promise<FolderLog> {
  const top = resolve(root);
  const log: FolderLog = { writes: [], removals: [] };
  const inside = (path: string) => {
    const full = resolve(top, path);
    if (full !== top && !full.startsWith(top + sep)) throw new Error(`outside the folder: ${path}`);
    return full;
  };
  await context.exposeBinding('__parityFolder', (_source, request: Op) => {
    switch (request.op) {
      case 'list':
        return readdirSync(inside(request.path), { withFileTypes: true }).map((e) => ({ name: e.name, kind: e.isDirectory() ? 'directory' : 'file' }));
      case 'kind': {
        const full = inside(request.path);
        return existsSync(full) ? (statSync(full).isDirectory() ? 'directory' : 'file') : null;
      }
      case 'read': {
        const full = inside(request.path);
        return { base64: readFileSync(full).toString('base64'), lastModified: statSync(full).mtimeMs };
      }
      case 'write':
        log.writes.push(request.path);
        writeFileSync(inside(request.path), Buffer.from(request.base64, 'base64'));
        return null;
      case 'mkdir':
        mkdirSync(inside(request.path), { recursive: true });
        return null;
      case 'touch':
        if (!existsSync(inside(request.path))) writeFileSync(inside(request.path), '');
        return null;
      case 'remove':
        log.removals.push(request.path);
        rmSync(inside(request.path), { recursive: request.recursive, force: false });
        return null;
      case 'move':
        log.writes.push(request.to);
        mkdirSync(dirname(inside(request.to)), { recursive: true });
        renameSync(inside(request.from), inside(request.to));
        return null;
    }
  });
  await context.addInitScript(installPicker, basename(top));
  return log;
}

/** Runs in the page: showDirectoryPicker() answers with the granted folder. */
function installPicker(rootName: string): void {
  type Call = (request: unknown) => Promise<unknown>;
  const call = (request: unknown) => (window as unknown as { __parityFolder: Call }).__parityFolder(request);
  const join = (a: string, b: string) => (a ? `${a}/${b}` : b);
  const notFound = (name: string) => new DOMException(`"${name}" was not found`, 'NotFoundError');
  const mismatch = (name: string) => new DOMException(`"${name}" is not of the kind asked for`, 'TypeMismatchError');
  // Methods live on the prototypes: the editor stores the handle in IndexedDB, which copies own properties only.
  const granted = () => 'granted' as PermissionState;

  class FileHandle {
    readonly kind = 'file';
    name: string;
    path: string;
    constructor(name: string, path: string) {
      this.name = name;
      this.path = path;
    }
    async getFile(): Promise<File> {
      const { base64, lastModified } = (await call({ op: 'read', path: this.path })) as { base64: string; lastModified: number };
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      return new File([bytes], this.name, { lastModified });
    }
    async createWritable() {
      const parts: BlobPart[] = [];
      const path = this.path;
      return {
        async write(data: unknown) {
          const chunk =
            data && typeof data === 'object' && 'type' in data && (data as { type: string }).type === 'write'
              ? (data as unknown as { data: BlobPart }).data
              : data;
          parts.push(chunk as BlobPart);
        },
        async truncate() {},
        async seek() {},
        async abort() {},
        async close() {
          const buffer = new Uint8Array(await new Blob(parts).arrayBuffer());
          let binary = '';
          for (const byte of buffer) binary += String.fromCharCode(byte);
          await call({ op: 'write', path, base64: btoa(binary) });
        },
      };
    }
    async move(target: DirectoryHandle | string, name?: string) {
      const [dir, newName] = typeof target === 'string' ? [this.path.split('/').slice(0, -1).join('/'), target] : [target.path, name ?? this.name];
      const to = join(dir, newName);
      await call({ op: 'move', from: this.path, to });
      this.path = to;
      this.name = newName;
    }
    async isSameEntry(other: { path?: string }) {
      return other?.path === this.path;
    }
    async queryPermission() {
      return granted();
    }
    async requestPermission() {
      return granted();
    }
  }

  class DirectoryHandle {
    readonly kind = 'directory';
    name: string;
    path: string;
    constructor(name: string, path: string) {
      this.name = name;
      this.path = path;
    }
    async *entries(): AsyncGenerator<[string, FileHandle | DirectoryHandle]> {
      for (const { name, kind } of (await call({ op: 'list', path: this.path })) as { name: string; kind: string }[]) {
        yield [name, kind === 'directory' ? new DirectoryHandle(name, join(this.path, name)) : new FileHandle(name, join(this.path, name))];
      }
    }
    async *values() {
      for await (const [, handle] of this.entries()) yield handle;
    }
    async *keys() {
      for await (const [name] of this.entries()) yield name;
    }
    [Symbol.asyncIterator]() {
      return this.entries();
    }
    async getFileHandle(name: string, options: { create?: boolean } = {}) {
      const path = join(this.path, name);
      const kind = await call({ op: 'kind', path });
      if (kind === 'directory') throw mismatch(name);
      if (kind === null) {
        if (!options.create) throw notFound(name);
        await call({ op: 'touch', path });
      }
      return new FileHandle(name, path);
    }
    async getDirectoryHandle(name: string, options: { create?: boolean } = {}) {
      const path = join(this.path, name);
      const kind = await call({ op: 'kind', path });
      if (kind === 'file') throw mismatch(name);
      if (kind === null) {
        if (!options.create) throw notFound(name);
        await call({ op: 'mkdir', path });
      }
      return new DirectoryHandle(name, path);
    }
    async removeEntry(name: string, options: { recursive?: boolean } = {}) {
      const path = join(this.path, name);
      if ((await call({ op: 'kind', path })) === null) throw notFound(name);
      await call({ op: 'remove', path, recursive: Boolean(options.recursive) });
    }
    async resolve(other: { path: string }) {
      return other.path === this.path
        ? []
        : other.path.startsWith(`${this.path}/`) || this.path === ''
          ? other.path.slice(this.path ? this.path.length + 1 : 0).split('/')
          : null;
    }
    async isSameEntry(other: { path?: string }) {
      return other?.path === this.path;
    }
    async queryPermission() {
      return granted();
    }
    async requestPermission() {
      return granted();
    }
  }

  Object.defineProperty(window, 'showDirectoryPicker', { configurable: true, value: async () => new DirectoryHandle(rootName, '') });
}

/** Every file below `dir` (forward slashes), for comparing a folder before and after. */
export function filesBelow(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const full = join(dir, file);
    if (statSync(full).isFile()) out[file.split(sep).join('/')] = readFileSync(full, 'utf8');
  }
  return out;
}
