import { fileTypeFromBuffer } from 'file-type/node';
import { describeType, type DetectedType } from './media-types';
import { isPlainText } from './plain-text';
import { isAudioOnlyWebm } from './webm';

/** How many leading bytes detectType needs: file-type's sample size. */
export const SNIFF_BYTES = 4100;

/** Programs, refused even when a settings list names their type. */
const EXECUTABLES: ReadonlySet<string> = new Set([
  'application/x-msdownload',
  'application/x-elf',
  'application/x-mach-binary',
]);

/**
 * What the bytes are, judged from `head` (the first SNIFF_BYTES bytes of a file, or all of a
 * shorter one) and never from a name or a declared type: the type its magic number shows when
 * `allowed` lists it, else plain text when no magic number is found, the bytes are plain text
 * (see isPlainText) and `allowed` lists `text/plain`; null otherwise. Executables, HTML and SVG
 * are always null. The mime type is file-type's without parameters (Opus's `audio/ogg;
 * codecs=opus` is `audio/ogg`), and a WebM holding audio alone is `audio/webm` (file-type says
 * `video/webm` for every WebM).
 */
export async function detectType(head: Uint8Array, allowed: readonly string[]): Promise<DetectedType | null> {
  const accepts = (mime: string) => allowed.some((type) => type.toLowerCase() === mime);
  const found = await fileTypeFromBuffer(head);
  if (found) {
    const mime = refineMime(found.mime, head);
    if (EXECUTABLES.has(mime) || !accepts(mime)) return null;
    return describeType(mime, found.ext);
  }
  if (accepts('text/plain') && isPlainText(head)) return describeType('text/plain', 'txt');
  return null;
}

/** file-type's mime type, its parameters dropped, audio-only WebM told from video. */
function refineMime(found: string, head: Uint8Array): string {
  const mime = found.split(';')[0]!.trim().toLowerCase();
  if (mime === 'video/webm' && isAudioOnlyWebm(head)) return 'audio/webm';
  return mime;
}
