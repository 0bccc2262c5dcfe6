import { randomUUID } from 'node:crypto';
import { AudienceMember, MediaShare } from '../src/entities';
import { type MediaFixture, startMedia, uploadText } from './support/fixture';

/**
 * Audiences (support's ticket attachments): media shared for a use with `user:<id>` or a
 * named audience (`support-agents`) resolves for their members, with signed URLs, and for
 * nobody else; batched like any other reference.
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

async function read(token: string, ids: string[]): Promise<any[]> {
  const { data, errors } = await app.post(token, READ, { r: refs(ids) });
  expect(errors).toBeUndefined();
  return data._entities;
}

/** A user with one uploaded text file, and their token. */
async function author() {
  const id = randomUUID();
  const token = await app.token('user', id);
  const mediaId = await uploadText(app, token, `attachment of ${id}`);
  return { id, token, mediaId };
}

const user = async () => {
  const id = randomUUID();
  return { id, token: await app.token('user', id) };
};

const share = (mediaIds: string[], ownerId: string, use: string, audiences: string[]) =>
  app.publish('support.attachments_shared', { mediaIds, ownerId, use, audiences });

describe('media shared with audiences', () => {
  it('resolves for the named user and the agents, with a working signed URL, and for nobody else', async () => {
    const owner = await author();
    const named = await user();
    const agent = await user();
    const stranger = await user();
    const use = `ticket:${randomUUID()}`;
    await app.publish('support.agent_added', { userId: agent.id, addedBy: randomUUID() });
    await share([owner.mediaId], owner.id, use, [`user:${named.id}`, 'support-agents']);

    for (const viewer of [named, agent]) {
      const [media] = await read(viewer.token, [owner.mediaId]);
      expect(media).toMatchObject({ id: owner.mediaId, originalUrl: null });
      expect(media.url).toMatch(new RegExp(`/media/files/${owner.mediaId}/file\\?expires=\\d+&signature=`));
      const served = await fetch(app.direct(media.url));
      expect(served.status).toBe(200);
      expect(await served.text()).toBe(`attachment of ${owner.id}`);
    }
    expect(await read(stranger.token, [owner.mediaId])).toEqual([null]);
    const anonymous = await app.post(null, READ, { r: refs([owner.mediaId]) });
    expect(anonymous.data._entities).toEqual([null]);

    // The owner still sees their own; a public address is never handed out for a share.
    const [own] = await read(owner.token, [owner.mediaId]);
    expect(own.url).toMatch(/\/media\/files\//);
    expect((await fetch(`${app.origin}/media/public/${owner.mediaId}/file`)).status).toBe(404);
  });

  it('stops resolving for an agent once removed from the agents', async () => {
    const owner = await author();
    const agent = await user();
    await app.publish('support.agent_added', { userId: agent.id, addedBy: randomUUID() });
    await share([owner.mediaId], owner.id, `ticket:${randomUUID()}`, ['support-agents']);
    expect((await read(agent.token, [owner.mediaId]))[0]).toMatchObject({ id: owner.mediaId });

    await app.publish('support.agent_removed', { userId: agent.id, removedBy: null });
    expect(await read(agent.token, [owner.mediaId])).toEqual([null]);
  });

  it("leaves private a media the event's owner does not own (someone else's id), and ignores bad ids", async () => {
    const victim = await author();
    const claimant = await user();
    await share([victim.mediaId, 'not-a-uuid'], claimant.id, `ticket:${randomUUID()}`, [
      `user:${claimant.id}`,
      'support-agents',
    ]);
    expect(await read(claimant.token, [victim.mediaId])).toEqual([null]);
    expect(await app.em().count(MediaShare, { mediaId: victim.mediaId })).toBe(0);
  });

  it('is private again once the use is unshared', async () => {
    const owner = await author();
    const named = await user();
    const use = `ticket:${randomUUID()}`;
    const otherUse = `ticket:${randomUUID()}`;
    const other = await uploadText(app, owner.token, 'another ticket');
    await share([owner.mediaId], owner.id, use, [`user:${named.id}`]);
    await share([other], owner.id, otherUse, [`user:${named.id}`]);

    await app.publish('support.attachments_unshared', { use });
    expect(await read(named.token, [owner.mediaId, other])).toEqual([
      null,
      expect.objectContaining({ id: other }),
    ]);
  });

  it('is harmless when an event is delivered twice', async () => {
    const owner = await author();
    const agent = await user();
    const use = `ticket:${randomUUID()}`;
    const added = { userId: agent.id, addedBy: randomUUID() };
    await app.publish('support.agent_added', added);
    await app.publish('support.agent_added', added);
    const shared = { mediaIds: [owner.mediaId], ownerId: owner.id, use, audiences: ['support-agents'] };
    const event = await app.publish('support.attachments_shared', shared);
    await app.fixture.bus.publish(event); // the same envelope again
    await app.publish('support.attachments_shared', shared); // the same share, another event
    expect(await app.em().count(MediaShare, { mediaId: owner.mediaId })).toBe(1);
    expect(await app.em().count(AudienceMember, { userId: agent.id })).toBe(1);
    expect((await read(agent.token, [owner.mediaId]))[0]).toMatchObject({ id: owner.mediaId });
  });

  it('does not resolve a deleted media for the audience, nor share it', async () => {
    const owner = await author();
    const named = await user();
    const binned = await uploadText(app, owner.token, 'binned before sharing');
    await app.post(owner.token, 'mutation($id: ID!) { deleteMedia(id: $id) { id } }', { id: binned });
    await share([owner.mediaId, binned], owner.id, `ticket:${randomUUID()}`, [`user:${named.id}`]);
    expect(await app.em().count(MediaShare, { mediaId: binned })).toBe(0);
    expect((await read(named.token, [owner.mediaId]))[0]).toMatchObject({ id: owner.mediaId });

    await app.post(owner.token, 'mutation($id: ID!) { deleteMedia(id: $id) { id } }', { id: owner.mediaId });
    expect(await read(named.token, [owner.mediaId, binned])).toEqual([null, null]);
  });

  it('drops a deleted user from every audience', async () => {
    const owner = await author();
    const agent = await user();
    await app.publish('support.agent_added', { userId: agent.id, addedBy: randomUUID() });
    await share([owner.mediaId], owner.id, `ticket:${randomUUID()}`, ['support-agents', `user:${agent.id}`]);

    await app.publish('identity.user_deleted', { userId: agent.id });
    expect(await app.em().count(AudienceMember, { userId: agent.id })).toBe(0);
    expect(await read(agent.token, [owner.mediaId])).toEqual([null]);
  });

  it('resolves 5 and 50 shared media with the same SQL: the media, then the audiences', async () => {
    const owner = await author();
    const agent = await user();
    const ids = [owner.mediaId];
    for (let index = 1; index < 50; index += 1) ids.push(await uploadText(app, owner.token, `file ${index}`));
    await app.publish('support.agent_added', { userId: agent.id, addedBy: randomUUID() });
    await share(ids, owner.id, `ticket:${randomUUID()}`, ['support-agents']);
    const sqlFor = async (keys: string[]) => {
      app.fixture.subgraph.sql.reset();
      expect((await read(agent.token, keys)).map((media) => media?.id)).toEqual(keys);
      return app.fixture.subgraph.sql.count;
    };
    expect(await sqlFor(ids.slice(0, 5))).toBe(2);
    expect(await sqlFor(ids)).toBe(2);
  });
});
