/** `/ladder.csv`: one row per level, for spreadsheets and HR systems; amounts only where this build shows them (docs/publishing.md). */
import type { APIRoute } from 'astro';
import { toLadderCsv } from '../site/export.ts';
import { amountsShown, getFullLadder } from '../site/ladder.ts';
import { absolute, BASE } from '../site/urls.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(toLadderCsv(getFullLadder(), { base: absolute(BASE, site), amounts: amountsShown() }), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
