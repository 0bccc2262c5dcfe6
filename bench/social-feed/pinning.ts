/**
 * Everything measured on one core: this process (the social subgraph's code runs in it) and
 * its PostgreSQL backends on CPU 0, when the machine has more than one.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Knex } from '@mikro-orm/postgresql';
import { multiCore } from '../pinned-process';

const pinned = new Set<number>();
let failures = 0;

/** This process, all its threads, on CPU 0. */
export function pinSelf(): void {
  if (multiCore) execFileSync('taskset', ['-a', '-cp', '0', String(process.pid)], { stdio: 'ignore' });
}

/**
 * The backends of the scratch database not pinned yet (all of them are this process's pool's),
 * on CPU 0: those of this machine (their command line names the database).
 */
export async function pinBackends(knex: Knex, database: string): Promise<void> {
  if (!multiCore) return;
  const { rows } = (await knex.raw(
    'select pid from pg_stat_activity where datname = current_database()',
  )) as {
    rows: Array<{ pid: number }>;
  };
  for (const { pid } of rows) {
    if (pinned.has(pid)) continue;
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(database)) continue;
      execFileSync('taskset', ['-pc', '0', String(pid)], { stdio: 'ignore' });
      pinned.add(pid);
    } catch {
      failures += 1;
    }
  }
}

export const pinningCounts = () => ({ multiCore, pinned: pinned.size, failures });
