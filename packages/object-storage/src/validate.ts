// What callers may pass. Keys are checked before any path is built from them, so that no key
// can name a file outside the storage folder, and both backends accept exactly the same keys.

const KEY_CHARACTERS = /^[A-Za-z0-9._/-]+$/;
export const MAX_KEY_LENGTH = 512;
/** File names are at most 255 bytes; a write in progress adds 13 characters to the last one. */
export const MAX_SEGMENT_LENGTH = 200;
/** The local backend keeps the content type in a fixed-size header (see local.ts). */
export const MAX_CONTENT_TYPE_LENGTH = 255;
const CONTENT_TYPE = /^[\x21-\x7e][\x20-\x7e]*$/;

/**
 * Throws TypeError unless `key` is a relative key made of `[A-Za-z0-9._/-]`, at most 512
 * characters, in `/`-separated segments of 1 to 200 characters other than `.` and `..`.
 */
export function assertKey(key: string, what = 'key'): void {
  const problem = keyProblem(key);
  if (problem) throw new TypeError(`Invalid storage ${what} ${JSON.stringify(key)}: ${problem}`);
}

/** A list prefix: empty, or a key, optionally ending with `/`. */
export function assertPrefix(prefix: string): void {
  if (prefix === '') return;
  assertKey(prefix.endsWith('/') ? prefix.slice(0, -1) : prefix, 'prefix');
}

export function assertContentType(contentType: string): void {
  if (
    typeof contentType !== 'string' ||
    contentType.length > MAX_CONTENT_TYPE_LENGTH ||
    !CONTENT_TYPE.test(contentType)
  ) {
    throw new TypeError(
      `Invalid content type ${JSON.stringify(contentType)}: printable ASCII, at most ${MAX_CONTENT_TYPE_LENGTH} characters`,
    );
  }
}

function keyProblem(key: unknown): string | undefined {
  if (typeof key !== 'string' || key === '') return 'must be a non-empty string';
  if (key.length > MAX_KEY_LENGTH) return `longer than ${MAX_KEY_LENGTH} characters`;
  if (!KEY_CHARACTERS.test(key)) return 'only A-Z a-z 0-9 . _ / - are allowed';
  if (key.startsWith('/')) return 'must not start with /';
  for (const segment of key.split('/')) {
    if (segment === '') return 'empty segment';
    if (segment === '.' || segment === '..') return `"${segment}" segment`;
    if (segment.length > MAX_SEGMENT_LENGTH) return `a segment longer than ${MAX_SEGMENT_LENGTH} characters`;
  }
  return undefined;
}
