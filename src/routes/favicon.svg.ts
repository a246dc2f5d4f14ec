/** `/favicon.svg`: Parity's mark, or the company's `logo` when it is an SVG. */
import { readFileSync } from 'node:fs';
import type { APIRoute } from 'astro';
import config from 'virtual:parity/config';
import mark from './favicon.svg?raw';

export const prerender = true;

export const GET: APIRoute = () => {
  const body = config.logo?.toLowerCase().endsWith('.svg') ? readFileSync(config.logo, 'utf8') : mark;
  return new Response(body, { headers: { 'Content-Type': 'image/svg+xml' } });
};
