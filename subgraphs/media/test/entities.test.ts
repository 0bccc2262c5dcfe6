import { randomUUID } from 'node:crypto';
import { Media, ShareLink } from '../src/entities';
import { type MediaFixture, startMedia } from './support/fixture';

/**
 * Media and ShareLink as other subgraphs resolve them, through `_entities`: batched (any
 * number of keys, the same SQL), and only for who may see them.
 */
let media: MediaFixture;
const ownerId = randomUUID();
const avatarOwnerId = randomUUID();
let owner: string;
let stranger: string;
let moderator: string;
let admin: string;
let mediaIds: string[];
let linkIds: string[];
let avatarId: string;

const ENTITIES = `query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Media { id filename owner { id } url thumbnailUrl }
    ... on ShareLink { id downloads link: url media { id } }
  }
}`;
const refs = (typename: 'Media' | 'ShareLink', ids: string[]) =>
  ids.map((id) => ({ __typename: typename, id }));
const resolve = async (token: string | null, representations: Array<{ __typename: string; id: string }>) => {
  const { data, errors } = await media.post(token, ENTITIES, { representations });
  expect(errors).toBeUndefined();
  return data._entities as any[];
};

const row = (owner: string, index: number, fields: Partial<Media> = {}) =>
  Object.assign(new Media(), {
    ownerId: owner,
    filename: `file-${index}.txt`,
    type: 'TEXT',
    contentType: 'text/plain',
    size: 10,
    checksum: `sha256:${'0'.repeat(64)}`,
    storageKey: `media/${owner}/${randomUUID()}/file.txt`,
    storedBytes: 10,
    createdAt: new Date(Date.now() - 100_000 + index),
    ...fields,
  });

beforeAll(async () => {
  media = await startMedia();
  owner = await media.token('user', ownerId);
  stranger = await media.token('user');
  moderator = await media.token('moderator');
  admin = await media.token('admin');
  const em = media.em();
  const rows = Array.from({ length: 50 }, (_, index) => row(ownerId, index));
  const avatar = row(avatarOwnerId, 0, {
    type: 'IMAGE',
    contentType: 'image/webp',
    filename: 'me.webp',
    thumbnailKey: `media/${avatarOwnerId}/x/thumbnail.webp`,
    thumbnailSize: 5,
    isAvatar: true,
  });
  await em.insertMany(Media, [...rows, avatar]);
  mediaIds = rows.map((item) => item.id);
  avatarId = avatar.id;
  const links = mediaIds.map((mediaId, index) =>
    Object.assign(new ShareLink(), {
      mediaId,
      ownerId,
      expiresAt: new Date(Date.now() + 3_600_000),
      createdAt: new Date(Date.now() - 100_000 + index),
    }),
  );
  await em.insertMany(ShareLink, links);
  linkIds = links.map((link) => link.id);
});
afterAll(() => media?.stop());

describe('_entities', () => {
  // One statement for the keys; a link's media, one more for all of them.
  it.each([
    ['Media', () => mediaIds, 1],
    ['ShareLink', () => linkIds, 2],
  ] as const)('resolves 5 and 50 %s keys with the same SQL', async (typename, ids, statements) => {
    const sqlFor = async (keys: string[]) => {
      media.fixture.subgraph.sql.reset();
      const entities = await resolve(owner, refs(typename, keys));
      expect(entities.map((entity) => entity?.id)).toEqual(keys);
      return media.fixture.subgraph.sql.count;
    };
    const five = await sqlFor(ids().slice(0, 5));
    const fifty = await sqlFor(ids());
    expect(five).toBe(statements);
    expect(fifty).toBe(five);
  });

  it('answers its owner the media with signed URLs on the gateway’s host', async () => {
    const [item] = await resolve(owner, refs('Media', mediaIds.slice(0, 1)));
    expect(item).toMatchObject({ id: mediaIds[0], filename: 'file-0.txt', owner: { id: ownerId } });
    expect(item.url).toMatch(new RegExp(`/media/files/${mediaIds[0]}/file\\?expires=\\d+&signature=`));
  });

  it('resolves another user’s media as null, and staff see it', async () => {
    const keys = refs('Media', mediaIds.slice(0, 3));
    expect(await resolve(stranger, keys)).toEqual([null, null, null]);
    expect(await resolve(null, keys)).toEqual([null, null, null]);
    expect((await resolve(moderator, keys)).map((item) => item?.id)).toEqual(mediaIds.slice(0, 3));
  });

  it('resolves an avatar for anyone, at its public address', async () => {
    for (const token of [stranger, null]) {
      const [avatar] = await resolve(token, [{ __typename: 'Media', id: avatarId }]);
      expect(avatar).toMatchObject({ id: avatarId, owner: { id: avatarOwnerId } });
      expect(avatar.url).toMatch(new RegExp(`/media/public/${avatarId}/file$`));
      expect(avatar.thumbnailUrl).toMatch(new RegExp(`/media/public/${avatarId}/thumbnail$`));
    }
  });

  it('resolves an avatar in the bin for its owner alone', async () => {
    const binOwnerId = randomUUID();
    const deleted = row(binOwnerId, 0, { type: 'IMAGE', isAvatar: true, deletedAt: new Date() });
    await media.em().insertMany(Media, [deleted]);
    const key = [{ __typename: 'Media', id: deleted.id }];
    expect(await resolve(stranger, key)).toEqual([null]);
    const [own] = await resolve(await media.token('user', binOwnerId), key);
    expect(own).toMatchObject({ id: deleted.id, url: null });
  });

  it('resolves a share link for its owner only, not even for an admin', async () => {
    const keys = refs('ShareLink', linkIds.slice(0, 2));
    const [link] = await resolve(owner, keys);
    expect(link).toMatchObject({ id: linkIds[0], downloads: 0, media: { id: mediaIds[0] } });
    expect(link.link).toMatch(new RegExp(`/media/shared/${linkIds[0]}\\.[A-Za-z0-9_-]+$`));
    for (const token of [stranger, admin, null]) expect(await resolve(token, keys)).toEqual([null, null]);
  });

  it('resolves unknown and malformed keys as null, without failing the others', async () => {
    const entities = await resolve(owner, [
      { __typename: 'Media', id: randomUUID() },
      { __typename: 'Media', id: 'not-a-uuid' },
      { __typename: 'Media', id: mediaIds[0]! },
      { __typename: 'ShareLink', id: 'nope' },
    ]);
    expect(entities.map((entity) => entity?.id ?? null)).toEqual([null, null, mediaIds[0], null]);
  });
});
