/**
 * The week's long-form pieces, as the email editions list them. Apart from src/email/email.ts so
 * the routes can group them without loading MJML: every page's route data imports this, and
 * MJML with its HTML parsers took about a second of the preview's first request.
 */
import { mondayOf } from '../lib/dates.ts';
import { key, type AnalysisRecord, type SiteModel } from '../lib/site-model.ts';

/** The week's long-form pieces per language and Monday (`key(lang, monday)`), in model order. */
export function longFormByWeek(model: SiteModel): Map<string, AnalysisRecord[]> {
  const out = new Map<string, AnalysisRecord[]>();
  for (const lang of model.languages) {
    for (const r of model.byLang.get(lang) ?? []) {
      if (r.data.kind === 'weekly' || !r.date) continue;
      const k = key(lang, mondayOf(r.date));
      const list = out.get(k);
      if (list) list.push(r);
      else out.set(k, [r]);
    }
  }
  return out;
}
