import type { IncomingMessage } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  type Logger,
  type RequestContext,
  requestIdOf,
  type TokenVerifier,
  type Viewer,
  viewerFromHeader,
} from '@lattice/server-kit';
import type { RateInfo } from './rate-limit';

export interface GatewayContext extends RequestContext {
  requestId: string;
  log: Logger;
  viewer: Viewer | null;
  /** The verified Authorization header, forwarded to subgraphs. */
  authorization?: string;
  client: { ip?: string; userAgent?: string };
  /** This request's rate-limit standing, echoed in RateLimit-* response headers. */
  rate?: RateInfo;
}

/**
 * Builds a request's context. A token that fails verification ends the request with
 * UNAUTHENTICATED here, before any subgraph is called.
 */
export function gatewayContext(
  verify: TokenVerifier,
  log: Logger,
  rateGuard: (viewer: Viewer | null, ip: string | undefined) => Promise<RateInfo>,
) {
  return async (req: IncomingMessage): Promise<GatewayContext> => {
    const requestId = requestIdOf(req);
    const authorization = req.headers.authorization;
    const viewer = await viewerFromHeader(authorization, verify);
    const ip = req.socket.remoteAddress;
    const rate = await rateGuard(viewer, ip);
    return {
      requestId,
      log: log.child({ requestId }),
      viewer,
      authorization: viewer ? authorization : undefined,
      client: { ip, userAgent: req.headers['user-agent'] },
      rate,
    };
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
