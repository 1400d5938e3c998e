/**
 * The home page's situation board: for each topic, the latest week's verdict (if the topic was
 * covered that week) and the topic's recent run of weekly verdicts, oldest to newest.
 */
import type { Language } from '../schemas/primitives.ts';
import { key, type AnalysisRecord, type SiteModel } from './site-model.ts';

/** One topic's row on the board. */
export interface BoardRow {
  topic: string;
  /** The topic's analysis in the latest week, if there is one. */
  current: AnalysisRecord | undefined;
  /** The topic's most recent weekly analyses with a verdict, oldest first (the newest last). */
  run: AnalysisRecord[];
}

/**
 * Board rows in topic order for the weeks of `lang`, `runLength` verdicts per topic. Topics with
 * no weekly analysis at all in this language are left out, so a one-topic desk gets one row.
 */
export function situationBoard(model: SiteModel, lang: Language, runLength = 8): BoardRow[] {
  const latest = model.weeks.get(lang)?.[0];
  const latestEntries = latest ? (model.byWeek.get(key(lang, latest)) ?? []) : [];
  const rows: BoardRow[] = [];
  for (const topic of model.topics.keys()) {
    const weekly = (model.byTopic.get(key(lang, topic)) ?? []).filter((r) => r.data.kind === 'weekly' && r.data.trend);
    if (weekly.length === 0) continue;
    rows.push({ topic, current: latestEntries.find((r) => r.data.topic === topic), run: weekly.slice(0, runLength).reverse() });
  }
  return rows;
}
