import { ErrorCode, UserError } from '@lattice/server-kit';
import sharp from 'sharp';
import type { InvoicingRuntime } from '../runtime';

/** The most a logo file may weigh to be printed (a logo is small; this bounds what is read). */
const MAX_LOGO_BYTES = 10 * 1024 * 1024;

/**
 * The user's logo as a PNG pdfkit embeds (it takes PNG and JPEG only; media may keep WebP or
 * AVIF), at most 600×240: null when there is none or it cannot be printed any more (deleted,
 * no longer an image). An invoice is issued without its logo rather than not at all; media
 * being down is logged.
 */
export async function logoPng(
  runtime: InvoicingRuntime,
  ownerId: string,
  logoMediaId: string | null,
): Promise<Buffer | null> {
  if (!logoMediaId) return null;
  try {
    const file = await runtime.files.describeOwn(ownerId, logoMediaId);
    if (file.type !== 'IMAGE' || file.size > MAX_LOGO_BYTES) return null;
    const { body } = await runtime.storage.read(file.storageKey);
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(chunk as Buffer);
    return await sharp(Buffer.concat(chunks), { limitInputPixels: 40_000_000 })
      .rotate() // as the photo's EXIF orientation says
      .resize(600, 240, { fit: 'inside', withoutEnlargement: true })
      .png()
      .toBuffer();
  } catch (error) {
    if (!(error instanceof UserError && error.extensions.code === ErrorCode.NotFound))
      runtime.log.warn({ err: error, ownerId, logoMediaId }, 'the logo could not be read: issued without it');
    return null;
  }
}
