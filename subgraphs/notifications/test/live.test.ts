import { randomUUID } from 'node:crypto';
import { subscribe, type Subscription, waitFor } from '@lattice/testkit';
import type { Notification } from '../src/entities';
import { INBOX_CHANNEL } from '../src/live/inbox-feed';
import { watchInbox } from '../src/service/inbox';
import { type Notifications, startNotifications } from './support/fixture';

let n: Notifications;
const clients: Array<ReturnType<Notifications['ws']>> = [];

const ADDED = `subscription { notificationAdded { id kind category title body link read archived createdAt } }`;

beforeAll(async () => {
  n = await startNotifications({ gatewayOnly: false });
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
});
afterAll(() => n?.stop());

async function subscriber(userId: string): Promise<Subscription<any>> {
  const client = n.ws(await n.token('user', userId));
  clients.push(client);
  return subscribe<any>(client, ADDED);
}

/** An inbox entry as the replica that wrote it broadcasts it to every replica. */
function broadcast(userId: string, title = 'probe') {
  const entry = {
    id: randomUUID(),
    eventId: randomUUID(),
    userId,
    kind: 'payment_receipt',
    category: 'billing',
    title,
    body: 'body',
    link: null,
    createdAt: new Date().toISOString(),
  };
  return n.fixture.bus.broadcast(INBOX_CHANNEL, entry).then(() => entry);
}

/** Waits until the server has the subscription: a probe broadcast for `userId` arrives. */
async function live(userId: string, subscription: Subscription<any>): Promise<void> {
  await waitFor(
    async () => {
      await broadcast(userId);
      return subscription.results.length > 0;
    },
    { message: 'the subscription to start' },
  );
  await new Promise((resolve) => setTimeout(resolve, 50));
  subscription.results.splice(0);
}

const titles = (subscription: Subscription<any>) =>
  subscription.data().map((data) => data.notificationAdded.title as string);

describe('Subscription.notificationAdded', () => {
  it('delivers each subscriber its own entries only', async () => {
    const [alice, bob] = [randomUUID(), randomUUID()];
    const toAlice = await subscriber(alice);
    const toBob = await subscriber(bob);
    await live(alice, toAlice);
    await live(bob, toBob);

    const sent = await broadcast(alice, 'for alice');
    await broadcast(bob, 'for bob');
    await broadcast(randomUUID(), 'for nobody here');
    await toAlice.received(1);
    await toBob.received(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(titles(toAlice)).toEqual(['for alice']);
    expect(titles(toBob)).toEqual(['for bob']);
    expect(toAlice.data()[0].notificationAdded).toEqual({
      id: sent.id,
      kind: 'payment_receipt',
      category: 'billing',
      title: 'for alice',
      body: 'body',
      link: null,
      read: false,
      archived: false,
      createdAt: sent.createdAt,
    });
  });

  it('delivers the entry an event adds to the inbox, to its addressee only', async () => {
    const [alice, bob] = [randomUUID(), randomUUID()];
    for (const userId of [alice, bob]) {
      await n.publish('identity.user_registered', { userId, email: `${userId}@example.com`, role: 'user' });
    }
    const toAlice = await subscriber(alice);
    const toBob = await subscriber(bob);
    await live(alice, toAlice);
    await live(bob, toBob);

    await n.publish('identity.password_changed', { userId: alice, via: 'change' });
    const [result] = await toAlice.received(1);
    expect(result!.data.notificationAdded).toMatchObject({
      kind: 'password_changed',
      category: 'security',
      title: 'Password changed',
      read: false,
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(toAlice.results).toHaveLength(1);
    expect(toBob.results).toHaveLength(0);
  });

  it('refuses an anonymous subscriber', async () => {
    const client = n.ws('');
    clients.push(client);
    const [result] = await subscribe<any>(client, ADDED).received(1);
    expect(result!.errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('watchInbox', () => {
  function feed() {
    const listeners = new Map<string, (entry: Notification) => void>();
    return {
      listeners,
      listen: (userId: string, listener: (entry: Notification) => void) => {
        listeners.set(userId, listener);
        return () => listeners.delete(userId);
      },
    };
  }
  const entry = (userId: string, title: string) => ({ id: randomUUID(), userId, title }) as Notification;

  it('stops listening when the client goes away', async () => {
    const inbox = feed();
    const stream = watchInbox(inbox, 'u1');
    inbox.listeners.get('u1')!(entry('u1', 'one'));
    expect((await stream.next()).value.title).toBe('one');
    await stream.return!();
    expect(inbox.listeners.size).toBe(0);
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });

  it('keeps at most 100 undelivered entries, the newest', async () => {
    const inbox = feed();
    const stream = watchInbox(inbox, 'u1');
    for (let i = 0; i < 150; i += 1) inbox.listeners.get('u1')!(entry('u1', `entry ${i}`));
    expect((await stream.next()).value.title).toBe('entry 50');
    await stream.return!();
  });
});
