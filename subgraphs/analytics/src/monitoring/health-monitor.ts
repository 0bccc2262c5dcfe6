/** A service to watch and how to ask it whether it is ready (throws when it is not). */
export interface ProbeTarget {
  name: string;
  probe: (signal: AbortSignal) => Promise<void>;
}

export interface ProbeState {
  name: string;
  status: 'UP' | 'DOWN' | 'UNKNOWN';
  probeLatencyMs: number | null;
  checkedAt: Date | null;
  upSince: Date | null;
  /** Share of successful probes among the last `historySize`; null before the first probe. */
  uptime: number | null;
}

export interface HealthMonitorOptions {
  intervalMs: number;
  timeoutMs: number;
  /** How many probe outcomes `uptime` is computed over. */
  historySize: number;
}

interface Watched {
  target: ProbeTarget;
  state: ProbeState;
  history: boolean[];
}

/** Probes every target on an interval; `states()` is what it saw last. */
export class HealthMonitor {
  private readonly watched: Watched[];
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    targets: readonly ProbeTarget[],
    private readonly options: HealthMonitorOptions,
  ) {
    this.watched = targets.map((target) => ({
      target,
      history: [],
      state: {
        name: target.name,
        status: 'UNKNOWN',
        probeLatencyMs: null,
        checkedAt: null,
        upSince: null,
        uptime: null,
      },
    }));
  }

  start(): void {
    void this.probeAll();
    this.timer = setInterval(() => void this.probeAll(), this.options.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  states(): ProbeState[] {
    return this.watched.map(({ state }) => ({ ...state }));
  }

  /** One round; a round still running (slow targets) is not overlapped. */
  probeAll(): Promise<void> {
    this.running ??= Promise.all(this.watched.map((watched) => this.probeOne(watched))).then(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async probeOne(watched: Watched): Promise<void> {
    const started = performance.now();
    let healthy: boolean;
    try {
      await watched.target.probe(AbortSignal.timeout(this.options.timeoutMs));
      healthy = true;
    } catch {
      healthy = false;
    }
    const now = new Date();
    watched.history.push(healthy);
    if (watched.history.length > this.options.historySize) watched.history.shift();
    const previous = watched.state;
    watched.state = {
      name: previous.name,
      status: healthy ? 'UP' : 'DOWN',
      probeLatencyMs: Math.round((performance.now() - started) * 100) / 100,
      checkedAt: now,
      upSince: healthy ? (previous.status === 'UP' ? previous.upSince : now) : null,
      uptime: watched.history.filter(Boolean).length / watched.history.length,
    };
  }
}

/** Probes a service's `GET /health/ready` (beside its GraphQL endpoint). */
export function httpReadiness(name: string, graphqlUrl: string): ProbeTarget {
  const url = new URL('/health/ready', graphqlUrl);
  return {
    name,
    probe: async (signal) => {
      const response = await fetch(url, { signal });
      await response.arrayBuffer(); // frees the connection
      if (!response.ok) throw new Error(`${name} answered ${response.status}`);
    },
  };
}
