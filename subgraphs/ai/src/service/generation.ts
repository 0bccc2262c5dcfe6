import { createEvent, recordEvent } from '@lattice/events';
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import type { Stream } from 'openai/streaming';
import { Message } from '../entities';
import { DeltaBatcher } from '../live/delta-batcher';
import type { StoredReply } from '../live/stream-events';
import type { ChatModel } from '../providers/catalogue';
import { describeFailure, failureOf, type ProviderFailure, withRetries } from '../providers/retries';
import type { AiRuntime } from '../runtime';
import type { PromptMessage } from './history';
import { tokenCost } from './money';
import { estimateTokens } from './tokens';

/** How often the text written so far is saved while a reply streams. */
const FLUSH_EVERY_MS = 250;

export interface ReplyJob {
  reply: Message;
  ownerId: string;
  model: ChatModel;
  prompt: PromptMessage[];
  estimatedPromptTokens: number;
}

/**
 * Generates a reply in the background, independent of who watches: deltas are broadcast as
 * they come and the text saved a few times a second; the end (complete, cancelled or failed)
 * is stored with its usage, counted against the user's token budget and announced
 * (`ai.message_completed`) in one transaction. The provider is retried only before its first
 * token: a stream cut midway keeps what was written and fails.
 */
export function startReply(runtime: AiRuntime, job: ReplyJob): void {
  const run = generate(runtime, job).catch((error: unknown) =>
    runtime.log.error({ err: error, messageId: job.reply.id }, 'a reply could not be finished'),
  );
  runtime.generations.add(run);
  void run.finally(() => runtime.generations.delete(run));
}

async function generate(
  runtime: AiRuntime,
  { reply, ownerId, model, prompt, estimatedPromptTokens }: ReplyJob,
) {
  const { hub, settings, log } = runtime;
  const abort = new AbortController();
  let content = '';
  let cancelled = false;
  const unregister = hub.generating(reply.id, {
    conversationId: reply.conversationId,
    content: () => content,
    cancel: () => {
      cancelled = true;
      abort.abort();
    },
  });
  const started = Date.now();
  let firstTokenMs: number | null = null;
  let usage: { prompt_tokens: number; completion_tokens: number } | undefined;
  let failure: ProviderFailure | undefined;
  let lastFlush = Date.now();
  let flushing: Promise<unknown> = Promise.resolve();
  const batcher = new DeltaBatcher(
    (offset, delta) =>
      hub.publish({
        kind: 'delta',
        conversationId: reply.conversationId,
        messageId: reply.id,
        offset,
        delta,
      }),
    () => runtime.streamWindow.ms,
  );
  // The SDK's timeout covers the wait for headers; a provider that stalls mid-reply is let go too.
  let stalled = false;
  let idle: NodeJS.Timeout | undefined;
  const awake = () => {
    clearTimeout(idle);
    idle = setTimeout(() => {
      stalled = true;
      abort.abort();
    }, settings.AI_REQUEST_TIMEOUT_MS);
  };
  try {
    const stream: Stream<ChatCompletionChunk> = await withRetries(
      () =>
        model.provider.client.chat.completions.create(
          {
            model: model.id,
            messages: prompt,
            stream: true,
            stream_options: { include_usage: true },
            max_completion_tokens: settings.AI_REPLY_MAX_TOKENS,
          },
          { signal: abort.signal },
        ),
      settings.AI_MAX_RETRIES,
      abort.signal,
      (error, attempt) =>
        log.warn({ err: error, attempt, provider: model.provider.id }, 'provider call retried'),
    );
    let chunks = 0;
    let pieces = 0;
    awake();
    try {
      for await (const chunk of stream) {
        chunks += 1;
        awake();
        if (chunk.usage) usage = chunk.usage;
        const delta = chunk.choices[0]?.delta?.content;
        if (!delta) continue;
        // A piece carries a token or more: past twice the tokens asked for, the provider ignores
        // the limit (and the reply would go on at the user's expense). Leaving stops the stream.
        if (++pieces > 2 * settings.AI_REPLY_MAX_TOKENS) break;
        firstTokenMs ??= Date.now() - started;
        batcher.push(content.length, delta);
        content += delta;
        if (Date.now() - lastFlush >= FLUSH_EVERY_MS) {
          lastFlush = Date.now();
          flushing = saveProgress(runtime, reply.id, content).then((cancelRequested) => {
            if (cancelRequested && !cancelled) {
              cancelled = true;
              abort.abort();
            }
          });
        }
      }
      // Not a stream at all (a 200 carrying an error, a proxy's page): the provider answered nothing.
      if (!chunks && !cancelled) failure = 'provider_error';
      // An abort may end the iteration quietly rather than throw.
      if (stalled) failure = 'timeout';
    } catch (error) {
      if (stalled) failure = 'timeout';
      else if (!cancelled) failure = firstTokenMs === null ? failureOf(error) : 'stream_cut';
    }
  } catch (error) {
    if (!cancelled) failure = failureOf(error);
  } finally {
    clearTimeout(idle);
    batcher.flush();
    unregister();
  }
  await flushing.catch(() => {});

  const promptTokens = usage?.prompt_tokens ?? estimatedPromptTokens;
  const completionTokens = usage?.completion_tokens ?? estimateTokens(content);
  const status = cancelled ? 'CANCELLED' : failure ? 'FAILED' : 'COMPLETE';
  const costPicos = Number(tokenCost(promptTokens, completionTokens, model.prices));
  const latencyMs = Date.now() - started;
  const final: ReplyEnd = {
    content,
    status,
    promptTokens,
    completionTokens,
    latencyMs,
    costPicos,
    error: failure ? describeFailure(failure) : null,
    writtenAt: new Date(),
  };
  // A database blip must not leave the reply STREAMING (its conversation blocked) for minutes.
  for (let attempt = 1; ; attempt++) {
    try {
      await storeEnd(runtime, reply, ownerId, model, final, firstTokenMs, failure);
      break;
    } catch (error) {
      if (attempt === 3) throw error;
      log.warn({ err: error, messageId: reply.id, attempt }, 'storing the end of a reply failed; retried');
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
  hub.publish({
    kind: 'end',
    conversationId: reply.conversationId,
    messageId: reply.id,
    reply: storedReply({ ...reply, ...final }),
  });
}

interface ReplyEnd {
  content: string;
  status: 'COMPLETE' | 'CANCELLED' | 'FAILED';
  promptTokens: number;
  completionTokens: number;
  latencyMs: number;
  costPicos: number;
  error: string | null;
  writtenAt: Date;
}

/** The end of a reply: stored, counted against the budget and announced, in one transaction. */
function storeEnd(
  runtime: AiRuntime,
  reply: Message,
  ownerId: string,
  model: ChatModel,
  final: ReplyEnd,
  firstTokenMs: number | null,
  failure: ProviderFailure | undefined,
) {
  const { status, promptTokens, completionTokens, latencyMs, costPicos } = final;
  return runtime.orm.em.fork().transactional(async (em) => {
    await em.nativeUpdate(Message, { id: reply.id }, final);
    await runtime.meter.record(em, {
      userId: ownerId,
      meter: 'aiTokens',
      amount: promptTokens + completionTokens,
      key: `message:${reply.id}`,
      // What was consumed is counted even past the budget: the check came before the call.
      enforce: false,
    });
    recordEvent(
      em,
      createEvent('ai.message_completed', {
        actor: ownerId,
        subject: ownerId,
        data: {
          messageId: reply.id,
          conversationId: reply.conversationId,
          userId: ownerId,
          provider: model.provider.id,
          model: model.id,
          status,
          promptTokens,
          completionTokens,
          latencyMs,
          firstTokenMs,
          costPicos,
          error: failure ?? null,
        },
      }),
    );
  });
}

export function storedReply(message: Message): StoredReply {
  return {
    id: message.id,
    conversationId: message.conversationId,
    content: message.content,
    status: message.status,
    model: message.model,
    provider: message.provider,
    promptTokens: message.promptTokens,
    completionTokens: message.completionTokens,
    latencyMs: message.latencyMs,
    costPicos: message.costPicos,
    error: message.error,
    createdAt: message.createdAt.toISOString(),
  };
}

/** Saves the text written so far; answers whether the owner asked to stop since. */
async function saveProgress(runtime: AiRuntime, messageId: string, content: string): Promise<boolean> {
  const [row] = await runtime.orm.em
    .fork()
    .getConnection()
    .execute<Array<{ cancel_requested_at: Date | null }>>(
      `update ai.message set content = ?, written_at = ? where id = ? and status = 'STREAMING'
       returning cancel_requested_at`,
      [content, new Date(), messageId],
    );
  return !!row?.cancel_requested_at;
}
