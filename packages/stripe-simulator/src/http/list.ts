import type Stripe from 'stripe';
import { invalidRequest, resourceMissing } from '../core/errors';
import type { Params } from './params';

interface Listable {
  id: string;
  created: number;
}

/** `created` as a list filter: an exact timestamp or a range of `gt`, `gte`, `lt`, `lte`. */
function createdFilter(params: Params): (created: number) => boolean {
  if (!params.has('created')) return () => true;
  const range = params.isHash('created') ? params.object('created') : undefined;
  if (!range) {
    const exact = params.requiredInt('created');
    return (created) => created === exact;
  }
  const gt = range.int('gt');
  const gte = range.int('gte');
  const lt = range.int('lt');
  const lte = range.int('lte');
  return (created) =>
    (gt === undefined || created > gt) &&
    (gte === undefined || created >= gte) &&
    (lt === undefined || created < lt) &&
    (lte === undefined || created <= lte);
}

/**
 * A page of a Stripe list: newest first, `limit` (1–100, default 10), cursors `starting_after`
 * and `ending_before` (object ids), and `created` ranges. `objects` come oldest first.
 */
export function paginate<T extends Listable>(
  objects: readonly T[],
  params: Params,
  options: { url: string; objectName: string; filter?: (object: T) => boolean },
): Stripe.ApiList<T> {
  const limit = params.int('limit') ?? 10;
  if (limit < 1 || limit > 100) {
    throw invalidRequest('Invalid limit: must be between 1 and 100', { param: 'limit' });
  }
  const inRange = createdFilter(params);
  const matches = (object: T) => inRange(object.created) && (options.filter?.(object) ?? true);
  const newestFirst = [...objects].reverse();

  const startingAfter = params.string('starting_after');
  const endingBefore = params.string('ending_before');
  const cursorIndex = (id: string, param: string) => {
    const index = newestFirst.findIndex((object) => object.id === id);
    if (index < 0) throw resourceMissing(options.objectName, id, param);
    return index;
  };

  let data: T[];
  let hasMore: boolean;
  if (endingBefore) {
    const candidates = newestFirst.slice(0, cursorIndex(endingBefore, 'ending_before')).filter(matches);
    data = candidates.slice(Math.max(0, candidates.length - limit));
    hasMore = candidates.length > limit;
  } else {
    const start = startingAfter ? cursorIndex(startingAfter, 'starting_after') + 1 : 0;
    const candidates = newestFirst.slice(start).filter(matches);
    data = candidates.slice(0, limit);
    hasMore = candidates.length > limit;
  }
  return { object: 'list', data, has_more: hasMore, url: options.url };
}
