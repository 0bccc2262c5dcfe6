import type { Clock } from '../core/clock';
import { idempotencyError } from '../core/errors';

/** A response as sent, kept to be replayed byte for byte. */
export interface SavedResponse {
  status: number;
  body: string;
  requestId: string;
}

interface Entry {
  fingerprint: string;
  response: SavedResponse;
  expiresAt: number;
}

/** Stripe keeps idempotency keys for 24 hours. */
const KEY_LIFETIME = 24 * 3600;

/**
 * Idempotent POSTs: the first request with a key runs and its response is kept (for 24 simulated
 * hours); the same key with the same request replays it, with different parameters is refused.
 * Requests with the same key run one after the other, so concurrent retries create once.
 */
export class IdempotencyKeys {
  private readonly entries = new Map<string, Entry>();
  private readonly running = new Map<string, Promise<void>>();

  constructor(private readonly clock: Clock) {}

  async run(
    key: string,
    fingerprint: string,
    execute: () => SavedResponse | Promise<SavedResponse>,
  ): Promise<{ response: SavedResponse; replayed: boolean }> {
    const previous = this.running.get(key);
    let release!: () => void;
    const turn = new Promise<void>((resolve) => (release = resolve));
    const queued = (previous ?? Promise.resolve()).then(() => turn);
    this.running.set(key, queued);
    try {
      await previous;
      this.forgetExpired();
      const entry = this.entries.get(key);
      if (entry) {
        if (entry.fingerprint !== fingerprint) throw idempotencyError(key);
        return { response: entry.response, replayed: true };
      }
      const response = await execute();
      // Like Stripe, only requests that ran are kept: a refused parameter can be retried fixed.
      if (response.status < 400 || response.status === 402) {
        this.entries.set(key, { fingerprint, response, expiresAt: this.clock.now() + KEY_LIFETIME });
      }
      return { response, replayed: false };
    } finally {
      release();
      if (this.running.get(key) === queued) this.running.delete(key);
    }
  }

  /** Entries are kept in insertion order and the clock only moves forward: expired ones come first. */
  private forgetExpired(): void {
    const now = this.clock.now();
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt > now) break;
      this.entries.delete(key);
    }
  }
}
