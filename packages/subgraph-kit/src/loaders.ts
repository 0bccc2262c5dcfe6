/**
 * Orders batch results to match their keys, as DataLoader requires: one slot per key, in
 * key order, `null` where no row has that key.
 */
export function alignToKeys<K, T>(
  keys: readonly K[],
  rows: readonly T[],
  keyOf: (row: T) => K,
): (T | null)[] {
  const byKey = new Map<K, T>();
  for (const row of rows) byKey.set(keyOf(row), row);
  return keys.map((key) => byKey.get(key) ?? null);
}
