import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { waitFor } from '@lattice/testkit';
import { newCustomer } from './support/billing';
import { type AiLattice, gql, ok, startAiLattice } from './support/ai';
import { postToSubgraph } from './support/subgraph-requests';

// Images through the gateway: ai generates one (its bytes left in the storage it shares with
// media), media stores it as the Media ai named (optimised, with a thumbnail) on
// `ai.image_generated`, and `GeneratedImage.image` resolves to it for its owner alone. The
// plan's image limit stops the next one before the provider hears of it.
let ai: AiLattice;
let storageDir: string;
beforeAll(async () => {
  storageDir = mkdtempSync(join(tmpdir(), 'lattice-ai-images-'));
  ai = await startAiLattice({
    subgraphs: ['media'],
    env: {
      STORAGE_DIR: storageDir,
      MEDIA_JANITOR_INTERVAL_SECONDS: '3600',
      PLANS: JSON.stringify({ free: { limits: { imageGenerations: 1 } } }),
    },
  });
});
afterAll(async () => {
  await ai?.stop();
  rmSync(storageDir, { recursive: true, force: true });
});

const GENERATE = /* GraphQL */ `
  mutation ($prompt: String!, $size: String) {
    generateImage(prompt: $prompt, size: $size) {
      id
      prompt
      size
      model
      cost
      image {
        id
      }
    }
  }
`;
const MY_IMAGES = /* GraphQL */ `
  query {
    me {
      generatedImages {
        edges {
          node {
            id
            cost
            image {
              ... on Media {
                id
                type
                url
                thumbnailUrl
                width
                height
                owner {
                  id
                }
              }
            }
          }
        }
      }
    }
  }
`;

/** Every file under the shared storage's objects folder, as keys. */
function storedKeys(): string[] {
  const objects = join(storageDir, 'objects');
  return readdirSync(objects, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(objects.length + 1));
}

test('a generated image is stored by media as its Media, for its owner alone; the limit stops the next; deleteImage hides it', async () => {
  const { lattice, openai } = ai;
  const owner = await newCustomer(lattice);
  const other = await newCustomer(lattice);
  const { models } = await ok(lattice, owner.token, `{ models { id kind pricePerImage } }`);
  const imageModel = models.find((model: any) => model.kind === 'IMAGE');

  const { generateImage } = await ok(lattice, owner.token, GENERATE, {
    prompt: 'A lighthouse at dawn',
    size: '1536x1024',
  });
  expect(generateImage).toMatchObject({
    prompt: 'A lighthouse at dawn',
    size: '1536x1024',
    model: imageModel.id,
    cost: imageModel.pricePerImage,
  });
  expect(openai.requestCount('POST /v1/images/generations')).toBe(1);

  // media stores it on ai.image_generated: until then `image` is null.
  const node = await waitFor(
    async () => {
      const { me } = await ok(lattice, owner.token, MY_IMAGES);
      const found = me.generatedImages.edges.map((edge: any) => edge.node);
      return found.length === 1 && found[0].image ? found[0] : undefined;
    },
    { timeoutMs: 15_000, message: 'the generated image stored by media' },
  );
  const mediaId = node.image.id;
  expect(node).toMatchObject({
    id: generateImage.id,
    cost: imageModel.pricePerImage,
    image: { id: mediaId, type: 'IMAGE', width: 1536, height: 1024, owner: { id: owner.id } },
  });
  const download = await fetch(node.image.url);
  expect(download.status).toBe(200);
  const bytes = Buffer.from(await download.arrayBuffer());
  expect(await sharp(bytes).metadata()).toMatchObject({ width: 1536, height: 1024 });
  const thumbnail = await fetch(node.image.thumbnailUrl);
  expect(thumbnail.status).toBe(200);
  const preview = await sharp(Buffer.from(await thumbnail.arrayBuffer())).metadata();
  expect([preview.width, preview.height]).toEqual([320, 213]);
  // The import is gone once stored: only the Media's objects are left.
  await waitFor(() => storedKeys().every((key) => !key.startsWith('imports/')), {
    message: 'the import removed',
  });
  expect(
    storedKeys()
      .filter((key) => key.includes(mediaId))
      .sort(),
  ).toEqual([`media/${owner.id}/${mediaId}/file.webp`, `media/${owner.id}/${mediaId}/thumbnail.webp`]);
  // It counts against the owner's storage like an upload.
  const { myStorage } = await ok(lattice, owner.token, `{ myStorage { files } }`);
  expect(myStorage.files).toBe(1);

  // Over the plan's image limit: refused before the provider is asked.
  const refused = await gql(lattice, owner.token, GENERATE, { prompt: 'Another one', size: '1536x1024' });
  expect(refused.errors?.[0]?.extensions).toMatchObject({
    code: 'QUOTA_EXCEEDED',
    meter: 'imageGenerations',
  });
  expect(openai.requestCount('POST /v1/images/generations')).toBe(1);

  // Anyone else: not the owner's images, not the Media.
  const theirs = await postToSubgraph(
    lattice,
    'ai',
    {
      query: `query($representations: [_Any!]!) {
        _entities(representations: $representations) { ... on User { generatedImages { edges { node { id } } } } }
      }`,
      variables: { representations: [{ __typename: 'User', id: owner.id }] },
    },
    { authorization: `Bearer ${other.token}` },
  ).then((response) => response.json() as Promise<any>);
  expect(theirs.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  const media = await gql(lattice, other.token, `query ($id: ID!) { media(id: $id) { id url } }`, {
    id: mediaId,
  });
  expect(media.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  const { me: otherMe } = await ok(lattice, other.token, MY_IMAGES);
  expect(otherMe.generatedImages.edges).toEqual([]);
  const notTheirs = await gql(lattice, other.token, `mutation ($id: ID!) { deleteImage(id: $id) }`, {
    id: generateImage.id,
  });
  expect(notTheirs.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

  // deleteImage takes it off the list (the Media stays the owner's, in media).
  const { deleteImage } = await ok(lattice, owner.token, `mutation ($id: ID!) { deleteImage(id: $id) }`, {
    id: generateImage.id,
  });
  expect(deleteImage).toBe(true);
  const { me } = await ok(lattice, owner.token, MY_IMAGES);
  expect(me.generatedImages.edges).toEqual([]);
  const kept = await ok(lattice, owner.token, `query ($id: ID!) { media(id: $id) { id } }`, { id: mediaId });
  expect(kept.media.id).toBe(mediaId);
});

test('concurrent generations with one image left reach the provider once', async () => {
  const user = await newCustomer(ai.lattice);
  const before = ai.openai.requestCount('POST /v1/images/generations');
  const answers = await Promise.all(
    Array.from({ length: 4 }, (_, i) => gql(ai.lattice, user.token, GENERATE, { prompt: `race ${i}` })),
  );
  expect(answers.filter((answer) => answer.data?.generateImage).length).toBe(1);
  expect(answers.filter((answer) => answer.errors?.[0]?.extensions?.code === 'QUOTA_EXCEEDED').length).toBe(
    3,
  );
  expect(ai.openai.requestCount('POST /v1/images/generations') - before).toBe(1);
});
