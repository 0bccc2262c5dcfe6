import {
  createEvent,
  type EventEnvelope,
  OutboxEventSchema,
  type PlanLimits,
  ProcessedEventSchema,
} from '@lattice/events';
import { MikroORM, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { entitlementsChanged, usageEntities } from '../src';

/** MikroORM on its own schema of the test database, as a subgraph's would be, tables created. */
export async function openOrm(url: string, schema: string): Promise<MikroORM> {
  const orm = await MikroORM.init({
    driver: PostgreSqlDriver,
    clientUrl: url,
    schema,
    entities: [...usageEntities, OutboxEventSchema, ProcessedEventSchema],
    allowGlobalContext: false,
    forceUtcTimezone: true,
    pool: { min: 0, max: 10 },
    discovery: { warnWhenNoEntities: false },
  });
  await orm.schema.createSchema();
  return orm;
}

/** Counts the SQL statements `run` sends. */
export async function countStatements(orm: MikroORM, run: () => Promise<unknown>): Promise<number> {
  let count = 0;
  const knex = orm.em.getConnection().getKnex();
  const observe = () => (count += 1);
  knex.on('query', observe);
  try {
    await run();
  } finally {
    knex.off('query', observe);
  }
  return count;
}

export const iso = (text: string) => new Date(text);

/** A `billing.entitlements_changed` as billing would publish it, at `occurredAt`. */
export function entitlementsEvent(
  userId: string,
  fields: { plan: string; periodStart: string; periodEnd: string; limits: PlanLimits; occurredAt: string },
): EventEnvelope<'billing.entitlements_changed'> {
  const { occurredAt, ...data } = fields;
  return {
    ...createEvent('billing.entitlements_changed', {
      actor: null,
      subject: userId,
      data: { userId, ...data },
    }),
    occurredAt,
  };
}

/** Applies `billing.entitlements_changed` as the kit does: in a transaction of its own. */
export function applyEntitlements(orm: MikroORM, event: EventEnvelope<'billing.entitlements_changed'>) {
  return orm.em.fork().transactional((em) => entitlementsChanged(em, event, undefined));
}

export const UNLIMITED: PlanLimits = {
  aiTokens: null,
  imageGenerations: null,
  siteGenerations: null,
  storageBytes: null,
};
