import { POST, type SocialFixture, startSocial } from './support/fixture';

let s: SocialFixture;

beforeAll(async () => {
  s = await startSocial();
});
afterAll(() => s?.stop());

const LIKE = 'mutation($id: ID!) { like(activityId: $id) { likeCount likedByMe } }';
const COMMENT =
  'mutation($id: ID!, $body: String!, $parent: ID) { comment(activityId: $id, body: $body, parentId: $parent) { id } }';
const ACTIVITY = `query($id: ID!) { activity(id: $id) {
  likeCount commentCount shareCount likers(first: 2) { edges { node { id } } }
  comments { edges { node { body replyCount replies { edges { node { body } } } } } } } }`;

describe('likes', () => {
  it('100 users liking at once count 100; liking twice counts once', async () => {
    const author = await s.user();
    const { id } = (await s.ok(author.token, POST, { input: { text: 'like me', visibility: 'PUBLIC' } }))
      .post;
    const fans = await Promise.all(Array.from({ length: 100 }, () => s.user()));
    await Promise.all(fans.map((fan) => s.ok(fan.token, LIKE, { id })));
    await Promise.all([s.ok(fans[0]!.token, LIKE, { id }), s.ok(fans[0]!.token, LIKE, { id })]);
    const { activity } = await s.ok(author.token, ACTIVITY, { id });
    expect(activity.likeCount).toBe(100);
    expect(activity.likers.edges).toHaveLength(2);
    const [row] = await s
      .em()
      .getConnection()
      .execute('select count(*)::int as n from social.activity_like where activity_id = ?', [id]);
    expect(row!.n).toBe(100);
    expect((await s.outbox('social.activity_liked')).filter((data) => data.activityId === id)).toHaveLength(
      100,
    );
  });

  it('cannot reach an activity the liker may not see', async () => {
    const [author, stranger] = [await s.user(), await s.user()];
    const { id } = (await s.ok(author.token, POST, { input: { text: 'friends only' } })).post;
    expect((await s.post(stranger.token, LIKE, { id })).errors[0].extensions.code).toBe('NOT_FOUND');
    expect((await s.post(stranger.token, COMMENT, { id, body: 'hi' })).errors[0].extensions.code).toBe(
      'NOT_FOUND',
    );
  });
});

describe('comments and shares', () => {
  it('thread one level deep, and deleting a comment takes its replies and counts', async () => {
    const [ada, bob] = await s.friends();
    const { id } = (await s.ok(ada.token, POST, { input: { text: 'new bike' } })).post;
    const top = (await s.ok(bob.token, COMMENT, { id, body: 'nice!' })).comment.id;
    const reply = (await s.ok(ada.token, COMMENT, { id, body: 'thanks', parent: top })).comment.id;
    const deeper = await s.post(bob.token, COMMENT, { id, body: 'too deep', parent: reply });
    expect(deeper.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'parentId' });
    const { activity } = await s.ok(ada.token, ACTIVITY, { id });
    expect(activity.commentCount).toBe(2);
    expect(activity.comments.edges).toEqual([
      { node: { body: 'nice!', replyCount: 1, replies: { edges: [{ node: { body: 'thanks' } }] } } },
    ]);
    const commented = (await s.outbox('social.activity_commented')).filter((data) => data.activityId === id);
    expect(commented.at(-1)).toMatchObject({
      parentCommentId: top,
      parentAuthorId: bob.id,
      authorId: ada.id,
    });
    const stranger = await s.user();
    expect(
      (await s.post(stranger.token, 'mutation($c: ID!) { deleteComment(id: $c) }', { c: top })).errors[0]
        .extensions.code,
    ).toBe('NOT_FOUND');
    await s.ok(ada.token, 'mutation($c: ID!) { deleteComment(id: $c) }', { c: top });
    expect((await s.ok(ada.token, ACTIVITY, { id })).activity).toMatchObject({
      commentCount: 0,
      comments: { edges: [] },
    });
  });

  it('shares public activities widely, friends-only ones to oneself only', async () => {
    const [ada, bob] = await s.friends();
    const open = (await s.ok(ada.token, POST, { input: { text: 'public', visibility: 'PUBLIC' } })).post.id;
    const close = (await s.ok(ada.token, POST, { input: { text: 'friends' } })).post.id;
    const SHARE =
      'mutation($id: ID!, $v: ActivityVisibility) { share(activityId: $id, visibility: $v) { kind shared { id } } }';
    expect((await s.ok(bob.token, SHARE, { id: open, v: 'PUBLIC' })).share).toEqual({
      kind: 'SHARE',
      shared: { id: open },
    });
    expect((await s.post(bob.token, SHARE, { id: close, v: 'PUBLIC' })).errors[0].extensions.field).toBe(
      'visibility',
    );
    expect((await s.ok(ada.token, ACTIVITY, { id: open })).activity.shareCount).toBe(1);
  });

  it('refuses an empty post and bad pictures', async () => {
    const ada = await s.user();
    expect((await s.post(ada.token, POST, { input: { text: '  ' } })).errors[0].extensions.code).toBe(
      'BAD_USER_INPUT',
    );
    expect((await s.post(ada.token, POST, { input: { mediaIds: ['x'] } })).errors[0].extensions.field).toBe(
      'input.mediaIds',
    );
  });
});
