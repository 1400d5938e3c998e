/** An actor's RSS feed, per language: `/actors/<id>/rss.xml`. */
import type { APIRoute } from 'astro';
import { getSiteModel } from '../../../../data/site.ts';
import { t } from '../../../../i18n/index.ts';
import { feedCacheKey, feedContext, feedResponse } from '../../../../lib/feeds.ts';
import { key } from '../../../../lib/site-model.ts';
import { langParam, urls } from '../../../../lib/urls.ts';
import type { Language } from '../../../../schemas/primitives.ts';

/** One feed per actor and language, like the actor pages; written again only when an analysis it lists changed. */
export async function getStaticPaths() {
  const model = await getSiteModel();
  return model.languages.flatMap((lang) => [...model.actors.keys()].map((id) => ({ params: { lang: langParam(lang), id }, props: { lang, id }, cacheKey: feedCacheKey(model, urls.actorFeed(lang, id), model.byActor.get(key(lang, id)) ?? []) })));
}

/** The feed document. */
export const GET: APIRoute<{ lang: Language; id: string }> = async ({ props: { lang, id } }) => {
  const model = await getSiteModel();
  const actor = model.actors.get(id);
  const name = actor ? actor.name[lang] : id;
  return feedResponse({
    title: `${model.site.title[lang]}: ${name}`,
    description: actor?.role ? `${name}: ${actor.role[lang]}` : `${name}: ${t(lang).actorKinds[actor?.kind ?? 'person']}`,
    path: urls.actorFeed(lang, id),
    page: urls.actor(lang, id),
    records: model.byActor.get(key(lang, id)) ?? [],
    ctx: feedContext(model, lang),
  });
};
