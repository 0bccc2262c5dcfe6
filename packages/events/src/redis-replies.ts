/**
 * Shapes of the stream replies we read. ioredis 6 speaks RESP3 by default but, with its
 * default `replyMapping: 'legacy'`, rewrites XREAD/XREADGROUP's map reply into the RESP2
 * shape `[[key, entries]]`, so one parser serves both protocols.
 */

export interface StreamEntry {
  id: string;
  /** Flat [field, value, ...]; null for an entry deleted while it was pending. */
  fields: string[] | null;
}

function asArray(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`Unexpected Redis reply for ${what}: ${JSON.stringify(value)}`);
  return value;
}

function asString(value: unknown, what: string): string {
  if (typeof value === 'string') return value;
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  throw new Error(`Unexpected Redis reply for ${what}: ${JSON.stringify(value)}`);
}

/** `[[id, [field, value, ...] | null], ...]` */
export function parseEntries(raw: unknown): StreamEntry[] {
  return asArray(raw, 'stream entries').map((item) => {
    const [id, fields] = asArray(item, 'stream entry');
    return {
      id: asString(id, 'entry id'),
      fields:
        fields == null ? null : asArray(fields, 'entry fields').map((field) => asString(field, 'field')),
    };
  });
}

/** XREADGROUP on one stream: `[[key, entries]]`, or null when the BLOCK timed out. */
export function parseReadGroupReply(raw: unknown): StreamEntry[] {
  if (raw == null) return [];
  const streams = asArray(raw, 'XREADGROUP');
  return streams.flatMap((stream) => parseEntries(asArray(stream, 'XREADGROUP stream')[1] ?? []));
}

/** XAUTOCLAIM: `[nextStart, entries, deletedIds]` (the last one since Redis 7). */
export function parseAutoClaimReply(raw: unknown): { next: string; entries: StreamEntry[] } {
  const [next, entries] = asArray(raw, 'XAUTOCLAIM');
  return { next: asString(next, 'XAUTOCLAIM cursor'), entries: parseEntries(entries ?? []) };
}

/** Extended XPENDING: `[[id, consumer, idleMs, deliveries], ...]` → deliveries by id. */
export function parseDeliveryCounts(raw: unknown): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of asArray(raw, 'XPENDING')) {
    const [id, , , deliveries] = asArray(item, 'XPENDING entry');
    counts.set(asString(id, 'XPENDING id'), Number(deliveries));
  }
  return counts;
}

/** The value of `name` in a flat field list. */
export function fieldValue(fields: string[] | null, name: string): string | undefined {
  if (!fields) return undefined;
  for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === name) return fields[i + 1];
  return undefined;
}
