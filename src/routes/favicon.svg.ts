/** `/favicon.svg`: Parity's mark, or the company's `logo` when it is an SVG. */
import { readFileSync } from 'node:fs';
import type { APIRoute } from 'astro';
import { siteConfig } from '../site/config.ts';
import mark from './favicon.svg?raw';

export const prerender = true;

export const GET: APIRoute = () => {
  const logo = siteConfig().logo;
  const body = logo?.toLowerCase().endsWith('.svg') ? readFileSync(logo, 'utf8') : mark;
  return new Response(body, { headers: { 'Content-Type': 'image/svg+xml' } });
};
