/** What a stored file is, as the schema shows it. */
export type MediaType = 'IMAGE' | 'VIDEO' | 'AUDIO' | 'DOCUMENT' | 'TEXT' | 'ARCHIVE';

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
 * in: it is what iPhones record, and it is stored and served as uploaded, like MP4. Audio is
 * the formats OpenAI's transcription accepts (a voice note can be transcribed as stored), with
 * the mime types file-type reports for them: MP3 (`audio/mpeg`, ID3 tag or MPEG frame sync),
 * M4A (`audio/x-m4a` for the `M4A ` brand, `audio/mp4` for `M4B `/`F4A `), WAV, FLAC, Ogg
 * (Vorbis, Opus, FLAC in Ogg: file-type's `audio/ogg; codecs=opus` is taken as `audio/ogg`)
 * and WebM holding audio alone (file-type says `video/webm` for any WebM; see detect-type.ts).
 * Stored and served as uploaded, like video.
 */
const KNOWN: Readonly<Record<string, KnownType>> = {
  'image/jpeg': { extension: 'jpg', aliases: ['jpg', 'jpeg', 'jpe', 'jfif'], type: 'IMAGE' },
  'image/png': { extension: 'png', aliases: ['png'], type: 'IMAGE' },
  'image/gif': { extension: 'gif', aliases: ['gif'], type: 'IMAGE' },
  'image/webp': { extension: 'webp', aliases: ['webp'], type: 'IMAGE' },
  'image/avif': { extension: 'avif', aliases: ['avif'], type: 'IMAGE' },
  'application/pdf': { extension: 'pdf', aliases: ['pdf'], type: 'DOCUMENT' },
  // A plain ZIP (a generated site's archive); Office files and other ZIP-based formats are
  // reported as their own types by file-type, not as this one.
  'application/zip': { extension: 'zip', aliases: ['zip'], type: 'ARCHIVE' },
  'video/mp4': { extension: 'mp4', aliases: ['mp4'], type: 'VIDEO' },
  'video/quicktime': { extension: 'mov', aliases: ['mov', 'qt'], type: 'VIDEO' },
  'audio/mpeg': { extension: 'mp3', aliases: ['mp3', 'mpga'], type: 'AUDIO' },
  'audio/x-m4a': { extension: 'm4a', aliases: ['m4a'], type: 'AUDIO' },
  'audio/mp4': { extension: 'm4a', aliases: ['m4a', 'm4b'], type: 'AUDIO' },
  'audio/wav': { extension: 'wav', aliases: ['wav', 'wave'], type: 'AUDIO' },
  'audio/flac': { extension: 'flac', aliases: ['flac'], type: 'AUDIO' },
  'audio/ogg': { extension: 'ogg', aliases: ['ogg', 'oga', 'opus'], type: 'AUDIO' },
  'audio/webm': { extension: 'webm', aliases: ['webm', 'weba'], type: 'AUDIO' },
  // Plain text keeps only extensions no program runs or renders as markup when opened
  // locally: `notes.html` holding plain text is renamed `notes.txt`.
  'text/plain': {
    extension: 'txt',
    aliases: ['txt', 'text', 'md', 'markdown', 'csv', 'tsv', 'log', 'json', 'yaml', 'yml'],
    type: 'TEXT',
  },
};

/**
 * Mime types accepted from users when the settings name none: every type above but archives,
 * which a user could fill with anything (media stores only the archives Lattice made: see
 * SERVICE_ONLY_TYPES).
 */
export const DEFAULT_ALLOWED_TYPES: readonly string[] = Object.freeze(
  Object.keys(KNOWN).filter((mime) => KNOWN[mime]!.type !== 'ARCHIVE'),
);

/** Types media stores only when another service hands them over (a generated site's ZIP). */
export const SERVICE_ONLY_TYPES: Readonly<Partial<Record<MediaType, readonly string[]>>> = Object.freeze({
  ARCHIVE: ['application/zip'],
});

/**
 * Other names clients declare for our audio types (a browser's or an OS's file picker: a `.wav`
 * as `audio/x-wav`, a `.webm` voice note as `video/webm`), to the type file-type reports.
 */
const DECLARED_ALIASES: Readonly<Record<string, string>> = {
  'audio/x-wav': 'audio/wav',
  'audio/wave': 'audio/wav',
  'audio/vnd.wave': 'audio/wav',
  'audio/x-flac': 'audio/flac',
  'audio/mp3': 'audio/mpeg',
  'audio/x-mp3': 'audio/mpeg',
  'audio/m4a': 'audio/x-m4a',
  'audio/opus': 'audio/ogg',
  'video/webm': 'audio/webm',
};

/**
 * Whether a declared type (lower case, without parameters) is allowed: listed itself, or an
 * alias of a listed type (DECLARED_ALIASES). Only a first check: the bytes decide.
 */
export function declaredTypeAllowed(declared: string, allowed: readonly string[]): boolean {
  const alias = DECLARED_ALIASES[declared];
  return allowed.includes(declared) || (alias !== undefined && allowed.includes(alias));
}

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
  if (mime.startsWith('audio/')) return 'AUDIO';
  if (mime.startsWith('text/')) return 'TEXT';
  return 'DOCUMENT';
}
