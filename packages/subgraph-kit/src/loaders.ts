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

/** Groups batch results per key (for one-to-many loaders), in key order. */
export function groupToKeys<K, T>(keys: readonly K[], rows: readonly T[], keyOf: (row: T) => K): T[][] {
  const byKey = new Map<K, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = byKey.get(key);
    if (list) list.push(row);
    else byKey.set(key, [row]);
  }
  return keys.map((key) => byKey.get(key) ?? []);
}
