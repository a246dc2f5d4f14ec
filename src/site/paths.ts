/**
 * The URLs of the published site, as the format spec lists them, relative
 * to the site's base (no leading slash, always a trailing slash). The pages
 * link with them under the base path (src/site/urls.ts), and /ladder.json and
 * /ladder.csv carry them (src/site/export.ts). The core knows no URL.
 */
import type { Level } from '../ladder/model.ts';

export const paths = {
  home: () => '',
  family: (family: string) => `families/${family}/`,
  track: (track: string) => `tracks/${track}/`,
  level: (level: Pick<Level, 'id'> | string) => `levels/${typeof level === 'string' ? level : level.id}/`,
  promotion: (level: Pick<Level, 'id'> | string) => `levels/${typeof level === 'string' ? level : level.id}/next/`,
  /** The self-assessment worksheet of a level. */
  assessLevel: (level: Pick<Level, 'id'> | string) => `levels/${typeof level === 'string' ? level : level.id}/assess/`,
  assess: () => 'assess/',
  /** "Which track fits me?" (a track may not be called "choose": see RESERVED_TRACK_IDS). */
  choose: () => 'tracks/choose/',
  changes: () => 'changes/',
  changesFeed: () => 'changes.xml',
  compare: () => 'compare/',
  compareGrade: (family: string, grade: number) => `compare/${family}/${grade}/`,
  competency: (competency: string) => `competencies/${competency}/`,
  parity: () => 'parity/',
  search: () => 'search/',
  json: () => 'ladder.json',
  csv: () => 'ladder.csv',
} as const;

/** Joins a base ("/", "/careers/", "https://example.com/careers/") and a site path. */
export function withBase(base: string, path: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return `${prefix}${path}`;
}
