/**
 * Coalesces a reply's deltas: a delta after a quiet moment goes out at once (the first token
 * is never held back), and the ones that follow within `windowMs` go out together. A provider
 * sends a token at a time; every event costs a bus message, a subgraph and a gateway
 * subscription execution and two WebSocket frames per subscriber, so under load a frame per
 * token would cost more than the reading eye gains.
 */
export class DeltaBatcher {
  private pending = '';
  private pendingOffset = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly send: (offset: number, delta: string) => void,
    /** A fixed window, or the window now (read as each one opens: see StreamWindow). */
    private readonly windowMs: number | (() => number),
  ) {}

  /** `delta` starts at `offset` of the reply (each follows the one before). */
  push(offset: number, delta: string): void {
    if (this.timer) {
      if (!this.pending) this.pendingOffset = offset;
      this.pending += delta;
      return;
    }
    this.send(offset, delta);
    this.openWindow();
  }

  /** Sends what is held (before the end of the reply is announced). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.sendPending();
  }

  private endWindow() {
    this.timer = undefined;
    // Something sent now opens a new window; nothing held means the next delta goes at once.
    if (this.sendPending()) this.openWindow();
  }

  private openWindow() {
    const ms = typeof this.windowMs === 'number' ? this.windowMs : this.windowMs();
    if (ms > 0) this.timer = setTimeout(() => this.endWindow(), ms);
  }

  private sendPending(): boolean {
    if (!this.pending) return false;
    const delta = this.pending;
    this.pending = '';
    this.send(this.pendingOffset, delta);
    return true;
  }
}
