import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { badUserInput } from '@lattice/server-kit';
import { type Connection, type PageArgs, paginate } from '@lattice/subgraph-kit';
import { Delivery, type DeliveryChannel, type DeliveryStatus } from '../entities';
import { isUuid } from './ids';

/** A window of creation times, [from, to). */
export interface TimeRange {
  from?: Date | null;
  to?: Date | null;
}

export interface DeliveryFilter extends TimeRange {
  status?: string | null;
  channel?: string | null;
  kind?: string | null;
  userId?: string | null;
}

export interface DeliveryCount {
  kind: string;
  channel: DeliveryChannel;
  status: DeliveryStatus;
  count: number;
}

/**
 * Deliveries matching every criterion given, newest first, keyset-paginated on
 * (createdAt, id). A userId that is not an id, or an empty time window, is BAD_USER_INPUT on
 * its field.
 */
export function listDeliveries(
  em: EntityManager,
  filter: DeliveryFilter,
  args: PageArgs,
): Promise<Connection<Delivery>> {
  if (filter.userId != null && !isUuid(filter.userId)) {
    throw badUserInput('filter.userId: not a user id', 'filter.userId');
  }
  checkRange(filter, 'filter.');
  const where: FilterQuery<Delivery> = {
    ...(filter.status ? { status: filter.status as DeliveryStatus } : {}),
    ...(filter.channel ? { channel: filter.channel as DeliveryChannel } : {}),
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.userId ? { userId: filter.userId } : {}),
    ...createdWithin(filter),
  };
  return paginate(em, Delivery, where, args, { orderBy: ['createdAt', 'id'], direction: 'desc' });
}

/** How many deliveries of each kind, channel and status were created within [from, to): one statement. */
export async function deliveryStats(em: EntityManager, range: TimeRange): Promise<DeliveryCount[]> {
  checkRange(range, '');
  const rows = await em.execute<DeliveryCount[]>(
    `select kind, channel, status, count(*)::int as count
       from notifications.delivery
      where (?::timestamptz is null or created_at >= ?) and (?::timestamptz is null or created_at < ?)
      group by kind, channel, status order by kind, channel, status`,
    [range.from ?? null, range.from ?? null, range.to ?? null, range.to ?? null],
  );
  return rows.map((row) => ({ ...row, count: Number(row.count) }));
}

function checkRange(range: TimeRange, prefix: string): void {
  if (range.from && range.to && range.from >= range.to) {
    throw badUserInput(`${prefix}from: must be before ${prefix}to`, `${prefix}from`);
  }
}

function createdWithin({ from, to }: TimeRange): { createdAt?: { $gte?: Date; $lt?: Date } } {
  if (!from && !to) return {};
  return { createdAt: { ...(from ? { $gte: from } : {}), ...(to ? { $lt: to } : {}) } };
}
