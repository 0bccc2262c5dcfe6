import { randomUUID } from 'node:crypto';
import { HOME, POST, type SocialFixture, homeIds, startSocial } from './support/fixture';

let s: SocialFixture;

beforeAll(async () => {
  // Accounts with more than 3 followers are pulled at read time, not pushed.
  s = await startSocial({ SOCIAL_PUSH_MAX_FOLLOWERS: '3', SOCIAL_FEED_CAP: '50' });
});
afterAll(() => s?.stop());

const post = async (token: string, text: string, visibility = 'FRIENDS') =>
  (await s.ok(token, POST, { input: { text, visibility } })).post.id as string;
const relate = (verb: string, token: string, userId: string) =>
  s.ok(token, `mutation($u: ID!) { ${verb}(userId: $u) { friendship } }`, { u: userId });

describe('home feed', () => {
  it('shows friends’ and followed people’s activities by visibility, and one’s own', async () => {
    const [ada, bob] = await s.friends();
    const fan = await s.user();
    const stranger = await s.user();
    await relate('follow', fan.token, bob.id);
    const open = await post(bob.token, 'for everyone', 'PUBLIC');
    const close = await post(bob.token, 'for friends', 'FRIENDS');
    const secret = await post(bob.token, 'for me', 'PRIVATE');
    expect(await homeIds(s, ada.token)).toEqual(expect.arrayContaining([open, close]));
    expect(await homeIds(s, ada.token)).not.toContain(secret);
    expect(await homeIds(s, fan.token)).toEqual([open]);
    expect(await homeIds(s, bob.token)).toEqual(expect.arrayContaining([open, close, secret]));
    expect(await homeIds(s, stranger.token)).toEqual([]);
    // Read-time checks: unfriending hides the friends-only post already pushed.
    await relate('unfriend', bob.token, ada.id);
    expect(await homeIds(s, ada.token)).not.toContain(close);
  });

  it('pages latest first without repeats', async () => {
    const [ada, bob] = await s.friends();
    const ids: string[] = [];
    for (let i = 0; i < 7; i += 1) ids.push(await post(bob.token, `post ${i}`));
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = (await s.ok(ada.token, HOME, { first: 3, after })).homeFeed;
      seen.push(...page.edges.map((edge: any) => edge.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen.filter((id) => ids.includes(id))).toEqual([...ids].reverse());
    expect(new Set(seen).size).toBe(seen.length);
    expect((await s.post(ada.token, HOME, { after: 'forged' })).errors[0].extensions.code).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('pulls very followed accounts at read time: one write per post, every follower sees it', async () => {
    const star = await s.user();
    const fans = await Promise.all(Array.from({ length: 5 }, () => s.user()));
    for (const fan of fans) await relate('follow', fan.token, star.id);
    const id = await post(star.token, 'hello fans', 'PUBLIC');
    const [pushed] = await s
      .em()
      .getConnection()
      .execute('select count(*)::int as n from social.feed_item where activity_id = ?', [id]);
    expect(pushed!.n).toBe(1); // the star's own feed only
    for (const fan of fans) expect(await homeIds(s, fan.token)).toContain(id);
  });

  it('mutes and blocks take people out of the feed', async () => {
    const [ada, bob] = await s.friends();
    const id = await post(bob.token, 'noise', 'PUBLIC');
    await relate('mute', ada.token, bob.id);
    expect(await homeIds(s, ada.token)).not.toContain(id);
    await relate('unmute', ada.token, bob.id);
    expect(await homeIds(s, ada.token)).toContain(id);
    await relate('block', bob.token, ada.id);
    expect(await homeIds(s, ada.token)).not.toContain(id);
    const direct = await s.post(ada.token, 'query($id: ID!) { activity(id: $id) { id } }', { id });
    expect(direct.errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('keeps each feed at its cap', async () => {
    const [ada, bob] = await s.friends();
    for (let i = 0; i < 60; i += 1) await post(bob.token, `flood ${i}`);
    await s.sweep();
    const [row] = await s
      .em()
      .getConnection()
      .execute('select count(*)::int as n from social.feed_item where owner_id = ?', [ada.id]);
    expect(row!.n).toBe(50);
  });
});

describe('activities from other domains', () => {
  it('a confirmed booking becomes one activity however often it is delivered', async () => {
    const [ada, bob] = await s.friends();
    const data = {
      sessionId: randomUUID(),
      gymId: randomUUID(),
      gymName: 'Mitte Fitness',
      sessionTitle: 'Spin',
      startsAt: '2027-03-01T17:00:00.000Z',
      timeZone: 'Europe/Berlin',
      bookingId: randomUUID(),
      userId: bob.id,
      credits: 2,
      viaInvitation: false,
    };
    await s.deliver('bookings.booking_confirmed', data);
    const { homeFeed } = await s.ok(
      ada.token,
      '{ homeFeed { edges { node { kind gymName sessionTitle actor { id } } } } }',
    );
    expect(homeFeed.edges.filter((edge: any) => edge.node.kind === 'BOOKED')).toEqual([
      { node: { kind: 'BOOKED', gymName: 'Mitte Fitness', sessionTitle: 'Spin', actor: { id: bob.id } } },
    ]);
  });
});

describe('discover and trending', () => {
  it('discover shows public activities of people one does not follow; trending ranks by interactions', async () => {
    const [viewer, author, other] = [await s.user(), await s.user(), await s.user()];
    const quiet = await post(author.token, 'quiet', 'PUBLIC');
    const loud = await post(other.token, 'loud', 'PUBLIC');
    await post(other.token, 'friends only', 'FRIENDS');
    const { discoverFeed } = await s.ok(
      viewer.token,
      '{ discoverFeed(first: 100) { edges { node { id visibility } } } }',
    );
    const ids = discoverFeed.edges.map((edge: any) => edge.node.id);
    expect(ids).toEqual(expect.arrayContaining([quiet, loud]));
    expect(discoverFeed.edges.every((edge: any) => edge.node.visibility === 'PUBLIC')).toBe(true);
    const LIKE = 'mutation($id: ID!) { like(activityId: $id) { likeCount } }';
    await s.ok(viewer.token, LIKE, { id: loud });
    await s.ok(author.token, LIKE, { id: loud });
    await s.ok(viewer.token, LIKE, { id: quiet });
    const { trending } = await s.ok(viewer.token, '{ trending(first: 2) { id } }');
    expect(trending.map((activity: any) => activity.id)).toEqual([loud, quiet]);
  });
});
