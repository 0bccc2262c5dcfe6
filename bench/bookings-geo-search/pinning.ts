/**
 * The server side of a search on one core: the runner moves itself off CPU 0, where the serving
 * processes run, and pins their PostgreSQL backends there as they are found.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { multiCore } from '../pinned-process';
import { appName, type Side } from './processes';
import { sql } from './runner-connection';

export interface Backend {
  pid: number;
  local: boolean;
  /** When it connected (ms since the epoch). */
  since: number;
}

const pinned = new Set<number>();
let pinFailures = 0;

/** The serving processes and their backends get CPU 0; this one (the client) the others. */
export function pinRunner(): void {
  if (multiCore) execFileSync('taskset', ['-a', '-cp', `1-${cpus().length - 1}`, String(process.pid)]);
}

/** This side's PostgreSQL backends (its pool's connections), found by application_name. */
export async function backendsOf(key: Side['key'], database: string): Promise<Backend[]> {
  const rows = await sql<{ pid: number; since: string }>(
    `select pid, (extract(epoch from backend_start) * 1000)::float8 as since from pg_stat_activity
     where datname = current_database() and application_name = '${appName(key)}'`,
  );
  return rows.map(({ pid, since }) => {
    let local = false;
    try {
      // A backend of this server on this machine: its command line names the database.
      local = readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(database);
    } catch {
      // another machine or container
    }
    return { pid, local, since: Number(since) };
  });
}

/** Pins the backends not yet pinned to CPU 0 (where their serving process runs). */
export function pinBackends(backends: Backend[]): void {
  if (!multiCore) return;
  for (const { pid, local } of backends) {
    if (!local || pinned.has(pid)) continue;
    try {
      execFileSync('taskset', ['-pc', '0', String(pid)], { stdio: 'ignore' });
      pinned.add(pid);
    } catch {
      pinFailures += 1;
    }
  }
}

/** Backends pinned so far, and how many attempts failed. */
export const pinningCounts = () => ({ pinned: pinned.size, failures: pinFailures });
