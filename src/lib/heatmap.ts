/**
 * The verdict heatmap: topics as rows, weeks as columns, one page per year. Built in one pass over
 * a language's analyses, so every year page is a map lookup. Pure: no I/O, no clock.
 */
import type { Trend } from '../schemas/primitives.ts';
import { addDays, mondayOf, yearOf, type IsoDate } from './dates.ts';
import type { AnalysisRecord } from './site-model.ts';

/** One analysis shown in a cell. */
export interface HeatmapEntry {
  trend: Trend;
  url: string;
  title: string;
}

/** A topic's row: the analyses of each week (usually one), keyed by the week's Monday. */
export interface HeatmapRow {
  topic: string;
  cells: Map<IsoDate, HeatmapEntry[]>;
}

/** One year of the heatmap. */
export interface HeatmapYear {
  year: number;
  /** Every Monday of the year, oldest first: the columns, empty weeks included so gaps show. */
  columns: IsoDate[];
  /** Mondays with at least one analysis, oldest first: the rows of the accessible table. */
  covered: IsoDate[];
  /** One row per topic, in topic order (topics without analyses that year too). */
  rows: HeatmapRow[];
}

/** Every year of a language's heatmap. */
export interface Heatmap {
  /** Years with at least one weekly analysis, newest first. */
  years: number[];
  byYear: Map<number, HeatmapYear>;
}

/** The Mondays that fall in `year`, oldest first (52 or 53). A week belongs to its Monday's year. */
export function mondaysOfYear(year: number): IsoDate[] {
  const jan1 = `${String(year).padStart(4, '0')}-01-01`;
  let monday = mondayOf(jan1);
  if (monday < jan1) monday = addDays(monday, 7);
  const out: IsoDate[] = [];
  for (; yearOf(monday) === year; monday = addDays(monday, 7)) out.push(monday);
  return out;
}

/** Which Monday of its month a Monday is, 1 to 5 (the row of its cell in a month column). */
export function weekOfMonth(monday: IsoDate): number {
  return Math.ceil(Number(monday.slice(8, 10)) / 7);
}

/**
 * Builds the heatmap of the weekly analyses among `records` (other kinds are skipped), with one
 * row per id of `topicIds` in that order. Analyses on a topic not in `topicIds` are ignored.
 * Within a cell, entries keep the order of `records`.
 */
export function buildHeatmap(records: Iterable<AnalysisRecord>, topicIds: readonly string[]): Heatmap {
  const known = new Set(topicIds);
  // year -> topic -> monday -> entries
  const cells = new Map<number, Map<string, Map<IsoDate, HeatmapEntry[]>>>();
  const covered = new Map<number, Set<IsoDate>>();
  for (const r of records) {
    const { topic, trend } = r.data;
    if (!r.week || !trend || !topic || !known.has(topic)) continue;
    const year = yearOf(r.week);
    let byTopic = cells.get(year);
    if (!byTopic) cells.set(year, (byTopic = new Map()));
    let byWeek = byTopic.get(topic);
    if (!byWeek) byTopic.set(topic, (byWeek = new Map()));
    const entry = { trend, url: r.url, title: r.data.title };
    const list = byWeek.get(r.week);
    if (list) list.push(entry);
    else byWeek.set(r.week, [entry]);
    let weeks = covered.get(year);
    if (!weeks) covered.set(year, (weeks = new Set()));
    weeks.add(r.week);
  }
  const byYear = new Map<number, HeatmapYear>();
  for (const [year, byTopic] of cells) {
    byYear.set(year, {
      year,
      columns: mondaysOfYear(year),
      covered: [...(covered.get(year) ?? [])].sort(),
      rows: topicIds.map((topic) => ({ topic, cells: byTopic.get(topic) ?? new Map<IsoDate, HeatmapEntry[]>() })),
    });
  }
  return { years: [...byYear.keys()].sort((a, b) => b - a), byYear };
}
