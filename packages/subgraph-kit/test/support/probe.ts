import { join } from 'node:path';
import { parse } from 'graphql';
import { defineSubgraph } from '../../src';
import type { SubgraphContext } from '../../src';

/** Resolver executions, to show that a refused request ran nothing. */
export const executed = { count: 0 };

/** A subgraph with a query, fields reading the client's address and origin, and a subscription. */
export const probe = defineSubgraph({
  name: 'probe',
  typeDefs: parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
    type Query { ok: String!  clientIp: String  clientOrigin: String }
    type Subscription { ticks: Int! }
  `),
  resolvers: {
    Query: {
      ok: () => {
        executed.count += 1;
        return 'ok';
      },
      clientIp: (_parent: unknown, _args: unknown, ctx: SubgraphContext) => ctx.client.ip,
      clientOrigin: (_parent: unknown, _args: unknown, ctx: SubgraphContext) => ctx.client.origin,
    },
    Subscription: {
      ticks: {
        subscribe: async function* () {
          executed.count += 1;
          yield { ticks: 1 };
        },
      },
    },
  },
  entities: [],
  migrationsPath: join(__dirname, '..', 'no-migrations'),
  port: 0,
  loaders: () => ({}),
});
