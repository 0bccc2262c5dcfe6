import OpenAI from 'openai';
import sharp from 'sharp';
import { rejection, startHarness, type Harness } from './support';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.simulator.close());

async function decode(b64: string | undefined) {
  const image = Buffer.from(b64!, 'base64');
  const { width, height, format, hasAlpha } = await sharp(image).metadata();
  const { dominant } = await sharp(image).stats();
  return { width, height, format, hasAlpha, dominant };
}

describe('image generation', () => {
  it.each([
    ['1024x1024', 1024, 1024],
    ['1536x1024', 1536, 1024],
    ['1024x1536', 1024, 1536],
    ['auto', 1024, 1024],
  ] as const)('answers a real PNG of size %s', async (size, width, height) => {
    const response = await harness
      .client()
      .images.generate({ model: 'gpt-image-1', prompt: 'a red fox', size });
    expect(response.data).toHaveLength(1);
    expect(await decode(response.data![0]!.b64_json)).toMatchObject({ width, height, format: 'png' });
    expect(response).toMatchObject({ output_format: 'png', quality: 'high', size: `${width}x${height}` });
    expect(response.usage).toMatchObject({ input_tokens: 3, input_tokens_details: { text_tokens: 3 } });
  });

  it('paints with a colour from the prompt: the same prompt, the same image', async () => {
    const openai = harness.client();
    const generate = (prompt: string) =>
      openai.images.generate({ model: 'gpt-image-1', prompt, size: '1024x1024', quality: 'low', n: 2 });
    const [first, again, other] = await Promise.all([
      generate('a lighthouse'),
      generate('a lighthouse'),
      generate('a cat'),
    ]);
    expect(first.data).toHaveLength(2);
    expect(first.data![0]!.b64_json).toBe(again.data![0]!.b64_json);
    expect((await decode(first.data![0]!.b64_json)).dominant).not.toEqual(
      (await decode(other.data![0]!.b64_json)).dominant,
    );
    expect(first.usage).toMatchObject({ output_tokens: 2 * 272 });
  });

  it('honours output_format and a transparent background', async () => {
    const response = await harness.client().images.generate({
      model: 'gpt-image-1',
      prompt: 'a logo',
      output_format: 'webp',
      background: 'transparent',
    });
    expect(await decode(response.data![0]!.b64_json)).toMatchObject({ format: 'webp', hasAlpha: true });
  });

  it("refuses response_format 'url', bad sizes, and chat models", async () => {
    const openai = harness.client();
    const url = await rejection(
      openai.images.generate({ model: 'gpt-image-1', prompt: 'a fox', response_format: 'url' }),
    );
    expect(url).toBeInstanceOf(OpenAI.BadRequestError);
    expect(url).toMatchObject({ status: 400, param: 'response_format' });
    const size = await rejection(
      openai.images.generate({ model: 'gpt-image-1', prompt: 'a fox', size: '256x256' }),
    );
    expect(size).toMatchObject({ status: 400, param: 'size', code: 'invalid_value' });
    const chat = await rejection(openai.images.generate({ model: 'gpt-4o', prompt: 'a fox' }));
    expect(chat).toMatchObject({ status: 400, param: 'model' });
    const unknown = await rejection(openai.images.generate({ model: 'dall-e-9', prompt: 'a fox' }));
    expect(unknown).toBeInstanceOf(OpenAI.NotFoundError);
  });
});
