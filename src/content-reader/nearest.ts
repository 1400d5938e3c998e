/** Suggestions for mistyped ids, ranked by edit distance. */
import { distance } from 'fastest-levenshtein';

/**
 * Up to `limit` known ids close to `wanted`, nearest first (ties alphabetical). Ids further than
 * about 40% of the wanted id's length are dropped as noise, but the single nearest is always kept
 * so the message never leaves the editor without a hint.
 */
export function nearestIds(wanted: string, known: Iterable<string>, limit = 3): string[] {
  const ranked = [...known].map((id) => ({ id, d: distance(wanted, id) })).sort((a, b) => a.d - b.d || a.id.localeCompare(b.id));
  const near = ranked.filter((x) => x.d <= Math.max(2, Math.ceil(wanted.length * 0.4)));
  return (near.length ? near : ranked.slice(0, 1)).slice(0, limit).map((x) => x.id);
}
