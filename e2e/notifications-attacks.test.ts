import { createEvent } from '@lattice/events';
import { type MailCapture, startMailCapture } from '@lattice/smtp-capture';
import { subscribe, waitFor, wsClient } from '@lattice/testkit';
import { promoteToAdmin, registerUser } from './support/accounts';
import { gql, ok } from './support/graphql';
import { startTestLattice, type TestLattice } from './support/test-lattice';

/** The notifications API attacked through the gateway, as an outsider and as a careless client. */
let lattice: TestLattice;
let smtp: MailCapture;
beforeAll(async () => {
  smtp = await startMailCapture();
  lattice = await startTestLattice(
    { SMTP_URL: smtp.url, APP_URL: 'http://app.example.test/' },
    { subgraphs: ['accounts', 'notifications'] },
  );
});
afterAll(async () => {
  await lattice?.stop();
  await smtp?.close();
});

const sql = <T>(query: string, params: unknown[] = []) =>
  lattice.subgraphs.notifications!.orm.em.getConnection().execute<T[]>(query, params);
const known = (userId: string) =>
  waitFor(
    async () => (await sql('select 1 from notifications.recipient where user_id = ?', [userId])).length > 0,
  );

async function receiptFor(userId: string, paymentId: string) {
  await lattice.bus.publish(
    createEvent('billing.payment_succeeded', {
      actor: userId,
      subject: userId,
      data: { userId, paymentId, amount: 4_200, currency: 'eur', purpose: 'credits', plan: null },
    }),
  );
}

const INBOX = 'notifications { edges { node { title } } } unreadNotificationCount';

describe("someone else's inbox through the gateway", () => {
  it('is reached by no admin, through any list of users', async () => {
    const victim = await registerUser(lattice);
    await known(victim.id);
    await receiptFor(victim.id, 'pay-victim');
    await waitFor(
      async () =>
        (await ok(lattice, victim.accessToken, `{ me { ${INBOX} } }`)).me.unreadNotificationCount > 0,
    );
    const admin = await promoteToAdmin(lattice, (await registerUser(lattice)).email);
    await waitFor(
      async () =>
        (
          await sql<{ n: number }>(
            'select count(*)::int as n from notifications.delivery where user_id = ?',
            [victim.id],
          )
        )[0]!.n > 0,
    );
    for (const query of [
      `{ users(first: 50) { edges { node { id ${INBOX} } } } }`,
      `{ deliveries(filter: { userId: "${victim.id}" }) { edges { node { user { id ${INBOX} } } } } }`,
    ]) {
      const answer = await gql(lattice, admin, query);
      expect(answer.errors?.length).toBeGreaterThan(0);
      expect(new Set(answer.errors!.map((error) => error.extensions.code))).toEqual(new Set(['FORBIDDEN']));
      expect(JSON.stringify(answer.data)).not.toContain('Payment received');
    }
  });

  it('is not reachable by a client: _entities is not part of the API', async () => {
    const user = await registerUser(lattice);
    const answer = await gql(
      lattice,
      user.accessToken,
      `query($r: [_Any!]!) { _entities(representations: $r) { __typename } }`,
      { r: [{ __typename: 'User', id: user.id }] },
    );
    expect(answer.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it("live: the owner's entries reach the owner, not an admin subscribed at the same time", async () => {
    const owner = await registerUser(lattice);
    await known(owner.id);
    const admin = await promoteToAdmin(lattice, (await registerUser(lattice)).email);
    const ownerClient = wsClient(lattice.gateway.url, owner.accessToken);
    const adminClient = wsClient(lattice.gateway.url, admin);
    try {
      const ADDED = 'subscription { notificationAdded { title } }';
      const ownFeed = subscribe(ownerClient, ADDED);
      const adminFeed = subscribe(adminClient, ADDED);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await receiptFor(owner.id, 'pay-live');
      await ownFeed.received(1);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(adminFeed.results).toEqual([]);
    } finally {
      await ownerClient.dispose();
      await adminClient.dispose();
    }
  });
});

describe('careless clients', () => {
  it('an unknown category or channel is refused before any change', async () => {
    const user = await registerUser(lattice);
    for (const literal of [
      '{ category: everything, channel: email, enabled: false }',
      '{ category: billing, channel: pigeon, enabled: false }',
      '{ category: "billing", channel: email, enabled: false }',
    ]) {
      const answer = await gql(
        lattice,
        user.accessToken,
        `mutation { updateNotificationPreferences(preferences: [${literal}]) { enabled } }`,
      );
      expect(answer.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
    const variables = await gql(
      lattice,
      user.accessToken,
      'mutation($p: [NotificationPreferenceInput!]!) { updateNotificationPreferences(preferences: $p) { enabled } }',
      { p: [{ category: 'BILLING', channel: 'email', enabled: false }] },
    );
    expect(variables.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(await sql('select 1 from notifications.preference where user_id = ?', [user.id])).toEqual([]);
  });

  it('a user asking for deliveries is refused by the gateway', async () => {
    const user = await registerUser(lattice);
    const answer = await gql(lattice, user.accessToken, '{ deliveries { edges { node { id } } } }');
    expect(answer.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });
});

describe('the unsubscribe link of a real mail', () => {
  it('turns that category off on email, signed out, for its user only; an altered one nothing', async () => {
    const owner = await registerUser(lattice);
    const other = await registerUser(lattice);
    await known(owner.id);
    await known(other.id);
    await receiptFor(owner.id, 'pay-link');
    const mail = await smtp.waitFor((m) => m.envelope.to.includes(owner.email) && /Receipt/.test(m.subject));
    const link = mail.links.find((candidate) => candidate.includes('/unsubscribe?'))!;
    expect(link.startsWith('http://app.example.test/unsubscribe?token=')).toBe(true);
    const token = new URL(link).searchParams.get('token')!;

    const [payload, mac] = token.split('.') as [string, string];
    const otherPayload = Buffer.from(JSON.stringify([other.id, 'billing', 'email'])).toString('base64url');
    const securityPayload = Buffer.from(JSON.stringify([owner.id, 'security', 'email'])).toString(
      'base64url',
    );
    for (const altered of [
      `${otherPayload}.${mac}`,
      `${securityPayload}.${mac}`,
      `${payload}.${mac.slice(1)}`,
    ]) {
      const refused = await gql(
        lattice,
        undefined,
        'mutation($t: String!) { unsubscribe(token: $t) { enabled } }',
        { t: altered },
      );
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
    }
    const { unsubscribe } = await ok(
      lattice,
      undefined,
      'mutation($t: String!) { unsubscribe(token: $t) { category channel enabled } }',
      { t: token },
    );
    expect(unsubscribe).toEqual({ category: 'billing', channel: 'email', enabled: false });
    const stored = await sql<{ user_id: string; category: string; channel: string; enabled: boolean }>(
      'select user_id, category, channel, enabled from notifications.preference where user_id in (?, ?)',
      [owner.id, other.id],
    );
    expect(stored).toEqual([{ user_id: owner.id, category: 'billing', channel: 'email', enabled: false }]);
  });
});
