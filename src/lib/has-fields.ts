/**
 * Structural checks for values that cross a boundary untyped (Astro's content layer, JSON the
 * cache key walks): an object is taken for a type when it carries the type's identifying fields.
 */

/** True when `value` is an object holding every one of `keys` (own or inherited). */
export function hasFields<K extends string>(value: unknown, keys: readonly K[]): value is Record<K, unknown> {
  return typeof value === 'object' && value !== null && keys.every((key) => key in value);
}
