/**
 * The subscription benchmark's two subgraphs: `ticks` owns `Subscription.ticks` (admin only,
 * like `platformEvents`), `users` owns the `User` entity each tick's `author` points to, so
 * every event of the `entity` shape goes through the query plan (an `_entities` fetch to
 * `users`), as platformEvents' actor does. The supergraph is composed at run time.
 */
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

const LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@requiresScopes"])';

export const typeDefs = {
  ticks: `${LINK}
    type Query {
      lastTick: Tick
    }
    type Subscription {
      "Every published tick; \`stream\` only tells subscriptions apart (K distinct ones share nothing)."
      ticks(stream: Int! = 0): Tick! @requiresScopes(scopes: [["admin"]])
    }
    type Tick {
      seq: Int!
      "Epoch milliseconds (fractional) when the subgraph published the event."
      publishedAt: Float!
      stream: Int!
      author: User!
    }
    type User @key(fields: "id", resolvable: false) {
      id: ID!
    }`,
  users: `${LINK}
    type User @key(fields: "id") {
      id: ID!
      name: String!
      email: String!
    }`,
} as const;

export type BenchSubgraph = keyof typeof typeDefs;

/** What each client subscribes to: with the entity fetch through the plan, or the root fields only. */
export const SUBSCRIPTIONS = {
  entity: /* GraphQL */ `
    subscription Ticks($stream: Int!) {
      ticks(stream: $stream) {
        seq
        publishedAt
        stream
        author {
          id
          name
          email
        }
      }
    }
  `,
  flat: /* GraphQL */ `
    subscription Ticks($stream: Int!) {
      ticks(stream: $stream) {
        seq
        publishedAt
        stream
      }
    }
  `,
} as const;

export type Shape = keyof typeof SUBSCRIPTIONS;

export function composeSupergraph(urls: Record<BenchSubgraph, string>): string {
  const result = composeServices(
    (Object.keys(typeDefs) as BenchSubgraph[]).map((name) => ({
      name,
      url: urls[name],
      typeDefs: parse(typeDefs[name]),
    })),
  );
  if (result.errors)
    throw new Error(`composition failed:\n${result.errors.map((e) => e.message).join('\n')}`);
  return result.supergraphSdl;
}

/** What the benchmark's gateway asks of whoever reads its /metrics (production needs one). */
export const BENCH_METRICS_TOKEN = 'bench-subscriptions-metrics';
