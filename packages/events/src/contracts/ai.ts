import type { EventSpecs } from './define';

/** Events ai publishes: replies and images, with what they cost. */
export interface AiEvents {
  /** A reply ended: complete, cancelled or failed, with the tokens it used. */
  'ai.message_completed': {
    version: 1;
    data: {
      messageId: string;
      conversationId: string;
      userId: string;
      provider: string;
      model: string;
      status: 'COMPLETE' | 'CANCELLED' | 'FAILED';
      promptTokens: number;
      completionTokens: number;
      /** Milliseconds from the request to the provider to its last token (or failure). */
      latencyMs: number;
      /** Milliseconds to the first token; null when none came. */
      firstTokenMs: number | null;
      /** US dollars in millionths of a millionth (picodollars), an exact integer. */
      costPicos: number;
      /** Why it failed: a stable code (`timeout`, `rate_limited`, `provider_error`, `stream_cut`). */
      error: string | null;
    };
  };
  /**
   * An image was generated; its bytes wait in the shared object storage at `storageKey` for
   * media to store them as the Media `mediaId` (media consumes this event).
   */
  'ai.image_generated': {
    version: 1;
    data: {
      imageId: string;
      userId: string;
      mediaId: string;
      storageKey: string;
      filename: string;
      provider: string;
      model: string;
      size: string;
      costPicos: number;
      latencyMs: number;
    };
  };
}

export const aiEvents: EventSpecs<AiEvents> = {
  'ai.message_completed': { version: 1 },
  'ai.image_generated': { version: 1 },
};
