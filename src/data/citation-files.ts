/** Paths of the per-analysis citation files (`.bib`, `.ris`), beside each analysis page. */
import { getSiteModel } from './site.ts';
import type { AnalysisRecord } from '../lib/site-model.ts';
import { langParam } from '../lib/urls.ts';

/** What a citation file route receives. */
export interface CitationProps {
  record: AnalysisRecord;
}

/** getStaticPaths of the citation file routes: one per analysis, under its language. */
export async function citationPaths(): Promise<{ params: { lang: string | undefined; slug: string }; props: CitationProps }[]> {
  const model = await getSiteModel();
  return [...model.byId.values()].map((record) => ({ params: { lang: langParam(record.lang), slug: record.slug }, props: { record } }));
}
