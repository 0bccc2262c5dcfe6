// A real OpenID Connect provider (panva's oidc-provider) for the e2e tests, run as its own
// process: `node e2e/support/oidc-provider.mjs`. It listens on 127.0.0.1 on a free port and
// prints one line of JSON, `{"issuer":"http://127.0.0.1:<port>"}`, once it is ready.
//
// Environment:
//   OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI   the one registered client
//   OIDC_ACCOUNTS_FILE   JSON file `{ "<sub>": { "email": "...", "email_verified": true } }`,
//                        read again at every lookup so a test can add accounts while it runs
//
// No login page: the interaction URL finishes the interaction at once (login and consent)
// for the account named by its `account` query parameter, which the test appends when it
// follows the provider's redirect. PKCE (S256) is required for every authorization request.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import process from 'node:process';
import { URL } from 'node:url';
import Provider from 'oidc-provider';

const { OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI, OIDC_ACCOUNTS_FILE } = process.env;
if (!OIDC_CLIENT_ID || !OIDC_CLIENT_SECRET || !OIDC_REDIRECT_URI || !OIDC_ACCOUNTS_FILE) {
  process.stderr.write(
    'OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI and OIDC_ACCOUNTS_FILE are required\n',
  );
  process.exit(2);
}

const accounts = () => JSON.parse(readFileSync(OIDC_ACCOUNTS_FILE, 'utf8'));

const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: OIDC_CLIENT_ID,
      client_secret: OIDC_CLIENT_SECRET,
      redirect_uris: [OIDC_REDIRECT_URI],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  // Like Google: the ID token itself carries the email claims.
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(_ctx, sub) {
    const account = accounts()[sub];
    if (!account) return undefined;
    return { accountId: sub, claims: async () => ({ sub, ...account }) };
  },
});
provider.on('server_error', (_ctx, error) => process.stderr.write(`oidc-provider server_error: ${error}\n`));

const oidc = provider.callback();
server.on('request', async (req, res) => {
  const url = new URL(req.url, issuer);
  const match = /^\/interaction\/([\w-]+)$/.exec(url.pathname);
  if (!match || req.method !== 'GET') return oidc(req, res);
  try {
    const details = await provider.interactionDetails(req, res);
    const accountId = url.searchParams.get('account') ?? '';
    if (!accounts()[accountId]) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end(`unknown test account "${accountId}"`);
      return;
    }
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId, clientId: details.params.client_id });
    grant.addOIDCScope(String(details.params.scope ?? 'openid'));
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId } });
  } catch (error) {
    res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
  }
});

process.on('SIGTERM', () => server.close(() => process.exit(0)));
process.stdout.write(`${JSON.stringify({ issuer })}\n`);
