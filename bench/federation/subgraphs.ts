/**
 * The four subgraphs of the federation benchmark (accounts, inventory, products, reviews),
 * built with @apollo/subgraph on the data of data.ts. They must cost next to nothing so the
 * gateway is the bottleneck: each answer is executed once with graphql-js and then served
 * from a cache keyed by the request body (the gateways send the same few fetches again and
 * again), on plain node:http with keep-alive.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { type DocumentNode, execute, type GraphQLSchema, parse } from 'graphql';
import {
  IN_STOCK,
  PRODUCTS,
  productReviews,
  REVIEW_AUTHOR,
  REVIEWS,
  shippingEstimate,
  USERS,
  userReviews,
} from './data';

const LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@requires", "@provides", "@shareable"])';

export const SUBGRAPHS = ['accounts', 'inventory', 'products', 'reviews'] as const;
export type SubgraphName = (typeof SUBGRAPHS)[number];

export const typeDefs: Record<SubgraphName, string> = {
  accounts: `${LINK}
    type Query {
      me: User
      user(id: ID!): User
      users: [User]
    }
    type User @key(fields: "id") {
      id: ID!
      name: String
      username: String @shareable
      birthday: Int
    }`,
  inventory: `${LINK}
    type Product @key(fields: "upc") {
      upc: String!
      weight: Int @external
      price: Int @external
      inStock: Boolean
      shippingEstimate: Int @requires(fields: "price weight")
    }`,
  products: `${LINK}
    type Query {
      topProducts(first: Int = 5): [Product]
    }
    type Product @key(fields: "upc") {
      upc: String!
      name: String
      price: Int
      weight: Int
    }`,
  reviews: `${LINK}
    type Review @key(fields: "id") {
      id: ID!
      body: String
      product: Product
      author: User @provides(fields: "username")
    }
    type User @key(fields: "id") {
      id: ID!
      username: String @external
      reviews: [Review]
    }
    type Product @key(fields: "upc") {
      upc: String!
      reviews: [Review]
    }`,
};

type Ref = Record<string, unknown>;
const resolvers: Record<SubgraphName, Record<string, Record<string, unknown>>> = {
  accounts: {
    Query: {
      me: () => USERS[0],
      user: (_: unknown, { id }: { id: string }) => USERS.find((user) => user.id === id) ?? null,
      users: () => USERS,
    },
    User: { __resolveReference: ({ id }: Ref) => USERS.find((user) => user.id === id) ?? null },
  },
  inventory: {
    Product: {
      __resolveReference: (ref: Ref) => ({ ...ref, inStock: IN_STOCK[ref.upc as string] ?? null }),
      shippingEstimate: (ref: Ref) => shippingEstimate(ref.price as number, ref.weight as number),
    },
  },
  products: {
    Query: { topProducts: (_: unknown, { first }: { first?: number }) => PRODUCTS.slice(0, first ?? 5) },
    Product: { __resolveReference: ({ upc }: Ref) => PRODUCTS.find((p) => p.upc === upc) ?? null },
  },
  reviews: {
    Review: {
      __resolveReference: ({ id }: Ref) => REVIEWS.find((review) => review.id === id) ?? null,
      author: () => REVIEW_AUTHOR,
    },
    User: {
      __resolveReference: ({ id }: Ref) => ({ id, username: 'user' }),
      reviews: () => userReviews(),
    },
    Product: {
      __resolveReference: ({ upc }: Ref) => ({ upc }),
      reviews: ({ upc }: Ref) => productReviews(upc as string),
    },
  },
};

export function subgraphSchema(name: SubgraphName): GraphQLSchema {
  return buildSubgraphSchema({
    typeDefs: parse(typeDefs[name]),
    resolvers: resolvers[name] as never,
  });
}

/** A subgraph on node:http whose answers are computed once per distinct request body. */
export function serveSubgraph(name: SubgraphName): Server {
  const schema = subgraphSchema(name);
  const documents = new Map<string, DocumentNode>();
  const answers = new Map<string, Buffer>();
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const cached = answers.get(raw);
      if (cached) return send(cached);
      void run(raw).then((result) => {
        const answer = Buffer.from(JSON.stringify(result));
        if (answers.size > 10_000) answers.clear();
        answers.set(raw, answer);
        send(answer);
      });
    });
    function send(answer: Buffer): void {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': answer.length });
      res.end(answer);
    }
  });

  async function run(raw: string): Promise<unknown> {
    try {
      const { query, variables, operationName } = JSON.parse(raw) as {
        query: string;
        variables?: Record<string, unknown>;
        operationName?: string;
      };
      let document = documents.get(query);
      if (!document) {
        document = parse(query);
        documents.set(query, document);
      }
      return await execute({ schema, document, variableValues: variables, operationName });
    } catch (error) {
      return { errors: [{ message: (error as Error).message }] };
    }
  }
}

export async function listenAll(): Promise<{ urls: Record<SubgraphName, string>; close(): void }> {
  const servers: Server[] = [];
  const urls = {} as Record<SubgraphName, string>;
  for (const name of SUBGRAPHS) {
    const server = serveSubgraph(name);
    server.keepAliveTimeout = 60_000;
    // BENCH_SUBGRAPH_HOST=localhost: URLs by name (a DNS lookup per new connection), as the
    // all-in-one setup has them; default: by address.
    const host = process.env.BENCH_SUBGRAPH_HOST ?? '127.0.0.1';
    await new Promise<void>((resolve) => server.listen(0, host === 'localhost' ? '::' : host, resolve));
    servers.push(server);
    urls[name] = `http://${host}:${(server.address() as AddressInfo).port}/graphql`;
  }
  return {
    urls,
    close: () => {
      for (const server of servers) {
        server.closeAllConnections();
        server.close();
      }
    },
  };
}

if (require.main === module) {
  void listenAll().then(({ urls, close }) => {
    console.log(JSON.stringify(urls));
    process.once('SIGTERM', () => {
      close();
      process.exit(0);
    });
  });
}
