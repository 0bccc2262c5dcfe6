/** What a stored file is, as the schema shows it. */
export type MediaType = 'IMAGE' | 'VIDEO' | 'DOCUMENT' | 'TEXT';

/** A type judged from a file's bytes: its mime type, the extension to store it under, its kind. */
export interface DetectedType {
  mime: string;
  extension: string;
  type: MediaType;
}

interface KnownType {
  /** The extension a file of this type is stored and named with. */
  extension: string;
  /** Extensions a file name may already carry for this type (kept as they are). */
  aliases: readonly string[];
  type: MediaType;
}

/**
 * The types accepted by default. HEIC is absent: the prebuilt libvips in sharp decodes AVIF
 * but has no HEVC decoder, so a HEIC photo could be stored but never optimised. QuickTime is
 * in: it is what iPhones record, and it is stored and served as uploaded, like MP4.
 */
const KNOWN: Readonly<Record<string, KnownType>> = {
  'image/jpeg': { extension: 'jpg', aliases: ['jpg', 'jpeg', 'jpe', 'jfif'], type: 'IMAGE' },
  'image/png': { extension: 'png', aliases: ['png'], type: 'IMAGE' },
  'image/gif': { extension: 'gif', aliases: ['gif'], type: 'IMAGE' },
  'image/webp': { extension: 'webp', aliases: ['webp'], type: 'IMAGE' },
  'image/avif': { extension: 'avif', aliases: ['avif'], type: 'IMAGE' },
  'application/pdf': { extension: 'pdf', aliases: ['pdf'], type: 'DOCUMENT' },
  'video/mp4': { extension: 'mp4', aliases: ['mp4'], type: 'VIDEO' },
  'video/quicktime': { extension: 'mov', aliases: ['mov', 'qt'], type: 'VIDEO' },
  // Plain text keeps only extensions no program runs or renders as markup when opened
  // locally: `notes.html` holding plain text is renamed `notes.txt`.
  'text/plain': {
    extension: 'txt',
    aliases: ['txt', 'text', 'md', 'markdown', 'csv', 'tsv', 'log', 'json', 'yaml', 'yml'],
    type: 'TEXT',
  },
};

/** Mime types accepted when the settings name none: every type above. */
export const DEFAULT_ALLOWED_TYPES: readonly string[] = Object.freeze(Object.keys(KNOWN));

/** The DetectedType for `mime`; `extension` is used when the type is not one of ours. */
export function describeType(mime: string, extension: string): DetectedType {
  const known = KNOWN[mime];
  if (known) return { mime, extension: known.extension, type: known.type };
  return { mime, extension, type: mediaTypeOf(mime) };
}

/** Extensions (lower case) a file of this type may keep in its name. */
export function extensionsOf(detected: DetectedType): readonly string[] {
  return KNOWN[detected.mime]?.aliases ?? [detected.extension.toLowerCase()];
}

function mediaTypeOf(mime: string): MediaType {
  if (mime.startsWith('image/')) return 'IMAGE';
  if (mime.startsWith('video/')) return 'VIDEO';
  if (mime.startsWith('text/')) return 'TEXT';
  return 'DOCUMENT';
}
