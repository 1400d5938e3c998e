/** Verdict helpers: symbols that carry meaning without colour, and the situation index. */
import type { Trend } from '../schemas/primitives.ts';

/** A symbol per verdict (shown beside the words, hidden from screen readers). */
export const TREND_SYMBOL: Record<Trend, string> = { worse: '▼', unchanged: '■', better: '▲' };

/** Score of a verdict in the running situation index: better +1, unchanged 0, worse -1. */
export const TREND_SCORE: Record<Trend, number> = { worse: -1, unchanged: 0, better: 1 };

/** Cumulative situation index over verdicts given oldest first. */
export function situationIndex(trends: readonly Trend[]): number[] {
  let sum = 0;
  return trends.map((tr) => (sum += TREND_SCORE[tr]));
}

/** What the chart helpers need from an analysis (an AnalysisRecord has it all). */
export interface VerdictRecord {
  date: string;
  slug: string;
  url: string;
  data: { title: string; trend?: Trend | undefined };
}

/** One verdict on the situation-index line: the week, the verdict and the running total after it. */
export interface SituationPoint {
  date: string;
  trend: Trend;
  /** Cumulative index including this verdict. */
  value: number;
  url: string;
  title: string;
}

/**
 * The running situation index of a topic: its verdicts oldest first (records may come in any
 * order; listings are newest first) with the cumulative score. Analyses without a verdict are skipped.
 */
export function situationSeries(records: readonly VerdictRecord[]): SituationPoint[] {
  const withVerdict = records
    .filter((r): r is VerdictRecord & { data: { trend: Trend } } => r.data.trend !== undefined)
    .sort((a, b) => a.date.localeCompare(b.date) || a.slug.localeCompare(b.slug));
  const values = situationIndex(withVerdict.map((r) => r.data.trend));
  return withVerdict.map((r, i) => ({ date: r.date, trend: r.data.trend, value: values[i] ?? 0, url: r.url, title: r.data.title }));
}

/** Analyses in one month by verdict; `none` counts long-form pieces, which carry no verdict. */
export interface MonthCount {
  /** `YYYY-MM`. */
  month: string;
  worse: number;
  unchanged: number;
  better: number;
  none: number;
}

/** Keys of the stacked counts, bottom to top. */
export const MONTH_KEYS = ['worse', 'unchanged', 'better', 'none'] as const;

/** Every month from `first` to `last` inclusive (`YYYY-MM`), in order. */
export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

/**
 * Mentions per month, by verdict, for every month from the first mention to the last (months
 * without mentions included, with zero counts, so the time axis has no jumps).
 */
export function monthlyMentions(records: readonly VerdictRecord[]): MonthCount[] {
  if (records.length === 0) return [];
  const counts = new Map<string, MonthCount>();
  let first = '9999-12';
  let last = '0000-01';
  for (const r of records) {
    const month = r.date.slice(0, 7);
    if (month < first) first = month;
    if (month > last) last = month;
    let c = counts.get(month);
    if (!c) counts.set(month, (c = { month, worse: 0, unchanged: 0, better: 0, none: 0 }));
    c[r.data.trend ?? 'none'] += 1;
  }
  return monthsBetween(first, last).map((month) => counts.get(month) ?? { month, worse: 0, unchanged: 0, better: 0, none: 0 });
}
