import { randomBytes, randomUUID } from 'node:crypto';
import type { Client } from 'graphql-ws';
import WebSocket from 'ws';
import { encodeCursor } from '@lattice/subgraph-kit';
import { gatewaySignature } from '@lattice/subgraph-kit/testing';
import { subscribe, waitFor, wsClient } from '@lattice/testkit';
import { HOME, POST, REQUEST, RESPOND, type SocialFixture, homeIds, startSocial } from './support/fixture';

/** Known here, so WebSocket upgrades can be signed as the gateway signs them. */
const SECRET = randomBytes(32).toString('hex');

let s: SocialFixture;
const clients: Client[] = [];

beforeAll(async () => {
  s = await startSocial({ SUBGRAPH_SECRET: SECRET });
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
});
afterAll(() => s?.stop());

/** A graphql-ws client of the subgraph as the gateway opens one (signed upgrade), holding `token`. */
function ws(token: string): Client {
  const url = s.fixture.subgraph.url;
  class SignedWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: gatewaySignature(SECRET, url, '', 'GET') });
    }
  }
  const client = wsClient(url, token, { webSocketImpl: SignedWebSocket });
  clients.push(client);
  return client;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
const codeOf = (answer: any) => answer.errors?.[0]?.extensions?.code;
const post = async (token: string, text: string, visibility = 'FRIENDS') =>
  (await s.ok(token, POST, { input: { text, visibility } })).post.id as string;
const relate = (verb: string, token: string, userId: string) =>
  s.ok(token, `mutation($u: ID!) { ${verb}(userId: $u) { friendship } }`, { u: userId });
const befriend = async (a: { token: string; id: string }, b: { token: string; id: string }) => {
  await s.ok(a.token, REQUEST, { u: b.id });
  await s.ok(b.token, RESPOND, { u: a.id, accept: true });
};
const sql = (query: string, params: unknown[] = []) => s.em().getConnection().execute(query, params);

const SHARE =
  'mutation($id: ID!, $v: ActivityVisibility) { share(activityId: $id, visibility: $v) { id visibility } }';
const LIKE = 'mutation($id: ID!) { like(activityId: $id) { likeCount } }';
const COMMENT =
  'mutation($id: ID!, $body: String!, $parent: ID) { comment(activityId: $id, body: $body, parentId: $parent) { id } }';
const DELETE_COMMENT = 'mutation($c: ID!) { deleteComment(id: $c) }';
const DELETE = 'mutation($id: ID!) { deleteActivity(id: $id) }';
const VISIBILITY =
  'mutation($id: ID!, $v: ActivityVisibility!) { setActivityVisibility(id: $id, visibility: $v) { visibility } }';
const ACTIVITY = `query($id: ID!) { activity(id: $id) {
  likeCount commentCount shareCount likers(first: 100) { edges { node { id } } }
  comments(first: 100) { edges { node { id author { id } replyCount replies { edges { node { author { id } } } } } } } } }`;
const activity = async (token: string, id: string) => (await s.ok(token, ACTIVITY, { id })).activity;

describe('visibility by every path', () => {
  it('a friends-only post reaches no stranger: activity, _entities, User.activity, shared, feeds', async () => {
    const [ada, bob] = await s.friends();
    const stranger = await s.user();
    const close = await post(ada.token, 'friends only');
    const secret = await post(ada.token, 'mine', 'PRIVATE');
    const share = (await s.ok(bob.token, SHARE, { id: close, v: 'PRIVATE' })).share.id;
    for (const id of [close, secret])
      expect(
        codeOf(await s.post(stranger.token, 'query($id: ID!) { activity(id: $id) { id } }', { id })),
      ).toBe('NOT_FOUND');
    const entities = await s.ok(
      stranger.token,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Activity { id text } } }`,
      {
        r: [close, secret, share].map((id) => ({ __typename: 'Activity', id })),
      },
    );
    expect(entities._entities).toEqual([null, null, null]);
    const theirs = await s.ok(
      stranger.token,
      `query($u: ID!) { _entities(representations: [{ __typename: "User", id: $u }]) { ... on User {
        activity { edges { node { id } } } } } }`,
      { u: ada.id },
    );
    expect(theirs._entities[0].activity.edges).toEqual([]);
    // Bob's friend sees Bob's share... once Bob widens it, the friends-only original stays hidden.
    expect(await homeIds(s, stranger.token)).toEqual([]);
    const discover = await s.ok(stranger.token, '{ discoverFeed(first: 100) { edges { node { id } } } }');
    expect(discover.discoverFeed.edges.map((edge: any) => edge.node.id)).not.toEqual(
      expect.arrayContaining([close]),
    );
  });

  it('a share of a friends-only post cannot be widened afterwards (setActivityVisibility)', async () => {
    const [ada, bob] = await s.friends();
    const close = await post(ada.token, 'friends only');
    const share = (await s.ok(bob.token, SHARE, { id: close, v: 'PRIVATE' })).share.id;
    const widened = await s.post(bob.token, VISIBILITY, { id: share, v: 'PUBLIC' });
    expect(widened.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'visibility' });
    // A share of a public post may go public, and one's own post may change at will.
    const open = await post(ada.token, 'public', 'PUBLIC');
    const openShare = (await s.ok(bob.token, SHARE, { id: open, v: 'PRIVATE' })).share.id;
    expect((await s.ok(bob.token, VISIBILITY, { id: openShare, v: 'PUBLIC' })).setActivityVisibility).toEqual(
      {
        visibility: 'PUBLIC',
      },
    );
    expect((await s.ok(ada.token, VISIBILITY, { id: close, v: 'PUBLIC' })).setActivityVisibility).toEqual({
      visibility: 'PUBLIC',
    });
  });

  it('another user cannot change or delete one’s activity', async () => {
    const [ada, bob] = await s.friends();
    const id = await post(ada.token, 'mine', 'PUBLIC');
    expect(codeOf(await s.post(bob.token, VISIBILITY, { id, v: 'PRIVATE' }))).toBe('FORBIDDEN');
    expect(codeOf(await s.post(bob.token, DELETE, { id }))).toBe('FORBIDDEN');
    expect((await activity(ada.token, id)).likeCount).toBe(0);
  });
});

describe('blocks hide everything of the other', () => {
  it('their comments, replies and likes on a third party’s post, and replying to them', async () => {
    const [ada, bob, carl] = [await s.user(), await s.user(), await s.user()];
    const id = await post(carl.token, 'hello all', 'PUBLIC');
    const bobs = (await s.ok(bob.token, COMMENT, { id, body: 'from bob' })).comment.id;
    await s.ok(bob.token, LIKE, { id });
    const adas = (await s.ok(ada.token, COMMENT, { id, body: 'from ada' })).comment.id;
    await s.ok(bob.token, COMMENT, { id, body: 'bob answers', parent: adas });
    await relate('block', bob.token, ada.id);
    const seen = await activity(ada.token, id);
    const json = JSON.stringify(seen);
    expect(json).not.toContain(bob.id);
    expect(seen.comments.edges.map((edge: any) => edge.node.id)).toEqual([adas]);
    // Replying to Bob's comment would tell Bob: as if it were not there.
    const reply = await s.post(ada.token, COMMENT, { id, body: 'hey bob', parent: bobs });
    expect(reply.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'parentId' });
    // Carl still sees everyone.
    expect(JSON.stringify(await activity(carl.token, id))).toContain(bob.id);
  });

  it('a friendship activity naming them', async () => {
    const [ada, bob] = [await s.user(), await s.user()];
    const carl = await s.user();
    await befriend(ada, carl);
    await befriend(bob, carl);
    await relate('block', bob.token, ada.id);
    const { homeFeed } = await s.ok(
      ada.token,
      '{ homeFeed(first: 100) { edges { node { kind friend { id } actor { id } } } } }',
    );
    expect(JSON.stringify(homeFeed)).not.toContain(bob.id);
  });

  it('search, suggestions, lists and the relationship', async () => {
    const [ada, bob, carl] = [await s.user(), await s.user(), await s.user()];
    await befriend(ada, carl);
    await befriend(bob, carl);
    await relate('follow', bob.token, carl.id);
    await s.deliver('accounts.profile_updated', {
      userId: bob.id,
      fields: ['displayName'],
      profile: {
        displayName: `Bobby ${bob.id.slice(0, 8)}x`,
        locale: 'en',
        timezone: 'UTC',
        phone: null,
        notifications: { email: true, sms: false, marketing: false },
      },
    });
    const search = `{ searchPeople(text: "bobby ${bob.id.slice(0, 8)}x") { edges { node { id } } } }`;
    expect((await s.ok(ada.token, search)).searchPeople.edges).toEqual([{ node: { id: bob.id } }]);
    await relate('block', ada.token, bob.id);
    expect((await s.ok(ada.token, search)).searchPeople.edges).toEqual([]);
    expect((await s.ok(bob.token, '{ peopleYouMayKnow { user { id } } }')).peopleYouMayKnow).toEqual([]);
    const lists = await s.ok(
      bob.token,
      `query($u: ID!, $a: ID!) { _entities(representations: [{ __typename: "User", id: $u }, { __typename: "User", id: $a }]) {
        ... on User { friends { edges { node { id } } } followers { edges { node { id } } } relationship { blocked }
          activity { edges { node { id } } } socialCounts { friends } } } }`,
      { u: carl.id, a: ada.id },
    );
    expect(JSON.stringify(lists._entities[0])).not.toContain(ada.id);
    expect(lists._entities[1]).toEqual({
      friends: { edges: [] },
      followers: { edges: [] },
      relationship: null,
      activity: { edges: [] },
      socialCounts: null,
    });
  });
});

describe('feedUpdated (signed WebSocket upgrade)', () => {
  const FEED = 'subscription { feedUpdated { id text actor { id } shared { id } } }';

  it('a friend hears friends-only posts; a stranger, a blocked user and a muter hear nothing', async () => {
    const [ada, bob] = await s.friends();
    const [stranger, fan] = [await s.user(), await s.user()];
    await relate('follow', fan.token, ada.id);
    const friend = subscribe(ws(bob.token), FEED);
    const outsider = subscribe(ws(stranger.token), FEED);
    const follower = subscribe(ws(fan.token), FEED);
    await settle();
    const close = await post(ada.token, 'friends only secret');
    await friend.received(1);
    expect(friend.data()[0]!.feedUpdated).toMatchObject({ id: close, actor: { id: ada.id } });
    await relate('block', ada.token, fan.id);
    await post(ada.token, 'public after block', 'PUBLIC');
    await friend.received(2);
    await relate('mute', bob.token, ada.id);
    await post(ada.token, 'muted', 'PUBLIC');
    await settle();
    expect(friend.results).toHaveLength(2);
    expect(JSON.stringify(outsider.results)).toBe('[]');
    expect(JSON.stringify(follower.results)).toBe('[]');
  });

  it('a share of a friends-only post tells its friend-of-a-friend audience nothing of the original', async () => {
    const [ada, bob] = await s.friends();
    const carl = await s.user();
    await relate('follow', carl.token, bob.id);
    const open = await post(ada.token, 'public', 'PUBLIC');
    const feed = subscribe(ws(carl.token), FEED);
    await settle();
    await s.ok(bob.token, SHARE, { id: open, v: 'PUBLIC' });
    await feed.received(1);
    await s.ok(ada.token, VISIBILITY, { id: open, v: 'FRIENDS' });
    const { activity: seen } = await s.ok(
      carl.token,
      'query($id: ID!) { activity(id: $id) { shared { id } } }',
      {
        id: feed.data()[0]!.feedUpdated.id,
      },
    );
    expect(seen.shared).toBeNull();
  });

  it('a signed-out subscriber is refused', async () => {
    const feed = subscribe(ws(''), FEED);
    await waitFor(() => feed.results.length > 0 || feed.ended.error || feed.ended.complete);
    expect(JSON.stringify(feed.ended.error ?? feed.results)).toMatch(/UNAUTHENTICATED|authenticat/i);
  });
});

describe('races keep counts exact', () => {
  it('deleting a share many times at once takes one share off the original', async () => {
    const [ada, bob] = await s.friends();
    const open = await post(ada.token, 'shared twice', 'PUBLIC');
    await s.ok(bob.token, SHARE, { id: open, v: 'PUBLIC' });
    for (let round = 0; round < 3; round += 1) {
      const share = (await s.ok(bob.token, SHARE, { id: open, v: 'PUBLIC' })).share.id;
      const answers = await Promise.all(
        Array.from({ length: 6 }, () => s.post(bob.token, DELETE, { id: share })),
      );
      expect(answers.filter((answer) => answer.data?.deleteActivity === true)).toHaveLength(1);
      expect(answers.every((answer) => !answer.errors || codeOf(answer) === 'NOT_FOUND')).toBe(true);
      expect((await activity(ada.token, open)).shareCount).toBe(1);
    }
  });

  it('deleting a reply many times at once takes one reply off its comment', async () => {
    const [ada, bob] = await s.friends();
    const id = await post(ada.token, 'thread');
    const top = (await s.ok(bob.token, COMMENT, { id, body: 'top' })).comment.id;
    await s.ok(ada.token, COMMENT, { id, body: 'stays', parent: top });
    for (let round = 0; round < 3; round += 1) {
      const reply = (await s.ok(ada.token, COMMENT, { id, body: 'goes', parent: top })).comment.id;
      await Promise.all(Array.from({ length: 6 }, () => s.post(ada.token, DELETE_COMMENT, { c: reply })));
      const seen = await activity(ada.token, id);
      expect(seen.commentCount).toBe(2);
      expect(seen.comments.edges[0].node.replyCount).toBe(1);
    }
  });

  it('a reply racing the deletion of its comment never leaves a count nobody can see', async () => {
    const [ada, bob] = await s.friends();
    const id = await post(ada.token, 'racy');
    for (let round = 0; round < 8; round += 1) {
      const top = (await s.ok(bob.token, COMMENT, { id, body: 'top' })).comment.id;
      await Promise.all([
        s.post(ada.token, COMMENT, { id, body: 'reply', parent: top }),
        s.post(bob.token, DELETE_COMMENT, { c: top }),
      ]);
    }
    const [row] = await sql('select count(*)::int as n from social.comment where activity_id = ?', [id]);
    expect(row!.n).toBe(0);
    expect((await activity(ada.token, id)).commentCount).toBe(0);
  });

  it('likes and comments racing the deletion of their activity answer NOT_FOUND and leave nothing', async () => {
    const [ada, bob] = await s.friends();
    for (let round = 0; round < 6; round += 1) {
      const id = await post(ada.token, 'short-lived', 'PUBLIC');
      const answers = await Promise.all([
        s.post(bob.token, LIKE, { id }),
        s.post(bob.token, COMMENT, { id, body: 'quick' }),
        s.post(ada.token, DELETE, { id }),
      ]);
      for (const answer of answers) if (answer.errors) expect(codeOf(answer)).toBe('NOT_FOUND');
      const [likes] = await sql('select count(*)::int as n from social.activity_like where activity_id = ?', [
        id,
      ]);
      const [comments] = await sql('select count(*)::int as n from social.comment where activity_id = ?', [
        id,
      ]);
      expect([likes!.n, comments!.n]).toEqual([0, 0]);
    }
  });

  it('likes and unlikes storming from many users leave the count equal to the likers', async () => {
    const author = await s.user();
    const id = await post(author.token, 'storm', 'PUBLIC');
    const fans = await Promise.all(Array.from({ length: 12 }, () => s.user()));
    await Promise.all(
      fans.flatMap((fan, i) => [
        s.ok(fan.token, LIKE, { id }),
        s.ok(fan.token, i % 2 ? LIKE : 'mutation($id: ID!) { unlike(activityId: $id) { likeCount } }', {
          id,
        }),
        s.ok(fan.token, LIKE, { id }),
      ]),
    );
    const [row] = await sql('select count(*)::int as n from social.activity_like where activity_id = ?', [
      id,
    ]);
    expect((await activity(author.token, id)).likeCount).toBe(row!.n);
  });

  it('friendships accepted at once around a triangle all succeed', async () => {
    for (let round = 0; round < 3; round += 1) {
      const [a, b, c] = [await s.user(), await s.user(), await s.user()];
      await s.ok(a.token, REQUEST, { u: b.id });
      await s.ok(b.token, REQUEST, { u: c.id });
      await s.ok(c.token, REQUEST, { u: a.id });
      const answers = await Promise.all([
        s.post(b.token, RESPOND, { u: a.id, accept: true }),
        s.post(c.token, RESPOND, { u: b.id, accept: true }),
        s.post(a.token, RESPOND, { u: c.id, accept: true }),
      ]);
      expect(answers.map((answer) => answer.errors ?? null)).toEqual([null, null, null]);
    }
  });
});

describe('erasure leaves others’ counts right', () => {
  it('replies, likes, shares and friendships of an erased user', async () => {
    const [ada, bob] = await s.friends();
    const carl = await s.user();
    await befriend(ada, carl);
    const id = await post(ada.token, 'to be answered', 'PUBLIC');
    const top = (await s.ok(ada.token, COMMENT, { id, body: 'top' })).comment.id;
    await s.ok(bob.token, COMMENT, { id, body: 'bob 1', parent: top });
    await s.ok(bob.token, COMMENT, { id, body: 'bob 2', parent: top });
    await s.ok(carl.token, COMMENT, { id, body: 'carl', parent: top });
    await s.ok(bob.token, LIKE, { id });
    await s.ok(bob.token, SHARE, { id, v: 'PUBLIC' });
    await s.ok(bob.token, SHARE, { id, v: 'FRIENDS' });
    await s.ok(carl.token, SHARE, { id, v: 'PUBLIC' });
    await s.deliver('identity.user_deleted', { userId: bob.id });
    const seen = await activity(ada.token, id);
    expect(seen).toMatchObject({ likeCount: 0, commentCount: 2, shareCount: 1 });
    expect(seen.comments.edges[0].node.replyCount).toBe(1);
    // No trace of Bob in Ada's activities ("Ada and Bob are now friends").
    const { homeFeed } = await s.ok(
      ada.token,
      '{ homeFeed(first: 100) { edges { node { friend { id } } } } }',
    );
    expect(JSON.stringify(homeFeed)).not.toContain(bob.id);
    const [left] = await sql('select count(*)::int as n from social.activity where friend_id = ?', [bob.id]);
    expect(left!.n).toBe(0);
    // Replayed, it changes nothing.
    await s.deliver('identity.user_deleted', { userId: bob.id });
    expect(await activity(ada.token, id)).toMatchObject({ likeCount: 0, commentCount: 2, shareCount: 1 });
    const counts = await s.ok(
      ada.token,
      `query($u: ID!) { _entities(representations: [{ __typename: "User", id: $u }]) { ... on User { socialCounts { friends followers following } } } }`,
      { u: ada.id },
    );
    expect(counts._entities[0].socialCounts).toEqual({ friends: 1, followers: 1, following: 1 });
  });
});

describe('bad bytes and bad arguments', () => {
  it('ids that are not UUIDs name nothing in every argument', async () => {
    const ada = await s.user();
    for (const bad of ['nope', "1' or '1'='1", '00000000-0000-0000-0000-00000000000g', 'x'.repeat(5000)]) {
      for (const [query, vars] of [
        ['query($id: ID!) { activity(id: $id) { id } }', { id: bad }],
        [LIKE, { id: bad }],
        ['mutation($id: ID!) { unlike(activityId: $id) { id } }', { id: bad }],
        [COMMENT, { id: bad, body: 'x' }],
        [DELETE_COMMENT, { c: bad }],
        [DELETE, { id: bad }],
        [VISIBILITY, { id: bad, v: 'PUBLIC' }],
        [SHARE, { id: bad }],
        ['mutation($u: ID!) { follow(userId: $u) { friendship } }', { u: bad }],
        ['mutation($u: ID!) { block(userId: $u) { friendship } }', { u: bad }],
        ['mutation($u: ID!) { mute(userId: $u) { friendship } }', { u: bad }],
        [RESPOND, { u: bad, accept: true }],
      ] as const) {
        const answer = await s.post(ada.token, query, vars);
        expect(['NOT_FOUND', 'BAD_USER_INPUT']).toContain(codeOf(answer));
      }
    }
    const own = await post(ada.token, 'mine');
    const reply = await s.post(ada.token, COMMENT, { id: own, body: 'x', parent: 'nope' });
    expect(codeOf(reply)).toBe('BAD_USER_INPUT');
    const entities = await s.ok(
      ada.token,
      `{ _entities(representations: [{ __typename: "User", id: "nope" }, { __typename: "Activity", id: "nope" }]) { __typename } }`,
    );
    expect(entities._entities).toEqual([null, null]);
  });

  it('forged cursors and page sizes out of range are BAD_USER_INPUT, never an internal error', async () => {
    const ada = await s.user();
    const forged = [
      'forged',
      encodeCursor(['2026-13-45T99:99:99.999Z', randomUUID()]),
      encodeCursor(['0000-01-01T00:00:00.000Z', randomUUID()]),
      encodeCursor(['2026-01-01T00:00:00.000Z', 'not-a-uuid']),
      encodeCursor([1, 2, 3]),
    ];
    for (const after of forged) {
      expect(codeOf(await s.post(ada.token, HOME, { after }))).toBe('BAD_USER_INPUT');
      expect(
        codeOf(
          await s.post(ada.token, 'query($a: String) { discoverFeed(after: $a) { edges { cursor } } }', {
            a: after,
          }),
        ),
      ).toBe('BAD_USER_INPUT');
      expect(
        codeOf(
          await s.post(
            ada.token,
            `query($u: ID!, $a: String) { _entities(representations: [{ __typename: "User", id: $u }]) { ... on User {
              activity(after: $a) { edges { cursor } } followers(after: $a) { edges { cursor } } } } }`,
            { u: ada.id, a: after },
          ),
        ),
      ).toBe('BAD_USER_INPUT');
    }
    for (const first of [-1, 101, 2 ** 31 - 1])
      expect(codeOf(await s.post(ada.token, HOME, { first }))).toBe('BAD_USER_INPUT');
    for (const query of [
      '{ trending(first: -5) { id } }',
      '{ peopleYouMayKnow(first: 1000000) { user { id } } }',
    ])
      expect(codeOf(await s.post(ada.token, query))).toBe('BAD_USER_INPUT');
  });

  it('control characters, lone surrogates, bidi overrides and huge text are refused', async () => {
    const [ada, bob] = await s.friends();
    const id = await post(ada.token, 'ok');
    for (const text of ['a\u0000b', 'bad \ud800 half', 'evil \u202e txt', 'x'.repeat(5001)]) {
      expect(codeOf(await s.post(ada.token, POST, { input: { text } }))).toBe('BAD_USER_INPUT');
      expect(codeOf(await s.post(bob.token, COMMENT, { id, body: text }))).toBe('BAD_USER_INPUT');
      expect(
        codeOf(
          await s.post(
            bob.token,
            'mutation($id: ID!, $t: String) { share(activityId: $id, text: $t, visibility: PRIVATE) { id } }',
            { id, t: text },
          ),
        ),
      ).toBe('BAD_USER_INPUT');
    }
    expect(codeOf(await s.post(ada.token, '{ searchPeople(text: "%%% ***") { edges { cursor } } }'))).toBe(
      'BAD_USER_INPUT',
    );
    expect((await activity(ada.token, id)).commentCount).toBe(0);
  });
});
