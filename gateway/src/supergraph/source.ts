import { readFileSync, unwatchFile, watchFile } from 'node:fs';
import type { SupergraphSdlHook } from '@apollo/gateway';
import type { Logger } from '@lattice/server-kit';

/** Where the gateway reads its composed supergraph: a file, or a URL it polls. */
export type SupergraphSource = { path: string } | { url: string; pollMs: number };

/**
 * The supergraph hook for a source. Either way a changed supergraph goes through the
 * gateway's `update()`: @apollo/gateway builds the new schema and planner first and swaps
 * them in one step (requests already running finish on the old ones); a supergraph it
 * rejects (bad SDL, failed composition) is logged and the running one kept.
 */
export function supergraphHook(source: SupergraphSource, log: Logger): SupergraphSdlHook {
  return 'url' in source
    ? supergraphFromUrl(source.url, log, { pollMs: source.pollMs })
    : supergraphFromFile(source.path, log);
}

/** Applies a new supergraph, logging the outcome; returns whether the gateway took it. */
function apply(
  update: (sdl: string) => void,
  sdl: string,
  log: Logger,
  from: Record<string, string>,
): boolean {
  try {
    update(sdl);
    log.info(from, 'supergraph reloaded');
    return true;
  } catch (error) {
    log.error({ err: error, ...from }, 'supergraph rejected; keeping the current one');
    return false;
  }
}

/** Serves the supergraph from a file and applies a changed file without downtime. */
export function supergraphFromFile(path: string, log: Logger, pollMs = 500): SupergraphSdlHook {
  return async ({ update }) => {
    let current = readFileSync(path, 'utf8');
    watchFile(path, { interval: pollMs }, () => {
      let next: string;
      try {
        next = readFileSync(path, 'utf8');
      } catch (error) {
        log.error({ err: error, path }, 'supergraph file unreadable; keeping the current one');
        return;
      }
      if (next === current) return;
      if (apply(update, next, log, { path })) current = next;
    });
    return { supergraphSdl: current, cleanup: async () => unwatchFile(path) };
  };
}

export interface UrlSourceOptions {
  /** Time between two polls (from the end of one to the start of the next). */
  pollMs: number;
  /** A fetch slower than this is aborted (and retried at the next poll). */
  timeoutMs?: number;
}

/**
 * Serves the supergraph from a URL (a schema registry, an object store, a CDN), polled with
 * `If-None-Match` / `If-Modified-Since` so an unchanged supergraph costs a 304. The first
 * fetch must succeed (the gateway does not start otherwise); later a failed fetch, an error
 * status or a supergraph the gateway rejects is logged and the running one kept.
 */
export function supergraphFromUrl(url: string, log: Logger, options: UrlSourceOptions): SupergraphSdlHook {
  const timeoutMs = options.timeoutMs ?? Math.max(1_000, Math.min(options.pollMs, 10_000));
  return async ({ update }) => {
    const validators: { etag?: string; lastModified?: string } = {};
    const fetchSdl = async (conditional: boolean): Promise<string | undefined> => {
      const headers: Record<string, string> = { accept: 'text/plain, application/graphql, */*' };
      if (conditional && validators.etag) headers['if-none-match'] = validators.etag;
      if (conditional && validators.lastModified) headers['if-modified-since'] = validators.lastModified;
      const response = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
      if (response.status === 304) return undefined;
      if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
      const sdl = await response.text();
      // Remembered even when the gateway rejects this one: it is not fetched again until it changes.
      validators.etag = response.headers.get('etag') ?? undefined;
      validators.lastModified = response.headers.get('last-modified') ?? undefined;
      return sdl;
    };

    let current: string;
    try {
      current = (await fetchSdl(false))!;
    } catch (error) {
      throw new Error(`Could not load the supergraph from ${url}: ${(error as Error).message}`, {
        cause: error,
      });
    }

    let stopped = false;
    let timer: NodeJS.Timeout | undefined;
    const poll = async () => {
      try {
        const next = await fetchSdl(true);
        if (stopped || next === undefined || next === current) return;
        if (apply(update, next, log, { url })) current = next;
      } catch (error) {
        log.error({ err: error, url }, 'supergraph fetch failed; keeping the current one');
      } finally {
        if (!stopped) schedule();
      }
    };
    const schedule = () => {
      timer = setTimeout(() => void poll(), options.pollMs);
      timer.unref();
    };
    schedule();
    return {
      supergraphSdl: current,
      cleanup: async () => {
        stopped = true;
        clearTimeout(timer);
      },
    };
  };
}
