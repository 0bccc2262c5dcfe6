import { ErrorCode, UserError } from '@lattice/server-kit';
import type { InternalClient } from '@lattice/subgraph-kit';
import type { MediaFiles } from './media-files';

export interface Transcription {
  text: string;
  provider: string;
  model: string;
  simulated: boolean;
  tokens: number;
  durationSeconds: number | null;
}

export interface VoiceNotes {
  /**
   * What `userId` said in their voice note `mediaId`: NOT_FOUND when they cannot read it
   * (media's rule), UNSUPPORTED_MEDIA_TYPE when it is not audio, QUOTA_EXCEEDED when their AI
   * limit is spent (ai), SERVICE_UNAVAILABLE when media or ai cannot answer.
   */
  transcribe(userId: string, mediaId: string, language: string | null): Promise<Transcription>;
}

/** Voice notes through media (which file, may the user read it) and ai (the transcription). */
export const voiceNotesThrough = (files: MediaFiles, ai: InternalClient, timeoutMs: number): VoiceNotes => ({
  async transcribe(userId, mediaId, language) {
    const file = await files.describeOwn(userId, mediaId);
    if (file.type !== 'AUDIO')
      throw new UserError(
        ErrorCode.UnsupportedMediaType,
        'A voice note is an audio file (mp3, m4a, wav, webm, ogg, flac)',
        {
          field: 'mediaId',
          allowed: ['AUDIO'],
        },
      );
    return ai.call<Transcription>(
      '/internal/transcriptions',
      {
        userId,
        purpose: 'invoice-voice-note',
        storageKey: file.storageKey,
        filename: file.filename,
        contentType: file.contentType,
        size: file.size,
        ...(language ? { language } : {}),
      },
      { timeoutMs },
    );
  },
});
