/** Small number helpers shared by the benchmark's modules. */

/** Median of numbers (NaN for none). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? Number.NaN) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** Two decimals. */
export function round(x: number): number {
  return Math.round(x * 100) / 100;
}
