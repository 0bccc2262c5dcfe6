import type http from 'node:http';
import { chunksOf, type ChatPlan } from '../chat';
import { pause, SIMULATOR_HEADER } from './respond';

export interface StreamOptions {
  firstTokenMs: number;
  perTokenMs: number;
  /** Destroy the connection after this many content deltas (no finish chunk, no `[DONE]`). */
  cutAfter: number | undefined;
  /** Chunks sent before the role chunk (Azure's prompt content-filter results). */
  preamble?: readonly unknown[];
  headers: Record<string, string>;
}

/** How a stream ended: sent whole, cut on purpose, or abandoned by the client. */
export type StreamEnd = 'complete' | 'cut' | 'aborted';

function write(response: http.ServerResponse, text: string): Promise<boolean> {
  if (response.destroyed) return Promise.resolve(false);
  return new Promise((resolve) => {
    response.write(text, (error) => resolve(!error && !response.destroyed));
  });
}

const event = (data: unknown) => `data: ${JSON.stringify(data)}\n\n`;

/**
 * A streamed chat completion as OpenAI sends it (server-sent events): the role chunk, one
 * content delta per token, the finish chunk, the usage chunk (empty choices) when
 * `stream_options.include_usage`, then `data: [DONE]`. The headers and the first token wait
 * `firstTokenMs`, each next token `perTokenMs`.
 */
export async function writeChatStream(
  response: http.ServerResponse,
  plan: ChatPlan,
  options: StreamOptions,
): Promise<StreamEnd> {
  if (!(await pause(options.firstTokenMs, response))) return 'aborted';
  response.writeHead(200, {
    ...SIMULATOR_HEADER,
    ...options.headers,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
  });
  const chunks = chunksOf(plan);
  const cut = async (): Promise<StreamEnd> => {
    response.destroy();
    return 'cut';
  };
  const opening = [...(options.preamble ?? []), chunks.role].map(event).join('');
  if (!(await write(response, opening))) return 'aborted';
  if (options.cutAfter === 0) return cut();
  for (const [index, delta] of chunks.deltas.entries()) {
    if (index > 0 && !(await pause(options.perTokenMs, response))) return 'aborted';
    if (!(await write(response, event(delta)))) return 'aborted';
    if (options.cutAfter !== undefined && index + 1 >= options.cutAfter) return cut();
  }
  if (options.cutAfter !== undefined) return cut();
  const tail = [event(chunks.finish), ...(chunks.usage ? [event(chunks.usage)] : []), 'data: [DONE]\n\n'];
  if (!(await write(response, tail.join('')))) return 'aborted';
  response.end();
  return 'complete';
}
