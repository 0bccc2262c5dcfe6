import { extensionsOf, type DetectedType } from './media-types';

/** Longest name kept, in Unicode code points (the extension included). */
const MAX_LENGTH = 200;
/** Controls, format characters (bidi overrides, zero-width marks) and lone surrogates. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}]/gu;
/** Characters Windows refuses in names; `"` would also end a quoted Content-Disposition name. */
const RESERVED = /[<>:"|?*]/g;
/** Device names Windows will not create a file under, whatever the extension. */
const DEVICE = /^(?:con|prn|aux|nul|com\d|lpt\d)$/i;
/** What counts as an extension: the last dot-separated part, short and alphanumeric. */
const EXTENSION = /^[a-z0-9]{1,10}$/i;

/**
 * A file name safe to store and to send in Content-Disposition: the base name only (after
 * either slash), NFC, whitespace collapsed to single spaces, no control or format characters,
 * no `<>:"|?*`, no leading dots, at most 200 code points with the extension kept (cut between
 * graphemes). With `detected`, an extension it does not recognise is replaced by its own
 * (`photo.exe` as PNG → `photo.png`, `notes` as text → `notes.txt`). Nothing left → `file`.
 */
export function sanitizeFilename(name: string, detected?: DetectedType): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/\s/gu, ' ')
    .replace(INVISIBLE, '')
    .replace(RESERVED, '_')
    .replace(/ {2,}/g, ' ')
    .replace(/^[ .]+/, '')
    .trimEnd();

  const dot = cleaned.lastIndexOf('.');
  const suffix = dot > 0 ? cleaned.slice(dot + 1) : '';
  let extension = EXTENSION.test(suffix) ? suffix : undefined;
  let stem = extension === undefined ? cleaned : cleaned.slice(0, dot);
  if (detected && !(extension && extensionsOf(detected).includes(extension.toLowerCase()))) {
    extension = detected.extension;
  }

  stem = trimEnds(stem);
  if (DEVICE.test(stem.split('.')[0] ?? '')) stem = `_${stem}`;
  const room = MAX_LENGTH - (extension ? extension.length + 1 : 0);
  stem = trimEnds(cutToCodePoints(stem, room)) || 'file';
  return extension ? `${stem}.${extension}` : stem;
}

/** No spaces or dots at the end (Windows drops them), none at the start. */
function trimEnds(stem: string): string {
  return stem.replace(/^[ .]+|[ .]+$/g, '');
}

/** The longest run of whole graphemes from the start of `text` within `max` code points. */
function cutToCodePoints(text: string, max: number): string {
  if ([...text].length <= max) return text;
  let kept = '';
  let length = 0;
  for (const { segment } of new Intl.Segmenter('und', { granularity: 'grapheme' }).segment(text)) {
    length += [...segment].length;
    if (length > max) break;
    kept += segment;
  }
  return kept;
}
