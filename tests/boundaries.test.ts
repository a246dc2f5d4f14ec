/**
 * The boundaries the architecture promises (docs/configuration.md, "The
 * core"): src/ladder/ is the core, framework-free. It imports only itself
 * and libraries; it never runs git or another program, and reads no
 * environment variable. Git lives in src/git/, URLs in src/site/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/ladder.ts';

const SRC = join(ROOT, 'src');

function files(folder: string): string[] {
  return (readdirSync(join(SRC, folder), { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => /\.(ts|astro)$/.test(f))
    .map((f) => `${folder}/${f.replace(/\\/g, '/')}`);
}

/** Every module a file imports (static and dynamic), as written. */
function imports(file: string): string[] {
  const text = readFileSync(join(SRC, file), 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => (m[1] ?? m[2])!);
}

describe('the core (src/ladder/)', () => {
  const core = files('ladder');

  it('imports only itself, libraries and harmless Node modules', () => {
    expect(core.length).toBeGreaterThan(30);
    const outside: string[] = [];
    for (const file of core) {
      for (const spec of imports(file)) {
        if (spec.startsWith('.')) {
          const target = relative(SRC, resolve(dirname(join(SRC, file)), spec)).replace(/\\/g, '/');
          if (!target.startsWith('ladder/')) outside.push(`${file} → ${spec}`);
        } else if (/^(node:)?(child_process|worker_threads|cluster|http|https|net)$/.test(spec) || /^astro/.test(spec)) {
          outside.push(`${file} → ${spec}`);
        }
      }
    }
    expect(outside).toEqual([]);
  });

  it('reads no environment variable and runs no program', () => {
    const found = core.filter((file) => /process\.env|spawnSync|execFile|\bspawn\(/.test(readFileSync(join(SRC, file), 'utf8')));
    expect(found).toEqual([]);
  });

  it('knows nothing of the web editor: src/editor/ uses the core, never the other way', () => {
    const found = core.filter((file) => /sveltia|decap|\bcms\b|editor\//i.test(readFileSync(join(SRC, file), 'utf8')));
    expect(found).toEqual([]);
    const editor = files('editor');
    expect(editor.length).toBeGreaterThan(3);
    // The editor reads content only through the core: no YAML or Markdown parser of its own for reading.
    const reading = editor.filter((file) =>
      /from ['"](?:remark-parse|unified|gray-matter|js-yaml)['"]|\bparse\(|parseDocument\(/.test(readFileSync(join(SRC, file), 'utf8')),
    );
    expect(reading.sort()).toEqual(['editor/admin.ts', 'editor/patch.ts']);
  });

  it('knows no git command', () => {
    const found = core.filter((file) => /['"`](?:git|ls-tree|cat-file|rev-parse)['"`]/.test(readFileSync(join(SRC, file), 'utf8')));
    expect(found).toEqual([]);
  });
});

describe('git', () => {
  it('is run by src/git/run.ts alone', () => {
    const all = [...files('ladder'), ...files('git'), ...files('site'), ...files('cli'), ...files('integration'), ...files('routes'), ...files('components')];
    const runners = all.filter((file) => /spawnSync\(\s*['"]git['"]|execFile(?:Sync)?\(\s*['"]git['"]/.test(readFileSync(join(SRC, file), 'utf8')));
    expect(runners).toEqual(['git/run.ts']);
  });
});

describe('the browser scripts (src/client/)', () => {
  /** The modules a file needs at run time: its relative imports that are not `import type`, resolved. */
  function runtimeImports(file: string): string[] {
    const text = readFileSync(join(SRC, file), 'utf8');
    return [...text.matchAll(/(?:^|\n)\s*(import|export)(\s+type\b)?[^'"]*?from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g)]
      .filter((m) => m[2] === undefined)
      .map((m) => relative(SRC, resolve(dirname(join(SRC, file)), (m[3] ?? m[4])!)).replace(/\\/g, '/'));
  }

  it('reach no Markdown engine: Sätteri is a native module for the build, with no browser build a page could load', () => {
    const scripts = files('client');
    expect(scripts.length).toBeGreaterThan(2);
    const reached = new Set<string>();
    const queue = [...scripts];
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (reached.has(file)) continue;
      reached.add(file);
      queue.push(...runtimeImports(file));
    }
    expect([...reached].filter((file) => ['ladder/markdown.ts', 'ladder/render.ts'].includes(file))).toEqual([]);
    expect([...reached].filter((file) => /\b(?:from\s*|import\()\s*['"]satteri['"]/.test(readFileSync(join(SRC, file), 'utf8')))).toEqual([]);
  });
});

describe('the package', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
    peerDependencies: Record<string, string>;
  };

  it('depends on nothing that the code it ships does not import', () => {
    const shipped = ['bin', 'src'].flatMap((folder) =>
      (readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' }) as string[])
        .filter((f) => /\.(ts|js|astro)$/.test(f))
        .map((f) => readFileSync(join(ROOT, folder, f), 'utf8')),
    );
    const unused = Object.keys(pkg.dependencies).filter(
      (name) => !shipped.some((text) => new RegExp(`['"]${name.replace(/[/.]/g, '\\$&')}(/[^'"]*)?['"]`).test(text)),
    );
    expect(unused).toEqual([]);
  });

  it('takes Astro from the company project (a peer), not as a dependency of its own', () => {
    expect(pkg.dependencies.astro).toBeUndefined();
    expect(pkg.peerDependencies.astro).toBeDefined();
    expect(pkg.devDependencies.astro).toBe(pkg.peerDependencies.astro);
  });
});
