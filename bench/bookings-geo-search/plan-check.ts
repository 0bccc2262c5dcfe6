/** The plan check: which scans of bookings.gym each serving process made, from PostgreSQL's counters. */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Side } from './processes';
import { sql } from './runner-connection';
import { search } from './search';
import type { Point } from './seed';

export interface ScanCounts {
  seqScans: number;
  indexScans: number;
}

async function scanCounts(): Promise<ScanCounts> {
  const [row] = await sql<{ seq_scan: string; idx_scan: string }>(
    `select t.seq_scan, i.idx_scan from pg_stat_user_tables t
       join pg_stat_user_indexes i on i.relid = t.relid and i.indexrelname = 'gym_location_index'
     where t.relid = 'bookings.gym'::regclass`,
  );
  return { seqScans: Number(row!.seq_scan), indexScans: Number(row!.idx_scan) };
}

/**
 * A backend reports its counters when idle, at the latest PostgreSQL 15's PGSTAT_IDLE_INTERVAL
 * (10 s) after its last statement: waiting longer makes every earlier scan counted.
 */
const STATISTICS_SETTLE_MS = 11_000;

/** PLAN_CHECK searches on `side`, then the scans of bookings.gym they added once reported. */
export async function scansMadeBy(side: Side, points: Point[]): Promise<ScanCounts> {
  await sleep(STATISTICS_SETTLE_MS);
  const before = await scanCounts();
  for (const point of points) await search(side, point);
  await sleep(STATISTICS_SETTLE_MS);
  const after = await scanCounts();
  return { seqScans: after.seqScans - before.seqScans, indexScans: after.indexScans - before.indexScans };
}
