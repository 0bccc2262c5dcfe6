import type { EventBus } from '@lattice/events';
import type { Logger } from '@lattice/server-kit';
import { CONTROL_CHANNEL, type ControlMessage, STREAM_CHANNEL, type StreamMessage } from './stream-events';

/** What the hub asks of a reply being generated in this process. */
export interface LocalGeneration {
  conversationId: string;
  /** Everything written so far. */
  content(): string;
  cancel(): void;
}

/**
 * Replies travel on the bus (Redis pub/sub across replicas, in process otherwise): the replica
 * generating a reply broadcasts its deltas and its end; every replica hands them to its own
 * subscribers of that conversation. A subscriber arriving late asks for a catch-up, which the
 * generating replica answers with a snapshot on the same channel, after the deltas it covers.
 */
export class ReplyHub {
  private readonly subscribers = new Map<string, Set<(message: StreamMessage) => void>>();
  private readonly generations = new Map<string, LocalGeneration>();
  private stops: Array<() => Promise<void>> = [];

  constructor(
    private readonly bus: EventBus,
    private readonly log: Logger,
  ) {}

  async start(): Promise<void> {
    this.stops = await Promise.all([
      this.bus.listen(STREAM_CHANNEL, (message) => this.deliver(message as StreamMessage)),
      this.bus.listen(CONTROL_CHANNEL, (message) => this.control(message as ControlMessage)),
    ]);
  }

  async stop(): Promise<void> {
    for (const generation of this.generations.values()) generation.cancel();
    await Promise.all(this.stops.map((stop) => stop()));
    this.subscribers.clear();
  }

  /** Sends a piece or the end of a reply to every subscriber, wherever they are connected. */
  publish(message: StreamMessage): void {
    this.bus
      .broadcast(STREAM_CHANNEL, message)
      .catch((error: unknown) =>
        this.log.error({ err: error, messageId: message.messageId }, 'reply broadcast failed'),
      );
  }

  /** Asks whichever replica generates `messageId` for a snapshot, or to cancel it. */
  request(message: ControlMessage): Promise<void> {
    return this.bus.broadcast(CONTROL_CHANNEL, message);
  }

  /** Registers a reply generated here (for catch-ups and cancels); returns how to unregister. */
  generating(messageId: string, generation: LocalGeneration): () => void {
    this.generations.set(messageId, generation);
    return () => this.generations.delete(messageId);
  }

  isGeneratingHere(messageId: string): boolean {
    return this.generations.has(messageId);
  }

  /** Calls `listener` with everything streamed in `conversationId`; returns how to stop. */
  listen(conversationId: string, listener: (message: StreamMessage) => void): () => void {
    const set = this.subscribers.get(conversationId) ?? new Set();
    set.add(listener);
    this.subscribers.set(conversationId, set);
    return () => {
      set.delete(listener);
      if (!set.size) this.subscribers.delete(conversationId);
    };
  }

  private deliver(message: StreamMessage | null) {
    if (typeof message?.conversationId !== 'string') return;
    for (const listener of this.subscribers.get(message.conversationId) ?? []) listener(message);
  }

  private control(message: ControlMessage | null) {
    const generation = message && this.generations.get(message.messageId);
    if (!generation || !message) return;
    if (message.kind === 'cancel') return generation.cancel();
    this.publish({
      kind: 'snapshot',
      conversationId: generation.conversationId,
      messageId: message.messageId,
      content: generation.content(),
    });
  }
}
