import { invalidRequest } from './errors';
import type { ModelCatalogue } from './models';
import type { Script } from './script';
import { countTokens } from './tokens';

/** A file part of a multipart request, as far as the simulator looks at it. */
export interface Upload {
  filename: string;
  /** The part's content type ('' without one). */
  type: string;
  size: number;
}

/** The extensions OpenAI accepts, as its refusal lists them. */
const EXTENSIONS = ['flac', 'm4a', 'mp3', 'mp4', 'mpeg', 'mpga', 'oga', 'ogg', 'wav', 'webm'];
const FORMATS = ['json', 'text', 'verbose_json'];

/**
 * The simulator cannot decode audio: it takes every recording for 128 kbit/s (16,000 bytes a
 * second), whole seconds rounded up, and 10 audio tokens a second for the token-billed models.
 */
const BYTES_PER_SECOND = 16_000;
const AUDIO_TOKENS_PER_SECOND = 10;

type Json = Record<string, unknown>;

export type TranscriptionAnswer = { json: unknown } | { text: string };

function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot < 0 ? '' : filename.slice(dot + 1).toLowerCase();
}

function checkFile(file: Upload | undefined): Upload {
  if (file === undefined) {
    throw invalidRequest("Missing required parameter: 'file'.", 'file', 'missing_required_parameter');
  }
  if (!EXTENSIONS.includes(extensionOf(file.filename))) {
    throw invalidRequest(
      `Invalid file format. Supported formats: [${EXTENSIONS.map((extension) => `'${extension}'`).join(', ')}]`,
    );
  }
  if (file.size === 0) {
    throw invalidRequest(
      'Audio file is too short. Minimum audio length is 0.1 seconds.',
      'file',
      'audio_too_short',
    );
  }
  return file;
}

function formatOf(fields: Json, model: string): string {
  const format = fields.response_format ?? 'json';
  if (typeof format !== 'string' || !FORMATS.includes(format)) {
    throw invalidRequest(
      `Invalid value: ${JSON.stringify(format)}. The simulator answers ${FORMATS.map((each) => `'${each}'`).join(', ')} (srt and vtt are not simulated).`,
      'response_format',
      'invalid_value',
    );
  }
  if (format === 'verbose_json' && !model.startsWith('whisper')) {
    throw invalidRequest(
      `response_format 'verbose_json' is not compatible with model '${model}'. Use 'json' or 'text' instead.`,
      'response_format',
      'unsupported_value',
    );
  }
  return format;
}

/** What a model bills: whisper the seconds of audio, the gpt-4o transcribers tokens. */
function usageOf(model: string, seconds: number, prompt: string, text: string) {
  if (model.startsWith('whisper')) return { type: 'duration', seconds };
  const textTokens = countTokens(prompt);
  const audioTokens = seconds * AUDIO_TOKENS_PER_SECOND;
  const outputTokens = countTokens(text);
  return {
    type: 'tokens',
    input_tokens: textTokens + audioTokens,
    input_token_details: { text_tokens: textTokens, audio_tokens: audioTokens },
    output_tokens: outputTokens,
    total_tokens: textTokens + audioTokens + outputTokens,
  };
}

/**
 * `POST /v1/audio/transcriptions` (multipart: `file`, `model`, optional `language`, `prompt`,
 * `response_format` json, text or verbose_json): the next scripted transcript, else
 * `Simulated transcription of a <N>-byte <type> recording.`
 */
export function transcribe(
  fields: Json,
  file: Upload | undefined,
  models: ModelCatalogue,
  transcripts: Script,
): TranscriptionAnswer {
  const model = models.require(fields.model, 'transcription');
  const upload = checkFile(file);
  const format = formatOf(fields, model);
  if (fields.stream === 'true') {
    throw invalidRequest('The simulator does not stream transcriptions.', 'stream', 'unsupported_value');
  }
  const prompt = typeof fields.prompt === 'string' ? fields.prompt : '';
  const kind =
    upload.type !== '' && upload.type !== 'application/octet-stream'
      ? upload.type
      : extensionOf(upload.filename);
  const text = transcripts.take() ?? `Simulated transcription of a ${upload.size}-byte ${kind} recording.`;
  const seconds = Math.max(1, Math.ceil(upload.size / BYTES_PER_SECOND));
  const usage = usageOf(model, seconds, prompt, text);

  if (format === 'text') return { text: `${text}\n` };
  if (format === 'json') return { json: { text, usage } };
  return {
    json: {
      task: 'transcribe',
      language: typeof fields.language === 'string' && fields.language !== '' ? fields.language : 'english',
      duration: seconds,
      text,
      segments: [
        {
          id: 0,
          seek: 0,
          start: 0,
          end: seconds,
          text,
          tokens: [],
          temperature: 0,
          avg_logprob: 0,
          compression_ratio: 1,
          no_speech_prob: 0,
        },
      ],
      usage,
    },
  };
}
