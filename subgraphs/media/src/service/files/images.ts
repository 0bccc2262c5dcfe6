import sharp, { type Sharp, type SharpOptions } from 'sharp';
import { blurhashOf } from './blurhash';

export interface ImageOptions {
  /** Longest side of the main variant; smaller images are never enlarged (e.g. 2000). */
  maxDimension: number;
  /** jpeg: progressive, quality 85, transparency over white; webp: quality 85. */
  format: 'jpeg' | 'webp';
  /** Longest side of the thumbnail (e.g. 320). */
  thumbnailSize: number;
  /**
   * true: no EXIF, GPS, XMP, IPTC nor ICC profile in any output, colours converted to sRGB.
   * false: the main variant keeps the input's metadata (its ICC profile too, colours untouched);
   * the thumbnail is stripped either way. The orientation tag is applied, never kept.
   */
  stripMetadata: boolean;
  /** Decompression-bomb guard: an image (its first frame) with more pixels is rejected. */
  maxInputPixels: number;
}

export interface ImageVariant {
  data: Buffer;
  contentType: string;
  width: number;
  height: number;
  /** Bytes in `data`. */
  size: number;
}

export interface ProcessedImage {
  main: ImageVariant;
  thumbnail: ImageVariant;
  blurhash: string;
  /** The input's size as displayed: after its EXIF orientation is applied. */
  original: { width: number; height: number };
}

/** The bytes are not an image we process: undecodable, of another format, too many pixels. */
export class ImageRejectedError extends Error {
  override name = 'ImageRejectedError';
}

/** What sharp decodes for us; `heif` is AVIF only (the prebuilt libvips has no HEVC decoder). */
const FORMATS: ReadonlySet<string> = new Set(['jpeg', 'png', 'gif', 'webp', 'heif']);
const QUALITY = 85;

/**
 * A web-ready main variant, a thumbnail and a blurhash of the image streamed in `input`: the
 * EXIF orientation applied first, then resized to fit (never enlarged). An animated GIF or WebP
 * keeps its first frame only. The whole input is read into memory, as sharp does with streams:
 * the caller bounds its size. Throws ImageRejectedError for bytes that are not a usable image;
 * an error of `input` itself is rethrown as it is.
 */
export async function processImage(
  input: NodeJS.ReadableStream,
  options: ImageOptions,
): Promise<ProcessedImage> {
  const bytes = await readAll(input);
  const original = await inspect(bytes, options.maxInputPixels);
  const decoding: SharpOptions = { autoOrient: true, pages: 1, limitInputPixels: options.maxInputPixels };
  const load = () => sharp(bytes, decoding);
  try {
    // One after the other: each decodes the input, and a large one takes a lot of memory.
    const main = await encodeVariant(load(), options.maxDimension, options.format, !options.stripMetadata);
    const thumbnail = await encodeVariant(load(), options.thumbnailSize, options.format, false);
    const blurhash = await blurhashOf(load());
    return { main, thumbnail, blurhash, original };
  } catch (error) {
    throw new ImageRejectedError(`the image cannot be decoded (${describe(error)})`, { cause: error });
  }
}

/** The displayed size of the image in `bytes`, once its header shows it is one we take. */
async function inspect(bytes: Buffer, maxPixels: number): Promise<{ width: number; height: number }> {
  let metadata: sharp.Metadata;
  try {
    metadata = await sharp(bytes, { pages: 1 }).metadata();
  } catch (error) {
    throw new ImageRejectedError(`the bytes are not a readable image (${describe(error)})`, { cause: error });
  }
  if (metadata.format === 'heif' && metadata.compression !== 'av1') {
    throw new ImageRejectedError('HEIC images are not accepted (only AVIF of the HEIF family)');
  }
  if (!FORMATS.has(metadata.format))
    throw new ImageRejectedError(`${metadata.format} images are not accepted`);
  const pixels = metadata.width * (metadata.pageHeight ?? metadata.height);
  if (pixels > maxPixels) {
    throw new ImageRejectedError(`the image has ${pixels} pixels, more than the ${maxPixels} accepted`);
  }
  return { width: metadata.autoOrient.width, height: metadata.autoOrient.height };
}

async function encodeVariant(
  image: Sharp,
  longestSide: number,
  format: ImageOptions['format'],
  keepMetadata: boolean,
): Promise<ImageVariant> {
  image.resize({ width: longestSide, height: longestSide, fit: 'inside', withoutEnlargement: true });
  if (format === 'jpeg') {
    image.flatten({ background: '#ffffff' }).jpeg({ quality: QUALITY, progressive: true, mozjpeg: false });
  } else {
    image.webp({ quality: QUALITY });
  }
  if (keepMetadata) image.keepMetadata();
  const { data, info } = await image.toBuffer({ resolveWithObject: true });
  return { data, contentType: `image/${format}`, width: info.width, height: info.height, size: data.length };
}

async function readAll(input: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) {
    if (typeof chunk === 'string') throw new TypeError('processImage needs a byte stream, not a text one');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
