import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface TestAccount {
  email: string;
  email_verified: boolean;
  name?: string;
}

export interface OidcCallback {
  code: string;
  state: string;
  iss?: string;
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** The environment that points identity's Google sign-in at this provider. */
  env: Record<string, string>;
  /** Adds (or replaces) an account the provider can sign in as; `sub` is its subject. */
  addAccount(sub: string, account: TestAccount): void;
  /**
   * Plays the browser: follows the authorization URL through the provider (its cookies kept
   * by hand) as the given account, and returns the parameters of the final redirect to the
   * redirect URI.
   */
  authorize(authorizationUrl: string, sub: string): Promise<OidcCallback>;
  stop(): Promise<void>;
}

/** A real OpenID provider (oidc-provider) in a child process, with one client registered. */
export async function startTestOidcProvider(): Promise<TestOidcProvider> {
  const dir = mkdtempSync(join(tmpdir(), 'lattice-oidc-'));
  const accountsFile = join(dir, 'accounts.json');
  const accounts: Record<string, TestAccount> = {};
  const saveAccounts = () => writeFileSync(accountsFile, JSON.stringify(accounts));
  saveAccounts();

  const clientId = 'lattice-e2e';
  const clientSecret = 'a-client-secret-for-the-e2e-tests-only';
  const redirectUri = 'http://app.lattice.test/auth/callback';
  const child: ChildProcess = spawn(process.execPath, [join(__dirname, 'oidc-provider.mjs')], {
    env: {
      ...process.env,
      OIDC_CLIENT_ID: clientId,
      OIDC_CLIENT_SECRET: clientSecret,
      OIDC_REDIRECT_URI: redirectUri,
      OIDC_ACCOUNTS_FILE: accountsFile,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const issuer = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve((JSON.parse(line) as { issuer: string }).issuer));
    child.once('exit', (code) => reject(new Error(`oidc-provider exited with ${code}: ${stderr}`)));
    child.once('error', reject);
  });

  return {
    issuer,
    clientId,
    clientSecret,
    redirectUri,
    env: {
      OIDC_GOOGLE_ISSUER: issuer,
      OIDC_GOOGLE_CLIENT_ID: clientId,
      OIDC_GOOGLE_CLIENT_SECRET: clientSecret,
      OIDC_GOOGLE_REDIRECT_URI: redirectUri,
    },
    addAccount(sub, account) {
      accounts[sub] = account;
      saveAccounts();
    },
    async authorize(authorizationUrl, sub) {
      const cookies = new Map<string, string>();
      let url = new URL(authorizationUrl);
      for (let hop = 0; hop < 10; hop += 1) {
        if (url.href.startsWith(redirectUri)) {
          const params = url.searchParams;
          const error = params.get('error');
          if (error) throw new Error(`provider answered ${error}: ${params.get('error_description')}`);
          return {
            code: params.get('code')!,
            state: params.get('state')!,
            ...(params.has('iss') ? { iss: params.get('iss')! } : {}),
          };
        }
        // The provider's interaction page: this provider finishes it at once as `account`.
        if (url.origin === issuer && url.pathname.startsWith('/interaction/')) {
          url.searchParams.set('account', sub);
        }
        const response = await fetch(url, {
          redirect: 'manual',
          headers: { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
        });
        for (const header of response.headers.getSetCookie()) {
          const [pair] = header.split(';');
          const at = pair!.indexOf('=');
          cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
        }
        const location = response.headers.get('location');
        if (!location) {
          throw new Error(
            `provider answered ${response.status} without a redirect: ${await response.text()}`,
          );
        }
        url = new URL(location, url);
      }
      throw new Error('too many redirects');
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
