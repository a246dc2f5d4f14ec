/** `/ladder.json`: the whole ladder as data (shape: docs/ladder-json.md). */
import type { APIRoute } from 'astro';
import { toLadderJson } from '../site/export.ts';
import { getLadder } from '../site/ladder.ts';
import { BASE } from '../site/urls.ts';

export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(toLadderJson(getLadder(), { base: BASE }), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
