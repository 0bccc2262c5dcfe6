import { detectType, DEFAULT_ALLOWED_TYPES } from '../src/service/files';
import { webm } from './support/audio';

// A video track labelled audio (TrackType 2, codec V_VP8) does not make a WebM audio: the
// codec must be an audio one too (video/webm is not an accepted type).
it('a track typed audio with a video codec leaves the file a video, refused by default', async () => {
  const bytes = webm(['video']);
  // flip the TrackType of the VP8 entry from 1 to 2, codec stays V_VP8
  const at = bytes.indexOf(Buffer.from([0x83, 0x81, 0x01]));
  bytes[at + 2] = 2;
  expect(bytes.includes(Buffer.from('V_VP8'))).toBe(true);
  expect(await detectType(bytes, DEFAULT_ALLOWED_TYPES)).toBeNull();
  expect(await detectType(webm(['audio']), DEFAULT_ALLOWED_TYPES)).toMatchObject({
    mime: 'audio/webm',
    type: 'AUDIO',
  });
});
