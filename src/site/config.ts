/**
 * The site's settings, as the integration resolved them from parity({...})
 * (src/integration/options.ts) and the environment: set once in
 * `astro:config:setup`, read by every page, component and site module.
 * Shared through globalThis like the check (src/site/ladder.ts): the
 * integration and the bundled pages each hold a copy of this module. Without
 * the integration (unit tests, scripts) the defaults apply.
 */
import { readEnv } from '../environment.ts';
import { contentDir } from '../ladder/check.ts';
import type { ParityOptions } from '../integration/options.ts';

/** Plain data, paths absolute. */
export interface SiteConfig {
  contentDir: string;
  title?: string;
  logo?: string;
  repository: ParityOptions['repository'];
  editLinks: boolean;
  history: ParityOptions['history'];
  editor: ParityOptions['editor'];
  pages: ParityOptions['pages'];
}

const CONFIG = Symbol.for('parity.site.config');
const BUILD_CONTENT = Symbol.for('parity.site.build-content');
type Holder = typeof globalThis & { [CONFIG]?: SiteConfig; [BUILD_CONTENT]?: string };

/**
 * `ladder build` names the content directory it has just checked (its
 * --content, $LADDER_CONTENT or ./content), so that the integration it runs
 * renders exactly that ladder; undefined clears it.
 */
export function setBuildContent(dir: string | undefined): void {
  (globalThis as Holder)[BUILD_CONTENT] = dir;
}

/** The content directory `ladder build` checked, when the integration runs inside it. */
export function buildContent(): string | undefined {
  return (globalThis as Holder)[BUILD_CONTENT];
}

export function configureSite(site: SiteConfig): void {
  (globalThis as Holder)[CONFIG] = site;
}

/** The configured site, else the defaults of parity() with $LADDER_CONTENT or ./content. */
export function siteConfig(): SiteConfig {
  return (
    (globalThis as Holder)[CONFIG] ?? {
      contentDir: contentDir(readEnv().content),
      repository: { branch: 'main' },
      editLinks: true,
      history: { limit: 50 },
      editor: {},
      pages: { assess: true, changes: true, search: true, choose: true },
    }
  );
}
