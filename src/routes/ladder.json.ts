/** `/ladder.json`: the whole ladder as data (shape: docs/ladder-json.md); amounts only where this build shows them (docs/publishing.md). */
import type { APIRoute } from 'astro';
import { toLadderJson } from '../site/export.ts';
import { amountsShown, getFullLadder } from '../site/ladder.ts';
import { BASE } from '../site/urls.ts';

// The full ladder, so that the parity verdicts are computed before any amount is left out; `amounts` leaves them out.
export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(toLadderJson(getFullLadder(), { base: BASE, amounts: amountsShown() }), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
