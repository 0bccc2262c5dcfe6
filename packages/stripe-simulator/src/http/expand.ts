import { invalidRequest } from '../core/errors';
import { toWire } from '../core/wire';

const MAX_DEPTH = 4;

/**
 * Applies `expand[]` to a response (already a wire copy): each dotted path replaces an object id
 * with the object, walking into lists (`data.customer`) and through ids expanded on the way
 * (`latest_charge.payment_intent`). Paths that lead nowhere are left alone.
 */
export function expandResponse(response: unknown, paths: string[], lookup: (id: string) => unknown): unknown {
  for (const path of paths) {
    const segments = path.split('.');
    if (segments.length > MAX_DEPTH) {
      throw invalidRequest(
        `You cannot expand more than ${MAX_DEPTH} levels of a property. Property: ${path}`,
        {
          param: 'expand',
        },
      );
    }
    expandPath(response, segments, lookup);
  }
  return response;
}

function expandPath(node: unknown, segments: string[], lookup: (id: string) => unknown): void {
  if (Array.isArray(node)) {
    for (const element of node) expandPath(element, segments, lookup);
    return;
  }
  if (typeof node !== 'object' || node === null || segments.length === 0) return;
  const [key, ...rest] = segments as [string, ...string[]];
  const record = node as Record<string, unknown>;
  const value = record[key];
  if (typeof value === 'string') {
    const object = lookup(value);
    if (object !== undefined) record[key] = toWire(object);
  }
  if (rest.length > 0) expandPath(record[key], rest, lookup);
}
