import { subscribe, waitFor, wsClient } from '@lattice/testkit';
import {
  BOOK,
  type BookingsLattice,
  CREATE_GYM,
  CREATE_SESSIONS,
  localInDays,
  memberWithCredits,
  ok,
  startBookingsLattice,
} from './support/bookings';
import { gql } from './support/graphql';

// The journey through the gateway: A and B become friends → B books a session → it
// appears in A's home feed live → A likes and comments → B is notified; a private activity
// never appears to A; after B blocks A, nothing of B's is visible to A anywhere.
let world: BookingsLattice;
beforeAll(async () => {
  world = await startBookingsLattice({ subgraphs: ['social'] });
}, 60_000);
afterAll(() => world?.stop());

const HOME = '{ homeFeed { edges { node { id kind text sessionTitle actor { id } } } } }';
const FEED_UPDATED = 'subscription { feedUpdated { id kind text sessionTitle gymName actor { id } } }';

test('friends see each other’s bookings live, interact, and a block hides everything', async () => {
  const { lattice, admin, smtp } = world;
  const ada = await memberWithCredits(lattice, admin, 0);
  const bob = await memberWithCredits(lattice, admin, 5);

  await ok(lattice, ada.token, 'mutation($u: ID!) { sendFriendRequest(userId: $u) { friendship } }', {
    u: bob.id,
  });
  const accepted = await ok(
    lattice,
    bob.token,
    'mutation($u: ID!) { respondToFriendRequest(userId: $u, accept: true) { friendship } }',
    { u: ada.id },
  );
  expect(accepted.respondToFriendRequest.friendship).toBe('FRIENDS');
  await smtp.waitFor((m) => m.envelope.to.includes(bob.email) && /friend/i.test(m.subject));

  const gym = (
    await ok(lattice, admin, CREATE_GYM, {
      input: {
        name: 'Mitte Fitness',
        address: 'Berlin',
        latitude: 52.52,
        longitude: 13.41,
        timeZone: 'Europe/Berlin',
      },
    })
  ).createGym.id;
  const [session] = (
    await ok(lattice, admin, CREATE_SESSIONS, {
      input: {
        gymId: gym,
        title: 'Spin',
        localStarts: [localInDays(2)],
        durationMinutes: 45,
        capacity: 5,
        priceCredits: 1,
      },
    })
  ).createSessions;

  const feed = subscribe(wsClient(lattice.gateway.url, ada.token), FEED_UPDATED);
  try {
    await new Promise((resolve) => setTimeout(resolve, 300)); // the subscription is up
    expect((await ok(lattice, bob.token, BOOK, { id: session.id })).bookSession.status).toBe('CONFIRMED');
    await feed.received(1, 15_000);
    const booked = feed.data().find((d: any) => d.feedUpdated.kind === 'BOOKED')!.feedUpdated;
    expect(booked).toMatchObject({ sessionTitle: 'Spin', gymName: 'Mitte Fitness', actor: { id: bob.id } });
    const home = (await ok(lattice, ada.token, HOME)).homeFeed.edges.map((edge: any) => edge.node);
    expect(home.map((node: any) => node.id)).toContain(booked.id);

    await ok(lattice, ada.token, 'mutation($id: ID!) { like(activityId: $id) { likeCount } }', {
      id: booked.id,
    });
    await ok(lattice, ada.token, 'mutation($id: ID!) { comment(activityId: $id, body: "Enjoy!") { id } }', {
      id: booked.id,
    });
    await waitFor(async () => {
      const { me } = await ok(
        lattice,
        bob.token,
        '{ me { notifications(first: 20) { edges { node { kind } } } } }',
      );
      const kinds = me.notifications.edges.map((edge: any) => edge.node.kind);
      return kinds.includes('activity_liked') && kinds.includes('activity_commented');
    });

    const secret = (
      await ok(
        lattice,
        bob.token,
        'mutation { post(input: { text: "my diary", visibility: PRIVATE }) { id } }',
      )
    ).post.id;
    const open = (
      await ok(
        lattice,
        bob.token,
        'mutation { post(input: { text: "hello world", visibility: PUBLIC }) { id } }',
      )
    ).post.id;
    await waitFor(() => feed.data().some((d: any) => d.feedUpdated.id === open));
    expect(feed.data().some((d: any) => d.feedUpdated.id === secret)).toBe(false);
    expect(JSON.stringify(await ok(lattice, ada.token, HOME))).not.toContain('my diary');

    await ok(lattice, bob.token, 'mutation($u: ID!) { block(userId: $u) { blocked } }', { u: ada.id });
    const after = await ok(
      lattice,
      ada.token,
      '{ homeFeed { edges { node { id } } } discoverFeed { edges { node { id } } } trending { id } }',
    );
    expect(JSON.stringify(after)).not.toContain(open);
    expect(JSON.stringify(after)).not.toContain(booked.id);
    const direct = await gql(lattice, ada.token, 'query($id: ID!) { activity(id: $id) { id } }', {
      id: open,
    });
    expect(direct.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await ok(
      lattice,
      bob.token,
      'mutation { post(input: { text: "after the block", visibility: PUBLIC }) { id } }',
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(JSON.stringify(feed.data())).not.toContain('after the block');
  } finally {
    feed.stop();
  }
});
