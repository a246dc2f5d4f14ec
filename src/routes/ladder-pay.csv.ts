/**
 * `/ladder-pay.csv` (1.1): one row per level and zone, for payroll and HR
 * systems. Only in a build that shows amounts (src/integration/routes.ts).
 */
import type { APIRoute } from 'astro';
import { toLadderPayCsv } from '../site/export.ts';
import { getLadder } from '../site/ladder.ts';

export const GET: APIRoute = () =>
  new Response(toLadderPayCsv(getLadder()), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
