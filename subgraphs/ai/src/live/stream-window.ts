import { type EventLoopUtilization, performance } from 'node:perf_hooks';

/**
 * How long a reply's deltas are held to go out together (see DeltaBatcher), adapted to how busy
 * this process is: `baseMs` while its event loop has room; as it saturates (over 70 % busy in
 * the last interval), longer, up to `maxMs` at 95 % and more. Every event costs the same work
 * however many characters it carries (a bus message, a subgraph and a gateway subscription
 * execution, two WebSocket frames per subscriber), so a saturated process that keeps sending
 * 50 events a second per reply only delays everything else, first tokens of other replies
 * included. The text is the same; under load it comes in fewer, larger pieces.
 */
export class StreamWindow {
  private current: number;
  private last: EventLoopUtilization = performance.eventLoopUtilization();
  private readonly timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly baseMs: number,
    private readonly maxMs: number,
    intervalMs = 100,
  ) {
    this.current = baseMs;
    // A window of 0 (every delta as it comes) is asked for as such: never lengthened.
    if (baseMs > 0 && maxMs > baseMs) this.timer = setInterval(() => this.adjust(), intervalMs).unref();
  }

  /** The window now, in ms. */
  get ms(): number {
    return this.current;
  }

  close(): void {
    clearInterval(this.timer);
  }

  /** Sets the window from the event loop's utilization since the last call (0 to 1). */
  adjust(busy = this.utilization()): void {
    const load = Math.min(1, Math.max(0, (busy - 0.7) / 0.25));
    this.current = Math.round(this.baseMs + load * (this.maxMs - this.baseMs));
  }

  private utilization(): number {
    const now = performance.eventLoopUtilization();
    const busy = performance.eventLoopUtilization(now, this.last).utilization;
    this.last = now;
    return busy;
  }
}
