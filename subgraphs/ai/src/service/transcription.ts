import { randomUUID } from 'node:crypto';
import OpenAI, { toFile } from 'openai';
import type { Transcription } from 'openai/resources/audio/transcriptions';
import { ObjectNotFoundError } from '@lattice/object-storage';
import { badUserInput, ErrorCode, type Logger, UserError, validateInput } from '@lattice/server-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { ModelCatalogue, TranscriptionModel } from '../providers/catalogue';
import { describeFailure, failureOf, type ProviderFailure, withRetries } from '../providers/retries';
import type { AiRuntime } from '../runtime';
import { repliesInFlight } from './chat';
import { DEFAULT_TRANSCRIPTION_MODEL, type AiSettings } from './settings';
import { PROVIDER_SERVICE } from './structured';
import { estimateTokens } from './tokens';

/** The largest recording, in bytes: OpenAI's upload limit for transcriptions (25 MiB). */
export const TRANSCRIPTION_MAX_BYTES = 25 * 1024 * 1024;

/**
 * How a recording's tokens are estimated before the call (the budget check), from its size
 * alone, since ai does not decode audio: it is taken for a voice note at 32 kbit/s (4,000 bytes
 * a second, what phones' and browsers' voice codecs write: Opus, AAC), whole seconds rounded
 * up, at 10 audio tokens a second (OpenAI's rate for gpt-4o audio input) plus 4 transcript tokens
 * a second (speech at about 150 words a minute). A high-bitrate or uncompressed recording (WAV)
 * is estimated high, a very low-bitrate one low: the check errs high for the common cases, and
 * what the provider reports replaces the estimate when it is recorded.
 */
export const ESTIMATE_BYTES_PER_SECOND = 4_000;
export const AUDIO_TOKENS_PER_SECOND = 10;
export const TRANSCRIPT_TOKENS_PER_SECOND = 4;

/** Keys media writes its files under (`media/<owner>/<media>/file.<ext>`), of storage-key characters. */
const MEDIA_KEY = /^media(?:\/[A-Za-z0-9._-]{1,200})+$/;

const storageKey = z
  .string({ error: 'must be a storage key under media/' })
  .max(512, 'must be at most 512 characters')
  .regex(MEDIA_KEY, 'must be a storage key under media/')
  .refine(
    (key) => key.split('/').every((segment) => segment !== '.' && segment !== '..'),
    'must be a storage key under media/',
  );

const transcriptionInput = z.object({
  userId: z.guid('must be a user id (a UUID)'),
  purpose: z
    .string({ error: 'must be a slug naming the use, e.g. invoice-voice-note' })
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a slug naming the use, e.g. invoice-voice-note')
    .max(64, 'must be at most 64 characters'),
  storageKey,
  filename: z
    .string({ error: 'must be a file name' })
    .min(1, 'must be a file name')
    .max(255, 'must be at most 255 characters')
    // eslint-disable-next-line no-control-regex
    .regex(/^[^\x00-\x1f\x7f/\\]+$/, 'must be a file name (no slashes or control characters)'),
  contentType: z
    .string({ error: 'must be an audio or video content type, e.g. audio/webm' })
    .max(255, 'must be at most 255 characters')
    .regex(
      /^(?:audio|video)\/[A-Za-z0-9][A-Za-z0-9.+-]*(?:\s*;\s*[A-Za-z0-9._-]+=(?:[A-Za-z0-9._+-]+|"[\x20\x21\x23-\x5b\x5d-\x7e]*"))*$/,
      'must be an audio or video content type, e.g. audio/webm',
    ),
  size: z
    .number({ error: 'must be the size in bytes (a whole number)' })
    .int('must be the size in bytes (a whole number)')
    .min(1, 'must be at least 1 byte'),
  language: z
    .string({ error: 'must be an ISO-639-1 code, e.g. en' })
    .regex(/^[a-z]{2}$/, 'must be an ISO-639-1 code, e.g. en')
    .nullish()
    .transform((value) => value ?? undefined),
});

export type TranscriptionInput = z.input<typeof transcriptionInput>;

/** What `/internal/transcriptions` answers. */
export interface TranscriptionAnswer {
  /** The recording's text, as the model wrote it. */
  text: string;
  provider: string;
  model: string;
  /** Answered by Lattice's local OpenAI simulator (no key configured). */
  simulated: boolean;
  /** What was recorded against the user's `aiTokens` (see `transcriptionTokens`). */
  tokens: number;
  /** The recording's length when the provider reports it (whisper's usage), else null. */
  durationSeconds: number | null;
}

/**
 * The model transcribing recordings: AI_TRANSCRIPTION_MODEL, or (unset) gpt-4o-mini-transcribe
 * when a provider lists it, else the first transcription model configured.
 */
export function transcriptionModel(
  models: ModelCatalogue,
  settings: Pick<AiSettings, 'AI_TRANSCRIPTION_MODEL'>,
): TranscriptionModel {
  const named = settings.AI_TRANSCRIPTION_MODEL;
  try {
    if (named) return models.transcription(named);
    return (
      models.transcriptions().find((model) => model.id === DEFAULT_TRANSCRIPTION_MODEL) ??
      models.transcription()
    );
  } catch {
    throw new Error(
      named
        ? `AI_TRANSCRIPTION_MODEL: ${JSON.stringify(named)} is not a transcription model of the configured providers`
        : 'no transcription model is configured',
    );
  }
}

/** The tokens a recording of `bytes` is estimated to cost before it is sent (see ESTIMATE_BYTES_PER_SECOND). */
export function estimateTranscriptionTokens(bytes: number): number {
  return estimatedSeconds(bytes) * (AUDIO_TOKENS_PER_SECOND + TRANSCRIPT_TOKENS_PER_SECOND);
}

function estimatedSeconds(bytes: number): number {
  return Math.max(1, Math.ceil(bytes / ESTIMATE_BYTES_PER_SECOND));
}

/**
 * The tokens a transcription is counted for: the provider's `usage.total_tokens` when it bills
 * tokens (gpt-4o-mini-transcribe, gpt-4o-transcribe); when it bills seconds (whisper), 10 tokens
 * a second of audio (as the token-billed models count audio input) plus the transcript's
 * estimated tokens; with no usage at all, the same with the seconds estimated from the size.
 */
export function transcriptionTokens(
  usage: Transcription['usage'] | undefined,
  text: string,
  bytes: number,
): { tokens: number; durationSeconds: number | null } {
  if (usage?.type === 'tokens' && Number.isFinite(usage.total_tokens)) {
    return { tokens: Math.max(0, Math.ceil(usage.total_tokens)), durationSeconds: null };
  }
  if (usage?.type === 'duration' && Number.isFinite(usage.seconds)) {
    const seconds = Math.max(0, usage.seconds);
    return {
      tokens: Math.ceil(seconds * AUDIO_TOKENS_PER_SECOND) + estimateTokens(text),
      durationSeconds: seconds,
    };
  }
  return {
    tokens: estimatedSeconds(bytes) * AUDIO_TOKENS_PER_SECOND + estimateTokens(text),
    durationSeconds: null,
  };
}

/**
 * The text of a recording media stores (`storageKey`, as media's `/internal/files/describe`
 * answered it), for another Lattice service acting for `userId` (invoicing reads voice notes),
 * counted against the user's `aiTokens` like a structured completion: the stored object is
 * looked up first (NOT_FOUND when it is gone, BAD_USER_INPUT `size` when its size is not
 * `size`); then under a per-user lock held until the call is recorded (one transaction, so one
 * transcription at a time per user), the budget is checked for the recording's estimate and the
 * user's chat replies being written (QUOTA_EXCEEDED, no provider call), the bytes read, the
 * provider asked once (retried on 408, 429, 5xx and timeouts), and the tokens it reports
 * recorded. A provider that cannot answer is SERVICE_UNAVAILABLE (`service: "ai-provider"`),
 * one that refuses the recording (400: not audio, too short, a format it does not take)
 * BAD_USER_INPUT `storageKey`; neither is counted.
 */
export async function createTranscription(
  em: EntityManager,
  runtime: AiRuntime,
  args: unknown,
  log: Logger = runtime.log,
): Promise<TranscriptionAnswer> {
  const input = validateInput(transcriptionInput, fieldsOf(args), '');
  const { userId, purpose, size, language } = input;
  if (size > TRANSCRIPTION_MAX_BYTES) {
    throw new UserError(
      ErrorCode.PayloadTooLarge,
      `size: a recording may be at most ${TRANSCRIPTION_MAX_BYTES} bytes (25 MiB); this one is ${size}`,
      { field: 'size', limit: TRANSCRIPTION_MAX_BYTES, size },
    );
  }
  const { settings, storage } = runtime;
  const model = transcriptionModel(runtime.models, settings);
  // Before any lock: a recording that is gone or not the one described is refused at once.
  checkStored(await storage.stat(input.storageKey), size);

  const estimatedTokens = estimateTranscriptionTokens(size);
  const key = `transcription:${randomUUID()}`;
  const started = Date.now();
  const context = { userId, purpose, provider: model.provider.id, model: model.id, key, bytes: size };

  return em.transactional(async (tx) => {
    // One transcription at a time per user, checked and called under the lock (as a structured
    // completion is): concurrent calls cannot all pass a check against a budget none has used yet.
    await tx.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`ai.transcription:${userId}`]);
    await runtime.meter.check(
      tx,
      userId,
      'aiTokens',
      estimatedTokens + (await repliesInFlight(tx, runtime, userId)),
    );
    // Read whole (at most 25 MiB): the same bytes are sent again when the call is retried.
    const file = await readRecording(runtime, input);
    const controller = new AbortController();
    let transcription: Transcription;
    try {
      transcription = await withRetries(
        () =>
          model.provider.client.audio.transcriptions.create(
            {
              file,
              model: model.id,
              response_format: 'json',
              ...(language ? { language } : {}),
            },
            { signal: controller.signal },
          ),
        settings.AI_MAX_RETRIES,
        controller.signal,
        (error, attempt) =>
          log.warn({ ...context, attempt, status: statusOf(error) }, 'transcription retried'),
      );
    } catch (error) {
      throw providerError(error, model, log, { ...context, latencyMs: Date.now() - started });
    }
    if (typeof transcription?.text !== 'string') {
      log.warn(
        { ...context, latencyMs: Date.now() - started },
        'transcription: the provider answered no text',
      );
      throw unavailable('provider_error', model);
    }
    const { text } = transcription;
    const { tokens, durationSeconds } = transcriptionTokens(transcription.usage, text, size);
    await runtime.meter.record(tx, {
      userId,
      meter: 'aiTokens',
      amount: tokens,
      key,
      // What was consumed is counted even past the budget: the check came before the call.
      enforce: false,
    });
    log.info({ ...context, tokens, durationSeconds, latencyMs: Date.now() - started }, 'transcription');
    return {
      text,
      provider: model.provider.id,
      model: model.id,
      simulated: model.provider.simulated,
      tokens,
      durationSeconds,
    };
  });
}

/** The recording's stored size must be the one the caller was told (else it changed since). */
function checkStored(stored: { size: number } | null, size: number): void {
  if (!stored) throw recordingNotFound();
  if (stored.size !== size) {
    throw badUserInput(
      'size: not the size of the stored recording (it changed since it was described; describe it again)',
      'size',
    );
  }
}

/** Never the key in a message: it names a user's files. */
function recordingNotFound(): UserError {
  return new UserError(ErrorCode.NotFound, 'No stored recording at storageKey (deleted?)', {
    field: 'storageKey',
  });
}

async function readRecording(
  runtime: AiRuntime,
  input: { storageKey: string; filename: string; contentType: string; size: number },
): Promise<Awaited<ReturnType<typeof toFile>>> {
  let body;
  try {
    ({ body } = await runtime.storage.read(input.storageKey));
  } catch (error) {
    if (error instanceof ObjectNotFoundError) throw recordingNotFound();
    throw error;
  }
  try {
    const file = await toFile(body, input.filename, { type: input.contentType });
    checkStored({ size: file.size }, input.size);
    return file;
  } finally {
    body.destroy();
  }
}

/** The body's fields; anything but an object has none (so the first required field is named). */
function fieldsOf(input: unknown): Record<string, unknown> {
  return typeof input === 'object' && input !== null && !Array.isArray(input)
    ? (input as Record<string, unknown>)
    : {};
}

function statusOf(error: unknown): number | undefined {
  return error instanceof OpenAI.APIError ? error.status : undefined;
}

function unavailable(failure: ProviderFailure, model: TranscriptionModel): UserError {
  return new UserError(ErrorCode.ServiceUnavailable, describeFailure(failure), {
    service: PROVIDER_SERVICE,
    provider: model.provider.id,
    failure,
  });
}

/**
 * A provider call that failed after its retries, as the caller is told: a 400 or 413 is the
 * recording's (BAD_USER_INPUT `storageKey` with the provider's reason: not audio, too short, a
 * format it does not take; `language` when the provider names that parameter); a 400 naming
 * `model` is ai's configuration, and any other refusal, a timeout, a rate limit or a 5xx,
 * SERVICE_UNAVAILABLE naming the failure. The provider's words only on a 400/413 (it was sent
 * the bytes, file name and type, never the key), never on a 401 (they may quote part of the API
 * key); anything that is no provider error is ours.
 */
function providerError(
  error: unknown,
  model: TranscriptionModel,
  log: Logger,
  context: Record<string, unknown>,
): unknown {
  if (!(error instanceof OpenAI.APIError)) return error;
  const status = error.status;
  const param = typeof error.param === 'string' ? error.param : '';
  if ((status === 400 || status === 413) && !param.startsWith('model')) {
    const field = param.startsWith('language') ? 'language' : 'storageKey';
    log.warn({ ...context, status, field }, 'transcription refused by the provider');
    const reason = (error.error as { message?: unknown } | undefined)?.message;
    return badUserInput(
      `The provider refused the recording${typeof reason === 'string' ? `: ${reason.slice(0, 500)}` : ''}`,
      field,
    );
  }
  const failure = failureOf(error);
  log.warn({ ...context, status, failure }, 'transcription failed');
  return unavailable(failure, model);
}
