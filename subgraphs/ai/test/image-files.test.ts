import { randomUUID } from 'node:crypto';
import { createInternalClient, type InternalClient } from '@lattice/subgraph-kit';
import type { ImageFile } from '../src/service/image-files';
import { type AiFixture, startAi } from './support/fixture';

/**
 * `POST /internal/images`: another service (sites) has a picture drawn for one of its users,
 * written to the shared storage, counted against that user's image generations once per key.
 */
const SECRET = 'the-secret-ai-and-sites-share-here';
const IMAGES = 'POST /v1/images/generations';

let ai: AiFixture;
let client: InternalClient;

beforeAll(async () => {
  ai = await startAi({
    SUBGRAPH_SECRET: SECRET,
    PLANS: JSON.stringify({ free: { limits: { imageGenerations: 2 } } }),
    AI_MAX_RETRIES: '1',
  });
  client = createInternalClient({
    service: 'ai',
    baseUrl: new URL(ai.fixture.subgraph.url).origin,
    secret: SECRET,
    caller: 'sites',
    timeoutMs: 15_000,
  });
});
afterAll(() => ai?.stop());
beforeEach(() => ai.openai.reset());

const draw = (userId: string, key: string, overrides: Record<string, unknown> = {}) =>
  client.call<ImageFile>('/internal/images', {
    userId,
    purpose: 'site-image',
    key,
    prompt: 'A calm studio',
    ...overrides,
  });

async function imagesUsed(userId: string) {
  const usage = await ai.runtime.meter.usage(ai.em(), userId);
  return usage.find((meter) => meter.meter === 'imageGenerations')!.used;
}

test('draws a PNG into the storage, counted once per key: asked again, the same image, paid once', async () => {
  const userId = randomUUID();
  const first = await draw(userId, 'version-1:images/hero.png');
  expect(first).toMatchObject({ simulated: true, replayed: false });
  const stored = await ai.runtime.storage.read(first.storageKey);
  const chunks: Buffer[] = [];
  for await (const chunk of stored.body) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).subarray(1, 4).toString()).toBe('PNG');
  expect(stored.size).toBe(first.size);

  const again = await draw(userId, 'version-1:images/hero.png');
  expect(again).toMatchObject({ storageKey: first.storageKey, replayed: true });
  expect(ai.openai.requestCount(IMAGES)).toBe(1);
  expect(await imagesUsed(userId)).toBe(1);
});

test('past the image limit: QUOTA_EXCEEDED and no provider call', async () => {
  const userId = randomUUID();
  await draw(userId, 'a');
  await draw(userId, 'b');
  await expect(draw(userId, 'c')).rejects.toMatchObject({ extensions: { code: 'QUOTA_EXCEEDED' } });
  expect(ai.openai.requestCount(IMAGES)).toBe(2);
  expect(await imagesUsed(userId)).toBe(2);
});

test('concurrent asks for one key draw one image', async () => {
  const userId = randomUUID();
  const answers = await Promise.all([1, 2, 3, 4].map(() => draw(userId, 'same-key')));
  expect(new Set(answers.map((answer) => answer.storageKey)).size).toBe(1);
  expect(answers.filter((answer) => !answer.replayed)).toHaveLength(1);
  expect(ai.openai.requestCount(IMAGES)).toBe(1);
  expect(await imagesUsed(userId)).toBe(1);
});

test('bad input is refused with its field, before any provider call', async () => {
  const userId = randomUUID();
  for (const [overrides, field] of [
    [{ userId: 'nobody' }, 'userId'],
    [{ purpose: 'Site Image!' }, 'purpose'],
    [{ prompt: '   ' }, 'prompt'],
    [{ prompt: 'x'.repeat(4001) }, 'prompt'],
    [{ size: '10x10' }, 'size'],
    [{ key: '' }, 'key'],
  ] as const) {
    await expect(draw(userId, 'k', overrides)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field },
    });
  }
  expect(ai.openai.requestCount(IMAGES)).toBe(0);
});

test('a provider failing past its retries is SERVICE_UNAVAILABLE, nothing stored or counted', async () => {
  const userId = randomUUID();
  ai.openai.failNext({ status: 500, times: 5 });
  await expect(draw(userId, 'broken')).rejects.toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE' } });
  expect(await imagesUsed(userId)).toBe(0);
});
