/** A verdict's RSS feed, per language: `/trends/<worse|unchanged|better>/rss.xml`. */
import type { APIRoute } from 'astro';
import { getSiteModel } from '../../../../data/site.ts';
import { t } from '../../../../i18n/index.ts';
import { feedCacheKey, feedContext, feedResponse } from '../../../../lib/feeds.ts';
import { key } from '../../../../lib/site-model.ts';
import { langParam, urls } from '../../../../lib/urls.ts';
import { TRENDS, type Language, type Trend } from '../../../../schemas/primitives.ts';

/** One feed per verdict and language, written again only when an analysis it lists changed. */
export async function getStaticPaths() {
  const model = await getSiteModel();
  return model.languages.flatMap((lang) => TRENDS.map((trend) => ({ params: { lang: langParam(lang), trend }, props: { lang, trend }, cacheKey: feedCacheKey(model, urls.trendFeed(lang, trend), model.byTrend.get(key(lang, trend)) ?? []) })));
}

/** The feed document. */
export const GET: APIRoute<{ lang: Language; trend: Trend }> = async ({ props: { lang, trend } }) => {
  const model = await getSiteModel();
  const label = model.site.verdicts[trend][lang];
  return feedResponse({
    title: `${model.site.title[lang]}: ${label}`,
    description: `${label}. ${t(lang).trendsIntro}`,
    path: urls.trendFeed(lang, trend),
    page: urls.trend(lang, trend),
    records: model.byTrend.get(key(lang, trend)) ?? [],
    ctx: feedContext(model, lang),
  });
};
