import type { IncomingMessage } from 'node:http';
import {
  checkSignatureHeader,
  ErrorCode,
  SIGNATURE_CHALLENGE,
  SIGNATURE_HEADER,
  type SignatureCheck,
  verifyRequest,
} from '@lattice/server-kit';

/** An answer sent instead of serving the request. */
export interface Refusal {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
}

export const ONLY_THE_GATEWAY = 'Only the gateway may call this subgraph';

const REFUSAL: Refusal = {
  status: 401,
  // Tells the gateway that it is the one refused (see its http-pool.ts).
  headers: { 'www-authenticate': SIGNATURE_CHALLENGE },
  body: { errors: [{ message: ONLY_THE_GATEWAY, extensions: { code: ErrorCode.Unauthenticated } }] },
};

/**
 * `/graphql` for the gateway alone: with a secret (SUBGRAPH_SECRET), every request, over HTTP
 * or as a WebSocket upgrade, must carry the gateway's signature of it (server-kit's
 * gateway-signature.ts), checked before anything is parsed; the others get 401
 * UNAUTHENTICATED and nothing else (no data, no schema). Without a secret every request
 * passes, and none counts as the gateway's.
 */
export class GatewayOnly {
  private readonly verified = new WeakSet<IncomingMessage>();

  constructor(
    private readonly secret: string | undefined,
    /** Told why each request was refused (never the signature itself). */
    private readonly onRefusal: (reason: Exclude<SignatureCheck, 'valid'>, req: IncomingMessage) => void,
  ) {}

  /** Before the body is read: a request without a fresh signature costs nothing more. */
  checkHeader(req: IncomingMessage): Refusal | undefined {
    if (!this.secret) return undefined;
    return this.refuseUnless(checkSignatureHeader(req.headers[SIGNATURE_HEADER]), req);
  }

  /** The body read, before it is parsed: the signature must be of this very request. */
  verifyBody(req: IncomingMessage, body: string): Refusal | undefined {
    if (!this.secret) return undefined;
    const target = req.url ?? '/';
    // The gateway signs `/graphql` as such: a target spelled otherwise that routes here
    // (`/internal/../graphql`) is refused, so no signature of an internal route, which other
    // services make with the same secret (internal-protocol.ts), can ever pass for the gateway's.
    const check =
      target.split('?', 1)[0] === '/graphql'
        ? verifyRequest(this.secret, req.headers[SIGNATURE_HEADER], {
            method: req.method ?? 'GET',
            target,
            body,
          })
        : 'mismatch';
    const refusal = this.refuseUnless(check, req);
    if (!refusal) this.verified.add(req);
    return refusal;
  }

  /** A WebSocket upgrade: a request without a body. */
  verifyUpgrade(req: IncomingMessage): Refusal | undefined {
    return this.verifyBody(req, '');
  }

  /**
   * Whether the request is the gateway's, verified: only then is its X-Forwarded-For (the
   * client address the gateway decided on) believed.
   */
  fromGateway(req: IncomingMessage): boolean {
    return this.verified.has(req);
  }

  private refuseUnless(check: SignatureCheck, req: IncomingMessage): Refusal | undefined {
    if (check === 'valid') return undefined;
    this.onRefusal(check, req);
    return REFUSAL;
  }
}
