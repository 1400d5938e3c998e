/**
 * The one place the site reads the content layer: routing/routes.ts builds every page's data from
 * this model. It is built once per build (a module-level promise shared by every route), so
 * lookups cost a map access, not a collection scan.
 */
import { getCollection } from 'astro:content';
import { buildSiteModel, type SiteModel } from '../lib/site-model.ts';
import { publishedUntil } from '../lib/schedule.ts';

let model: Promise<SiteModel> | undefined;

/** The site model, built on first use (and again after a reading that failed). */
export function getSiteModel(): Promise<SiteModel> {
  model ??= (async () => {
    const [analyses, pages, topics, actors, authors, site] = await Promise.all([
      getCollection('analyses'),
      getCollection('pages'),
      getCollection('topics'),
      getCollection('actors'),
      getCollection('authors'),
      getCollection('site'),
    ]);
    const settings = site[0];
    if (!settings) throw new Error('content/site.yaml: (file): missing, expected the site settings file');
    // Scheduled pieces wait for their date unless the build asks for the future (docs/publishing.md).
    return buildSiteModel({ analyses, pages, topics, actors, authors, site: settings.data, publishUntil: publishedUntil(process.env) });
  })();
  // A failed reading is not kept: in the preview a request can arrive while the content is still
  // syncing (cover images not yet known to Astro), and the next request must read again.
  model.catch(() => {
    model = undefined;
  });
  return model;
}
