/**
 * Every page and file of the published site (the spec's URLs and Parity's
 * own), injected by the integration so that a company's project has no
 * `src/pages`. `page` names the option of `parity({ pages })` that turns an
 * optional page off; `needs` a setting it cannot work without (`amounts`: a
 * build that publishes pay amounts, see src/site/audience.ts).
 */
export interface RouteEntry {
  pattern: string;
  /** The route's file, relative to src/routes/. */
  entrypoint: string;
  page?: 'assess' | 'changes' | 'search' | 'choose';
  needs?: 'editor' | 'amounts';
}

export const ROUTES: readonly RouteEntry[] = [
  { pattern: '/', entrypoint: 'index.astro' },
  { pattern: '/404', entrypoint: '404.astro' },
  { pattern: '/families/[family]', entrypoint: 'families/[family].astro' },
  { pattern: '/tracks/[track]', entrypoint: 'tracks/[track].astro' },
  { pattern: '/tracks/choose', entrypoint: 'tracks/choose.astro', page: 'choose' },
  { pattern: '/levels/[track]/[level]', entrypoint: 'levels/[track]/[level]/index.astro' },
  { pattern: '/levels/[track]/[level]/next', entrypoint: 'levels/[track]/[level]/next.astro' },
  { pattern: '/levels/[track]/[level]/assess', entrypoint: 'levels/[track]/[level]/assess.astro', page: 'assess' },
  { pattern: '/assess', entrypoint: 'assess.astro', page: 'assess' },
  { pattern: '/compare', entrypoint: 'compare/index.astro' },
  { pattern: '/compare/[family]/[grade]', entrypoint: 'compare/[family]/[grade].astro' },
  { pattern: '/competencies/[competency]', entrypoint: 'competencies/[competency].astro' },
  { pattern: '/parity', entrypoint: 'parity.astro' },
  { pattern: '/pay', entrypoint: 'pay.astro', needs: 'amounts' },
  { pattern: '/changes', entrypoint: 'changes.astro', page: 'changes' },
  { pattern: '/changes.xml', entrypoint: 'changes.xml.ts', page: 'changes' },
  { pattern: '/search', entrypoint: 'search.astro', page: 'search' },
  { pattern: '/ladder.json', entrypoint: 'ladder.json.ts' },
  { pattern: '/ladder.csv', entrypoint: 'ladder.csv.ts' },
  { pattern: '/ladder-pay.csv', entrypoint: 'ladder-pay.csv.ts', needs: 'amounts' },
  { pattern: '/favicon.svg', entrypoint: 'favicon.svg.ts' },
  { pattern: '/admin', entrypoint: 'admin/index.astro', needs: 'editor' },
  { pattern: '/admin/config.yml', entrypoint: 'admin/config.yml.ts', needs: 'editor' },
];
