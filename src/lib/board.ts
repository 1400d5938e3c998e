/**
 * The home page's situation board: the latest week's lead analysis, and for each topic its newest
 * verdict, how long before the latest week that verdict was given, and its run of verdicts before
 * it. A topic the latest week did not cover still shows where it stands, and says how old that is.
 */
import { TREND_SCORE } from './trends.ts';
import type { Language } from '../schemas/primitives.ts';
import { daysBetween } from './dates.ts';
import { key, type AnalysisRecord, type SiteModel } from './site-model.ts';

/** One topic's row on the board. */
export interface BoardRow {
  topic: string;
  /** The topic's newest weekly analysis (its current verdict). */
  latest: AnalysisRecord;
  /** Whole weeks from that analysis's week to the latest week (0: it is of the latest week). */
  weeksBefore: number;
  /** The topic's most recent weekly verdicts, oldest first, ending on `latest`. */
  run: AnalysisRecord[];
}

/** The board of one language. */
export interface Board {
  /** The Monday of the newest week with a weekly analysis. */
  latestWeek: string | undefined;
  /** The latest week's lead analysis: the page's headline. */
  lead: AnalysisRecord | undefined;
  rows: BoardRow[];
}

/**
 * The lead of a week's analyses (given in topic order): the first whose verdict moved (worse or
 * better), since a change is the week's news; else the first.
 */
export function leadAnalysis(week: readonly AnalysisRecord[]): AnalysisRecord | undefined {
  return week.find((r) => r.data.trend !== undefined && TREND_SCORE[r.data.trend] !== 0) ?? week[0];
}

/** A span of weeks as readers say it: weeks up to eight, then months, from two years on years. */
export function elapsed(weeks: number): { unit: 'weeks' | 'months' | 'years'; n: number } {
  if (weeks <= 8) return { unit: 'weeks', n: weeks };
  if (weeks < 104) return { unit: 'months', n: Math.max(2, Math.round((weeks * 7) / 30.44)) };
  return { unit: 'years', n: Math.floor(weeks / 52.18) };
}

/**
 * The board for `lang`, topics in topic order, `runLength` verdicts per topic. Topics with no
 * weekly analysis in this language are left out, so a one-topic desk gets one row.
 */
export function situationBoard(model: SiteModel, lang: Language, runLength = 8): Board {
  const latestWeek = model.weeks.get(lang)?.[0];
  const rows: BoardRow[] = [];
  for (const topic of model.topics.keys()) {
    const weekly = (model.byTopic.get(key(lang, topic)) ?? []).filter((r) => r.data.kind === 'weekly' && r.data.trend && r.week);
    const latest = weekly[0];
    if (!latest?.week || !latestWeek) continue;
    rows.push({ topic, latest, weeksBefore: Math.round(daysBetween(latest.week, latestWeek) / 7), run: weekly.slice(0, runLength).reverse() });
  }
  return { latestWeek, lead: leadAnalysis(latestWeek ? (model.byWeek.get(key(lang, latestWeek)) ?? []) : []), rows };
}
