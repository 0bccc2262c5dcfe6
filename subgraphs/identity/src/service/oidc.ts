import { randomBytes } from 'node:crypto';
import { type EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { createEvent, recordEvent } from '@lattice/events';
import {
  badUserInput,
  conflict,
  forbidden,
  type Logger,
  unauthenticated,
  validateInput,
} from '@lattice/server-kit';
import * as client from 'openid-client';
import { z } from 'zod';
import { OauthIdentity, OidcLoginAttempt, UserAccount } from '../entities';
import { emailInput } from './credentials';
import { NO_PASSWORD_PREFIX } from './passwords';
import {
  type ClientInfo,
  type IssuedTokens,
  openSession,
  revokeSessions,
  type SessionDeps,
} from './sessions';
import { isLoopbackHttp, type IdentitySettings, type OidcProviderSettings } from './settings';
import { sha256 } from './tokens';
import { requestVerification } from './verification';

/** The OpenID providers identity knows; the GraphQL enum `OidcProvider` maps onto these. */
export type OidcProviderName = 'google';

const PROVIDER_LABEL: Record<OidcProviderName, string> = { google: 'Google' };
const ATTEMPT_TTL_MS = 10 * 60_000;
const SCOPE = 'openid email profile';
const DISCOVERY_TIMEOUT_SECONDS = 10;

function providerSettings(
  settings: IdentitySettings,
  provider: OidcProviderName,
): OidcProviderSettings | undefined {
  switch (provider) {
    case 'google':
      return settings.oidcGoogle;
  }
}

/**
 * The relying-party configurations, one per provider: discovered on first use and kept for
 * the life of the process (a failed discovery is retried on the next use).
 */
export class OidcClients {
  readonly #configs = new Map<OidcProviderName, Promise<client.Configuration>>();

  constructor(private readonly settings: IdentitySettings) {}

  /** The provider's settings; BAD_USER_INPUT (`provider`) when it is not configured here. */
  settingsOf(provider: OidcProviderName): OidcProviderSettings {
    const settings = providerSettings(this.settings, provider);
    if (!settings) {
      throw badUserInput(
        `provider: sign-in with ${PROVIDER_LABEL[provider]} is not configured on this server`,
        'provider',
      );
    }
    return settings;
  }

  configuration(provider: OidcProviderName): Promise<client.Configuration> {
    const settings = this.settingsOf(provider);
    let config = this.#configs.get(provider);
    if (!config) {
      config = client.discovery(
        new URL(settings.issuer),
        settings.clientId,
        settings.clientSecret,
        client.ClientSecretPost(settings.clientSecret),
        {
          timeout: DISCOVERY_TIMEOUT_SECONDS,
          // Plain HTTP only for a provider on the loopback interface (tests, local development).
          execute: isLoopbackHttp(settings.issuer) ? [client.allowInsecureRequests] : [],
        },
      );
      config.catch(() => this.#configs.delete(provider));
      this.#configs.set(provider, config);
    }
    return config;
  }
}

export interface OidcDeps extends SessionDeps {
  oidc: OidcClients;
  log: Logger;
}

export interface OidcStart {
  authorizationUrl: string;
  state: string;
}

/**
 * Starts an authorization code flow with PKCE: the state, nonce and code verifier stay
 * here (the state only as its hash); the browser is sent to the returned URL.
 */
export async function startOidcLogin(deps: OidcDeps, provider: OidcProviderName): Promise<OidcStart> {
  const { em, oidc } = deps;
  const settings = oidc.settingsOf(provider);
  const config = await oidc.configuration(provider);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: settings.redirectUri,
    scope: SCOPE,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  await em.nativeDelete(OidcLoginAttempt, { expiresAt: { $lte: new Date() } });
  em.create(OidcLoginAttempt, {
    stateHash: sha256(state),
    provider,
    nonce,
    codeVerifier,
    expiresAt: new Date(Date.now() + ATTEMPT_TTL_MS),
  });
  await em.flush();
  return { authorizationUrl: url.href, state };
}

const completeInput = z.object({
  state: z.string().min(1, 'is required').max(128, 'invalid, expired or already used'),
  code: z.string().min(1, 'is required').max(2048, 'must be at most 2048 characters'),
  iss: z.string().max(512, 'must be at most 512 characters').nullish(),
});

const INVALID_STATE = 'state: invalid, expired or already used';

/** Takes the attempt a state names, once: a second use, or a late one, finds nothing. */
async function claimAttempt(em: EntityManager, state: string): Promise<OidcLoginAttempt> {
  const stateHash = sha256(state);
  const attempt = await em.findOne(OidcLoginAttempt, { stateHash });
  if (!attempt) throw badUserInput(INVALID_STATE, 'state');
  const claimed = await em.nativeDelete(OidcLoginAttempt, { stateHash });
  if (claimed !== 1 || attempt.expiresAt <= new Date()) throw badUserInput(INVALID_STATE, 'state');
  return attempt;
}

/** Why the provider's answer was refused, without codes or tokens. */
function describeFailure(error: unknown): string {
  if (error instanceof client.ResponseBodyError || error instanceof client.AuthorizationResponseError) {
    return error.error_description ? `${error.error}: ${error.error_description}` : error.error;
  }
  // openid-client's summary, made precise by the check that failed (messages name the claim
  // or parameter, never its value).
  if (error instanceof client.ClientError) {
    return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
  }
  return 'the provider could not be reached';
}

/** The identity the provider vouches for: its ID token, checked (signature, nonce, audience). */
async function exchangeCode(deps: OidcDeps, attempt: OidcLoginAttempt, input: z.infer<typeof completeInput>) {
  const provider = attempt.provider as OidcProviderName;
  const settings = deps.oidc.settingsOf(provider);
  const config = await deps.oidc.configuration(provider);
  const callback = new URL(settings.redirectUri);
  callback.search = '';
  callback.searchParams.set('code', input.code);
  callback.searchParams.set('state', input.state);
  if (input.iss) callback.searchParams.set('iss', input.iss);
  try {
    const tokens = await client.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: attempt.codeVerifier,
      expectedState: input.state,
      expectedNonce: attempt.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims()!;
    return { provider, claims };
  } catch (error) {
    const reason = describeFailure(error);
    deps.log.warn({ provider, reason }, 'OpenID sign-in refused');
    throw unauthenticated(`Sign-in with ${PROVIDER_LABEL[provider]} failed: ${reason}`);
  }
}

const noPassword = () => `${NO_PASSWORD_PREFIX}${randomBytes(16).toString('hex')}`;

/** The account an OpenID identity signs in to: linked before, linked now, or new. */
async function accountFor(
  em: EntityManager,
  provider: OidcProviderName,
  subject: string,
  email: string | undefined,
  emailVerified: boolean,
): Promise<UserAccount> {
  const linked = await em.findOne(OauthIdentity, { provider, subject });
  if (linked) return em.findOneOrFail(UserAccount, { id: linked.userId });

  const label = PROVIDER_LABEL[provider];
  if (!email) throw forbidden(`${label} did not share an email address: it is needed to sign in`);
  const existing = await em.findOne(UserAccount, { email });
  if (existing) {
    // Linking hands the account to whoever controls the provider account: only when the
    // provider vouches that they own the address.
    if (!emailVerified) {
      throw conflict(
        `An account with this email already exists, and ${label} has not verified the address: ` +
          'linking requires a verified email. Sign in with your password instead.',
      );
    }
    if (existing.status !== 'active') throw forbidden(`This account is ${existing.status}`);
    em.create(OauthIdentity, { provider, subject, userId: existing.id, email });
    if (!existing.emailVerified) {
      // Whoever registered this address never proved it was theirs; the provider just did.
      // The password they chose and their sessions go, so an account registered in
      // someone else's name in advance is no way into theirs. A reset sets a new password.
      existing.emailVerified = true;
      existing.passwordHash = noPassword();
      await revokeSessions(em, existing.id);
      recordEvent(
        em,
        createEvent('identity.email_verified', {
          actor: existing.id,
          subject: existing.id,
          data: { userId: existing.id, email },
        }),
      );
    }
    return existing;
  }

  // A new account without a password: password sign-in stays impossible until a reset.
  const user = em.create(UserAccount, {
    email,
    passwordHash: noPassword(),
    emailVerified,
  });
  em.create(OauthIdentity, { provider, subject, userId: user.id, email });
  recordEvent(
    em,
    createEvent('identity.user_registered', {
      actor: user.id,
      subject: user.id,
      data: { userId: user.id, email, role: user.role },
    }),
  );
  if (!emailVerified) requestVerification(em, user);
  return user;
}

/**
 * Finishes a sign-in with an OpenID provider: the state must name a live attempt (once),
 * the code is exchanged with its PKCE verifier, the ID token's nonce checked; then the
 * linked account, an account with the same verified email, or a new account is signed in.
 */
export async function completeOidcLogin(
  deps: OidcDeps,
  input: unknown,
  clientInfo: ClientInfo,
): Promise<IssuedTokens> {
  const args = validateInput(completeInput, input, '');
  const { em } = deps;
  const attempt = await claimAttempt(em, args.state);
  const { provider, claims } = await exchangeCode(deps, attempt, args);

  const parsedEmail = emailInput.safeParse(claims.email);
  const email = parsedEmail.success ? parsedEmail.data : undefined;
  const user = await accountFor(em, provider, claims.sub, email, claims.email_verified === true);
  if (user.status !== 'active') throw forbidden(`This account is ${user.status}`);

  user.lastLoginAt = new Date();
  const tokens = await openSession(deps, user, clientInfo);
  recordEvent(
    em,
    createEvent('identity.user_logged_in', {
      actor: user.id,
      subject: user.id,
      data: { userId: user.id, sessionId: tokens.sessionId, method: 'oidc' },
    }),
  );
  try {
    await em.flush();
  } catch (error) {
    // The same identity or email signing in twice at the same moment: the unique indexes decide.
    if (error instanceof UniqueConstraintViolationException) {
      throw conflict('This account was just linked or created by another sign-in: try again');
    }
    throw error;
  }
  return tokens;
}
