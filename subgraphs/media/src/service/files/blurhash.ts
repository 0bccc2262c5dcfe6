import { encode } from 'blurhash';
import type { Sharp } from 'sharp';

/** Longest side of the thumbnail the hash is computed from: plenty for 4×3 components. */
const SAMPLE_SIZE = 32;

/**
 * The blurhash of `image` (a sharp pipeline not yet resized): four components along the long
 * side and three along the short one, from a small sRGB copy with transparency over white.
 */
export async function blurhashOf(image: Sharp): Promise<string> {
  const { data, info } = await image
    .resize({ width: SAMPLE_SIZE, height: SAMPLE_SIZE, fit: 'inside' })
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const [x, y] = info.width >= info.height ? [4, 3] : [3, 4];
  const pixels = new Uint8ClampedArray(data.buffer, data.byteOffset, data.length);
  return encode(pixels, info.width, info.height, x, y);
}
