/** `/ladder.csv`: one row per level, for spreadsheets and HR systems. */
import type { APIRoute } from 'astro';
import { toLadderCsv } from '../site/export.ts';
import { getLadder } from '../site/ladder.ts';
import { absolute, BASE } from '../site/urls.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(toLadderCsv(getLadder(), { base: absolute(BASE, site) }), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
