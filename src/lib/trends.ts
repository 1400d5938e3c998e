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
