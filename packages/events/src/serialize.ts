import type { EventEnvelope } from './envelope';

export function encodeEnvelope(event: EventEnvelope): string {
  return JSON.stringify(event);
}

/** Parses an envelope read from a transport; null when it is not one. */
export function decodeEnvelope(raw: string): EventEnvelope | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const candidate = value as Partial<EventEnvelope>;
  const valid =
    typeof candidate.id === 'string' &&
    typeof candidate.type === 'string' &&
    typeof candidate.version === 'number' &&
    typeof candidate.occurredAt === 'string' &&
    typeof candidate.subject === 'string' &&
    (candidate.actor === null || typeof candidate.actor === 'string') &&
    'data' in candidate;
  return valid ? (candidate as EventEnvelope) : null;
}

/**
 * A JSON round trip: the in-process bus hands consumers exactly what Redis would (dates
 * become strings, no shared mutable objects between publisher and consumers).
 */
export function jsonCopy<T>(value: T): T {
  const text = JSON.stringify(value);
  return (text === undefined ? undefined : JSON.parse(text)) as T;
}
