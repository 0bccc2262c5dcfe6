import { type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import type { DocumentNode } from 'graphql';
import { forwardedOriginHeaders, REQUEST_ID_HEADER } from '@lattice/server-kit';
import type { GatewayContext } from '../context';
import type { GatewayMetrics } from '../metrics';
import { defaultResilience, SubgraphResilience } from './resilience';
import { SubgraphHeaders, SubgraphHttp, type SubgraphHttpResponse } from './http-pool';
import { operationDocument, unavailableResponse } from './unavailable';

type ProcessOptions = GraphQLDataSourceProcessOptions<GatewayContext>;
type ClientOperation = Extract<ProcessOptions, { incomingRequestContext: unknown }>;
type GatewayResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

// Used by data sources built without one (tests); the gateway passes its own.
let sharedHttp: SubgraphHttp | undefined;

// The operations the query plans send, parsed once: a plan's fetches carry their query text
// but not always its parsed document, and the same few texts are sent again and again.
const parsedOperations = new Map<string, ReturnType<typeof operationDocument>>();
const MAX_PARSED_OPERATIONS = 2_000;

function sentOperation(document: DocumentNode | undefined, query: string | undefined) {
  if (document || !query) return operationDocument(document, query);
  let parsed = parsedOperations.get(query);
  if (!parsed) {
    parsed = operationDocument(undefined, query);
    if (parsedOperations.size >= MAX_PARSED_OPERATIONS) parsedOperations.clear();
    parsedOperations.set(query, parsed);
  }
  return parsed;
}

/**
 * The GraphQL answer of a subgraph that refused the request as the client's mistake: a 4xx
 * whose JSON body carries GraphQL errors (a variable of the wrong form, a failed validation,
 * text that cannot be stored). Undefined for anything else (5xx, or a 4xx without such a body).
 */
function refusalOf(response: SubgraphHttpResponse): GatewayResponse | undefined {
  if (response.status < 400 || response.status > 499) return undefined;
  let body: unknown;
  try {
    body = response.parsedBody();
  } catch {
    return undefined;
  }
  const errors = (body as { errors?: unknown } | null)?.errors;
  const graphql =
    Array.isArray(errors) &&
    errors.length > 0 &&
    errors.every((error) => typeof (error as { message?: unknown } | null)?.message === 'string');
  return graphql ? (body as GatewayResponse) : undefined;
}

/**
 * How the gateway calls a subgraph: forwards the caller's token (subgraphs verify it again),
 * the request id and what identifies the client (address, user agent, and the origin it used
 * as X-Forwarded-Host/-Proto), and measures every fetch. Fetches go
 * through the subgraph's timeout, retries (queries only) and circuit breaker; when the
 * subgraph cannot answer, its fields come back null with SUBGRAPH_UNAVAILABLE errors.
 *
 * Client operations are sent over pooled keep-alive connections (node:http, see http-pool.ts)
 * rather than RemoteGraphQLDataSource's fetcher (make-fetch-happen, whose agent captures a
 * stack trace per request and which wraps every call in retry and cache machinery this
 * gateway does not use). The RemoteGraphQLDataSource contract is kept: `willSendRequest` sees
 * `request.http` (method, url, headers), a non-2xx answer becomes `errorFromResponse`'s
 * GraphQLError, `didReceiveResponse` runs, and the subgraph's Cache-Control restricts the
 * response's cache policy. One exception: a 4xx carrying GraphQL errors is the subgraph
 * refusing the client's input, and its errors (message, code, path) are passed on as a 200's
 * would be. Health checks and schema loading still go through `super.process`.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly subgraph: string;
  private readonly metrics: GatewayMetrics;
  private readonly resilience: SubgraphResilience;
  private readonly http: SubgraphHttp;
  private readonly endpoint: URL;

  constructor(options: {
    url: string;
    subgraph: string;
    metrics: GatewayMetrics;
    resilience?: SubgraphResilience;
    http?: SubgraphHttp;
  }) {
    super({ url: options.url });
    this.subgraph = options.subgraph;
    this.metrics = options.metrics;
    this.resilience = options.resilience ?? new SubgraphResilience(defaultResilience, options.metrics);
    this.resilience.breakerFor(this.subgraph);
    this.http = options.http ?? (sharedHttp ??= new SubgraphHttp());
    this.endpoint = new URL(options.url);
  }

  override willSendRequest({ request, context }: ProcessOptions): void {
    const headers = request.http?.headers;
    if (!headers || !context.requestId) return;
    headers.set(REQUEST_ID_HEADER, context.requestId);
    if (context.authorization) headers.set('authorization', context.authorization);
    if (context.client.userAgent) headers.set('user-agent', context.client.userAgent);
    if (context.client.ip) headers.set('x-forwarded-for', context.client.ip);
    if (context.client.origin) {
      for (const [name, value] of Object.entries(forwardedOriginHeaders(context.client.origin))) {
        headers.set(name, value);
      }
    }
  }

  override async process(options: ProcessOptions) {
    const stop = this.metrics.subgraphFetchSeconds.startTimer({ subgraph: this.subgraph });
    try {
      // Health checks and schema loading are not client operations: sent as they are.
      if (!('incomingRequestContext' in options) || this.apq) {
        return await super.process(options);
      }
      const document = sentOperation(options.document, options.request.query);
      // Only queries are sent again: a mutation may have been applied before its answer was lost.
      const isQuery = document.operation === 'query';
      const outcome = await this.resilience.call(this.subgraph, isQuery, (signal) =>
        this.send(options, signal),
      );
      if (outcome.ok) return outcome.value;
      this.metrics.subgraphFetchErrors.inc({ subgraph: this.subgraph });
      const log = options.context.log;
      if (outcome.reason === 'open') log?.debug({ subgraph: this.subgraph }, 'subgraph circuit open');
      else log?.warn({ err: outcome.error, subgraph: this.subgraph }, 'subgraph unavailable');
      return unavailableResponse(this.subgraph, document.node, options.request.variables);
    } catch (error) {
      this.metrics.subgraphFetchErrors.inc({ subgraph: this.subgraph });
      throw error;
    } finally {
      stop();
    }
  }

  /** One HTTP exchange with the subgraph (one attempt), as RemoteGraphQLDataSource.process does it. */
  private async send(options: ClientOperation, signal: AbortSignal): Promise<GatewayResponse> {
    const { request } = options;
    const headers = new SubgraphHeaders();
    const given = request.http?.headers;
    if (given) for (const [name, value] of given) headers.append(name, value);
    headers.set('content-type', 'application/json');
    request.http = { method: 'POST', url: this.url, headers };
    // Subclasses may make it asynchronous.
    const hook: unknown = this.willSendRequest?.(options);
    if (hook instanceof Promise) await hook;
    if (!request.query) throw new Error('Missing query');
    const { http: _http, ...payload } = request;
    const response = await this.http.post(this.endpoint, headers.toObject(), JSON.stringify(payload), signal);
    // A subgraph refusing what the client sent (a 4xx with GraphQL errors) answered: its errors
    // reach the client as they are. Any other non-2xx is a failure (see resilience.ts).
    const body = response.ok ? response.parsedBody() : refusalOf(response);
    if (body === undefined) throw await this.errorFromResponse(response as never);
    if (typeof body !== 'object' || body === null) {
      throw new Error(`Expected JSON response body, but received: ${String(body)}`);
    }
    const answer: GatewayResponse = { ...(body as GatewayResponse), http: response };
    const processed = this.didReceiveResponse
      ? await this.didReceiveResponse({
          response: answer,
          request,
          context: options.context,
          pathInIncomingRequest: options.pathInIncomingRequest,
        })
      : answer;
    this.restrictCachePolicy(options, response);
    return processed;
  }

  /** The subgraph's Cache-Control narrows the client response's cache policy (as RemoteGraphQLDataSource does). */
  private restrictCachePolicy(options: ClientOperation, response: SubgraphHttpResponse): void {
    const policy = options.incomingRequestContext.overallCachePolicy as
      { restrict?: (hint: { maxAge?: number; scope?: 'PUBLIC' | 'PRIVATE' }) => void } | undefined;
    if (!this.honorSubgraphCacheControlHeader || typeof policy?.restrict !== 'function') return;
    const hint: { maxAge: number; scope?: 'PUBLIC' | 'PRIVATE' } = { maxAge: 0 };
    const header = response.headers.get('cache-control');
    if (header) {
      for (const part of header.trim().split(/\s*,\s*/)) {
        const [key, value] = part.split(/\s*=\s*/, 2);
        const unquoted = value?.replace(/^"|"$/g, '');
        if (key === 'max-age' && unquoted && /^[0-9]+$/.test(unquoted)) hint.maxAge = Number(unquoted);
        else if (key === 'private' && value === undefined) hint.scope = 'PRIVATE';
        else if (key === 'public' && value === undefined) hint.scope = 'PUBLIC';
      }
    }
    policy.restrict(hint);
  }
}
