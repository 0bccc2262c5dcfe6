import { randomUUID } from 'node:crypto';
import { subscribe, type Subscription, waitFor } from '@lattice/testkit';
import { Delivery, Notification, Preference, Recipient } from '../src/entities';
import { UnsubscribeTokens } from '../src/service/unsubscribe';
import { type Notifications, startNotifications } from './support/fixture';
import { seedInbox } from './support/seed';

/** Someone else's inbox and settings, through every path, and what events can make this service do. */
let n: Notifications;
beforeAll(async () => {
  n = await startNotifications();
});
afterAll(() => n?.stop());

const UPDATE = `mutation($p: [NotificationPreferenceInput!]!) {
  updateNotificationPreferences(preferences: $p) { category channel enabled } }`;
const UNSUBSCRIBE = `mutation($token: String!) { unsubscribe(token: $token) { category channel enabled } }`;
const LIST = `query($filter: DeliveryFilter, $first: Int) {
  deliveries(filter: $filter, first: $first) { edges { node { id lastError } } } }`;

const sql = <T>(query: string, params: unknown[] = []) => n.em().getConnection().execute<T[]>(query, params);
const applied = async (eventId: string) =>
  (await sql('select 1 from notifications.processed_event where event_id = ?', [eventId])).length > 0;

async function register(userId = randomUUID()) {
  await n.publish('identity.user_registered', { userId, email: `${userId}@example.test`, role: 'user' });
  return userId;
}

describe("someone else's inbox", () => {
  it('is not reached by a representation naming its owner, in any spelling, nor by extra fields', async () => {
    const victim = randomUUID();
    const [entry] = await seedInbox(n.em(), victim, 1);
    const attacker = await n.token('user');
    const asUser = await n.post(
      attacker,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { unreadNotificationCount } } }`,
      { r: [{ __typename: 'User', id: victim.toUpperCase() }] },
    );
    expect(asUser.errors[0].extensions.code).toBe('FORBIDDEN');
    const asEntry = await n.post(
      attacker,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Notification { id title } } }`,
      { r: [{ __typename: 'Notification', id: entry!.id, userId: 'whoever', title: 'forged' }] },
    );
    expect(asEntry.data._entities).toEqual([null]);
  });
});

describe('preferences', () => {
  it('refuse a huge list at once, writing nothing', async () => {
    const userId = randomUUID();
    const p = Array.from({ length: 5_000 }, (_, i) => ({
      category: ['billing', 'activity', 'marketing'][i % 3],
      channel: ['email', 'sms', 'inapp'][i % 3],
      enabled: i % 2 === 0,
    }));
    const { data, errors } = await n.post(await n.token('user', userId), UPDATE, { p });
    expect(data).toBeNull();
    expect(errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'preferences' });
    expect(await n.em().count(Preference, { userId })).toBe(0);
  });

  it('refuse an unknown category or channel before any resolver', async () => {
    const token = await n.token('user');
    for (const p of [
      [{ category: 'everything', channel: 'email', enabled: false }],
      [{ category: 'billing', channel: 'pigeon', enabled: false }],
    ]) {
      const { errors } = await n.post(token, UPDATE, { p });
      expect(errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('unsubscribe', () => {
  it('refuses, without an error of its own, a token far too long or mangled by encoding', async () => {
    const signer = await UnsubscribeTokens.load(n.em());
    const userId = await register();
    const token = signer.sign({ userId, category: 'billing', channel: 'email' });
    for (const bad of ['x'.repeat(100_000), token.replace('.', '%2E'), ` ${token}`, `${token}\n`]) {
      const { errors } = await n.post(null, UNSUBSCRIBE, { token: bad });
      expect(errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
    }
    expect(await n.em().count(Preference, { userId })).toBe(0);
  });
});

describe('admin deliveries', () => {
  it('take odd filter values as values: nothing matches, nothing fails', async () => {
    const admin = await n.token('admin');
    for (const filter of [{ kind: 'x'.repeat(10_000) }, { kind: "%' or 1=1 --" }, { kind: '%' }]) {
      const { data, errors } = await n.post(admin, LIST, { filter });
      expect(errors).toBeUndefined();
      expect(data.deliveries.edges).toEqual([]);
    }
    const negative = await n.post(admin, LIST, { first: -1 });
    expect(negative.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const status = await n.post(admin, LIST, { filter: { status: 'lost' } });
    expect(status.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('a deleted user', () => {
  it('is not brought back by a late profile, and later events for them are applied as nothing', async () => {
    const userId = await register();
    await n.publish('identity.user_deleted', { userId });
    // Published before the deletion by accounts, applied after it: nothing may come back.
    const profile = await n.publish('accounts.profile_updated', {
      userId,
      fields: ['phone'],
      profile: {
        displayName: 'Gone',
        locale: 'en',
        timezone: 'UTC',
        phone: '+447700900123',
        notifications: { email: true, sms: true, marketing: false },
      },
    });
    const failed = await n.publish('billing.payment_failed', {
      userId,
      paymentId: 'pay_gone',
      amount: 500,
      currency: 'usd',
      declineCode: null,
    });
    const canceled = await n.publish('billing.plan_changed', {
      userId,
      change: 'canceled',
      fromPlan: 'pro',
      toPlan: 'free',
      status: 'canceled',
      monthlyAmount: 0,
      currency: 'usd',
    });
    for (const event of [profile, failed, canceled]) expect(await applied(event.id)).toBe(true);
    expect(await n.em().count(Recipient, { userId })).toBe(0);
    expect(await n.em().count(Delivery, { userId })).toBe(0);
    expect(await n.em().count(Notification, { userId })).toBe(0);
  });

  it('cannot write preferences with a token still valid', async () => {
    const userId = await register();
    await n.publish('identity.user_deleted', { userId });
    const { errors } = await n.post(await n.token('user', userId), UPDATE, {
      p: [{ category: 'marketing', channel: 'email', enabled: true }],
    });
    expect(errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await n.em().count(Preference, { userId })).toBe(0);
  });
});

describe('a recipient known by their profile before their registration', () => {
  it('gets the mail once the address is known, not an inbox entry alone', async () => {
    const userId = randomUUID();
    await n.publish('accounts.profile_updated', {
      userId,
      fields: ['displayName'],
      profile: {
        displayName: 'Early',
        locale: 'en',
        timezone: 'UTC',
        phone: null,
        notifications: { email: true, sms: false, marketing: false },
      },
    });
    const changed = n.publish('identity.password_changed', { userId, via: 'change' });
    await register(userId);
    await changed;
    const mail = await n.em().findOne(Delivery, { userId, kind: 'password_changed', channel: 'email' });
    expect(mail?.address).toBe(`${userId}@example.test`);
  });
});

describe('live entries', () => {
  let live: Notifications;
  const clients: Array<ReturnType<Notifications['ws']>> = [];
  beforeAll(async () => {
    live = await startNotifications({ gatewayOnly: false });
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await live?.stop();
  });

  const ADDED = 'subscription { notificationAdded { id title } }';
  const watch = (token: string): Subscription<any> => {
    const client = live.ws(token);
    clients.push(client);
    return subscribe<any>(client, ADDED);
  };

  it("reach no admin but their owner, and no forged token's bearer", async () => {
    const victim = randomUUID();
    await live.publish('identity.user_registered', {
      userId: victim,
      email: `${victim}@example.test`,
      role: 'user',
    });
    const own = watch(await live.token('user', victim));
    const admin = watch(await live.token('admin'));
    const real = await live.token('user');
    const [header, , signature] = real.split('.');
    const claims = (sub: string) =>
      Buffer.from(
        JSON.stringify({
          sub,
          role: 'admin',
          sid: 'x',
          iss: 'lattice-identity',
          aud: 'lattice',
          iat: 1,
          exp: 4_000_000_000,
        }),
      ).toString('base64url');
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const forged = [watch(`${header}.${claims(victim)}.${signature}`), watch(`${none}.${claims(victim)}.`)];
    await waitFor(
      async () => {
        await live.publish('identity.password_changed', { userId: victim, via: 'change' });
        return own.results.length > 0;
      },
      { message: 'the owner to be subscribed' },
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(admin.results).toEqual([]);
    for (const subscription of forged) {
      expect(subscription.data()).toEqual([]);
      // Refused at connection_init (the kit closes the socket): nothing was ever delivered.
      await waitFor(() => subscription.ended.error !== undefined, {
        message: 'the forged subscription to end',
      });
    }
  });
});
