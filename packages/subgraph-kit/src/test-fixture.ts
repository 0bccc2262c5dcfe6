import { randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Role } from '@lattice/server-kit';
import type { SubgraphDefinition } from './definition';
import { startTokenIssuer, type TokenIssuer } from './test-tokens';
import { startTestSubgraph, type TestSubgraph } from './testing';

/** A GraphQL answer or event payload as tests read it: untyped JSON, asserted field by field. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests assert on its shape
type Json = any;

export interface SubgraphFixture<TRuntime> {
  fixture: TestSubgraph;
  /** What the definition's `init` built. */
  runtime: TRuntime;
  /** A GraphQL request as the gateway sends it (signed), as the holder of `token` (anonymous: null). */
  post(token: string | null, query: string, variables?: Record<string, unknown>): Promise<Json>;
  /** `post` that fails the test on any error, answering `data`. */
  ok(token: string | null, query: string, variables?: Record<string, unknown>): Promise<Json>;
  token(role: Role, userId?: string): Promise<string>;
  /** A new user: their id and token. */
  user(role?: Role): Promise<{ id: string; token: string }>;
  em(): EntityManager;
  /** Moves the runtime's clock (its `now()`) by `ms` from real time (0 puts it back). */
  setClockOffset(ms: number): void;
  /** Payloads of the subgraph's outbox rows of `type`, oldest first. */
  outbox(type: string): Promise<Array<Record<string, Json>>>;
  stop(): Promise<void>;
}

/**
 * A subgraph on a free port over a fresh database, serving the gateway alone (requests are
 * signed as the gateway signs them), with tokens of a test issuer: the common ground of each
 * subgraph's own tests. Its `env` is added to the subgraph's (e.g. a janitor interval long
 * enough to stay idle, so tests run passes themselves).
 */
export async function startSubgraphFixture<TRuntime extends { now(): Date }, TLoaders, TSettings>(
  definition: SubgraphDefinition<TRuntime, TLoaders, TSettings>,
  env: Record<string, string> = {},
): Promise<SubgraphFixture<TRuntime>> {
  const issuer: TokenIssuer = await startTokenIssuer();
  let runtime: TRuntime | undefined;
  let fixture: TestSubgraph;
  try {
    fixture = await startTestSubgraph(
      { ...definition, init: async (deps) => (runtime = await definition.init!(deps)) },
      {
        JWKS_URL: issuer.jwksUrl,
        SUBGRAPH_SECRET: randomBytes(32).toString('hex'),
        LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
        ...env,
      },
    );
  } catch (error) {
    await issuer.close();
    throw error;
  }
  const started = runtime!;
  const post: SubgraphFixture<TRuntime>['post'] = async (token, query, variables = {}) => {
    const response = await fixture.post(
      { query, variables },
      token ? { authorization: `Bearer ${token}` } : {},
    );
    return response.json();
  };
  return {
    fixture,
    runtime: started,
    post,
    ok: async (token, query, variables) => {
      const { data, errors } = await post(token, query, variables);
      if (errors) throw new Error(JSON.stringify(errors));
      return data;
    },
    token: (role, userId) => issuer.token(role, userId),
    user: async (role = 'user') => {
      const id = randomUUID();
      return { id, token: await issuer.token(role, id) };
    },
    em: () => fixture.subgraph.orm.em.fork() as EntityManager,
    setClockOffset: (ms) => {
      started.now = () => new Date(Date.now() + ms);
    },
    outbox: async (type) => {
      const rows = await fixture.subgraph.orm.em
        .fork()
        .getConnection()
        .execute<Array<{ data: Record<string, Json> }>>(
          `select data from "${definition.name}".outbox_event where type = ? order by occurred_at, id`,
          [type],
        );
      return rows.map((row) => row.data);
    },
    stop: async () => {
      await fixture.stop();
      await issuer.close();
    },
  };
}
