import { randomUUID } from 'node:crypto';
import { AudienceMember, Media, MediaShare, Publication } from '../src/entities';
import { type MediaFixture, startMedia, uploadText } from './support/fixture';

/**
 * social's post attachments: shared with `friends:<owner>` (whose members follow the
 * friendship graph) or `user:<id>`, or published for `public`; unshared when the post goes.
 */
let app: MediaFixture;
beforeAll(async () => {
  app = await startMedia();
});
afterAll(() => app?.stop());

const READ = `query($r: [_Any!]!) {
  _entities(representations: $r) { ... on Media { id url thumbnailUrl originalUrl } }
}`;
const refs = (ids: string[]) => ids.map((id) => ({ __typename: 'Media', id }));

async function read(token: string | null, ids: string[]): Promise<any[]> {
  const { data, errors } = await app.post(token, READ, { r: refs(ids) });
  expect(errors).toBeUndefined();
  return data._entities;
}

const user = async () => {
  const id = randomUUID();
  return { id, token: await app.token('user', id) };
};

/** A user with one uploaded text file, and their token. */
async function author() {
  const someone = await user();
  return { ...someone, mediaId: await uploadText(app, someone.token, `picture of ${someone.id}`) };
}

const share = (mediaIds: string[], ownerId: string, use: string, audiences: string[]) =>
  app.publish('social.attachments_shared', { mediaIds, ownerId, use, audiences });
const befriend = (requesterId: string, addresseeId: string) =>
  app.publish('social.friendship_accepted', { requesterId, addresseeId });
const unfriend = (a: string, b: string) =>
  app.publish('social.friendship_ended', { userIds: [a, b], endedBy: a, reason: 'UNFRIENDED' });
const publicAddress = (mediaId: string) => new RegExp(`/media/public/${mediaId}/file$`);
const isPublic = async (mediaId: string) =>
  (await app.em().findOneOrFail(Media, { id: mediaId }, { fields: ['isPublic'] })).isPublic;

describe("social's attachments and friends", () => {
  it('resolves a friends-shared picture for a friend (either side of the request), not for a stranger, and no more once unfriended', async () => {
    const owner = await author();
    const friend = await user();
    const otherFriend = await user();
    const stranger = await user();
    await befriend(owner.id, friend.id); // the owner asked
    await befriend(otherFriend.id, owner.id); // the owner was asked
    await share([owner.mediaId], owner.id, `activity:${randomUUID()}`, [`friends:${owner.id}`]);

    for (const viewer of [friend, otherFriend]) {
      const [media] = await read(viewer.token, [owner.mediaId]);
      expect(media).toMatchObject({ id: owner.mediaId, originalUrl: null });
      expect(media.url).toMatch(new RegExp(`/media/files/${owner.mediaId}/file\\?expires=\\d+&signature=`));
      expect((await fetch(app.direct(media.url))).status).toBe(200);
    }
    expect(await read(stranger.token, [owner.mediaId])).toEqual([null]);
    expect(await read(null, [owner.mediaId])).toEqual([null]);
    // The friendship is both ways: the owner is in the friend's friends too.
    expect(await app.em().count(AudienceMember, { audience: `friends:${friend.id}` })).toBe(1);

    await unfriend(friend.id, owner.id);
    expect(await read(friend.token, [owner.mediaId])).toEqual([null]);
    expect(await app.em().count(AudienceMember, { audience: `friends:${friend.id}` })).toBe(0);
    expect((await read(otherFriend.token, [owner.mediaId]))[0]).toMatchObject({ id: owner.mediaId });
  });

  it('publishes for `public`: anyone gets the public address, and the friends share still holds', async () => {
    const owner = await author();
    const friend = await user();
    const stranger = await user();
    await befriend(owner.id, friend.id);
    const use = `activity:${randomUUID()}`;
    await share([owner.mediaId], owner.id, use, ['public', `friends:${owner.id}`]);

    expect(await app.em().count(Publication, { mediaId: owner.mediaId, use })).toBe(1);
    expect(await app.em().count(MediaShare, { mediaId: owner.mediaId, audience: 'public' })).toBe(0);
    expect(
      await app.em().count(MediaShare, { mediaId: owner.mediaId, audience: `friends:${owner.id}` }),
    ).toBe(1);
    for (const token of [stranger.token, friend.token, null]) {
      const [media] = await read(token, [owner.mediaId]);
      expect(media.url).toMatch(publicAddress(owner.mediaId));
    }
    const served = await fetch(`${app.origin}/media/public/${owner.mediaId}/file`);
    expect(served.status).toBe(200);
    expect(await served.text()).toBe(`picture of ${owner.id}`);
  });

  it('is private again once unshared: publication and shares gone, unless another use remains', async () => {
    const owner = await author();
    const friend = await user();
    const stranger = await user();
    const keptPublic = await uploadText(app, owner.token, 'also on a gym page');
    await befriend(owner.id, friend.id);
    const use = `activity:${randomUUID()}`;
    await share([owner.mediaId, keptPublic], owner.id, use, ['public', `friends:${owner.id}`]);
    await app.publish('bookings.picture_published', {
      mediaId: keptPublic,
      ownerId: owner.id,
      use: 'gym:g1',
    });

    await app.publish('social.attachments_unshared', { use });
    expect(await app.em().count(Publication, { use })).toBe(0);
    expect(await app.em().count(MediaShare, { use })).toBe(0);
    expect(await isPublic(owner.mediaId)).toBe(false);
    expect(await isPublic(keptPublic)).toBe(true);
    expect(await read(stranger.token, [owner.mediaId])).toEqual([null]);
    expect(await read(friend.token, [owner.mediaId])).toEqual([null]);
    expect((await fetch(`${app.origin}/media/public/${owner.mediaId}/file`)).status).toBe(404);
    expect((await read(stranger.token, [keptPublic]))[0].url).toMatch(publicAddress(keptPublic));
    // The owner still has their own.
    expect((await read(owner.token, [owner.mediaId]))[0]).toMatchObject({ id: owner.mediaId });
  });

  it("leaves private someone else's media named by id, even for `public`", async () => {
    const victim = await author();
    const claimant = await user();
    const stranger = await user();
    await befriend(claimant.id, stranger.id);
    await share([victim.mediaId, 'not-a-uuid'], claimant.id, `activity:${randomUUID()}`, [
      'public',
      `friends:${claimant.id}`,
      `user:${stranger.id}`,
    ]);
    expect(await read(stranger.token, [victim.mediaId])).toEqual([null]);
    expect(await read(claimant.token, [victim.mediaId])).toEqual([null]);
    expect(await app.em().count(Publication, { mediaId: victim.mediaId })).toBe(0);
    expect(await app.em().count(MediaShare, { mediaId: victim.mediaId })).toBe(0);
    expect(await isPublic(victim.mediaId)).toBe(false);
  });

  it('is harmless when events are delivered twice', async () => {
    const owner = await author();
    const friend = await user();
    const use = `activity:${randomUUID()}`;
    const accepted = await befriend(owner.id, friend.id);
    await app.fixture.bus.publish(accepted); // the same envelope again
    await befriend(owner.id, friend.id); // the same friendship, another event
    const shared = {
      mediaIds: [owner.mediaId],
      ownerId: owner.id,
      use,
      audiences: ['public', `friends:${owner.id}`],
    };
    const event = await app.publish('social.attachments_shared', shared);
    await app.fixture.bus.publish(event);
    await app.publish('social.attachments_shared', shared);
    expect(await app.em().count(AudienceMember, { userId: friend.id })).toBe(1);
    expect(await app.em().count(AudienceMember, { userId: owner.id })).toBe(1);
    expect(await app.em().count(MediaShare, { mediaId: owner.mediaId })).toBe(1);
    expect(await app.em().count(Publication, { mediaId: owner.mediaId })).toBe(1);

    const unshared = await app.publish('social.attachments_unshared', { use });
    await app.fixture.bus.publish(unshared);
    await app.publish('social.attachments_unshared', { use });
    const ended = await unfriend(owner.id, friend.id);
    await app.fixture.bus.publish(ended);
    await unfriend(friend.id, owner.id);
    expect(await app.em().count(AudienceMember, { userId: { $in: [owner.id, friend.id] } })).toBe(0);
    expect(await isPublic(owner.mediaId)).toBe(false);
    expect((await read(owner.token, [owner.mediaId]))[0]).toMatchObject({ id: owner.mediaId });
  });

  it("drops a deleted user's friends audience with their memberships", async () => {
    const gone = await user();
    const friend = await user();
    await befriend(gone.id, friend.id);
    await app.publish('identity.user_deleted', { userId: gone.id });
    expect(await app.em().count(AudienceMember, { userId: { $in: [gone.id, friend.id] } })).toBe(0);
  });
});
