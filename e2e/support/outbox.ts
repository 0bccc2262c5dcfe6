import type { TestLattice } from './test-lattice';

/**
 * The newest event of a type about a subject, read from identity's outbox — how tests get
 * what a mail would carry (verification and reset tokens) until notifications delivers it.
 */
export async function latestIdentityEvent(lattice: TestLattice, type: string, subject: string) {
  const rows = await lattice.subgraphs
    .identity!.orm.em.getConnection()
    .execute<{ data: Record<string, string> }[]>(
      'select data from identity.outbox_event where type = ? and subject = ? order by occurred_at desc limit 1',
      [type, subject],
    );
  return rows[0]?.data;
}

export async function countRows(lattice: TestLattice, table: string, where = 'true', params: unknown[] = []) {
  const [schema] = table.split('.');
  const [row] = await lattice.subgraphs[schema!]!.orm.em.getConnection().execute<{ count: string }[]>(
    `select count(*) from ${table} where ${where}`,
    params,
  );
  return Number(row!.count);
}
