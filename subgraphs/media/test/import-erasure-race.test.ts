import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { ErasedUser, Media } from '../src/entities';
import { eraseUserMedia } from '../src/service/erasure';
import { importObject } from '../src/service/imports';
import { type MediaFixture, noisePng, startMedia } from './support/fixture';

/**
 * With two media consumers (two replicas, or a rolling update), an import whose transaction
 * has passed the tombstone check but not committed would be invisible to the erasure's
 * `update media … where owner_id = ?`: the erasure waits for it (a per-user lock, shared by
 * imports), so the imported file is erased with the rest.
 */
let media: MediaFixture;
beforeAll(async () => {
  media = await startMedia();
});
afterAll(() => media?.stop());

it('an import racing the erasure is erased with the rest', async () => {
  const ownerId = randomUUID();
  const mediaId = randomUUID();
  const key = `imports/ai/${mediaId}.png`;
  await media.runtime.storage.write(key, Readable.from([await noisePng(60, 40)]), 'image/png');

  let imported!: () => void;
  const importDone = new Promise<void>((resolve) => (imported = resolve));
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));

  // Consumer 1: ai.image_generated, inside its event transaction (as `idempotent` runs it).
  const importing = media.em().transactional(async (tx) => {
    const stored = await importObject(tx, media.runtime, {
      mediaId,
      ownerId,
      key,
      filename: 'generated.png',
      types: ['IMAGE'],
    });
    expect(stored).not.toBeNull();
    imported();
    await gate; // not committed yet
  });
  await importDone;

  // Consumer 2: identity.user_deleted, meanwhile: it waits for the import to commit.
  const erasing = media
    .em()
    .transactional((tx) => eraseUserMedia(tx, { data: { userId: ownerId } } as never, undefined as never));
  await new Promise((resolve) => setTimeout(resolve, 200));
  release();
  await Promise.all([importing, erasing]);

  const em = media.em();
  expect(await em.count(ErasedUser, { userId: ownerId })).toBe(1);
  const row = await em.findOneOrFail(Media, { id: mediaId });
  expect(row.deletedAt).not.toBeNull();
  expect(row.purgeAt).not.toBeNull();
});
