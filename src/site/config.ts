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
import type { Audience } from './audience.ts';

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
  /**
   * Whom the site is built for (`ladder build --audience`): `public` unless
   * the command says `internal`. With a ladder whose `visibility.pay` is
   * internal, a public site has no amount of money (src/site/audience.ts).
   */
  audience: Audience;
}

const CONFIG = Symbol.for('parity.site.config');
const BUILD_CONTENT = Symbol.for('parity.site.build-content');
const BUILD_AUDIENCE = Symbol.for('parity.site.build-audience');
type Holder = typeof globalThis & { [CONFIG]?: SiteConfig; [BUILD_CONTENT]?: string; [BUILD_AUDIENCE]?: Audience };

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

/**
 * `ladder build --audience` names whom the site is for, the same way it names
 * the content directory; undefined clears it (the integration then builds
 * for the public).
 */
export function setBuildAudience(audience: Audience | undefined): void {
  (globalThis as Holder)[BUILD_AUDIENCE] = audience;
}

/** The audience `ladder build` was given, when the integration runs inside it. */
export function buildAudience(): Audience | undefined {
  return (globalThis as Holder)[BUILD_AUDIENCE];
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
      audience: 'public',
    }
  );
}
