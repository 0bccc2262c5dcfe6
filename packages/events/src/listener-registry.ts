export type LiveListener = (message: unknown) => void;

/** Live-message listeners by channel; both buses dispatch through it. */
export class ListenerRegistry {
  // Wrapper objects, so one function can listen twice and be removed once.
  private readonly channels = new Map<string, Set<{ fn: LiveListener }>>();

  constructor(private readonly onError: (error: unknown) => void) {}

  /** Adds a listener; `first` tells whether the channel had none before. */
  add(channel: string, fn: LiveListener): { first: boolean; remove: () => { last: boolean } } {
    let listeners = this.channels.get(channel);
    const first = !listeners;
    if (!listeners) {
      listeners = new Set();
      this.channels.set(channel, listeners);
    }
    const entry = { fn };
    listeners.add(entry);
    const set = listeners;
    return {
      first,
      remove: () => {
        if (!set.delete(entry)) return { last: false };
        if (set.size > 0 || this.channels.get(channel) !== set) return { last: false };
        this.channels.delete(channel);
        return { last: true };
      },
    };
  }

  has(channel: string): boolean {
    return this.channels.has(channel);
  }

  emit(channel: string, message: unknown): void {
    const listeners = this.channels.get(channel);
    if (!listeners) return;
    for (const { fn } of [...listeners]) {
      try {
        fn(message);
      } catch (error) {
        this.onError(error);
      }
    }
  }

  clear(): void {
    this.channels.clear();
  }
}
