import type { Logger } from 'pino';

interface Closer {
  name: string;
  close: () => Promise<unknown> | unknown;
}

/**
 * Owns the resources of a process (servers, pools, clients) and closes them in reverse
 * order of opening, each once, even if one of them fails.
 */
export class Resources {
  private readonly closers: Closer[] = [];
  private closing?: Promise<void>;

  constructor(private readonly log?: Logger) {}

  add(name: string, close: Closer['close']): void {
    this.closers.push({ name, close });
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      for (const closer of this.closers.reverse()) {
        try {
          await closer.close();
          this.log?.debug({ resource: closer.name }, 'closed');
        } catch (error) {
          this.log?.error({ err: error, resource: closer.name }, 'failed to close');
        }
      }
    })();
    return this.closing;
  }
}

/**
 * Closes `resources` on SIGTERM/SIGINT, then exits. Further signals while closing are
 * ignored (a Ctrl-C under `npm start` arrives twice: from the terminal and relayed by npm);
 * a shutdown that takes longer than `timeoutMs` ends the process anyway.
 */
export function closeOnSignals(resources: { close(): Promise<void> }, log: Logger, timeoutMs = 15_000): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    setTimeout(() => {
      log.error({ timeoutMs }, 'shutdown timed out');
      process.exit(1);
    }, timeoutMs).unref();
    resources.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
