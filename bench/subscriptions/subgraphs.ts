/**
 * The benchmark's subgraphs in one process (pinned to the load generator's core by run.ts):
 * `ticks` (HTTP + graphql-ws) publishing a tick every 1/BENCH_RATE seconds to every open
 * `ticks` subscription, `users` (HTTP) resolving the ticks' authors, and the JWKS the
 * gateway verifies the clients' tokens with. Prints its URLs as one JSON line.
 *
 * Env: BENCH_RATE (events/s), BENCH_JWKS (the public JWK Set, JSON).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { type DocumentNode, execute, type GraphQLSchema, parse } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { typeDefs } from './schema';

const rate = Number(process.env.BENCH_RATE ?? 1);
const jwks = process.env.BENCH_JWKS ?? '{"keys":[]}';

interface TickEvent {
  seq: number;
  publishedAt: number;
  authorId: string;
}

/** One open `ticks` subscription: the events published since it last took some. */
class Listener implements AsyncIterableIterator<{ ticks: TickEvent & { stream: number } }> {
  private readonly items: TickEvent[] = [];
  private waiting: ((result: IteratorResult<{ ticks: TickEvent & { stream: number } }>) => void) | undefined;

  constructor(
    private readonly stream: number,
    private readonly onClose: (listener: Listener) => void,
  ) {}

  push(event: TickEvent): void {
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve({ value: { ticks: { ...event, stream: this.stream } }, done: false });
    } else this.items.push(event);
  }

  next(): Promise<IteratorResult<{ ticks: TickEvent & { stream: number } }>> {
    const event = this.items.shift();
    if (event) return Promise.resolve({ value: { ticks: { ...event, stream: this.stream } }, done: false });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<{ ticks: TickEvent & { stream: number } }>> {
    this.onClose(this);
    this.waiting?.({ value: undefined, done: true });
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator]() {
    return this;
  }
}

const listeners = new Set<Listener>();

const ticksSchema = buildSubgraphSchema({
  typeDefs: parse(typeDefs.ticks),
  resolvers: {
    Query: { lastTick: () => null },
    Subscription: {
      ticks: {
        subscribe: (_: unknown, args: { stream: number }) => {
          const listener = new Listener(args.stream, (closed) => listeners.delete(closed));
          listeners.add(listener);
          return listener;
        },
      },
    },
    Tick: { author: (tick: TickEvent) => ({ id: tick.authorId }) },
  } as never,
});

const usersSchema = buildSubgraphSchema({
  typeDefs: parse(typeDefs.users),
  resolvers: {
    User: {
      __resolveReference: (reference: { id: string }) => ({
        id: reference.id,
        name: `User ${reference.id}`,
        email: `${reference.id}@bench.example`,
      }),
    },
  } as never,
});

/** Publishes tick `seq` at start + seq/rate, whatever the timer's drift. */
function startPublishing(): void {
  const period = 1000 / rate;
  const start = performance.now();
  let seq = 0;
  const publish = () => {
    seq += 1;
    const event: TickEvent = {
      seq,
      publishedAt: performance.timeOrigin + performance.now(),
      authorId: `u${seq % 100}`,
    };
    for (const listener of listeners) listener.push(event);
    setTimeout(publish, Math.max(0, start + (seq + 1) * period - performance.now()));
  };
  setTimeout(publish, period);
}

function graphqlOverHttp(schema: GraphQLSchema) {
  const documents = new Map<string, DocumentNode>();
  return async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method === 'GET' && req.url === '/.well-known/jwks.json') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(jwks);
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
      query: string;
      variables?: Record<string, unknown>;
      operationName?: string;
    };
    let document = documents.get(body.query);
    if (!document) documents.set(body.query, (document = parse(body.query)));
    const result = await execute({
      schema,
      document,
      variableValues: body.variables,
      operationName: body.operationName,
    });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
  };
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

async function main(): Promise<void> {
  const serveTicks = graphqlOverHttp(ticksSchema);
  const serveUsers = graphqlOverHttp(usersSchema);
  const ticks = createServer((req, res) => void serveTicks(req, res));
  const users = createServer((req, res) => void serveUsers(req, res));
  ticks.keepAliveTimeout = users.keepAliveTimeout = 60_000;
  useServer({ schema: ticksSchema }, new WebSocketServer({ server: ticks, path: '/graphql' }));
  const urls = { ticks: await listen(ticks), users: await listen(users) };
  startPublishing();
  console.log(JSON.stringify(urls));
  process.once('SIGTERM', () => process.exit(0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
