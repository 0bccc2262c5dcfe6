import { Agent as HttpAgent, type IncomingHttpHeaders, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import {
  KEEP_ALIVE_TIMEOUT_MS,
  SIGNATURE_CHALLENGE,
  SIGNATURE_HEADER,
  signRequest,
} from '@lattice/server-kit';
import { urlToHttpOptions } from 'node:url';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';

/** The Headers interface of @apollo/gateway's subgraph requests (`request.http.headers`). */
type FetcherHeaders = NonNullable<GraphQLDataSourceProcessOptions['request']['http']>['headers'];

/**
 * HTTP to subgraphs: keep-alive connection pools (one per subgraph origin) shared by every
 * data source of the gateway (data sources are rebuilt when the supergraph changes; the pools
 * stay). Sockets are reused across requests, the most recently used first, and never limited
 * to fewer than the gateway's concurrency, so no request waits for another's socket.
 *
 * node:http rather than undici: as fast for these small exchanges once the fetch layers are
 * gone, and nothing more to load (every megabyte the gateway keeps live costs several in peak
 * memory under load, as the heap grows in proportion to what survives).
 */
/** Idle pooled connections close after this long, well before a subgraph closes them. */
export const SUBGRAPH_IDLE_TIMEOUT_MS = KEEP_ALIVE_TIMEOUT_MS / 2;

export class SubgraphHttp {
  private readonly http: HttpAgent;
  private readonly https: HttpsAgent;
  private readonly signingSecret: string | undefined;

  constructor(
    options: {
      maxFreeSocketsPerSubgraph?: number;
      keepAliveMs?: number;
      idleTimeoutMs?: number;
      /** SUBGRAPH_SECRET: every request is signed with it (see server-kit's gateway-signature.ts). */
      signingSecret?: string;
    } = {},
  ) {
    this.signingSecret = options.signingSecret;
    const agentOptions = {
      keepAlive: true,
      keepAliveMsecs: options.keepAliveMs ?? 30_000,
      // An idle connection is closed here before the subgraph would close it (server-kit's
      // KEEP_ALIVE_TIMEOUT_MS), so none is reused as the subgraph hangs up (ECONNRESET).
      timeout: options.idleTimeoutMs ?? SUBGRAPH_IDLE_TIMEOUT_MS,
      maxFreeSockets: options.maxFreeSocketsPerSubgraph ?? 256,
      scheduling: 'lifo' as const,
    };
    this.http = new HttpAgent(agentOptions);
    this.https = new HttpsAgent(agentOptions);
  }

  /** The pool for `url`'s protocol, for requests that stream their body (http/pass-through.ts). */
  agentFor(url: URL): HttpAgent {
    return url.protocol === 'https:' ? this.https : this.http;
  }

  /** POSTs `body`; resolves with the whole answer (status, headers, text) or rejects on a network error. */
  post(
    url: URL,
    headers: Record<string, string>,
    body: string,
    signal?: AbortSignal,
  ): Promise<SubgraphHttpResponse> {
    const secure = url.protocol === 'https:';
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortError(signal));
        return;
      }
      // The signal is watched here rather than handed to node:http, which ties it to the
      // request's whole stream lifecycle (finished() listeners) on every call: the same
      // effect (the request is destroyed with an AbortError), a fraction of the cost.
      const onAbort = () => request.destroy(abortError(signal!));
      const done = () => signal?.removeEventListener('abort', onAbort);
      const request = (secure ? httpsRequest : httpRequest)(
        {
          ...targetOf(url),
          method: 'POST',
          headers: this.signed(url, headers, body),
          agent: secure ? this.https : this.http,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', (error) => {
            done();
            reject(error);
          });
          response.on('end', () => {
            done();
            // The subgraph refused the gateway itself: a failure of this gateway, not its client's.
            if (response.statusCode === 401 && response.headers['www-authenticate'] === SIGNATURE_CHALLENGE) {
              reject(new GatewayRefusedError(url.href, Boolean(this.signingSecret)));
              return;
            }
            resolve(
              new SubgraphHttpResponse(
                url.href,
                response.statusCode ?? 0,
                response.headers,
                (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).toString('utf8'),
              ),
            );
          });
        },
      );
      signal?.addEventListener('abort', onAbort, { once: true });
      request.on('error', (error) => {
        done();
        reject(error);
      });
      request.end(body);
    });
  }

  /** The headers sent: the body's length and, with a secret, the gateway's signature (fresh for every attempt). */
  private signed(url: URL, headers: Record<string, string>, body: string): Record<string, string> {
    const sent: Record<string, string> = { ...headers, 'content-length': String(Buffer.byteLength(body)) };
    if (this.signingSecret) {
      const target = targetOf(url).path ?? url.pathname;
      sent[SIGNATURE_HEADER] = signRequest(this.signingSecret, { method: 'POST', target, body });
    }
    return sent;
  }

  close(): void {
    this.http.destroy();
    this.https.destroy();
  }
}

/**
 * A subgraph refused the gateway's signature (SUBGRAPH_SECRET differs between them, or the
 * gateway has none): the subgraph counts as unavailable, and the reason is logged.
 */
export class GatewayRefusedError extends Error {
  constructor(url: string, signed: boolean) {
    super(
      signed
        ? `${url} refused the gateway's signature: their SUBGRAPH_SECRET differs`
        : `${url} serves a gateway that signs its requests only: set SUBGRAPH_SECRET`,
    );
    this.name = 'GatewayRefusedError';
  }
}

/** What node:http fails an aborted request with (an `AbortError` caused by the signal's reason). */
function abortError(signal: AbortSignal): Error {
  const error = new Error('The operation was aborted', { cause: signal.reason });
  error.name = 'AbortError';
  (error as Error & { code: string }).code = 'ABORT_ERR';
  return error;
}

// Where each subgraph URL points (host, port, path), worked out once rather than for every
// request (node:http does it for every call given a URL).
const targets = new WeakMap<URL, ReturnType<typeof urlToHttpOptions>>();

function targetOf(url: URL): ReturnType<typeof urlToHttpOptions> {
  let target = targets.get(url);
  if (!target) {
    target = urlToHttpOptions(url);
    targets.set(url, target);
  }
  return target;
}

/** A subgraph's answer, shaped like the fetch Response that RemoteGraphQLDataSource's hooks expect. */
export class SubgraphHttpResponse {
  readonly headers: FetcherHeaders;

  constructor(
    readonly url: string,
    readonly status: number,
    rawHeaders: IncomingHttpHeaders,
    private readonly body: string,
  ) {
    const headers = new SubgraphHeaders();
    for (const name in rawHeaders) {
      const value = rawHeaders[name];
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    this.headers = headers;
  }

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  get statusText(): string {
    return STATUS_TEXT[this.status] ?? '';
  }

  async text(): Promise<string> {
    return this.body;
  }

  async json(): Promise<unknown> {
    return JSON.parse(this.body);
  }

  /** The parsed body when the subgraph says it is JSON, else the text (as RemoteGraphQLDataSource.parseBody). */
  parsedBody(): unknown {
    const type = this.headers.get('content-type');
    const json =
      type && (type.startsWith('application/json') || type.startsWith('application/graphql-response+json'));
    return json ? JSON.parse(this.body) : this.body;
  }
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** Case-insensitive headers (the fetch Headers API, without its per-call validation cost). */
export class SubgraphHeaders implements FetcherHeaders {
  private readonly map = new Map<string, string>();

  get(name: string): string | null {
    return this.map.get(name.toLowerCase()) ?? null;
  }

  set(name: string, value: string): void {
    this.map.set(name.toLowerCase(), value);
  }

  has(name: string): boolean {
    return this.map.has(name.toLowerCase());
  }

  delete(name: string): void {
    this.map.delete(name.toLowerCase());
  }

  append(name: string, value: string): void {
    const current = this.get(name);
    this.set(name, current === null ? value : `${current}, ${value}`);
  }

  entries(): IterableIterator<[string, string]> {
    return this.map.entries();
  }

  keys(): IterableIterator<string> {
    return this.map.keys();
  }

  values(): IterableIterator<string> {
    return this.map.values();
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.map.entries();
  }

  toObject(): Record<string, string> {
    return Object.fromEntries(this.map);
  }
}
