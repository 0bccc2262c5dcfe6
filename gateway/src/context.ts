import type { IncomingMessage } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  type Logger,
  type RequestContext,
  requestIdOf,
  requestLogger,
  currentRequest,
  type TokenVerifier,
  type Viewer,
  viewerFromHeader,
} from '@lattice/server-kit';
import type { RateInfo } from './limits/rate-limit';
import { clientIpOf, clientOriginOf, DIRECT_INGRESS, type Ingress } from './http/ingress';

export interface GatewayContext extends RequestContext {
  requestId: string;
  log: Logger;
  viewer: Viewer | null;
  /** The verified Authorization header, forwarded to subgraphs. */
  authorization?: string;
  /** Who is calling, told to subgraphs: address, user agent, and the origin it used (`https://api.example.com`). */
  client: { ip?: string; userAgent?: string; origin?: string };
  /** This request's rate-limit standing, echoed in RateLimit-* response headers. */
  rate?: RateInfo;
}

/**
 * Who is calling, from the request (or WebSocket upgrade) and the credentials it presents:
 * a token that fails verification throws UNAUTHENTICATED, before any subgraph is called.
 * The client's address is the socket's peer unless that is one of the proxies trusted
 * (TRUSTED_PROXIES) to say in X-Forwarded-For whom they forward for; its origin is
 * PUBLIC_URL's, else the request's (see http/ingress.ts).
 */
export async function callerContext(
  req: IncomingMessage,
  authorization: unknown,
  verify: TokenVerifier,
  log: Logger,
  ingress: Ingress = DIRECT_INGRESS,
): Promise<GatewayContext> {
  const requestId = requestIdOf(req);
  const header = typeof authorization === 'string' ? authorization : undefined;
  const viewer = await viewerFromHeader(header, verify);
  return {
    requestId,
    log: requestLogger(log, requestId),
    viewer,
    authorization: viewer ? header : undefined,
    client: {
      ip: clientIpOf(req, ingress),
      userAgent: req.headers['user-agent'],
      origin: clientOriginOf(req, ingress),
    },
  };
}

/** Builds an HTTP request's context: the caller, then a token from its rate-limit buckets. */
export function gatewayContext(
  verify: TokenVerifier,
  log: Logger,
  rateGuard: (viewer: Viewer | null, ip: string | undefined) => Promise<RateInfo>,
  ingress: Ingress,
) {
  return async (req: IncomingMessage): Promise<GatewayContext> => {
    const context = await callerContext(req, req.headers.authorization, verify, log, ingress);
    context.rate = await rateGuard(context.viewer, context.client.ip);
    return context;
  };
}

/** Echoes the caller's rate-limit standing in every response. */
export function rateHeadersPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        async willSendResponse({ response }) {
          if (!contextValue.rate || !Number.isFinite(contextValue.rate.limit)) return;
          response.http.headers.set('ratelimit-limit', String(contextValue.rate.limit));
          response.http.headers.set('ratelimit-remaining', String(contextValue.rate.remaining));
        },
      };
    },
  };
}

/**
 * Outside a request scope (the gateway runs without one while tracing is off: see
 * `requestScope` in server-kit's handler), binds the operation's name to the request's
 * logger once Apollo has resolved it, so the gateway's log lines still say which operation.
 */
export function operationLogPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operationName }) {
          if (currentRequest()) return; // the scope's log mixin already writes it
          contextValue.log = contextValue.log.child({ operationName: operationName ?? null });
        },
      };
    },
  };
}
