import type { Redis } from 'ioredis';
import { type LiveListener, ListenerRegistry } from './listener-registry';

/**
 * Live fan-out over Redis pub/sub: PUBLISH on `${prefix}:live:${channel}`, and ONE
 * subscriber connection per bus (created at the first listen) shared by every listener.
 */
export class RedisLive {
  private subscriber: Redis | null = null;
  private readonly listeners: ListenerRegistry;
  /** SUBSCRIBE in progress or done, per channel, so a second listener waits for the first. */
  private readonly subscribed = new Map<string, Promise<unknown>>();
  private readonly channelPrefix: string;

  constructor(
    private readonly client: Redis,
    prefix: string,
    private readonly onError: (error: unknown) => void,
  ) {
    this.channelPrefix = `${prefix}:live:`;
    this.listeners = new ListenerRegistry(onError);
  }

  async broadcast(channel: string, message: unknown): Promise<void> {
    await this.client.publish(this.channelPrefix + channel, JSON.stringify(message ?? null));
  }

  async listen(channel: string, onMessage: LiveListener): Promise<() => Promise<void>> {
    const subscriber = this.connect();
    const key = this.channelPrefix + channel;
    const { first, remove } = this.listeners.add(channel, onMessage);
    if (first) this.subscribed.set(key, subscriber.subscribe(key));
    try {
      await this.subscribed.get(key);
    } catch (error) {
      if (remove().last) this.subscribed.delete(key);
      throw error;
    }
    return async () => {
      if (!remove().last) return;
      this.subscribed.delete(key);
      await subscriber.unsubscribe(key).catch(this.onError);
    };
  }

  close(): void {
    this.listeners.clear();
    this.subscribed.clear();
    this.subscriber?.disconnect();
    this.subscriber = null;
  }

  private connect(): Redis {
    if (this.subscriber) return this.subscriber;
    const subscriber = this.client.duplicate();
    subscriber.on('error', this.onError);
    subscriber.on('message', (key: string, raw: string) => {
      if (!key.startsWith(this.channelPrefix)) return;
      let message: unknown;
      try {
        message = JSON.parse(raw);
      } catch (error) {
        this.onError(error);
        return;
      }
      this.listeners.emit(key.slice(this.channelPrefix.length), message);
    });
    this.subscriber = subscriber;
    return subscriber;
  }
}
