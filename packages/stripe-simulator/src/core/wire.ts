export type Wire = Record<string, unknown>;

/** The object as it goes on the wire: a deep copy through JSON (decimals become strings). */
export function toWire<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** A wire copy of an object, taken before a change to tell what changed (`previousAttributes`). */
export function snapshot(object: object): Wire {
  return toWire(object) as unknown as Wire;
}

function isPlainHash(value: unknown): value is Wire {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !('object' in value);
}

/**
 * An event's `previous_attributes`: the old values of the fields that changed. Plain hashes
 * (metadata, settings) are compared key by key, as Stripe does (a key added shows as null);
 * Stripe objects, lists and arrays as a whole. Undefined when nothing changed.
 */
export function previousAttributes(before: Wire, after: Wire): Wire | undefined {
  const changes: Wire = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const old = before[key] ?? null;
    const current = after[key] ?? null;
    if (JSON.stringify(old) === JSON.stringify(current)) continue;
    changes[key] = isPlainHash(old) && isPlainHash(current) ? (previousAttributes(old, current) ?? {}) : old;
  }
  return Object.keys(changes).length > 0 ? changes : undefined;
}
