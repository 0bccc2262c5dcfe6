/** Small, valid audio files built in memory, for type detection and uploads. */

/** A PCM WAV: the 44-byte RIFF/WAVE header, then `samples` silent 16-bit mono samples at 8 kHz. */
export function silentWav(samples = 800): Buffer {
  const data = samples * 2;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + data, 4);
  header.write('WAVE', 8, 'latin1');
  header.write('fmt ', 12, 'latin1');
  header.writeUInt32LE(16, 16); // fmt chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(8000, 24); // sample rate
  header.writeUInt32LE(16_000, 28); // byte rate
  header.writeUInt16LE(2, 32); // block align
  header.writeUInt16LE(16, 34); // bits per sample
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(data, 40);
  return Buffer.concat([header, Buffer.alloc(data)]);
}

/**
 * An MP3 of `frames` silent MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz, mono, no padding:
 * 417 bytes each), after an ID3v2.4 tag when `id3`.
 */
export function silentMp3(frames = 4, id3 = false): Buffer {
  const frame = Buffer.alloc(417);
  frame.set([0xff, 0xfb, 0x90, 0xc4]);
  const body = Buffer.concat(Array.from({ length: frames }, () => frame));
  if (!id3) return body;
  const title = Buffer.concat([
    Buffer.from('TIT2', 'latin1'),
    Buffer.from([0, 0, 0, 6, 0, 0, 3]),
    Buffer.from('note\0'),
  ]);
  const tag = Buffer.concat([
    Buffer.from('ID3', 'latin1'),
    Buffer.from([4, 0, 0]),
    Buffer.from([0, 0, 0, title.length]), // syncsafe size
    title,
  ]);
  return Buffer.concat([tag, body]);
}

/** An ISO BMFF header of the given major brand (`M4A ` for an iPhone voice memo). */
export function mp4Header(brand: string): Buffer {
  const ftyp = Buffer.concat([
    Buffer.from([0, 0, 0, 0x18]),
    Buffer.from(`ftyp${brand}`, 'latin1'),
    Buffer.from([0, 0, 0, 0]),
    Buffer.from(`${brand}isom`, 'latin1'),
  ]);
  return Buffer.concat([ftyp, Buffer.from([0, 0, 0, 8]), Buffer.from('free', 'latin1')]);
}

/** A FLAC stream header: `fLaC` and a STREAMINFO block (last). */
export function flacHeader(): Buffer {
  const info = Buffer.alloc(34);
  info.writeUInt16BE(4096, 0);
  info.writeUInt16BE(4096, 2);
  return Buffer.concat([Buffer.from('fLaC', 'latin1'), Buffer.from([0x80, 0, 0, 34]), info]);
}

/** The first Ogg page of an Opus (`OpusHead`) or Vorbis (`\x01vorbis`) stream. */
export function oggHeader(codec: 'opus' | 'vorbis'): Buffer {
  const packet =
    codec === 'opus'
      ? Buffer.concat([
          Buffer.from('OpusHead', 'latin1'),
          Buffer.from([1, 1, 0x38, 1, 0x80, 0xbb, 0, 0, 0, 0, 0]),
        ])
      : Buffer.concat([Buffer.from([1]), Buffer.from('vorbis', 'latin1'), Buffer.alloc(23)]);
  const page = Buffer.alloc(27);
  page.write('OggS', 0, 'latin1');
  page[5] = 2; // beginning of stream
  page[26] = 1; // one segment
  return Buffer.concat([page, Buffer.from([packet.length]), packet]);
}

/** An EBML element: its id's bytes, a size, its children. */
function ebml(id: number[], ...children: Buffer[]): Buffer {
  const body = Buffer.concat(children);
  const size =
    body.length < 0x7f
      ? Buffer.from([0x80 | body.length])
      : Buffer.from([0x40 | (body.length >> 8), body.length & 0xff]);
  return Buffer.concat([Buffer.from(id), size, body]);
}
const unknownSize = Buffer.from([0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
const uint = (value: number) => Buffer.from([value]);

/**
 * A WebM as MediaRecorder writes it (an unknown-size Segment and Cluster): one track per entry
 * of `tracks` (`audio`: Opus; `video`: VP8), `privateBytes` of CodecPrivate in each.
 */
export function webm(tracks: Array<'audio' | 'video'>, privateBytes = 19): Buffer {
  const header = ebml(
    [0x1a, 0x45, 0xdf, 0xa3],
    ebml([0x42, 0x86], uint(1)),
    ebml([0x42, 0xf7], uint(1)),
    ebml([0x42, 0xf2], uint(4)),
    ebml([0x42, 0xf3], uint(8)),
    ebml([0x42, 0x82], Buffer.from('webm', 'latin1')),
    ebml([0x42, 0x87], uint(4)),
    ebml([0x42, 0x85], uint(2)),
  );
  const info = ebml([0x15, 0x49, 0xa9, 0x66], ebml([0x2a, 0xd7, 0xb1], Buffer.from([0x0f, 0x42, 0x40])));
  const entries = tracks.map((kind, index) =>
    ebml(
      [0xae],
      ebml([0xd7], uint(index + 1)),
      ebml([0x83], uint(kind === 'audio' ? 2 : 1)),
      ebml([0x86], Buffer.from(kind === 'audio' ? 'A_OPUS' : 'V_VP8', 'latin1')),
      ebml([0x63, 0xa2], Buffer.alloc(privateBytes, 1)),
    ),
  );
  const tracksElement = ebml([0x16, 0x54, 0xae, 0x6b], ...entries);
  const cluster = Buffer.concat([Buffer.from([0x1f, 0x43, 0xb6, 0x75]), unknownSize, ebml([0xe7], uint(0))]);
  return Buffer.concat([
    header,
    Buffer.from([0x18, 0x53, 0x80, 0x67]),
    unknownSize,
    info,
    tracksElement,
    cluster,
  ]);
}
