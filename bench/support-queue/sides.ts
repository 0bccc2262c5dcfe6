/**
 * The two sides: the support subgraph in this process (startSubgraphFixture: its own scratch
 * database, migrated, requests signed as the gateway signs them), once as deployed and once with
 * `ticket_text_index` dropped, each with an agent to ask as.
 */
import type { Knex } from '@mikro-orm/postgresql';
import { startSubgraphFixture, type SubgraphFixture } from '@lattice/subgraph-kit/testing';
import { subgraph as support } from '@lattice/subgraph-support';

export interface Side {
  key: 'indexed' | 'baseline';
  label: string;
  fixture: SubgraphFixture<{ now(): Date }>;
  /** An agent's token: the queue is for agents (tokens last 10 minutes: see freshToken). */
  agent: string;
  agentId: string;
  /** The subgraph's own pool to its database (seeding, counts, explain). */
  knex: Knex;
}

export const LABELS: Record<Side['key'], string> = {
  indexed: 'GIN index (as deployed)',
  baseline: 'no text index (dropped)',
};

const ADD_AGENT = 'mutation($u: ID!) { addSupportAgent(userId: $u) { user { id } } }';

/** Every side started, for stopSides. */
const started: Side[] = [];

export async function startSide(key: Side['key']): Promise<Side> {
  // The janitor idle, as in support's own tests: nothing but the queries runs.
  const fixture = await startSubgraphFixture(support, { SUPPORT_JANITOR_INTERVAL_SECONDS: '3600' });
  const knex = fixture.em().getConnection().getKnex();
  const side: Side = { key, label: LABELS[key], fixture, agent: '', agentId: '', knex };
  started.push(side);
  if (key === 'baseline') await knex.raw('drop index support.ticket_text_index');
  const admin = await fixture.token('admin');
  const user = await fixture.user();
  await fixture.ok(admin, ADD_AGENT, { u: user.id });
  side.agent = user.token;
  side.agentId = user.id;
  return side;
}

/** A new token for the side's agent (before each shape: the test issuer's last 10 minutes). */
export async function freshToken(side: Side): Promise<void> {
  side.agent = await side.fixture.token('user', side.agentId);
}

/** Stops every side and drops its database; never throws. */
export async function stopSides(): Promise<void> {
  for (const side of started.splice(0))
    await side.fixture.stop().catch((error: unknown) => console.error(`${side.key} not stopped:`, error));
}
