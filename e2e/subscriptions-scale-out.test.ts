import { createLatticeClient, RegisterDocument } from '@lattice/client';
import { subscribe, testRedisUrl, waitFor, wsClient } from '@lattice/testkit';
import { newEmail, PASSWORD, promoteToAdmin, registerUser } from './support/accounts';
import { type LatticeProcess, spawnLattice } from './support/spawn-lattice';
import { startTestLattice, type TestLattice } from './support/test-lattice';

const REGISTRATIONS =
  'subscription { platformEvents(types: ["identity.user_registered"]) { subject actor { email } } }';

let machineA: TestLattice;
let machineB: LatticeProcess;

beforeAll(async () => {
  machineA = await startTestLattice();
  machineB = await spawnLattice({
    DATABASE_URL: machineA.databaseUrl,
    REDIS_URL: testRedisUrl() ?? '',
    REDIS_PREFIX: machineA.redisPrefix,
  });
}, 60_000);
afterAll(async () => {
  await machineB?.stop();
  await machineA?.stop();
});

test('an admin subscribed on gateway A sees exactly once each event caused through gateway B', async () => {
  const admin = await registerUser(machineA);
  const token = await promoteToAdmin(machineA, admin.email);
  const onA = wsClient(machineA.gateway.url, token);
  const onB = wsClient(machineB.gatewayUrl, token);
  const feedOnA = subscribe(onA, REGISTRATIONS);
  const feedOnB = subscribe(onB, REGISTRATIONS);
  // Both subscriptions are open once an event of this test reaches them.
  const probe = await registerUser(machineA);
  const seen = (feed: typeof feedOnA, id: string) =>
    feed.data().filter((data) => data.platformEvents.subject === id).length;
  await waitFor(() => seen(feedOnA, probe.id) && seen(feedOnB, probe.id), { timeoutMs: 20_000 });

  const throughB = createLatticeClient({ url: machineB.gatewayUrl });
  const emails = Array.from({ length: 10 }, () => newEmail('scale-out'));
  const ids = await Promise.all(
    emails.map(async (email) => {
      const { register } = await throughB.request(RegisterDocument, { input: { email, password: PASSWORD } });
      return register.user.id;
    }),
  );
  await waitFor(() => ids.every((id) => seen(feedOnA, id) > 0 && seen(feedOnB, id) > 0), {
    timeoutMs: 20_000,
    message: 'every registration on both gateways',
  });
  // Late duplicates would arrive within moments: give them the chance to.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  for (const id of ids) {
    expect(seen(feedOnA, id)).toBe(1);
    expect(seen(feedOnB, id)).toBe(1);
  }
  const emailsOnA = feedOnA.data().map((data) => data.platformEvents.actor?.email);
  expect(emailsOnA).toEqual(expect.arrayContaining(emails));
  await Promise.all([onA.dispose(), onB.dispose()]);
}, 60_000);
