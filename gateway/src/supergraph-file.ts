import { readFileSync, unwatchFile, watchFile } from 'node:fs';
import type { SupergraphSdlHook } from '@apollo/gateway';
import type { Logger } from '@lattice/server-kit';

/**
 * Serves the supergraph from a file and applies a changed file without downtime. A file
 * the gateway rejects (bad SDL, failed composition) is logged and the running one kept.
 */
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
      try {
        update(next);
        current = next;
        log.info({ path }, 'supergraph reloaded');
      } catch (error) {
        log.error({ err: error, path }, 'supergraph rejected; keeping the current one');
      }
    });
    return { supergraphSdl: current, cleanup: async () => unwatchFile(path) };
  };
}
