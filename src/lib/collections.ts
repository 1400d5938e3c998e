/** Small collection helpers used to build every lookup once. */

/** Groups items by one or more keys each (an item with several actors lands in several groups). */
export function groupByMany<T, K>(items: Iterable<T>, keysOf: (item: T) => Iterable<K>): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    for (const key of keysOf(item)) {
      const list = out.get(key);
      if (list) list.push(item);
      else out.set(key, [item]);
    }
  }
  return out;
}
