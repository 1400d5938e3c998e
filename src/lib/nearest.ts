/** Suggestions for mistyped ids, ranked by edit distance. */
import { distance } from 'fastest-levenshtein';

/** Up to `limit` known ids closest to `wanted`, nearest first (ties broken alphabetically). */
export function nearestIds(wanted: string, known: Iterable<string>, limit = 3): string[] {
  return [...known]
    .map((id) => ({ id, d: distance(wanted, id) }))
    .sort((a, b) => a.d - b.d || a.id.localeCompare(b.id))
    .slice(0, limit)
    .map((x) => x.id);
}
