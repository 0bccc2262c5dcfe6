import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import {
  BillingProviderDocument,
  CreatePaymentIntentDocument,
  createLatticeClient,
  LoginDocument,
  MeDocument,
  RegisterDocument,
  VerifyEmailDocument,
} from '@lattice/client';
import { readSubgraphManifest } from '@lattice/manifest';
import { readMailDirectory } from '@lattice/smtp-capture';
import { waitFor } from '@lattice/testkit';

const root = join(__dirname, '..');
let dataDir: string;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'lattice-start-'));
  chmodSync(dataDir, 0o755); // run as root, PostgreSQL runs as the postgres user and must traverse it
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs the `npm start` entry point with no DATABASE_URL or REDIS_URL: the embedded default. */
async function start(): Promise<{ url: string; child: ChildProcess }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LATTICE_DATA_DIR: dataDir,
    PORT: '0',
    SUBGRAPH_PORTS: 'random',
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  // node with tsx's loader, not the tsx command: that one relays a Ctrl-C to node and kills it
  // (exit 130) when node has not acknowledged within 30 ms, which a busy machine can miss.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--conditions=lattice-source', join(root, 'apps', 'all-in-one', 'src', 'main.ts')],
    { env, stdio: ['ignore', 'pipe', 'inherit'], cwd: root },
  );
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`exited with ${code} before it was ready`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /GraphQL \(HTTP and WebSocket\): (\S+)/.exec(line);
      if (match) resolve(match[1]!);
    });
  });
  return { url, child };
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGINT');
  });
}

describe('npm start with no configuration', () => {
  it('runs on an embedded PostgreSQL, stops cleanly on Ctrl-C, and keeps its data across restarts', async () => {
    const email = 'restart@example.com';
    const password = 'survives restarts';

    const first = await start();
    const health = await fetch(new URL('/health/ready', first.url)).then((response) => response.json());
    // Every subgraph of the manifest: a new one is started with no edit anywhere.
    expect(health).toEqual({
      gateway: 'healthy',
      services: Object.fromEntries(readSubgraphManifest().map((entry) => [entry.name, 'healthy'])),
    });
    const { register } = await createLatticeClient({ url: first.url }).request(RegisterDocument, {
      input: { email, password },
    });
    await waitFor(async () => {
      const { me } = await createLatticeClient({ url: first.url, token: register.accessToken }).request(
        MeDocument,
      );
      return me?.profile != null;
    });
    // No SMTP_URL: the verification mail is captured where `npm run mail` reads it, and its link works.
    const mail = await waitFor(
      async () =>
        (await readMailDirectory(join(dataDir, 'mail'))).find(
          (entry) => entry.to.includes(email) && /Confirm your email/.test(entry.subject),
        ),
      { timeoutMs: 15_000, message: 'the captured verification mail' },
    );
    const token = new URL(mail.links[0]!).searchParams.get('token')!;
    const { verifyEmail } = await createLatticeClient({ url: first.url }).request(VerifyEmailDocument, {
      token,
    });
    expect(verifyEmail.emailVerified).toBe(true);

    // Billing takes payments with no Stripe key, on its simulator, and says so.
    const client = createLatticeClient({ url: first.url, token: register.accessToken });
    const { billingProvider } = await client.request(BillingProviderDocument);
    expect(billingProvider).toEqual({ simulated: true, name: 'stripe-simulator' });
    const { createPaymentIntent } = await client.request(CreatePaymentIntentDocument, {
      input: { purpose: 'credits', creditPack: 'credits-10', paymentMethod: 'pm_card_visa' },
      idempotencyKey: 'npm-start-credits',
    });
    expect(createPaymentIntent).toMatchObject({ status: 'succeeded', amount: 1_000 });
    expect(await stop(first.child)).toBe(0);

    const second = await start();
    const { login } = await createLatticeClient({ url: second.url }).request(LoginDocument, {
      input: { email, password },
    });
    const { me } = await createLatticeClient({ url: second.url, token: login.accessToken }).request(
      MeDocument,
    );
    expect(me).toMatchObject({ id: register.user.id, email, profile: { displayName: 'restart' } });
    expect(await stop(second.child)).toBe(0);
  }, 120_000);
});
