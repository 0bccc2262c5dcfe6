import { randomUUID } from 'node:crypto';
import { type MediaFixture, noisePng, startMedia, uploadImage } from './support/fixture';

let app: MediaFixture;
beforeAll(async () => {
  app = await startMedia();
});
afterAll(() => app?.stop());

const READ = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Media { id url thumbnailUrl } } }`;

async function uploadedImage(ownerId: string): Promise<string> {
  const token = await app.token('user', ownerId);
  const { status, body } = await uploadImage(app, token, await noisePng(64, 48), 'gym.png');
  expect(status).toBe(200);
  return body.media.id;
}

describe('pictures another domain shows publicly', () => {
  it('are seen by anyone at a public address once published by their owner, and private again when unpublished', async () => {
    const ownerId = randomUUID();
    const mediaId = await uploadedImage(ownerId);
    const stranger = await app.token('user');
    const read = async () =>
      (await app.post(stranger, READ, { r: [{ __typename: 'Media', id: mediaId }] })).data._entities[0];
    expect(await read()).toBeNull();

    await app.publish('bookings.picture_published', { mediaId, ownerId, use: 'gym:g1' });
    await app.publish('bookings.picture_published', { mediaId, ownerId, use: 'review:r1' });
    const seen = await read();
    expect(seen.url).toMatch(new RegExp(`/media/public/${mediaId}/file$`));
    const served = await fetch(app.direct(seen.url));
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toMatch(/^image\//);

    await app.publish('bookings.picture_unpublished', { mediaId, use: 'gym:g1' });
    expect(await read()).not.toBeNull();
    await app.publish('bookings.picture_unpublished', { mediaId, use: 'review:r1' });
    expect(await read()).toBeNull();
    expect((await fetch(app.direct(seen.url))).status).toBe(404);
  });

  it("stay private when the publisher is not their owner (someone else's media id)", async () => {
    const mediaId = await uploadedImage(randomUUID());
    await app.publish('bookings.picture_published', { mediaId, ownerId: randomUUID(), use: 'gym:g2' });
    const stranger = await app.token('user');
    const { data } = await app.post(stranger, READ, { r: [{ __typename: 'Media', id: mediaId }] });
    expect(data._entities).toEqual([null]);
  });
});
