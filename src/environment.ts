/**
 * The one place Parity reads environment variables: the overrides a CI job
 * sets for a build (docs/configuration.md). Everything else is an option of
 * `parity({...})` in astro.config.mjs or a flag of the `ladder` command.
 *
 * | variable       | overrides                                   |
 * | -------------- | ------------------------------------------- |
 * | LADDER_CONTENT | `parity({ content })`, the content directory |
 * | LADDER_SITE    | Astro's `site` (the site's absolute URL)    |
 * | LADDER_BASE    | Astro's `base` (a sub-path such as /careers) |
 * | LADDER_OUT     | `ladder build`'s output folder (`--out`)    |
 * | LADDER_DEBUG   | prints stack traces of internal errors      |
 * | NO_COLOR       | no colours in the `ladder` command's output (no-color.org) |
 *
 * A variable that is unset, empty or only blanks counts as unset. The core
 * (src/ladder/) never reads the environment: its callers pass what they read here.
 */
export interface ParityEnv {
  content?: string;
  site?: string;
  base?: string;
  out?: string;
  debug: boolean;
  noColor: boolean;
}

export function readEnv(env: NodeJS.ProcessEnv = process.env): ParityEnv {
  const value = (name: string) => {
    const raw = env[name]?.trim();
    return raw === undefined || raw === '' ? undefined : raw;
  };
  return {
    content: value('LADDER_CONTENT'),
    site: value('LADDER_SITE'),
    base: value('LADDER_BASE'),
    out: value('LADDER_OUT'),
    debug: value('LADDER_DEBUG') !== undefined,
    noColor: value('NO_COLOR') !== undefined,
  };
}
