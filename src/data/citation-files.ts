/** Paths of the per-analysis citation files (`.bib`, `.ris`), beside each analysis page. */
import { getSiteModel } from './site.ts';
import type { AnalysisRecord } from '../lib/site-model.ts';
import { langParam } from '../lib/urls.ts';
import { pageCacheKey } from '../lib/cache-key.ts';

/** What a citation file route receives. */
export interface CitationProps {
  record: AnalysisRecord;
}

/**
 * getStaticPaths of the citation file routes: one per analysis, under its language, keyed like
 * the analysis page (lib/cache-key.ts), so an incremental build copies the files it can.
 */
export async function citationPaths(): Promise<{ params: { lang: string | undefined; slug: string }; props: CitationProps; cacheKey: string }[]> {
  const model = await getSiteModel();
  return [...model.byId.values()].map((record) => {
    const props = { record };
    return { params: { lang: langParam(record.lang), slug: record.slug }, props, cacheKey: pageCacheKey(model.fingerprint, props) };
  });
}
