import { randomUUID } from 'node:crypto';
import OpenAI from 'openai';
import type { ChatCompletion } from 'openai/resources/chat/completions';
import { badUserInput, ErrorCode, type Logger, UserError, validateInput } from '@lattice/server-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { ChatModel, ModelCatalogue } from '../providers/catalogue';
import { describeFailure, failureOf, type ProviderFailure, withRetries } from '../providers/retries';
import type { AiRuntime } from '../runtime';
import { repliesInFlight } from './chat';
import { tokenCost } from './money';
import type { AiSettings } from './settings';
import { estimateTokens, TOKENS_PER_MESSAGE } from './tokens';

/** The longest instructions or input, in characters. */
export const STRUCTURED_MAX_TEXT_CHARS = 20_000;
/** The largest JSON schema, serialized, in bytes. */
export const STRUCTURED_MAX_SCHEMA_BYTES = 16 * 1024;
/** The most output tokens a caller may ask for, and how many it gets when it names none. */
export const STRUCTURED_MAX_OUTPUT_TOKENS = 8192;
export const STRUCTURED_DEFAULT_OUTPUT_TOKENS = 2000;
/** How a provider failure is named in SERVICE_UNAVAILABLE's `service`. */
export const PROVIDER_SERVICE = 'ai-provider';

const text = z
  .string({ error: 'must be a string' })
  .max(STRUCTURED_MAX_TEXT_CHARS, `must be at most ${STRUCTURED_MAX_TEXT_CHARS} characters`)
  .refine((value) => value.trim() !== '', 'must not be blank');

const jsonSchema = z
  .record(z.string(), z.unknown(), { error: 'must be a JSON schema (an object)' })
  .refine(
    (value) => Buffer.byteLength(JSON.stringify(value)) <= STRUCTURED_MAX_SCHEMA_BYTES,
    `must be at most ${STRUCTURED_MAX_SCHEMA_BYTES} bytes as JSON`,
  );

const structuredInput = z.object({
  userId: z.guid('must be a user id (a UUID)'),
  purpose: z
    .string({ error: 'must be a slug naming the use, e.g. invoice-draft' })
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a slug naming the use, e.g. invoice-draft')
    .max(64, 'must be at most 64 characters'),
  instructions: text,
  input: text,
  schema: z.object(
    {
      name: z
        .string({ error: 'must be a string' })
        .regex(/^[a-zA-Z0-9_-]{1,64}$/, 'must be 1 to 64 letters, digits, underscores or dashes'),
      schema: jsonSchema,
    },
    { error: 'must be { name, schema }' },
  ),
  maxOutputTokens: z
    .number({ error: `must be a whole number from 1 to ${STRUCTURED_MAX_OUTPUT_TOKENS}` })
    .int(`must be a whole number from 1 to ${STRUCTURED_MAX_OUTPUT_TOKENS}`)
    .min(1, `must be a whole number from 1 to ${STRUCTURED_MAX_OUTPUT_TOKENS}`)
    .max(STRUCTURED_MAX_OUTPUT_TOKENS, `must be a whole number from 1 to ${STRUCTURED_MAX_OUTPUT_TOKENS}`)
    .nullish()
    .transform((value) => value ?? STRUCTURED_DEFAULT_OUTPUT_TOKENS),
});

export type StructuredCompletionInput = z.input<typeof structuredInput>;

/** What `/internal/structured-completions` answers. */
export interface StructuredCompletion {
  /** The model's message content (JSON meant to fit the schema, unchecked here); null when it gave none. */
  content: string | null;
  /** The model's refusal to answer, when it refused (content is then null). */
  refusal: string | null;
  /** `stop`, or `length` when the answer was cut at maxOutputTokens (its JSON is then unfinished). */
  finishReason: string | null;
  provider: string;
  model: string;
  /** Answered by Lattice's local OpenAI simulator (no key configured). */
  simulated: boolean;
  promptTokens: number;
  completionTokens: number;
  /** The call's cost in picodollars (10⁻¹² USD), at the model's prices. */
  costPicos: number;
}

/** The chat model answering structured completions (AI_STRUCTURED_MODEL, or the first chat model). */
export function structuredModel(
  models: ModelCatalogue,
  settings: Pick<AiSettings, 'AI_STRUCTURED_MODEL'>,
): ChatModel {
  try {
    return models.chat(settings.AI_STRUCTURED_MODEL);
  } catch {
    throw new Error(
      settings.AI_STRUCTURED_MODEL
        ? `AI_STRUCTURED_MODEL: ${JSON.stringify(settings.AI_STRUCTURED_MODEL)} is not a chat model of the configured providers`
        : 'no chat model is configured',
    );
  }
}

/**
 * A completion of `input` under `instructions` in the shape of a JSON schema, for another
 * Lattice service acting for `userId` (invoicing drafts invoices with it), counted against
 * the user's `aiTokens` like chat: under a per-user lock held until the call is recorded (one
 * transaction, so one structured completion at a time per user), the budget is checked for the
 * prompt's estimate and the user's chat replies being written (QUOTA_EXCEEDED, no provider
 * call), the provider asked once (retried on 408, 429, 5xx and timeouts), and the tokens it
 * reports used recorded (`usage.recorded`). The content is answered as the model wrote it: the
 * caller parses and checks it. A provider that cannot answer is SERVICE_UNAVAILABLE
 * (`service: "ai-provider"`), one that rejects the request (a schema it does not take)
 * BAD_USER_INPUT; neither is counted.
 */
export async function createStructuredCompletion(
  em: EntityManager,
  runtime: AiRuntime,
  args: unknown,
  log: Logger = runtime.log,
): Promise<StructuredCompletion> {
  const { userId, purpose, instructions, input, schema, maxOutputTokens } = validateInput(
    structuredInput,
    fieldsOf(args),
    '',
  );
  const { settings } = runtime;
  const model = structuredModel(runtime.models, settings);
  const messages = [
    { role: 'system' as const, content: instructions },
    { role: 'user' as const, content: input },
  ];
  // The schema is sent to the model too: its tokens are the prompt's.
  const estimatedPromptTokens =
    estimateTokens(instructions) +
    estimateTokens(input) +
    estimateTokens(JSON.stringify(schema.schema)) +
    2 * TOKENS_PER_MESSAGE;
  if (estimatedPromptTokens + maxOutputTokens > model.contextWindow) {
    throw badUserInput(
      `input: the instructions, input and schema with maxOutputTokens do not fit ${model.id}'s context window`,
      'input',
    );
  }
  const key = `structured:${randomUUID()}`;
  const started = Date.now();
  const context = { userId, purpose, provider: model.provider.id, model: model.id, key };

  return em.transactional(async (tx) => {
    // One structured completion at a time per user, checked and called under the lock (as an
    // image is): concurrent calls cannot all pass a check against a budget none has used yet.
    await tx.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`ai.structured:${userId}`]);
    await runtime.meter.check(
      tx,
      userId,
      'aiTokens',
      estimatedPromptTokens + (await repliesInFlight(tx, runtime, userId)),
    );
    const controller = new AbortController();
    let completion: ChatCompletion;
    try {
      completion = await withRetries(
        () =>
          model.provider.client.chat.completions.create(
            {
              model: model.id,
              messages,
              response_format: {
                type: 'json_schema',
                json_schema: { name: schema.name, schema: schema.schema, strict: true },
              },
              max_completion_tokens: maxOutputTokens,
            },
            { signal: controller.signal },
          ),
        settings.AI_MAX_RETRIES,
        controller.signal,
        (error, attempt) =>
          log.warn({ ...context, attempt, status: statusOf(error) }, 'structured completion retried'),
      );
    } catch (error) {
      throw providerError(error, model, log, { ...context, latencyMs: Date.now() - started });
    }
    const choice = completion.choices?.[0];
    if (!choice?.message) {
      log.warn(
        { ...context, latencyMs: Date.now() - started },
        'structured completion: the provider answered no choice',
      );
      throw unavailable('provider_error', model);
    }
    const refusal = choice.message.refusal || null;
    const content = refusal ? null : choice.message.content || null;
    const promptTokens = completion.usage?.prompt_tokens ?? estimatedPromptTokens;
    const completionTokens = completion.usage?.completion_tokens ?? estimateTokens(content ?? refusal ?? '');
    await runtime.meter.record(tx, {
      userId,
      meter: 'aiTokens',
      amount: promptTokens + completionTokens,
      key,
      // What was consumed is counted even past the budget: the check came before the call.
      enforce: false,
    });
    const answer: StructuredCompletion = {
      content,
      refusal,
      finishReason: choice.finish_reason ?? null,
      provider: model.provider.id,
      model: model.id,
      simulated: model.provider.simulated,
      promptTokens,
      completionTokens,
      costPicos: Number(tokenCost(promptTokens, completionTokens, model.prices)),
    };
    log.info(
      {
        ...context,
        promptTokens,
        completionTokens,
        costPicos: answer.costPicos,
        finishReason: answer.finishReason,
        refused: refusal !== null,
        latencyMs: Date.now() - started,
      },
      'structured completion',
    );
    return answer;
  });
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

/** Where in this route's input a provider's 400 points, by its `param`. */
function fieldOf(param: string | null | undefined): string | undefined {
  if (!param) return undefined;
  if (param.startsWith('response_format')) return 'schema';
  if (param.startsWith('messages')) return 'input';
  if (param.startsWith('max_completion_tokens') || param.startsWith('max_tokens')) return 'maxOutputTokens';
  return undefined;
}

function unavailable(failure: ProviderFailure, model: ChatModel): UserError {
  return new UserError(ErrorCode.ServiceUnavailable, describeFailure(failure), {
    service: PROVIDER_SERVICE,
    provider: model.provider.id,
    failure,
  });
}

/**
 * A provider call that failed after its retries, as the caller is told: a 400 is the request's
 * (BAD_USER_INPUT with the provider's reason, e.g. a schema strict mode does not take); any
 * other refusal (a key or deployment misconfigured), a timeout, a rate limit or a 5xx is
 * SERVICE_UNAVAILABLE naming the failure as chat does (`Message.error`). Never the provider's
 * words on a 401 (they may quote part of the key); anything that is no provider error is ours.
 */
function providerError(
  error: unknown,
  model: ChatModel,
  log: Logger,
  context: Record<string, unknown>,
): unknown {
  if (!(error instanceof OpenAI.APIError)) return error;
  const status = error.status;
  if (status === 400) {
    const field = fieldOf(error.param);
    log.warn({ ...context, status, field }, 'structured completion refused by the provider');
    const reason = (error.error as { message?: unknown } | undefined)?.message;
    return badUserInput(
      `The provider refused the request${typeof reason === 'string' ? `: ${reason.slice(0, 500)}` : ''}`,
      field,
    );
  }
  const failure = failureOf(error);
  log.warn({ ...context, status, failure }, 'structured completion failed');
  return unavailable(failure, model);
}
