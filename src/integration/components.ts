/**
 * The components a company may replace with its own (`parity({ components })`).
 * Every page imports them as `virtual:parity/components/<Name>`, which
 * resolves to the company's file when it names one, else to Parity's own in
 * `src/components/`. An override may wrap the original by importing it as
 * `parity-ladder/components/<Name>.astro`. Each component's props are
 * documented at the top of its file; docs/configuration.md ("Your
 * components") lists them. Parity's own components import each other the
 * same way (an override reaches every use), never by a relative path:
 * tests/integration/options.test.ts holds them to it.
 */
export const COMPONENT_NAMES = [
  /** Extra tags in every page's `<head>` (nothing by default): analytics of your own, fonts you host. */
  'Head',
  /** The site header: title, navigation and the search box. */
  'Header',
  /** The logo and the site's title, inside the header. */
  'SiteTitle',
  /** The footer of every page. */
  'Footer',
  /** The whole-ladder grid of one family (home and family pages). */
  'LadderGrid',
  /** A level in a list (track pages). */
  'LevelCard',
  /** A pay band, wherever one is written in text (grids, cards, level, compare, promotion and parity pages). */
  'PayBand',
  /** A level's authority: scope, budget, decisions. */
  'Authority',
  /** Levels side by side (compare pages). */
  'CompareTable',
] as const;

export type ComponentName = (typeof COMPONENT_NAMES)[number];

export const VIRTUAL_COMPONENTS = 'virtual:parity/components/';
