import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GatewayMetrics } from '../../src/metrics';
import { classifyFailure, type ResilienceOptions, SubgraphResilience } from '../../src/upstream/resilience';
import { SubgraphDataSource } from '../../src/upstream/data-source';
import { SubgraphHttp } from '../../src/upstream/http-pool';

type Reply = { status?: number; headers?: Record<string, string>; body: string; delayMs?: number };

/** A subgraph stub that records what it receives and answers what `reply` says. */
async function stubSubgraph(reply: (req: IncomingMessage, body: string) => Reply) {
  const received: Array<{ headers: IncomingMessage['headers']; body: string; socket: unknown }> = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body, socket: req.socket });
      const answer = reply(req, body);
      setTimeout(() => {
        res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers });
        res.end(answer.body);
      }, answer.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return {
    url,
    received,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

function operation(query: string, restrict = jest.fn()) {
  return {
    kind: 'incoming operation' as never,
    request: { query, variables: { id: '1' } },
    incomingRequestContext: { overallCachePolicy: { restrict } } as never,
    context: {
      requestId: 'req-1',
      authorization: 'Bearer token-1',
      client: { ip: '10.0.0.1', userAgent: 'test-agent', origin: 'https://api.example.com' },
    } as never,
  };
}

describe('SubgraphDataSource over pooled keep-alive HTTP', () => {
  const http = new SubgraphHttp();
  afterAll(() => http.close());

  /** The accounts subgraph's data source at `url`, with the gateway's defaults or `resilience`. */
  function accountsSource(url: string, resilience?: ResilienceOptions): SubgraphDataSource {
    const metrics = new GatewayMetrics();
    return new SubgraphDataSource({
      url,
      subgraph: 'accounts',
      metrics,
      http,
      resilience: resilience && new SubgraphResilience(resilience, metrics),
    });
  }

  it('sends the operation with the forwarded headers and reuses one connection', async () => {
    const subgraph = await stubSubgraph(() => ({
      body: JSON.stringify({ data: { user: { id: '1' } } }),
      headers: { 'cache-control': 'max-age=30, public' },
    }));
    const source = accountsSource(subgraph.url);
    const restrict = jest.fn();
    const first = (await source.process(operation('query($id: ID!) { user(id: $id) { id } }', restrict))) as {
      data?: unknown;
      http?: { status?: number };
    };
    await source.process(operation('query($id: ID!) { user(id: $id) { id } }'));
    await subgraph.close();

    expect(first.data).toEqual({ user: { id: '1' } });
    expect(first.http?.status).toBe(200);
    expect(restrict).toHaveBeenCalledWith({ maxAge: 30, scope: 'PUBLIC' });
    const [sent] = subgraph.received;
    expect(JSON.parse(sent!.body)).toEqual({
      query: 'query($id: ID!) { user(id: $id) { id } }',
      variables: { id: '1' },
    });
    expect(sent!.headers).toMatchObject({
      'content-type': 'application/json',
      authorization: 'Bearer token-1',
      'x-request-id': 'req-1',
      'x-forwarded-for': '10.0.0.1',
      'x-forwarded-host': 'api.example.com',
      'x-forwarded-proto': 'https',
      'user-agent': 'test-agent',
    });
    expect(subgraph.received[1]!.socket).toBe(sent!.socket);
  });

  it('turns a 4xx into the GraphQLError RemoteGraphQLDataSource makes, without retrying', async () => {
    const subgraph = await stubSubgraph(() => ({ status: 403, body: JSON.stringify({ message: 'no' }) }));
    const source = accountsSource(subgraph.url);
    const error = await source.process(operation('{ me { id } }')).catch((e: unknown) => e);
    await subgraph.close();
    expect(error).toMatchObject({
      message: '403: Forbidden',
      extensions: { code: 'FORBIDDEN', response: { status: 403, body: { message: 'no' } } },
    });
    expect(subgraph.received).toHaveLength(1);
  });

  it('retries a query after a 503, and answers SUBGRAPH_UNAVAILABLE when every attempt fails', async () => {
    const subgraph = await stubSubgraph(() => ({ status: 503, body: '{}' }));
    const source = accountsSource(subgraph.url, {
      timeoutMs: 1_000,
      retries: 2,
      failureThreshold: 5,
      resetMs: 1_000,
      backoffMs: 1,
    });
    const response = await source.process(operation('{ me { id } }'));
    await subgraph.close();
    expect(subgraph.received).toHaveLength(3);
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'SUBGRAPH_UNAVAILABLE',
      subgraph: 'accounts',
    });
  });

  it('aborts an attempt at its timeout', async () => {
    const subgraph = await stubSubgraph(() => ({ body: '{"data":{}}', delayMs: 500 }));
    const source = accountsSource(subgraph.url, {
      timeoutMs: 50,
      retries: 0,
      failureThreshold: 5,
      resetMs: 1_000,
    });
    const started = Date.now();
    const response = await source.process(operation('{ me { id } }'));
    expect(Date.now() - started).toBeLessThan(400);
    await subgraph.close();
    expect(response.errors?.[0]?.extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
  });

  it('destroys the request when its signal aborts, failing with an AbortError', async () => {
    const subgraph = await stubSubgraph(() => ({ body: '{"data":{}}', delayMs: 500 }));
    const controller = new AbortController();
    const reason = new Error('timed out');
    setTimeout(() => controller.abort(reason), 20);
    const started = Date.now();
    const error = await http
      .post(new URL(subgraph.url), {}, '{}', controller.signal)
      .catch((e: unknown) => e as Error & { code?: string });
    expect(Date.now() - started).toBeLessThan(400);
    expect(error).toMatchObject({ name: 'AbortError', code: 'ABORT_ERR', cause: reason });
    const already = await http
      .post(new URL(subgraph.url), {}, '{}', controller.signal)
      .catch((e: unknown) => e);
    expect(already).toMatchObject({ name: 'AbortError' });
    await subgraph.close();
    expect(classifyFailure(error)).toEqual({ unavailable: true, retryable: true });
  });

  it('counts refused connections as retryable network failures', async () => {
    const error = await http.post(new URL('http://127.0.0.1:9/graphql'), {}, '{}').catch((e: unknown) => e);
    expect(classifyFailure(error)).toEqual({ unavailable: true, retryable: true });
  });
});
