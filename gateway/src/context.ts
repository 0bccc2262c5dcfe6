import type { IncomingMessage } from 'node:http';
import {
  type Logger,
  type RequestContext,
  requestIdOf,
  type TokenVerifier,
  type Viewer,
  viewerFromHeader,
} from '@lattice/server-kit';

export interface GatewayContext extends RequestContext {
  requestId: string;
  log: Logger;
  viewer: Viewer | null;
  /** The verified Authorization header, forwarded to subgraphs. */
  authorization?: string;
  client: { ip?: string; userAgent?: string };
}

/**
 * Builds a request's context. A token that fails verification ends the request with
 * UNAUTHENTICATED here, before any subgraph is called.
 */
export function gatewayContext(verify: TokenVerifier, log: Logger) {
  return async (req: IncomingMessage): Promise<GatewayContext> => {
    const requestId = requestIdOf(req);
    const authorization = req.headers.authorization;
    const viewer = await viewerFromHeader(authorization, verify);
    return {
      requestId,
      log: log.child({ requestId }),
      viewer,
      authorization: viewer ? authorization : undefined,
      client: { ip: req.socket.remoteAddress, userAgent: req.headers['user-agent'] },
    };
  };
}
