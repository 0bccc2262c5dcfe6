import { createLogger } from '@lattice/server-kit';
import { waitFor } from '@lattice/testkit';
import { PASSWORD, registerUser } from './support/accounts';
import { type CollectedSpan, logCapture, SPAN_KIND, startOtlpCollector } from './support/otlp-collector';
import { startTestLattice, type TestLattice } from './support/test-lattice';

// Tracing is switched on by the standard OTEL_* environment (Jest gives each test file its own
// process.env), pointed at an in-test OTLP/HTTP collector.
let collector: Awaited<ReturnType<typeof startOtlpCollector>>;
let lattice: TestLattice;
const logs = logCapture();

beforeAll(async () => {
  collector = await startOtlpCollector();
  process.env.OTEL_EXPORTER_OTLP_ENDPOINT = collector.endpoint;
  process.env.OTEL_BSP_SCHEDULE_DELAY = '50';
  lattice = await startTestLattice(
    {},
    { subgraphs: ['accounts'], logger: createLogger('lattice', 'debug', logs.stream) },
  );
});
afterAll(async () => {
  await lattice?.stop();
  await collector?.close();
  delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
  delete process.env.OTEL_BSP_SCHEDULE_DELAY;
});

/** The spans of one trace, by span id. */
function traceOf(traceId: string): Map<string, CollectedSpan> {
  return new Map(
    collector
      .spans()
      .filter((span) => span.traceId === traceId)
      .map((span) => [span.spanId, span]),
  );
}

/** A span and its ancestors, nearest first. */
function ancestry(span: CollectedSpan, spans: Map<string, CollectedSpan>): CollectedSpan[] {
  const chain = [span];
  for (let parent = span.parentSpanId; parent;) {
    const next = spans.get(parent);
    if (!next) break;
    chain.push(next);
    parent = next.parentSpanId;
  }
  return chain;
}

describe('OpenTelemetry traces', () => {
  it('follow one query from the gateway into identity and accounts, with W3C propagation', async () => {
    const user = await registerUser(lattice);
    const requestId = 'observability-trace-1';
    const response = await lattice.post(
      { query: 'query Observed { me { email profile { displayName } } }' },
      { authorization: `Bearer ${user.accessToken}`, 'x-request-id': requestId },
    );
    expect(response.json.errors).toBeUndefined();
    expect(response.json.data.me.email).toBe(user.email);

    // The gateway's request span: named after the operation, with its request id and outcome.
    const root = await waitFor(
      () =>
        collector
          .spans()
          .find(
            (span) =>
              span.service === 'gateway' &&
              span.kind === SPAN_KIND.server &&
              span.attributes['lattice.request_id'] === requestId,
          ),
      { timeoutMs: 10_000, message: 'the gateway request span' },
    );
    expect(root.parentSpanId).toBeUndefined();
    expect(root.name).toBe('query Observed');
    expect(root.attributes).toMatchObject({
      'graphql.operation.name': 'Observed',
      'graphql.operation.type': 'query',
      'lattice.outcome': 'success',
      'http.request.method': 'POST',
      'http.response.status_code': 200,
    });

    // Each subgraph's request span continues the trace under the gateway's fetch span for it.
    const spans = await waitFor(
      () => {
        const all = traceOf(root.traceId);
        const served = [...all.values()].filter((span) => span.kind === SPAN_KIND.server);
        return ['identity', 'accounts'].every((name) => served.some((span) => span.service === name)) && all;
      },
      { timeoutMs: 10_000, message: 'the subgraph request spans' },
    );
    for (const subgraph of ['identity', 'accounts']) {
      const served = [...spans.values()].find(
        (span) => span.service === subgraph && span.kind === SPAN_KIND.server,
      )!;
      expect(served.name).toMatch(new RegExp(`^query Observed__${subgraph}__\\d+$`));
      expect(served.attributes['lattice.request_id']).toBe(requestId);
      const fetch = spans.get(served.parentSpanId!)!;
      expect(fetch).toMatchObject({
        service: 'gateway',
        kind: SPAN_KIND.client,
        name: `subgraph ${subgraph}`,
      });
      expect(fetch.attributes).toMatchObject({
        'subgraph.name': subgraph,
        'lattice.outcome': 'success',
        'lattice.attempts': 1,
        'http.response.status_code': 200,
      });
      // Up from the fetch: @apollo/gateway's own spans, then the gateway's request span.
      const chain = ancestry(fetch, spans);
      expect(chain.at(-1)?.spanId).toBe(root.spanId);
      expect(chain.every((span) => span.service === 'gateway')).toBe(true);
      expect(chain.map((span) => span.name)).toEqual(
        expect.arrayContaining(['gateway.fetch', 'gateway.request']),
      );
    }
    // SQL statements are spans under the subgraph's request span, their literals sanitized.
    const statements = [...spans.values()].filter(
      (span) => span.attributes['db.system.name'] === 'postgresql',
    );
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) {
      const chain = ancestry(statement, spans);
      expect(chain.some((span) => span.kind === SPAN_KIND.server && span.service === statement.service)).toBe(
        true,
      );
    }

    // Log lines written while serving the request carry its trace.
    const lines = logs.lines.filter((line) => line.requestId === requestId);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line.traceId).toBe(root.traceId);

    // Nothing secret is ever exported: not the password (sent at registration), not the tokens,
    // not even the email or id (SQL literals are replaced by `?`).
    const exported = collector.bodies.join('\n');
    for (const secret of [PASSWORD, user.accessToken, user.refreshToken, 'Bearer', user.email, user.id]) {
      expect(exported).not.toContain(secret);
    }
    expect(collector.paths.every((path) => path.startsWith('POST /v1/traces application/json'))).toBe(true);
  });

  it('marks a refused operation, by error code only', async () => {
    const requestId = 'observability-trace-2';
    const response = await lattice.post({ query: 'query Broken { nope }' }, { 'x-request-id': requestId });
    const code = response.json.errors?.[0]?.extensions?.code;
    expect(code).toBe('GRAPHQL_VALIDATION_FAILED');
    const root = await waitFor(
      () =>
        collector
          .spans()
          .find(
            (span) => span.kind === SPAN_KIND.server && span.attributes['lattice.request_id'] === requestId,
          ),
      { timeoutMs: 10_000, message: 'the gateway request span' },
    );
    expect(root.attributes).toMatchObject({ 'lattice.outcome': 'invalid', 'graphql.error.codes': [code] });
    // The message (which can quote what the client sent) is not recorded.
    expect(JSON.stringify(root)).not.toContain('nope');
  });
});
