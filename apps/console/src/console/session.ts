import {
  ConsoleViewerDocument,
  LoginDocument,
  LogoutDocument,
  RefreshTokenDocument,
  type LatticeClient,
} from '@lattice/client';

/** Refused: the account signed in, but is not an admin (its session is ended at once). */
export class NotAdminError extends Error {
  constructor(readonly email: string) {
    super(`${email} is not an admin: the console is for admins only.`);
    this.name = 'NotAdminError';
  }
}

interface Tokens {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
}

/**
 * Refresh this long before the access token expires, or a quarter of its remaining life for
 * short-lived tokens; never sooner than MIN_DELAY_MS from now.
 */
const REFRESH_MARGIN_MS = 60_000;
const MIN_DELAY_MS = 1_000;

/**
 * The signed-in admin's tokens, in this page's memory only: never in localStorage, sessionStorage
 * or a cookie, so nothing persists for a script injected later to find, and a reload signs
 * out. The access token is refreshed with the refresh token before it expires (each refresh
 * token works once: identity rotates it).
 */
export class Session {
  private tokens?: Tokens;
  private timer?: ReturnType<typeof setTimeout>;
  private readonly listeners = new Set<() => void>();
  email?: string;

  constructor(private readonly client: LatticeClient) {}

  get accessToken(): string | undefined {
    return this.tokens?.accessToken;
  }

  /** An HTTP client that sends the current access token. */
  api(): LatticeClient {
    return this.client.withToken(this.tokens?.accessToken);
  }

  /** Signs in; rejects with NotAdminError (and signs out) when the account is not an admin. */
  async signIn(email: string, password: string): Promise<void> {
    const { login } = await this.client.request(LoginDocument, { input: { email, password } });
    this.tokens = login;
    const { me } = await this.api().request(ConsoleViewerDocument);
    if (me?.role !== 'ADMIN') {
      await this.signOut();
      throw new NotAdminError(email);
    }
    this.email = me.email ?? email;
    this.schedule();
    this.changed();
  }

  async signOut(): Promise<void> {
    clearTimeout(this.timer);
    const client = this.api();
    this.tokens = undefined;
    this.email = undefined;
    this.changed();
    await client.request(LogoutDocument).catch(() => undefined); // the session ends anyway when it expires
  }

  /** Swaps the refresh token for a new pair now (also done on a timer before expiry). */
  async refresh(): Promise<void> {
    if (!this.tokens) return;
    try {
      const { refreshToken } = await this.client.request(RefreshTokenDocument, {
        refreshToken: this.tokens.refreshToken,
      });
      this.tokens = refreshToken;
      this.schedule();
      this.changed();
    } catch {
      await this.signOut(); // refused (revoked, reused, expired): sign in again
    }
  }

  /** Called on every sign-in, sign-out and refresh; returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (!this.tokens) return;
    const remaining = Date.parse(this.tokens.accessTokenExpiresAt) - Date.now();
    const delay = Math.max(MIN_DELAY_MS, remaining - Math.min(REFRESH_MARGIN_MS, remaining / 4));
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
