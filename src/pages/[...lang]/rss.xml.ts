/** The whole site's RSS feed, per language: `/rss.xml`, `/be/rss.xml`, `/ru/rss.xml`. */
import type { APIRoute } from 'astro';
import { getSiteModel } from '../../data/site.ts';
import { t } from '../../i18n/index.ts';
import { feedCacheKey, feedContext, feedResponse } from '../../lib/feeds.ts';
import { langParam, urls } from '../../lib/urls.ts';
import type { Language } from '../../schemas/primitives.ts';

/** One feed per site language, written again only when an analysis it lists changed. */
export async function getStaticPaths() {
  const model = await getSiteModel();
  return model.languages.map((lang) => ({ params: { lang: langParam(lang) }, props: { lang }, cacheKey: feedCacheKey(model, urls.feed(lang), model.byLang.get(lang) ?? []) }));
}

/** The feed document. */
export const GET: APIRoute<{ lang: Language }> = async ({ props: { lang } }) => {
  const model = await getSiteModel();
  return feedResponse({
    title: t(lang).feeds.siteFeed(model.site.title[lang]),
    description: model.site.description[lang],
    path: urls.feed(lang),
    records: model.byLang.get(lang) ?? [],
    ctx: feedContext(model, lang),
  });
};
