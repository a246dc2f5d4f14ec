/**
 * The Vite plugin behind the integration's virtual modules:
 * - `virtual:parity/components/<Name>`: the company's override, else Parity's component;
 * - `virtual:parity/user-css`: the company's `customCss`, after Parity's styles;
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMPONENT_NAMES, VIRTUAL_COMPONENTS, type ComponentName } from './components.ts';

/** Parity's own source folder (src/): two levels up from this file, in the repository and in the package alike. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

const USER_CSS = 'virtual:parity/user-css';

export interface VirtualModulesInput {
  root: string;
  components: Partial<Record<ComponentName, string>>;
  customCss: readonly string[];
}

/** Resolves every path the company gave, so that a missing file is one clear error before Vite starts. */
export function resolveUserFiles(input: Pick<VirtualModulesInput, 'root' | 'components' | 'customCss'>): {
  components: Partial<Record<ComponentName, string>>;
  customCss: string[];
  missing: string[];
} {
  const missing: string[] = [];
  const file = (option: string, path: string) => {
    const absolute = resolve(input.root, path);
    if (!existsSync(absolute)) missing.push(`${option}: ${path} does not exist (paths are relative to the project's root, ${input.root})`);
    return absolute;
  };
  const components: Partial<Record<ComponentName, string>> = {};
  for (const [name, path] of Object.entries(input.components) as [ComponentName, string][]) components[name] = file(`components.${name}`, path);
  const customCss = input.customCss.map((path, i) => file(`customCss[${i}]`, path));
  return { components, customCss, missing };
}

export function defaultComponent(name: ComponentName): string {
  return resolve(PACKAGE_ROOT, 'src', 'components', `${name}.astro`);
}

export function vitePluginParity(input: VirtualModulesInput) {
  const resolvedCss = '\0' + USER_CSS;
  return {
    name: 'parity:virtual-modules',
    resolveId(id: string) {
      if (id.startsWith(VIRTUAL_COMPONENTS)) {
        const name = id.slice(VIRTUAL_COMPONENTS.length) as ComponentName;
        if (!(COMPONENT_NAMES as readonly string[]).includes(name)) return undefined;
        return input.components[name] ?? defaultComponent(name);
      }
      if (id === USER_CSS) return resolvedCss;
      return undefined;
    },
    load(id: string) {
      if (id === resolvedCss) return input.customCss.map((file) => `import ${JSON.stringify(file)};`).join('\n');
      return undefined;
    },
  };
}
