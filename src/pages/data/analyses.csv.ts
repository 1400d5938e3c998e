/** `/data/analyses.csv`: the rows of `/data/analyses.json` as RFC 4180 CSV. */
import type { APIRoute } from 'astro';
import { analysesCsv } from '../../open-data/open-data.ts';
import { singles } from '../../routing/routes.ts';

/** The CSV file, header first, CRLF line ends. */
export const GET: APIRoute = async () => {
  const { rows } = await singles.openData();
  return new Response(analysesCsv(rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8; header=present' } });
};
