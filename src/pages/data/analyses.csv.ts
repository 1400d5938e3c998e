/** `/data/analyses.csv`: the rows of `/data/analyses.json` as RFC 4180 CSV. */
import type { APIRoute } from 'astro';
import { getAnalysisRows } from '../../data/open-data.ts';
import { analysesCsv } from '../../lib/open-data.ts';

/** The CSV file, header first, CRLF line ends. */
export const GET: APIRoute = async () => {
  const rows = await getAnalysisRows();
  return new Response(analysesCsv(rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8; header=present' } });
};
