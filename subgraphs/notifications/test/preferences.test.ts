import { randomUUID } from 'node:crypto';
import { Delivery, Notification, Preference } from '../src/entities';
import { UnsubscribeTokens } from '../src/service/unsubscribe';
import { type Notifications, startNotifications } from './support/fixture';

let n: Notifications;

const MATRIX = `query($r: [_Any!]!) { _entities(representations: $r) { ... on User {
  notificationPreferences { category channel enabled editable } } } }`;
const UPDATE = `mutation($p: [NotificationPreferenceInput!]!) {
  updateNotificationPreferences(preferences: $p) { category channel enabled editable } }`;
const UNSUBSCRIBE = `mutation($token: String!) { unsubscribe(token: $token) { category channel enabled editable } }`;

const DEFAULT_MATRIX = [
  { category: 'security', channel: 'email', enabled: true, editable: false },
  { category: 'security', channel: 'sms', enabled: true, editable: false },
  { category: 'security', channel: 'inapp', enabled: true, editable: false },
  { category: 'billing', channel: 'email', enabled: true, editable: true },
  { category: 'billing', channel: 'sms', enabled: false, editable: true },
  { category: 'billing', channel: 'inapp', enabled: true, editable: true },
  { category: 'activity', channel: 'email', enabled: true, editable: true },
  { category: 'activity', channel: 'sms', enabled: false, editable: true },
  { category: 'activity', channel: 'inapp', enabled: true, editable: true },
  { category: 'marketing', channel: 'email', enabled: false, editable: true },
  { category: 'marketing', channel: 'sms', enabled: false, editable: true },
  { category: 'marketing', channel: 'inapp', enabled: false, editable: true },
];

/** The default matrix with some cells changed. */
const matrixWith = (...changes: Array<[string, string, boolean]>) =>
  DEFAULT_MATRIX.map((cell) => {
    const change = changes.find(
      ([category, channel]) => cell.category === category && cell.channel === channel,
    );
    return change ? { ...cell, enabled: change[2] } : cell;
  });

async function matrixOf(token: string | null, userId: string) {
  return n.post(token, MATRIX, { r: [{ __typename: 'User', id: userId }] });
}

const storedRows = (userId: string) =>
  n.em().find(Preference, { userId }, { orderBy: { category: 'asc', channel: 'asc' } });

async function pay(userId: string) {
  return n.publish('billing.payment_succeeded', {
    userId,
    paymentId: randomUUID(),
    amount: 2900,
    currency: 'usd',
    purpose: 'credits',
    plan: null,
  });
}

beforeAll(async () => {
  n = await startNotifications();
});
afterAll(() => n?.stop());

describe('notification preferences', () => {
  it('are the defaults until changed: security on and not editable, marketing off', async () => {
    const userId = randomUUID();
    const { data, errors } = await matrixOf(await n.token('user', userId), userId);
    expect(errors).toBeUndefined();
    expect(data._entities[0].notificationPreferences).toEqual(DEFAULT_MATRIX);
  });

  it('change several at once, then again (an upsert), and read back the same', async () => {
    const userId = randomUUID();
    const token = await n.token('user', userId);
    const first = await n.post(token, UPDATE, {
      p: [
        { category: 'billing', channel: 'sms', enabled: true },
        { category: 'marketing', channel: 'email', enabled: true },
        { category: 'activity', channel: 'inapp', enabled: false },
      ],
    });
    expect(first.data.updateNotificationPreferences).toEqual(
      matrixWith(['billing', 'sms', true], ['marketing', 'email', true], ['activity', 'inapp', false]),
    );
    const second = await n.post(token, UPDATE, {
      p: [{ category: 'billing', channel: 'sms', enabled: false }],
    });
    const expected = matrixWith(['marketing', 'email', true], ['activity', 'inapp', false]);
    expect(second.data.updateNotificationPreferences).toEqual(expected);
    expect((await matrixOf(token, userId)).data._entities[0].notificationPreferences).toEqual(expected);
    expect((await storedRows(userId)).map((row) => [row.category, row.channel, row.enabled])).toEqual([
      ['activity', 'inapp', false],
      ['billing', 'sms', false],
      ['marketing', 'email', true],
    ]);
  });

  it('refuse any security entry with the field named, and write nothing', async () => {
    const userId = randomUUID();
    const token = await n.token('user', userId);
    for (const enabled of [false, true]) {
      n.fixture.subgraph.sql.reset();
      const { data, errors } = await n.post(token, UPDATE, {
        p: [
          { category: 'billing', channel: 'email', enabled: false },
          { category: 'security', channel: 'email', enabled },
        ],
      });
      expect(data).toBeNull();
      expect(errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'preferences' });
      expect(errors[0].message).toMatch(/security/);
      expect(n.fixture.subgraph.sql.count).toBe(0);
    }
    expect(await storedRows(userId)).toEqual([]);
  });

  it('refuse a pair given twice, and write nothing', async () => {
    const userId = randomUUID();
    const { errors } = await n.post(await n.token('user', userId), UPDATE, {
      p: [
        { category: 'billing', channel: 'email', enabled: false },
        { category: 'billing', channel: 'email', enabled: true },
      ],
    });
    expect(errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'preferences' });
    expect(await storedRows(userId)).toEqual([]);
  });

  it('are read by their owner and staff; FORBIDDEN to other users, UNAUTHENTICATED to no one', async () => {
    const userId = randomUUID();
    for (const role of ['moderator', 'admin'] as const) {
      const { data } = await matrixOf(await n.token(role), userId);
      expect(data._entities[0].notificationPreferences).toEqual(DEFAULT_MATRIX);
    }
    const other = await matrixOf(await n.token('user'), userId);
    expect(other.errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await matrixOf(null, userId)).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const update = await n.post(null, UPDATE, { p: [] });
    expect(update.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('decide what is sent: billing turned off in-app leaves the inbox empty, the email still goes', async () => {
    const userId = randomUUID();
    await n.publish('identity.user_registered', { userId, email: `${userId}@example.com`, role: 'user' });
    await n.post(await n.token('user', userId), UPDATE, {
      p: [{ category: 'billing', channel: 'inapp', enabled: false }],
    });
    await pay(userId);
    expect(await n.em().count(Notification, { userId })).toBe(0);
    expect(await n.em().count(Delivery, { userId, channel: 'email' })).toBe(1);
  });
});

describe('unsubscribe', () => {
  const userId = randomUUID();
  let signer: UnsubscribeTokens;
  let token: string;

  beforeAll(async () => {
    await n.publish('identity.user_registered', { userId, email: `${userId}@example.com`, role: 'user' });
    // The service's own key (made on its first start and kept), as the links in its mails use.
    signer = await UnsubscribeTokens.load(n.em());
    token = signer.sign({ userId, category: 'billing', channel: 'email' });
  });

  it('with a token of this service, turns that one category off on that one channel, signed out', async () => {
    const { data, errors } = await n.post(null, UNSUBSCRIBE, { token });
    expect(errors).toBeUndefined();
    expect(data.unsubscribe).toEqual({
      category: 'billing',
      channel: 'email',
      enabled: false,
      editable: true,
    });
    const { data: read } = await matrixOf(await n.token('user', userId), userId);
    expect(read._entities[0].notificationPreferences).toEqual(matrixWith(['billing', 'email', false]));
  });

  it('is idempotent', async () => {
    const again = await n.post(null, UNSUBSCRIBE, { token });
    expect(again.data.unsubscribe).toEqual({
      category: 'billing',
      channel: 'email',
      enabled: false,
      editable: true,
    });
    expect((await storedRows(userId)).map((row) => [row.category, row.channel, row.enabled])).toEqual([
      ['billing', 'email', false],
    ]);
  });

  it('refuses a forged or altered token on the field token, and writes nothing', async () => {
    const victim = randomUUID();
    const [payload, mac] = token.split('.') as [string, string];
    const otherPayload = Buffer.from(JSON.stringify([victim, 'billing', 'email'])).toString('base64url');
    const flipped = `${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`;
    for (const bad of [
      `${otherPayload}.${mac}`,
      `${payload}.${flipped}`,
      payload,
      `${token}.x`,
      '',
      'garbage',
    ]) {
      n.fixture.subgraph.sql.reset();
      const { data, errors } = await n.post(null, UNSUBSCRIBE, { token: bad });
      expect(data).toBeNull();
      expect(errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
      expect(n.fixture.subgraph.sql.count).toBe(0);
    }
    expect(await storedRows(victim)).toEqual([]);
  });

  it('cannot turn security messages off, even with a token signed by this service', async () => {
    const security = signer.sign({ userId, category: 'security', channel: 'email' });
    const { errors } = await n.post(null, UNSUBSCRIBE, { token: security });
    expect(errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
    expect(await n.em().count(Preference, { userId, category: 'security' })).toBe(0);
  });

  it('leaves nothing behind for a user deleted since the mail was sent', async () => {
    const gone = randomUUID();
    await n.publish('identity.user_registered', { userId: gone, email: `${gone}@example.com`, role: 'user' });
    await n.publish('identity.user_deleted', { userId: gone });
    const { data } = await n.post(null, UNSUBSCRIBE, {
      token: signer.sign({ userId: gone, category: 'marketing', channel: 'email' }),
    });
    expect(data.unsubscribe).toEqual({
      category: 'marketing',
      channel: 'email',
      enabled: false,
      editable: true,
    });
    expect(await storedRows(gone)).toEqual([]);
  });

  it('works from the link of a mail sent: the next receipt goes to the inbox only', async () => {
    const payer = randomUUID();
    await n.publish('identity.user_registered', {
      userId: payer,
      email: `${payer}@example.com`,
      role: 'user',
    });
    await pay(payer);
    // The receipt's link, as its List-Unsubscribe header carries it.
    const receipt = await n.em().findOneOrFail(Delivery, { userId: payer, channel: 'email' });
    const link = /^<(.+)>$/.exec(receipt.headers!['List-Unsubscribe']!)![1]!;
    const fromMail = new URL(link).searchParams.get('token')!;
    expect((await n.post(null, UNSUBSCRIBE, { token: fromMail })).data.unsubscribe).toMatchObject({
      category: 'billing',
      channel: 'email',
      enabled: false,
    });
    await pay(payer);
    expect(await n.em().count(Delivery, { userId: payer, channel: 'email' })).toBe(1);
    expect(await n.em().count(Notification, { userId: payer, kind: 'payment_receipt' })).toBe(2);
  });
});
