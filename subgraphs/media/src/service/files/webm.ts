/**
 * Whether a WebM file holds audio alone, judged from its first bytes. file-type names every
 * WebM `video/webm` (it reads the EBML DocType only), yet a voice note a browser records
 * (MediaRecorder) is WebM with one Opus track. This reads the EBML header, then the Segment's
 * children up to Tracks (Tracks comes before the first Cluster), and answers true when Tracks
 * lies whole in `head` and all its track entries, at least one, are audio (TrackType 2).
 * Anything unexpected (a malformed or unknown-size element, a Cluster first, Tracks cut by the
 * end of `head`) answers false: the file stays `video/webm`.
 */
export function isAudioOnlyWebm(head: Uint8Array): boolean {
  const header = readElement(head, 0, head.length);
  if (!header || header.id !== EBML || header.end === null) return false;
  const segment = readElement(head, header.end, head.length);
  if (!segment || segment.id !== SEGMENT) return false;
  const segmentEnd = Math.min(segment.end ?? Infinity, head.length);
  let offset = segment.start;
  while (offset < segmentEnd) {
    const child = readElement(head, offset, head.length);
    if (!child || child.end === null || child.id === CLUSTER) return false;
    if (child.id === TRACKS) return child.end <= head.length && tracksAreAudio(head, child.start, child.end);
    offset = child.end;
  }
  return false;
}

const EBML = 0x1a45dfa3;
const SEGMENT = 0x18538067;
const TRACKS = 0x1654ae6b;
const CLUSTER = 0x1f43b675;
const TRACK_ENTRY = 0xae;
const TRACK_TYPE = 0x83;
const CODEC_ID = 0x86;
const AUDIO_TRACK = 2;

interface Element {
  id: number;
  /** Where its data starts. */
  start: number;
  /** Where it ends; null for an unknown size (allowed for Segment and Cluster). */
  end: number | null;
}

function tracksAreAudio(head: Uint8Array, start: number, end: number): boolean {
  let audio = 0;
  for (let offset = start; offset < end;) {
    const entry = readElement(head, offset, end);
    if (!entry || entry.end === null || entry.end > end) return false;
    if (entry.id === TRACK_ENTRY) {
      if (!isAudioTrack(head, entry.start, entry.end)) return false;
      audio += 1;
    }
    offset = entry.end;
  }
  return audio > 0;
}

/**
 * Whether a TrackEntry is audio: typed so (TrackType 2) and of an audio codec (its CodecID
 * `A_…`), so a video track merely labelled audio does not pass for one.
 */
function isAudioTrack(head: Uint8Array, start: number, end: number): boolean {
  let type: number | null = null;
  let codec: string | null = null;
  for (let offset = start; offset < end;) {
    const child = readElement(head, offset, end);
    if (!child || child.end === null || child.end > end) return false;
    const length = child.end - child.start;
    if (child.id === TRACK_TYPE) {
      if (length < 1 || length > 8) return false;
      type = 0;
      for (let i = child.start; i < child.end; i += 1) type = type * 256 + head[i]!;
    } else if (child.id === CODEC_ID) {
      if (length < 1 || length > 64) return false;
      codec = String.fromCharCode(...head.subarray(child.start, child.end));
    }
    offset = child.end;
  }
  return type === AUDIO_TRACK && codec !== null && codec.startsWith('A_');
}

/** The element whose header starts at `offset` (its header within `limit`), or null. */
function readElement(bytes: Uint8Array, offset: number, limit: number): Element | null {
  const id = readVint(bytes, offset, limit, true);
  if (!id || id.length > 4) return null;
  const size = readVint(bytes, offset + id.length, limit, false);
  if (!size) return null;
  const start = offset + id.length + size.length;
  return { id: id.value, start, end: size.unknown ? null : start + size.value };
}

/** An EBML variable-length integer: with its length marker (ids) or without (sizes). */
function readVint(bytes: Uint8Array, offset: number, limit: number, keepMarker: boolean) {
  const first = bytes[offset];
  if (first === undefined || first === 0 || offset >= limit) return null;
  const length = Math.clz32(first) - 23;
  if (offset + length > Math.min(limit, bytes.length)) return null;
  const mask = 0xff >> length;
  let value = keepMarker ? first : first & mask;
  let unknown = (first & mask) === mask;
  for (let i = 1; i < length; i += 1) {
    const byte = bytes[offset + i]!;
    value = value * 256 + byte;
    unknown &&= byte === 0xff;
  }
  return { value, length, unknown: !keepMarker && unknown };
}
