/**
 * The weekly email editions: one per language and week that has weekly analyses in that
 * language, shared by `/weeks/<monday>/email.html`, `email.txt` and the week page's link.
 */
import { pageCacheKey } from '../lib/cache-key.ts';
import { buildEdition, longFormByWeek, type Edition } from '../lib/email.ts';
import { key, type AnalysisRecord } from '../lib/site-model.ts';
import { langParam } from '../lib/urls.ts';
import type { Language } from '../schemas/primitives.ts';
import { getSiteModel } from './site.ts';

/** Props of an edition route: what it shows, so its cache key covers all of it. */
export interface EditionProps {
  lang: Language;
  monday: string;
  weekly: AnalysisRecord[];
  longForm: AnalysisRecord[];
}

/** getStaticPaths of the edition routes, keyed for incremental builds like the week pages. */
export async function editionPaths(): Promise<{ params: { lang: string | undefined; monday: string }; props: EditionProps; cacheKey: string }[]> {
  const model = await getSiteModel();
  const longForm = longFormByWeek(model);
  return model.languages.flatMap((lang) =>
    (model.weeks.get(lang) ?? []).map((monday) => {
      const props: EditionProps = { lang, monday, weekly: model.byWeek.get(key(lang, monday)) ?? [], longForm: longForm.get(key(lang, monday)) ?? [] };
      return { params: { lang: langParam(lang), monday }, props, cacheKey: pageCacheKey(model.fingerprint, props) };
    }),
  );
}

/** The edition an edition route shows. */
export async function editionOf(props: EditionProps): Promise<Edition> {
  return buildEdition(await getSiteModel(), props.lang, props.monday, props.weekly, props.longForm);
}
