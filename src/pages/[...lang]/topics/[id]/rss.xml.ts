/** A topic's RSS feed, per language: `/topics/<id>/rss.xml`. */
import type { APIRoute } from 'astro';
import { getSiteModel } from '../../../../data/site.ts';
import { feedCacheKey, feedContext, feedResponse } from '../../../../lib/feeds.ts';
import { key } from '../../../../lib/site-model.ts';
import { langParam, urls } from '../../../../lib/urls.ts';
import type { Language } from '../../../../schemas/primitives.ts';

/** One feed per topic and language (as for the topic pages, also when a language has no analyses yet). */
export async function getStaticPaths() {
  const model = await getSiteModel();
  return model.languages.flatMap((lang) => [...model.topics.keys()].map((id) => ({ params: { lang: langParam(lang), id }, props: { lang, id }, cacheKey: feedCacheKey(model, urls.topicFeed(lang, id), model.byTopic.get(key(lang, id)) ?? []) })));
}

/** The feed document. */
export const GET: APIRoute<{ lang: Language; id: string }> = async ({ props: { lang, id } }) => {
  const model = await getSiteModel();
  const topic = model.topics.get(id);
  const name = topic ? topic.name[lang] : id;
  return feedResponse({
    title: `${model.site.title[lang]}: ${name}`,
    description: topic ? topic.description[lang] : name,
    path: urls.topicFeed(lang, id),
    page: urls.topic(lang, id),
    records: model.byTopic.get(key(lang, id)) ?? [],
    ctx: feedContext(model, lang),
  });
};
