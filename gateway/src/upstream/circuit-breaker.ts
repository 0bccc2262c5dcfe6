/** 0 closed, 1 half-open, 2 open: the value of the `subgraph_circuit_state` gauge. */
export const CircuitState = { Closed: 0, HalfOpen: 1, Open: 2 } as const;
export type CircuitState = (typeof CircuitState)[keyof typeof CircuitState];

export interface CircuitBreakerOptions {
  /** Consecutive failed fetches that open the circuit. */
  failureThreshold: number;
  /** How long the circuit stays open before one probe is let through. */
  resetMs: number;
  onStateChange?: (state: CircuitState) => void;
  now?: () => number;
}

/**
 * What a caller may do: `call` normally, `probe` (the one call let through a half-open
 * circuit; its outcome closes or re-opens it), or nothing (`reject`: fail fast).
 */
export type Admission = 'call' | 'probe' | 'reject';

/**
 * A circuit breaker for one subgraph. Closed: every call goes through, and
 * `failureThreshold` consecutive failures open it. Open: calls are refused without touching
 * the network until `resetMs` has passed; then the next call is the half-open probe (the
 * others keep being refused while it runs): its success closes the circuit, its failure
 * opens it again for another `resetMs`.
 */
export class CircuitBreaker {
  private current: CircuitState = CircuitState.Closed;
  private failures = 0;
  private openedAt = 0;
  private readonly now: () => number;

  constructor(private readonly options: CircuitBreakerOptions) {
    this.now = options.now ?? Date.now;
    options.onStateChange?.(this.current);
  }

  get state(): CircuitState {
    return this.current;
  }

  /** Asks to call the subgraph; every admitted call must end with `succeeded` or `failed`. */
  admit(): Admission {
    if (this.current === CircuitState.Closed) return 'call';
    if (this.current === CircuitState.Open && this.now() - this.openedAt >= this.options.resetMs) {
      this.moveTo(CircuitState.HalfOpen);
      return 'probe';
    }
    return 'reject';
  }

  /** True while calls are refused (so an ongoing retry loop should stop). */
  get isOpen(): boolean {
    return this.current === CircuitState.Open;
  }

  succeeded(): void {
    this.failures = 0;
    if (this.current !== CircuitState.Closed) this.moveTo(CircuitState.Closed);
  }

  failed(): void {
    this.failures += 1;
    if (this.current === CircuitState.HalfOpen || this.failures >= this.options.failureThreshold) {
      this.openedAt = this.now();
      if (this.current !== CircuitState.Open) this.moveTo(CircuitState.Open);
    }
  }

  private moveTo(state: CircuitState): void {
    this.current = state;
    this.options.onStateChange?.(state);
  }
}
