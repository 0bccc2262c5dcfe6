/**
 * Hands one event to a subscriber's transport; `sent` is called once the transport took it
 * (written to the socket), and only then is the next event handed over.
 */
export type ClientSink<T> = (item: T, sent: () => void) => void;

/**
 * The events waiting for one subscriber. Producers never wait: when the subscriber falls
 * `capacity` events behind, the oldest waiting event is dropped (and counted), so a slow
 * client loses its own backlog and never delays anyone else.
 *
 * Two ways to consume it: as an async iterator (one promise per event), or, for the
 * WebSocket transport's fan-out, through a sink attached with `attach`: events then go to
 * the sink synchronously as they are pushed, one at a time (the next once the previous was
 * sent), and the iterator only reports the end, once everything waiting was sent.
 */
export class ClientQueue<T> implements AsyncIterableIterator<T> {
  private readonly items: T[] = [];
  private head = 0;
  private waiting: ((result: IteratorResult<T>) => void) | undefined;
  private closed = false;
  private sink: ClientSink<T> | undefined;
  /** The sink holds an event it has not finished sending. */
  private sending = false;
  private pumping = false;

  constructor(
    private readonly capacity: number,
    private readonly onDrop: () => void,
    private readonly onReturn: () => void,
  ) {}

  /** From now on, events go to `sink` (see the class comment); the waiting ones first. */
  attach(sink: ClientSink<T>): void {
    if (this.closed && this.head === this.items.length) return;
    this.sink = sink;
    this.pump();
  }

  push(item: T): void {
    if (this.closed) return;
    if (this.sink) {
      if (!this.sending && this.head === this.items.length) {
        this.sending = true;
        this.sink(item, this.sent);
        return;
      }
    } else if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve({ value: item, done: false });
      return;
    }
    if (this.items.length - this.head >= this.capacity) {
      this.head += 1;
      this.onDrop();
    }
    this.items.push(item);
  }

  /** Ends the iteration once the waiting events are consumed. */
  end(): void {
    if (this.closed) return;
    this.closed = true;
    this.settleEnd();
  }

  next(): Promise<IteratorResult<T>> {
    if (!this.sink && this.head < this.items.length) {
      return Promise.resolve({ value: this.take(), done: false });
    }
    if (this.closed && this.drained) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  /** The subscriber left (or the server stopped its iteration). */
  return(): Promise<IteratorResult<T>> {
    const wasOpen = !this.closed;
    this.sink = undefined;
    this.sending = false;
    this.items.length = 0;
    this.head = 0;
    this.end();
    if (wasOpen) this.onReturn();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }

  private get drained(): boolean {
    return this.head === this.items.length && !this.sending;
  }

  private take(): T {
    const value = this.items[this.head] as T;
    this.head += 1;
    if (this.head === this.items.length) {
      this.items.length = 0;
      this.head = 0;
    } else if (this.head > 1024) {
      this.items.splice(0, this.head);
      this.head = 0;
    }
    return value;
  }

  private readonly sent = (): void => {
    this.sending = false;
    this.pump();
  };

  /** Hands the waiting events to the sink, one at a time. */
  private pump(): void {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.sink && !this.sending && this.head < this.items.length) {
        this.sending = true;
        this.sink(this.take(), this.sent);
      }
    } finally {
      this.pumping = false;
    }
    this.settleEnd();
  }

  /** Closed and nothing left to hand over: the iteration ends. */
  private settleEnd(): void {
    if (!this.closed || !this.waiting) return;
    if (this.sink && !this.drained) return;
    if (!this.sink && this.head < this.items.length) return;
    const resolve = this.waiting;
    this.waiting = undefined;
    resolve({ value: undefined, done: true });
  }
}
