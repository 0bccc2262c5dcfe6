import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ApolloServer, type BaseContext, HeaderMap } from '@apollo/server';
import type { Tracer } from '@opentelemetry/api';
import { BodyTooLargeError, readBody, sendJson } from './http';
import { type RequestScope, runInRequestScope } from './log-context';
import { requestIdOf } from './request-id';
import { inServerSpan } from './tracing';

export interface GraphQLHandlerOptions<TContext extends BaseContext> {
  context: (req: IncomingMessage) => Promise<TContext>;
  /** Largest accepted request body in bytes. */
  maxBodyBytes: number;
  /** The service's tracer when tracing is on: each request gets a SERVER span. */
  tracer?: Tracer;
  /**
   * Runs each operation's execution (default: at once). The gateway passes its admission
   * control here, which makes operations wait their turn when it is saturated.
   */
  admit?: <T>(execute: () => Promise<T>) => Promise<T>;
  /**
   * Whether requests run in a request scope (AsyncLocalStorage) that puts the request id and
   * operation name on every log line, whichever logger writes it. Default true. On Node 20
   * the scope costs about 4% of a saturated gateway's CPU (async hooks on every promise), so
   * the gateway turns it off when tracing is off and binds both to its context's logger.
   */
  requestScope?: boolean;
  /**
   * Checks the raw body before it is parsed (a subgraph verifies the gateway's signature of
   * it): an answer is sent as it is and the request goes no further.
   */
  verifyBody?: (
    req: IncomingMessage,
    body: string,
  ) => { status: number; headers?: Record<string, string>; body: unknown } | undefined;
}

/**
 * Apollo Server 5 on plain node:http: builds the HTTPGraphQLRequest, runs it and writes the
 * response (single or incremental). Apollo's own checks (CSRF prevention, content types)
 * stay in force because everything goes through executeHTTPGraphQLRequest.
 */
export function createGraphQLHandler<TContext extends BaseContext>(
  server: ApolloServer<TContext>,
  options: GraphQLHandlerOptions<TContext>,
) {
  const { tracer } = options;
  const admit = options.admit ?? (<T>(execute: () => Promise<T>) => execute());
  // Each request runs in its scope (request id, operation name: on every log line) and, with
  // tracing on, in a SERVER span continuing the caller's traceparent.
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    if (!tracer && options.requestScope === false) return serve(req, res, url);
    const scope: RequestScope = { requestId: requestIdOf(req), operationName: null };
    if (!tracer) return runInRequestScope(scope, () => serve(req, res, url, scope));
    const attributes = {
      'http.request.method': req.method ?? 'GET',
      'url.path': url.pathname,
      'lattice.request_id': scope.requestId,
    };
    return inServerSpan(tracer, `${req.method} ${url.pathname}`, req.headers, attributes, async (span) => {
      scope.span = span;
      await runInRequestScope(scope, () => serve(req, res, url, scope));
      span.setAttribute('http.response.status_code', res.statusCode);
    });
  };

  async function serve(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    scope?: RequestScope,
  ): Promise<void> {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown;
    try {
      const raw = req.method === 'POST' ? await readBody(req, options.maxBodyBytes) : '';
      const refusal = options.verifyBody?.(req, raw);
      if (refusal) {
        for (const [name, value] of Object.entries(refusal.headers ?? {})) res.setHeader(name, value);
        sendJson(res, refusal.status, refusal.body);
        return;
      }
      body = parseBody(raw, headers.get('content-type'));
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        sendJson(res, 413, { errors: [{ message: error.message, extensions: { code: 'BAD_REQUEST' } }] });
        return;
      }
      if (error instanceof SyntaxError) {
        sendJson(res, 400, {
          errors: [{ message: 'Malformed JSON body', extensions: { code: 'BAD_REQUEST' } }],
        });
        return;
      }
      throw error;
    }
    // Until Apollo resolves the operation, log lines carry the name the client sent.
    const named = (body as { operationName?: unknown } | undefined)?.operationName;
    if (scope && typeof named === 'string') scope.operationName = named;

    const result = await admit(() =>
      server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        context: () => options.context(req),
      }),
    );

    for (const [key, value] of result.headers) res.setHeader(key, value);
    res.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      // Encoded once, with its length known: node would otherwise measure the string's UTF-8
      // length and then encode it again (a measurable cost for large responses).
      const payload = Buffer.from(result.body.string, 'utf8');
      res.setHeader('content-length', payload.length);
      res.end(payload);
      return;
    }
    for await (const chunk of result.body.asyncIterator) res.write(chunk);
    res.end();
  }
}

function parseBody(raw: string, contentType: string | undefined): unknown {
  if (raw === '') return undefined;
  if (contentType?.includes('application/json')) return JSON.parse(raw);
  return raw;
}
