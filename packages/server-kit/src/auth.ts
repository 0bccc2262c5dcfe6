import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { ErrorCode, UserError } from './errors';

/**
 * A refused token. It carries HTTP 401, which Apollo Server applies when the refusal happens
 * before execution (in the context function), so the client sees it as such.
 */
const unauthenticated = (message: string) =>
  new UserError(ErrorCode.Unauthenticated, message, { http: { status: 401 } });

/**
 * The roles, least to most powerful: the one statement of the hierarchy. Each role holds
 * everything the roles before it hold (a moderator may do what a user may; an admin, all).
 */
export const ROLES = ['user', 'moderator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Whether `role` holds at least the powers of `minimum`. */
export function roleAtLeast(role: Role, minimum: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(minimum);
}

/** The roles `role` includes, itself among them. */
export function rolesHeldBy(role: Role): Role[] {
  return ROLES.filter((candidate) => roleAtLeast(role, candidate));
}

/** The verified caller of a request. */
export interface Viewer {
  id: string;
  role: Role;
  /** The session (refresh-token family) the access token was issued for. */
  sessionId: string;
  /** The raw bearer token, forwarded to subgraphs. */
  token: string;
  /** When the token expires (ms since the epoch): long-lived connections end then. */
  expiresAt?: number;
}

export const TOKEN_ISSUER = 'lattice-identity';
export const TOKEN_AUDIENCE = 'lattice';
/** Access tokens are signed with Ed25519 only; anything else (`none`, HS256, RS256) is refused. */
export const TOKEN_ALGORITHMS = ['EdDSA'];

export type TokenVerifier = (token: string) => Promise<Viewer>;

/** Keys fetched from a JWKS URL, cached and refreshed when an unknown `kid` appears. */
export function remoteKeys(jwksUrl: string): JWTVerifyGetKey {
  return createRemoteJWKSet(new URL(jwksUrl), { cooldownDuration: 5_000, cacheMaxAge: 10 * 60_000 });
}

/** Failures that mean "this token is not acceptable", as opposed to "keys unreachable". */
const REJECTIONS: Array<new (...args: never[]) => Error> = [
  joseErrors.JWTExpired,
  joseErrors.JWTClaimValidationFailed,
  joseErrors.JWTInvalid,
  joseErrors.JWSInvalid,
  joseErrors.JWSSignatureVerificationFailed,
  joseErrors.JOSEAlgNotAllowed,
  joseErrors.JOSENotSupported,
  joseErrors.JWKSNoMatchingKey,
  joseErrors.JWKSMultipleMatchingKeys,
];

export function createTokenVerifier(keys: JWTVerifyGetKey): TokenVerifier {
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, keys, {
        algorithms: TOKEN_ALGORITHMS,
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
        requiredClaims: ['sub', 'exp', 'iat'],
      });
      const role = payload.role;
      if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string' || !isRole(role)) {
        throw unauthenticated('Invalid access token');
      }
      return { id: payload.sub, role, sessionId: payload.sid, token, expiresAt: payload.exp! * 1000 };
    } catch (error) {
      if (REJECTIONS.some((kind) => error instanceof kind)) {
        throw unauthenticated(
          error instanceof joseErrors.JWTExpired ? 'Access token expired' : 'Invalid access token',
        );
      }
      throw error;
    }
  };
}

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * The token of an `Authorization: Bearer …` header: undefined when there is no header, an
 * UNAUTHENTICATED error when the header is present but not a bearer token.
 */
export function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined || header === '') return undefined;
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]{1,4096})$/i.exec(header.trim());
  if (!match?.[1]) throw unauthenticated('Authorization header must be "Bearer <token>"');
  return match[1];
}

/** Verifies the request's bearer token if there is one: null means anonymous. */
export async function viewerFromHeader(
  header: string | undefined,
  verify: TokenVerifier,
): Promise<Viewer | null> {
  const token = bearerToken(header);
  return token === undefined ? null : verify(token);
}
