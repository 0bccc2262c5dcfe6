import { randomUUID } from 'node:crypto';
import { COUNTS, RELATION, REQUEST, RESPOND, type SocialFixture, startSocial } from './support/fixture';

let s: SocialFixture;

beforeAll(async () => {
  s = await startSocial();
});
afterAll(() => s?.stop());

const counts = async (token: string, id: string) =>
  (await s.ok(token, COUNTS, { u: id }))._entities[0].socialCounts;
const relation = (verb: string) => `mutation($u: ID!) { ${verb}(userId: $u) { ${RELATION} } }`;

describe('friends', () => {
  it('request, accept: friends both ways, following each other, counted', async () => {
    const [ada, bob] = [await s.user(), await s.user()];
    expect((await s.ok(ada.token, REQUEST, { u: bob.id })).sendFriendRequest.friendship).toBe('REQUEST_SENT');
    const incoming = await s.ok(bob.token, '{ friendRequests { edges { node { id } } } }');
    expect(incoming.friendRequests.edges).toEqual([{ node: { id: ada.id } }]);
    const accepted = (await s.ok(bob.token, RESPOND, { u: ada.id, accept: true })).respondToFriendRequest;
    expect(accepted).toEqual({
      friendship: 'FRIENDS',
      following: true,
      followedBy: true,
      blocked: false,
      muted: false,
    });
    expect(await counts(ada.token, ada.id)).toEqual({ friends: 1, followers: 1, following: 1 });
    expect((await s.outbox('social.friendship_accepted')).at(-1)).toEqual({
      requesterId: ada.id,
      addresseeId: bob.id,
    });
  });

  it('two requests at once make one friendship', async () => {
    const [ada, bob] = [await s.user(), await s.user()];
    await Promise.all([s.ok(ada.token, REQUEST, { u: bob.id }), s.ok(bob.token, REQUEST, { u: ada.id })]);
    expect(await counts(ada.token, ada.id)).toEqual({ friends: 1, followers: 1, following: 1 });
    expect(await counts(bob.token, bob.id)).toEqual({ friends: 1, followers: 1, following: 1 });
  });

  it('decline, cancel and unfriend leave no friendship; counts come back', async () => {
    const [ada, bob] = [await s.user(), await s.user()];
    await s.ok(ada.token, REQUEST, { u: bob.id });
    expect(
      (await s.ok(bob.token, RESPOND, { u: ada.id, accept: false })).respondToFriendRequest.friendship,
    ).toBe('NONE');
    await s.ok(ada.token, REQUEST, { u: bob.id });
    expect(
      (await s.ok(ada.token, relation('cancelFriendRequest'), { u: bob.id })).cancelFriendRequest.friendship,
    ).toBe('NONE');
    expect((await s.post(bob.token, RESPOND, { u: ada.id, accept: true })).errors[0].extensions.code).toBe(
      'NOT_FOUND',
    );
    await s.ok(ada.token, REQUEST, { u: bob.id });
    await s.ok(bob.token, RESPOND, { u: ada.id, accept: true });
    const after = (await s.ok(ada.token, relation('unfriend'), { u: bob.id })).unfriend;
    expect(after).toMatchObject({ friendship: 'NONE', following: false, followedBy: true });
    expect(await counts(ada.token, ada.id)).toEqual({ friends: 0, followers: 1, following: 0 });
  });

  it('lists friends, followers and mutual friends', async () => {
    const [ada, bob] = await s.friends();
    const carl = await s.user();
    await s.ok(carl.token, REQUEST, { u: ada.id });
    await s.ok(ada.token, RESPOND, { u: carl.id, accept: true });
    await s.ok(carl.token, REQUEST, { u: bob.id });
    await s.ok(bob.token, RESPOND, { u: carl.id, accept: true });
    const lists = await s.ok(
      ada.token,
      `query($u: ID!) { _entities(representations: [{ __typename: "User", id: $u }]) { ... on User {
        friends { edges { node { id } } } mutualFriends { edges { node { id } } } } } }`,
      { u: bob.id },
    );
    expect(lists._entities[0].friends.edges.map((edge: any) => edge.node.id).sort()).toEqual(
      [ada.id, carl.id].sort(),
    );
    expect(lists._entities[0].mutualFriends.edges).toEqual([{ node: { id: carl.id } }]);
  });

  it('refuses oneself and ids that are not users', async () => {
    const ada = await s.user();
    expect((await s.post(ada.token, REQUEST, { u: ada.id })).errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'userId',
    });
    expect((await s.post(ada.token, REQUEST, { u: 'nope' })).errors[0].extensions.code).toBe(
      'BAD_USER_INPUT',
    );
  });
});

describe('follows', () => {
  it('are one way, idempotent, counted exactly when many follow at once', async () => {
    const star = await s.user();
    const fans = await Promise.all(Array.from({ length: 30 }, () => s.user()));
    await Promise.all(fans.map((fan) => s.ok(fan.token, relation('follow'), { u: star.id })));
    await s.ok(fans[0]!.token, relation('follow'), { u: star.id });
    expect(await counts(star.token, star.id)).toEqual({ friends: 0, followers: 30, following: 0 });
    await s.ok(fans[0]!.token, relation('unfollow'), { u: star.id });
    expect((await counts(star.token, star.id)).followers).toBe(29);
    const lists = await s.ok(
      star.token,
      `query($star: ID!, $fan: ID!) { _entities(representations: [{ __typename: "User", id: $star }, { __typename: "User", id: $fan }]) {
        ... on User { followers(first: 100) { edges { node { id } } } following { edges { node { id } } } } } }`,
      { star: star.id, fan: fans[1]!.id },
    );
    const followers = lists._entities[0].followers.edges.map((edge: any) => edge.node.id);
    expect(followers.sort()).toEqual(
      fans
        .slice(1)
        .map((fan) => fan.id)
        .sort(),
    );
    expect(lists._entities[0].following.edges).toEqual([]);
    expect(lists._entities[1].following.edges).toEqual([{ node: { id: star.id } }]);
  });
});

describe('blocks', () => {
  it('end friendship, requests and follows both ways, and hide each from the other', async () => {
    const [ada, bob] = await s.friends();
    const blocked = (await s.ok(bob.token, relation('block'), { u: ada.id })).block;
    expect(blocked).toEqual({
      friendship: 'NONE',
      following: false,
      followedBy: false,
      blocked: true,
      muted: false,
    });
    expect(await counts(bob.token, bob.id)).toEqual({ friends: 0, followers: 0, following: 0 });
    // Ada cannot reach Bob again, and learns nothing of him.
    expect((await s.post(ada.token, REQUEST, { u: bob.id })).errors[0].extensions.code).toBe('NOT_FOUND');
    expect((await s.post(ada.token, relation('follow'), { u: bob.id })).errors[0].extensions.code).toBe(
      'NOT_FOUND',
    );
    const seen = await s.ok(
      ada.token,
      `query($u: ID!) { _entities(representations: [{ __typename: "User", id: $u }]) { ... on User {
        socialCounts { friends } relationship { blocked } friends { edges { node { id } } } } } }`,
      { u: bob.id },
    );
    expect(seen._entities[0]).toEqual({ socialCounts: null, relationship: null, friends: { edges: [] } });
    expect((await s.post(bob.token, REQUEST, { u: ada.id })).errors[0].extensions.code).toBe('CONFLICT');
    expect((await s.ok(bob.token, relation('unblock'), { u: ada.id })).unblock.blocked).toBe(false);
    expect((await s.ok(ada.token, REQUEST, { u: bob.id })).sendFriendRequest.friendship).toBe('REQUEST_SENT');
  });

  it('a block is never announced to the blocked user', async () => {
    const [ada, bob] = [await s.user(), await s.user()];
    await s.ok(bob.token, relation('block'), { u: ada.id });
    expect((await s.outbox('social.user_blocked')).at(-1)).toEqual({ blockerId: bob.id, blockedId: ada.id });
    expect((await s.outbox('social.friendship_ended')).some((data) => data.userIds.includes(ada.id))).toBe(
      false,
    );
  });
});

describe('search and suggestions', () => {
  it('finds people by name prefixes, and suggests friends of friends', async () => {
    const [ada, bob] = await s.friends();
    const carl = await s.user();
    await s.ok(bob.token, REQUEST, { u: carl.id });
    await s.ok(carl.token, RESPOND, { u: bob.id, accept: true });
    await s.deliver('accounts.profile_updated', {
      userId: carl.id,
      fields: ['displayName'],
      profile: {
        displayName: 'Carl Zylinski',
        locale: 'en',
        timezone: 'UTC',
        phone: null,
        notifications: { email: true, sms: false, marketing: false },
      },
    });
    const found = await s.ok(ada.token, '{ searchPeople(text: "zyl car") { edges { node { id } } } }');
    expect(found.searchPeople.edges).toEqual([{ node: { id: carl.id } }]);
    const { peopleYouMayKnow } = await s.ok(
      ada.token,
      '{ peopleYouMayKnow { user { id } mutualFriends sharedGyms } }',
    );
    expect(peopleYouMayKnow).toEqual([{ user: { id: carl.id }, mutualFriends: 1, sharedGyms: 0 }]);
    expect(randomUUID()).not.toBe(carl.id);
  });
});
