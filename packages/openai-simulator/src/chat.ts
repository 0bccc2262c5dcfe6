import { randomBytes } from 'node:crypto';
import { invalidRequest } from './errors';
import type { ModelCatalogue } from './models';
import type { Script } from './script';
import { jsonAnswer, responseFormatOf } from './structured';
import { countTokens, splitTokens } from './tokens';

const ROLES = new Set(['system', 'developer', 'user', 'assistant', 'tool', 'function']);
const FINGERPRINT = 'fp_lattice_sim';

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details: { cached_tokens: number; audio_tokens: number };
  completion_tokens_details: {
    reasoning_tokens: number;
    audio_tokens: number;
    accepted_prediction_tokens: number;
    rejected_prediction_tokens: number;
  };
}

/** One chat completion, decided before anything is sent: its tokens, finish reason and usage. */
export interface ChatPlan {
  id: string;
  created: number;
  model: string;
  stream: boolean;
  includeUsage: boolean;
  /** The answer's tokens (each with the whitespace before it): one content delta each when streamed. */
  pieces: string[];
  finishReason: 'stop' | 'length';
  usage: Usage;
}

type Json = Record<string, unknown>;

/** The text of a message's content: a string, or the `text` of its text parts. */
function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((part) =>
        typeof part === 'object' && part !== null && typeof (part as Json).text === 'string'
          ? ((part as Json).text as string)
          : '',
      )
      .filter((text) => text !== '')
      .join('\n');
  }
  return '';
}

function positiveInteger(body: Json, name: string): number | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw invalidRequest(
      `Invalid type for '${name}': expected an integer, but got ${JSON.stringify(value)} instead.`,
      name,
      'invalid_type',
    );
  }
  if (value < 1) {
    throw invalidRequest(
      `Invalid '${name}': integer below minimum value. Expected a value >= 1, but got ${value} instead.`,
      name,
      'integer_below_min_value',
    );
  }
  return value;
}

function messagesOf(body: Json): Json[] {
  const messages = body.messages;
  if (!Array.isArray(messages)) {
    throw invalidRequest("Missing required parameter: 'messages'.", 'messages', 'missing_required_parameter');
  }
  if (messages.length === 0) {
    throw invalidRequest(
      "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.",
      'messages',
      'empty_array',
    );
  }
  messages.forEach((message: unknown, index) => {
    const role = typeof message === 'object' && message !== null ? (message as Json).role : undefined;
    if (typeof role !== 'string' || !ROLES.has(role)) {
      throw invalidRequest(
        `Invalid value for 'messages[${index}].role': expected one of ${[...ROLES].join(', ')}, got ${JSON.stringify(role)}.`,
        `messages[${index}].role`,
        'invalid_value',
      );
    }
  });
  return messages as Json[];
}

/**
 * Checks a `POST /v1/chat/completions` body and decides the answer (the script's next reply,
 * else the echo, or with a JSON `response_format` a document fitting it), cut at the token limit.
 */
export function planChat(body: Json, models: ModelCatalogue, script: Script): ChatPlan {
  const model = models.require(body.model, 'chat');
  const messages = messagesOf(body);
  const stream = body.stream === true;
  if (body.stream_options !== undefined && body.stream_options !== null && !stream) {
    throw invalidRequest(
      "The 'stream_options' parameter is only allowed when 'stream' is enabled.",
      'stream_options',
    );
  }
  if (body.n !== undefined && body.n !== null && body.n !== 1) {
    throw invalidRequest(
      `The simulator answers one choice only (n = 1), got n = ${JSON.stringify(body.n)}.`,
      'n',
      'invalid_value',
    );
  }
  const limit = positiveInteger(body, 'max_completion_tokens') ?? positiveInteger(body, 'max_tokens');

  const format = responseFormatOf(body, messages.map((message) => textOf(message.content)).join('\n'));

  const lastUser = [...messages].reverse().find((message) => message.role === 'user');
  // Scripted replies go out as they are, JSON or not: tests script broken answers on purpose.
  const answer =
    format.type === 'text'
      ? script.next(lastUser === undefined ? undefined : textOf(lastUser.content))
      : (script.take() ?? jsonAnswer(format));
  const all = splitTokens(answer);
  const pieces = limit !== undefined && all.length > limit ? all.slice(0, limit) : all;
  const promptTokens = messages.reduce((sum, message) => sum + countTokens(textOf(message.content)), 0);
  const options = body.stream_options as Json | null | undefined;

  return {
    id: `chatcmpl-${randomBytes(15).toString('base64url')}`,
    created: Math.floor(Date.now() / 1000),
    model,
    stream,
    includeUsage: stream && options?.include_usage === true,
    pieces,
    finishReason: pieces.length < all.length ? 'length' : 'stop',
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: pieces.length,
      total_tokens: promptTokens + pieces.length,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: {
        reasoning_tokens: 0,
        audio_tokens: 0,
        accepted_prediction_tokens: 0,
        rejected_prediction_tokens: 0,
      },
    },
  };
}

/** The non-streamed answer: a `chat.completion` object. */
export function completionOf(plan: ChatPlan) {
  return {
    id: plan.id,
    object: 'chat.completion',
    created: plan.created,
    model: plan.model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: plan.pieces.join(''), refusal: null, annotations: [] },
        logprobs: null,
        finish_reason: plan.finishReason,
      },
    ],
    usage: plan.usage,
    service_tier: 'default',
    system_fingerprint: FINGERPRINT,
  };
}

/** The streamed answer's `chat.completion.chunk` objects, in order: role, a delta per token, finish, usage (if asked). */
export function chunksOf(plan: ChatPlan) {
  const chunk = (choices: unknown[], usage?: Usage) => ({
    id: plan.id,
    object: 'chat.completion.chunk',
    created: plan.created,
    model: plan.model,
    service_tier: 'default',
    system_fingerprint: FINGERPRINT,
    choices,
    ...(plan.includeUsage ? { usage: usage ?? null } : {}),
  });
  const choice = (delta: object, finishReason: string | null = null) => ({
    index: 0,
    delta,
    logprobs: null,
    finish_reason: finishReason,
  });
  return {
    role: chunk([choice({ role: 'assistant', content: '', refusal: null })]),
    deltas: plan.pieces.map((piece) => chunk([choice({ content: piece })])),
    finish: chunk([choice({}, plan.finishReason)]),
    usage: plan.includeUsage ? chunk([], plan.usage) : undefined,
  };
}
