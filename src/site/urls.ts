/**
 * Links inside the site: the spec's paths (src/site/paths.ts) under the
 * configured base, so that the site also works below a sub-path.
 */
import { paths, withBase } from './paths.ts';

/** The base path, always with a trailing slash ("/" or "/careers/"). */
export const BASE = withBase(import.meta.env.BASE_URL, '');

/** A site path ("levels/x/y/") as a link under the base. */
export function href(path: string): string {
  return withBase(BASE, path);
}

type PathFns = typeof paths;

/** The same functions as `paths`, returning links under the base. */
export const links = Object.fromEntries(
  Object.entries(paths).map(([name, fn]) => [name, (...args: unknown[]) => href((fn as (...a: unknown[]) => string)(...args))]),
) as { [K in keyof PathFns]: PathFns[K] };

/** The absolute URL of a page when the site's URL is configured (for print and canonical links). */
export function absolute(pathname: string, site: URL | undefined): string {
  return site ? new URL(pathname, site).href : pathname;
}
