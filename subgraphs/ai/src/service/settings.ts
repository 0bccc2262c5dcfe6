import { z } from 'zod';
import { plansSettings } from '@lattice/entitlements';
import { storageSettings } from '@lattice/object-storage';

const blankIsUnset = (value: unknown) => (value === '' ? undefined : value);
const whole = (min: number, max: number, fallback: number) =>
  z.preprocess(blankIsUnset, z.coerce.number().int().min(min).max(max).default(fallback));
const json = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => {
    if (typeof value !== 'string' || value === '') return value === '' ? undefined : value;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }, schema);
const dollars = z.string().regex(/^\d{1,9}(\.\d{1,12})?$/, 'US dollars as a decimal string, e.g. "0.15"');

const chatModel = z.object({
  id: z.string().min(1).max(100),
  kind: z.literal('chat').default('chat'),
  contextWindow: z.number().int().min(256),
  inputPricePerMillionTokens: dollars,
  outputPricePerMillionTokens: dollars,
});
const imageModel = z.object({
  id: z.string().min(1).max(100),
  kind: z.literal('image'),
  pricePerImage: dollars,
});
/** Speech to text (`/internal/transcriptions`); its usage is counted in tokens, not priced. */
const transcriptionModel = z.object({
  id: z.string().min(1).max(100),
  kind: z.literal('transcription'),
});
const provider = z.object({
  /** Names the provider in answers and metrics: `openai`, `azure`, `ollama`... */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
  /** `openai` and OpenAI-compatible endpoints (Anthropic's, Google's, Ollama, vLLM); `azure` for Azure OpenAI. */
  type: z.enum(['openai', 'azure']).default('openai'),
  baseUrl: z.url({ protocol: /^https?$/ }).optional(),
  apiKey: z.string().min(1),
  /** Azure only. */
  apiVersion: z.string().optional(),
  models: z.array(z.discriminatedUnion('kind', [chatModel, imageModel, transcriptionModel])).min(1),
});
export type ProviderSettings = z.infer<typeof provider>;
export type ModelSettings = ProviderSettings['models'][number];

const ownSettings = z.object({
  ...plansSettings,
  /** Providers and their models; unset: OpenAI with OPENAI_API_KEY, or the local simulator. */
  AI_PROVIDERS: json(z.array(provider).min(1).optional()),
  OPENAI_API_KEY: z.preprocess(blankIsUnset, z.string().optional()),
  OPENAI_BASE_URL: z.preprocess(blankIsUnset, z.url({ protocol: /^https?$/ }).optional()),
  /** An OpenAI simulator already running (tests drive their own): its origin. */
  OPENAI_SIMULATOR_URL: z.preprocess(blankIsUnset, z.url({ protocol: /^https?$/ }).optional()),
  /** In production the simulator runs only when asked for. */
  OPENAI_SIMULATOR: z.preprocess(blankIsUnset, z.enum(['true', 'false']).optional()),
  /** The simulator's port (0: a free one). */
  OPENAI_SIMULATOR_PORT: whole(0, 65_535, 0),
  /** How long one provider request may take before it is abandoned (and retried when safe). */
  AI_REQUEST_TIMEOUT_MS: whole(100, 600_000, 60_000),
  /** Retries of a provider request that failed before any token came (429, 5xx, timeouts). */
  AI_MAX_RETRIES: whole(0, 10, 2),
  AI_MAX_MESSAGE_CHARS: whole(1, 200_000, 32_000),
  /**
   * The chat model answering other services' structured completions (`/internal/structured-completions`);
   * unset: the first chat model configured.
   */
  AI_STRUCTURED_MODEL: z.preprocess(blankIsUnset, z.string().min(1).max(100).optional()),
  /**
   * The model transcribing other services' recordings (`/internal/transcriptions`); unset:
   * `gpt-4o-mini-transcribe` when a provider lists it, else the first transcription model.
   */
  AI_TRANSCRIPTION_MODEL: z.preprocess(blankIsUnset, z.string().min(1).max(100).optional()),
  /** The longest reply asked for, in tokens. */
  AI_REPLY_MAX_TOKENS: whole(16, 100_000, 1024),
  /** Deltas arriving within this many ms of one sent go out together (0: each as it comes). */
  AI_STREAM_BATCH_MS: whole(0, 1_000, 20),
  /**
   * The longest that window grows to while the process is saturated (its event loop over 70 %
   * busy; the longest from 95 %): fewer, larger deltas then. At or below AI_STREAM_BATCH_MS,
   * or with that at 0, the window is fixed.
   */
  AI_STREAM_BATCH_MAX_MS: whole(0, 1_000, 100),
  /** A reply still STREAMING this long after its last write was lost with its process: marked FAILED. */
  AI_STALE_REPLY_SECONDS: whole(10, 86_400, 300),
});

/** Generated images go through the object storage media reads (the same STORAGE_* settings). */
export const aiSettings = ownSettings.and(storageSettings);
export type AiSettings = z.infer<typeof aiSettings>;

/** The models a fresh install serves, at OpenAI's list prices (USD per million tokens). */
export const DEFAULT_MODELS: ModelSettings[] = [
  {
    id: 'gpt-4o-mini',
    kind: 'chat',
    contextWindow: 128_000,
    inputPricePerMillionTokens: '0.15',
    outputPricePerMillionTokens: '0.6',
  },
  {
    id: 'gpt-4o',
    kind: 'chat',
    contextWindow: 128_000,
    inputPricePerMillionTokens: '2.5',
    outputPricePerMillionTokens: '10',
  },
  { id: 'gpt-image-1', kind: 'image', pricePerImage: '0.042' },
  // Billed in tokens (usage.total_tokens), the default of AI_TRANSCRIPTION_MODEL.
  { id: 'gpt-4o-mini-transcribe', kind: 'transcription' },
  // Billed in seconds of audio (usage.seconds): counted as tokens (service/transcription.ts).
  { id: 'whisper-1', kind: 'transcription' },
];

/** AI_TRANSCRIPTION_MODEL's default. */
export const DEFAULT_TRANSCRIPTION_MODEL = 'gpt-4o-mini-transcribe';
