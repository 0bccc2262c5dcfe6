import { Redis } from 'ioredis';
import { type BusOptions, type ConsumeOptions, type Consumer, type EventBus, resolveBusOptions } from './bus';
import type { EventEnvelope } from './envelope';
import { EVENT_FIELD, RedisStreamConsumer } from './redis-consumer';
import { RedisLive } from './redis-live';
import { encodeEnvelope } from './serialize';

export interface RedisBusOptions extends BusOptions {
  url: string;
  /** Key prefix. Default 'lattice'. */
  prefix?: string;
  /** Approximate cap of the stream (XADD MAXLEN ~). Default 1_000_000. */
  maxLength?: number;
}

const PING_TIMEOUT_MS = 2000;
// ioredis arms a timer of this length on every disconnect(), and never clears it when the
// socket was already gone (Redis unreachable): its 2 s default kept jest from exiting.
const DISCONNECT_TIMEOUT_MS = 200;

/**
 * The bus of multi-process mode: ONE stream `${prefix}:events` read through consumer
 * groups (durable, at-least-once), dead letters in `${prefix}:events:dead`, and pub/sub on
 * `${prefix}:live:*` for live fan-out. Connections: one for commands, one per consumer
 * (blocking reads) and one shared subscriber.
 */
export function createRedisBus(options: RedisBusOptions): EventBus {
  const settings = resolveBusOptions(options);
  const prefix = options.prefix ?? 'lattice';
  const stream = `${prefix}:events`;
  const deadStream = `${stream}:dead`;
  const maxLength = options.maxLength ?? 1_000_000;
  const client = new Redis(options.url, { disconnectTimeout: DISCONNECT_TIMEOUT_MS });
  client.on('error', settings.onError);
  const live = new RedisLive(client, prefix, settings.onError);
  const consumers = new Set<RedisStreamConsumer>();
  let closed = false;

  const assertOpen = () => {
    if (closed) throw new Error('The event bus is closed');
  };

  return {
    kind: 'redis',

    async publish(event: EventEnvelope): Promise<void> {
      assertOpen();
      await client.xadd(stream, 'MAXLEN', '~', maxLength, '*', EVENT_FIELD, encodeEnvelope(event));
    },

    consume(consumeOptions: ConsumeOptions): Consumer {
      assertOpen();
      const connection = client.duplicate();
      // The consumer loop reports failed commands itself; reconnect noise is not repeated.
      connection.on('error', () => {});
      const consumer = new RedisStreamConsumer({
        connection,
        stream,
        deadStream,
        maxLength,
        options: consumeOptions,
        settings,
      });
      consumers.add(consumer);
      return {
        stop: async () => {
          consumers.delete(consumer);
          await consumer.stop();
        },
      };
    },

    async broadcast(channel: string, message: unknown): Promise<void> {
      assertOpen();
      await live.broadcast(channel, message);
    },

    async listen(channel: string, onMessage: (message: unknown) => void): Promise<() => Promise<void>> {
      assertOpen();
      return live.listen(channel, onMessage);
    },

    async ping(): Promise<void> {
      assertOpen();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`Redis did not answer PING within ${PING_TIMEOUT_MS} ms`)),
          PING_TIMEOUT_MS,
        );
      });
      try {
        await Promise.race([client.ping(), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },

    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await Promise.all([...consumers].map((consumer) => consumer.stop()));
      consumers.clear();
      live.close();
      // QUIT lets commands already sent get their replies; a connection that is not up is just dropped.
      if (client.status === 'ready') await client.quit().catch(() => client.disconnect());
      else client.disconnect();
    },
  };
}
