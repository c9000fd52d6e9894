/**
 * Sets `key` to `value` in `map`, a cache of at most `limit` entries: when `key` is new and the map is full, the
 * oldest entry (the first set, a Map keeping its insertion order) is dropped first.
 */
export function setBounded<K, V>(map: Map<K, V>, key: K, value: V, limit: number): void {
  if (!map.has(key) && map.size >= limit) map.delete(map.keys().next().value as K);
  map.set(key, value);
}
