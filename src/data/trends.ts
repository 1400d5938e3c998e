/**
 * Derived structures for the trend views, built once per build from the site model (one pass
 * per language), so each `/trends/<year>/` page is a map lookup rather than a collection scan.
 */
import { buildHeatmap, type Heatmap } from '../lib/heatmap.ts';
import type { Language } from '../schemas/primitives.ts';
import { getSiteModel } from './site.ts';

let heatmaps: Promise<Map<Language, Heatmap>> | undefined;

/** The verdict heatmap of every language, built on first use. */
export function getHeatmaps(): Promise<Map<Language, Heatmap>> {
  heatmaps ??= getSiteModel().then((model) => {
    const topicIds = [...model.topics.keys()];
    return new Map(model.languages.map((lang) => [lang, buildHeatmap(model.byLang.get(lang) ?? [], topicIds)]));
  });
  return heatmaps;
}
