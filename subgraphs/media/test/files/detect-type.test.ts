import sharp from 'sharp';
import {
  DEFAULT_ALLOWED_TYPES,
  declaredTypeAllowed,
  detectType,
  SERVICE_ONLY_TYPES,
  SNIFF_BYTES,
} from '../../src/service/files';
import { isAudioOnlyWebm } from '../../src/service/files/webm';
import { flacHeader, mp4Header, oggHeader, silentMp3, silentWav, webm } from '../support/audio';

const ALL = DEFAULT_ALLOWED_TYPES;
const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(
    parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))),
  );
const image = (format: 'png' | 'jpeg' | 'gif' | 'webp' | 'avif') =>
  sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } })
    .toFormat(format)
    .toBuffer();

describe('detectType', () => {
  it('reads images from their bytes', async () => {
    await expect(detectType(await image('png'), ALL)).resolves.toEqual({
      mime: 'image/png',
      extension: 'png',
      type: 'IMAGE',
    });
    await expect(detectType(await image('jpeg'), ALL)).resolves.toEqual({
      mime: 'image/jpeg',
      extension: 'jpg',
      type: 'IMAGE',
    });
    await expect(detectType(await image('gif'), ALL)).resolves.toMatchObject({ mime: 'image/gif' });
    await expect(detectType(await image('webp'), ALL)).resolves.toMatchObject({ mime: 'image/webp' });
    await expect(detectType(await image('avif'), ALL)).resolves.toMatchObject({ mime: 'image/avif' });
  });

  it('reads PDF, MP4 and QuickTime headers', async () => {
    const pdf = bytes('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
    await expect(detectType(pdf, ALL)).resolves.toEqual({
      mime: 'application/pdf',
      extension: 'pdf',
      type: 'DOCUMENT',
    });
    const mp4 = bytes([0, 0, 0, 0x18], 'ftypmp42', [0, 0, 0, 0], 'mp42isom', [0, 0, 0, 8], 'free');
    await expect(detectType(mp4, ALL)).resolves.toEqual({
      mime: 'video/mp4',
      extension: 'mp4',
      type: 'VIDEO',
    });
    const mov = bytes([0, 0, 0, 0x14], 'ftypqt  ', [0, 0, 0, 0], 'qt  ');
    await expect(detectType(mov, ALL)).resolves.toEqual({
      mime: 'video/quicktime',
      extension: 'mov',
      type: 'VIDEO',
    });
  });

  it('reads a plain ZIP (a generated site) as an ARCHIVE when archives are allowed', async () => {
    const name = 'index.html';
    const body = '<!DOCTYPE html><title>Hi</title>';
    const header = Buffer.alloc(30);
    header.write('PK\x03\x04', 0, 'latin1');
    header.writeUInt16LE(20, 4); // version needed
    header.writeUInt32LE(body.length, 18); // compressed size (stored)
    header.writeUInt32LE(body.length, 22);
    header.writeUInt16LE(name.length, 26);
    const zip = bytes(header.toString('latin1'), name, body);
    await expect(detectType(zip, ALL)).resolves.toBeNull(); // not from users, by default
    await expect(detectType(zip, [...ALL, ...SERVICE_ONLY_TYPES.ARCHIVE!])).resolves.toEqual({
      mime: 'application/zip',
      extension: 'zip',
      type: 'ARCHIVE',
    });
  });

  it('reads the audio formats transcription takes: WAV, MP3, M4A, FLAC, Ogg', async () => {
    const audio = (mime: string, extension: string) => ({ mime, extension, type: 'AUDIO' });
    await expect(detectType(silentWav(), ALL)).resolves.toEqual(audio('audio/wav', 'wav'));
    await expect(detectType(silentMp3(), ALL)).resolves.toEqual(audio('audio/mpeg', 'mp3'));
    await expect(detectType(silentMp3(4, true), ALL)).resolves.toEqual(audio('audio/mpeg', 'mp3'));
    await expect(detectType(mp4Header('M4A '), ALL)).resolves.toEqual(audio('audio/x-m4a', 'm4a'));
    await expect(detectType(mp4Header('M4B '), ALL)).resolves.toEqual(audio('audio/mp4', 'm4a'));
    await expect(detectType(flacHeader(), ALL)).resolves.toEqual(audio('audio/flac', 'flac'));
    // file-type says `audio/ogg; codecs=opus`: the parameter is dropped.
    await expect(detectType(oggHeader('opus'), ALL)).resolves.toEqual(audio('audio/ogg', 'ogg'));
    await expect(detectType(oggHeader('vorbis'), ALL)).resolves.toEqual(audio('audio/ogg', 'ogg'));
    await expect(detectType(silentWav(), ['audio/mpeg'])).resolves.toBeNull();
  });

  it('takes a WebM of audio alone as audio/webm, one with video as video/webm (not allowed by default)', async () => {
    await expect(detectType(webm(['audio']), ALL)).resolves.toEqual({
      mime: 'audio/webm',
      extension: 'webm',
      type: 'AUDIO',
    });
    await expect(detectType(webm(['audio', 'audio']), ALL)).resolves.toMatchObject({ mime: 'audio/webm' });
    await expect(detectType(webm(['video', 'audio']), ALL)).resolves.toBeNull();
    await expect(detectType(webm(['audio', 'video']), [...ALL, 'video/webm'])).resolves.toEqual({
      mime: 'video/webm',
      extension: 'webm',
      type: 'VIDEO',
    });
    // Tracks must be whole in the sample to tell: else it stays video.
    const long = webm(['audio'], SNIFF_BYTES);
    expect(isAudioOnlyWebm(long.subarray(0, SNIFF_BYTES))).toBe(false);
    expect(isAudioOnlyWebm(long)).toBe(true);
    expect(isAudioOnlyWebm(webm([]))).toBe(false);
    expect(isAudioOnlyWebm(webm(['audio']).subarray(0, 60))).toBe(false);
  });

  it('accepts the other names clients declare for audio types, when the type itself is allowed', () => {
    expect(declaredTypeAllowed('audio/x-wav', ALL)).toBe(true);
    expect(declaredTypeAllowed('audio/x-flac', ALL)).toBe(true);
    expect(declaredTypeAllowed('audio/mp3', ALL)).toBe(true);
    expect(declaredTypeAllowed('audio/opus', ALL)).toBe(true);
    expect(declaredTypeAllowed('video/webm', ALL)).toBe(true);
    expect(declaredTypeAllowed('video/webm', ['audio/wav'])).toBe(false);
    expect(declaredTypeAllowed('audio/x-wav', ['audio/mpeg'])).toBe(false);
    expect(declaredTypeAllowed('audio/aac', ALL)).toBe(false);
  });

  it('refuses a detected type the list does not name', async () => {
    const gif = await image('gif');
    await expect(detectType(gif, ['image/png', 'text/plain'])).resolves.toBeNull();
    await expect(detectType(gif, ['IMAGE/GIF'])).resolves.toMatchObject({ mime: 'image/gif' });
  });

  it('refuses executables and archives, even when text or their own type is allowed', async () => {
    const elf = bytes([0x7f], 'ELF', [2, 1, 1, 0], new Array(56).fill(0));
    const pe = bytes(
      'MZ',
      [0x90, 0, 3, 0],
      new Array(54).fill(0),
      [0x80, 0, 0, 0],
      'This program cannot be run in DOS mode',
    );
    const machO = bytes([0xcf, 0xfa, 0xed, 0xfe], [7, 0, 0, 1], new Array(24).fill(0));
    const zip = bytes('PK', [3, 4, 20, 0, 0, 0, 0, 0], new Array(16).fill(0), [5, 0, 0, 0], 'a.txt', 'hello');
    const everything = [...ALL, 'application/x-elf', 'application/x-msdownload', 'application/x-mach-binary'];
    for (const blob of [elf, pe, machO]) await expect(detectType(blob, everything)).resolves.toBeNull();
    await expect(detectType(zip, ALL)).resolves.toBeNull();
  });

  it('refuses HTML, SVG and XML, which a browser could run', async () => {
    const documents = [
      '<html><body>hi</body></html>',
      '  <!DOCTYPE html>\n<title>x</title>',
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>',
      '<?xml\tversion="1.0"?><svg/>',
      '\uFEFF<svg onload="alert(1)"/>',
      'A harmless start, then\n<script>alert(1)</script>',
      'Hello <SVG onload=alert(1)>',
    ];
    for (const document of documents) {
      await expect(detectType(Buffer.from(document), ALL)).resolves.toBeNull();
    }
  });

  it('takes UTF-8 text as plain text', async () => {
    const text = Buffer.from('Crème brûlée, naïve café, 日本語, 😀👍\r\n\tcol1,col2\f\n');
    await expect(detectType(text, ALL)).resolves.toEqual({
      mime: 'text/plain',
      extension: 'txt',
      type: 'TEXT',
    });
    await expect(detectType(Buffer.from('a < b and c > d\n'), ALL)).resolves.toMatchObject({
      mime: 'text/plain',
    });
  });

  it('takes text cut inside a multi-byte character at the end of the sample', async () => {
    const sample = Buffer.from('x'.repeat(SNIFF_BYTES - 2) + '😀').subarray(0, SNIFF_BYTES);
    expect(sample.length).toBe(SNIFF_BYTES);
    await expect(detectType(sample, ALL)).resolves.toMatchObject({ mime: 'text/plain' });
    await expect(detectType(Buffer.from('é').subarray(0, 1), ALL)).resolves.toMatchObject({
      mime: 'text/plain',
    });
  });

  it('refuses binary and non-UTF-8 bytes as text', async () => {
    const refused = [
      bytes('some text', [0], 'more text'),
      bytes('escape ', [0x1b], '[31mred'),
      bytes('vertical', [0x0b], 'tab'),
      bytes('C1 ', [0xc2, 0x85], 'next line'),
      bytes('Latin-1 caf', [0xe9], ' au lait'),
      bytes('broken ', [0xe2, 0x82], ' in the middle'),
      bytes('overlong ', [0xc0, 0xaf]),
      Buffer.alloc(64, 0),
      Buffer.alloc(0),
    ];
    for (const blob of refused) await expect(detectType(blob, ALL)).resolves.toBeNull();
  });

  it('refuses text when text/plain is not allowed', async () => {
    await expect(detectType(Buffer.from('hello\n'), ['image/png'])).resolves.toBeNull();
  });

  it('allows by default the web image formats, PDF, MP4, QuickTime, audio and text, not HEIC', () => {
    expect([...DEFAULT_ALLOWED_TYPES].sort()).toEqual([
      'application/pdf',
      'audio/flac',
      'audio/mp4',
      'audio/mpeg',
      'audio/ogg',
      'audio/wav',
      'audio/webm',
      'audio/x-m4a',
      'image/avif',
      'image/gif',
      'image/jpeg',
      'image/png',
      'image/webp',
      'text/plain',
      'video/mp4',
      'video/quicktime',
    ]);
  });
});
