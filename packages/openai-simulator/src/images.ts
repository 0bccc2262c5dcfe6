import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { invalidRequest } from './errors';
import type { ModelCatalogue } from './models';
import { countTokens } from './tokens';

const SIZES = ['1024x1024', '1536x1024', '1024x1536'] as const;
type Size = (typeof SIZES)[number];
const QUALITIES = ['low', 'medium', 'high'] as const;
type Quality = (typeof QUALITIES)[number];
const FORMATS = ['png', 'jpeg', 'webp'] as const;
type Format = (typeof FORMATS)[number];

/** gpt-image-1's output tokens per image, by quality, for a square image and a 3:2 one. */
const OUTPUT_TOKENS: Record<Quality, { square: number; oblong: number }> = {
  low: { square: 272, oblong: 408 },
  medium: { square: 1056, oblong: 1584 },
  high: { square: 4160, oblong: 6240 },
};

type Json = Record<string, unknown>;

function oneOf<T extends string>(
  body: Json,
  name: string,
  allowed: readonly T[],
  auto: T | undefined,
): T | undefined {
  const value = body[name];
  if (value === undefined || value === null) return auto;
  if (value === 'auto' && auto !== undefined) return auto;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    const choices = [...allowed, ...(auto !== undefined ? ['auto'] : [])].map((choice) => `'${choice}'`);
    throw invalidRequest(
      `Invalid value: ${JSON.stringify(value)}. Supported values are: ${choices.join(', ')}.`,
      name,
      'invalid_value',
    );
  }
  return value as T;
}

/** The colour a prompt paints with: the first bytes of its SHA-256, and the inverse for the pattern. */
function coloursOf(prompt: string) {
  const hash = createHash('sha256').update(prompt).digest();
  const base = { r: hash[0]!, g: hash[1]!, b: hash[2]! };
  return { base, pattern: { r: 255 - base.r, g: 255 - base.g, b: 255 - base.b } };
}

/** One image: a solid colour from the prompt's hash with a centred rectangle (half each side) in the inverse colour. */
async function render(prompt: string, width: number, height: number, format: Format, transparent: boolean) {
  const { base, pattern } = coloursOf(prompt);
  const channels = transparent ? 4 : 3;
  const alpha = transparent ? { alpha: 0.5 } : {};
  const image = sharp({ create: { width, height, channels, background: { ...base, ...alpha } } }).composite([
    {
      input: {
        create: {
          width: width / 2,
          height: height / 2,
          channels,
          background: { ...pattern, ...(transparent ? { alpha: 1 } : {}) },
        },
      },
      top: height / 4,
      left: width / 4,
    },
  ]);
  const encoded = format === 'png' ? image.png() : format === 'jpeg' ? image.jpeg() : image.webp();
  return (await encoded.toBuffer()).toString('base64');
}

/**
 * `POST /v1/images/generations`, as gpt-image-1 answers: base64 images (`b64_json`) of the asked
 * size (`auto` = 1024x1024), `quality` (`auto` = high), `output_format` (png by default), with
 * usage. `response_format: 'url'` is refused: current image models answer base64 only.
 */
export async function generateImages(body: Json, models: ModelCatalogue) {
  models.require(body.model, 'image');
  const prompt = body.prompt;
  if (typeof prompt !== 'string' || prompt.trim() === '') {
    throw invalidRequest("Missing required parameter: 'prompt'.", 'prompt', 'missing_required_parameter');
  }
  if (body.response_format === 'url') {
    throw invalidRequest(
      "Invalid value: 'url'. The simulator, like current image models, answers base64 images only (b64_json).",
      'response_format',
      'invalid_value',
    );
  }
  oneOf(body, 'response_format', ['b64_json'], undefined);
  const size: Size = oneOf(body, 'size', SIZES, '1024x1024')!;
  const quality: Quality = oneOf(body, 'quality', QUALITIES, 'high')!;
  const format: Format = oneOf(body, 'output_format', FORMATS, undefined) ?? 'png';
  const background = oneOf(body, 'background', ['transparent', 'opaque'] as const, 'opaque')!;
  if (background === 'transparent' && format === 'jpeg') {
    throw invalidRequest(
      'Transparent backgrounds need output_format png or webp.',
      'background',
      'invalid_value',
    );
  }
  const n = body.n ?? 1;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 10) {
    throw invalidRequest(
      `Invalid 'n': expected an integer from 1 to 10, got ${JSON.stringify(n)}.`,
      'n',
      'invalid_value',
    );
  }

  const [width, height] = size.split('x').map(Number) as [number, number];
  // The same prompt gives the same image, so all n are equal: rendered once.
  const image = await render(prompt, width, height, format, background === 'transparent');
  const textTokens = countTokens(prompt);
  const perImage = OUTPUT_TOKENS[quality][width === height ? 'square' : 'oblong'];
  return {
    created: Math.floor(Date.now() / 1000),
    background,
    data: Array.from({ length: n }, () => ({ b64_json: image })),
    output_format: format,
    quality,
    size,
    usage: {
      input_tokens: textTokens,
      input_tokens_details: { image_tokens: 0, text_tokens: textTokens },
      output_tokens: perImage * n,
      total_tokens: textTokens + perImage * n,
    },
  };
}
