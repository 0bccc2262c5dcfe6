import { type EntityManager, EntitySchema, type MikroORM } from '@mikro-orm/postgresql';
import type { EventHandler } from './bus';
import type { EventEnvelope } from './envelope';

/** "Consumer X has applied event Y": what makes a redelivered event change nothing. */
export class ProcessedEvent {
  consumer!: string;
  eventId!: string;
  processedAt!: Date;
}

export const ProcessedEventSchema = new EntitySchema<ProcessedEvent>({
  class: ProcessedEvent,
  tableName: 'processed_event',
  properties: {
    consumer: { type: 'string', length: 255, primary: true },
    eventId: { type: 'string', length: 255, primary: true },
    processedAt: { type: 'datetime' },
  },
});

/**
 * Wraps `apply` so each event is applied once per consumer: the processed-event row and
 * the changes of `apply` commit in ONE transaction (on a forked em). An event already
 * recorded is acknowledged without applying; a throw rolls both back, so the redelivery
 * applies it.
 */
export function idempotent(
  orm: MikroORM,
  consumer: string,
  apply: (em: EntityManager, event: EventEnvelope) => Promise<void>,
): EventHandler {
  return async (event) => {
    await orm.em.fork().transactional(async (em) => {
      const { affectedRows } = await em
        .createQueryBuilder(ProcessedEvent)
        .insert({ consumer, eventId: event.id, processedAt: new Date() })
        .onConflict(['consumer', 'eventId'])
        .ignore()
        .execute('run');
      if (affectedRows === 0) return; // applied before: a redelivery
      await apply(em, event);
    });
  };
}
