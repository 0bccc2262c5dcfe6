import http from 'node:http';
import { contentTooLarge, invalidRequest, OpenAIApiError } from '../errors';
import { handleApi, type ApiState } from './api';
import { handleControl, type SimulatorControls } from './control';
import { sendError, sendJson } from './respond';
import { match } from './routes';

const MAX_BODY_BYTES = 16 << 20;
/** OpenAI's limit on an upload (the whole multipart request): 26,214,400 bytes. */
const MAX_UPLOAD_BYTES = 25 << 20;

/** The body read, or, past the limit, how many bytes had been read then (the rest is drained so the client gets the answer). */
async function readBody(
  request: http.IncomingMessage,
  limit: number,
): Promise<{ raw: Buffer; overAt?: number }> {
  const chunks: Buffer[] = [];
  let size = 0;
  let overAt: number | undefined;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (overAt !== undefined) continue;
    if (size > limit) {
      overAt = size;
      chunks.length = 0;
      continue;
    }
    chunks.push(chunk);
  }
  return { raw: Buffer.concat(chunks), overAt };
}

function tooLarge(upload: boolean, bytesRead: number): OpenAIApiError {
  return upload
    ? contentTooLarge(MAX_UPLOAD_BYTES, bytesRead)
    : new OpenAIApiError(413, { ...invalidRequest('The request body is too large.').body });
}

/**
 * The simulator's HTTP server: OpenAI's `/v1` API (any Bearer key, JSON bodies, OpenAI's
 * error bodies and headers), Azure OpenAI's `/openai/deployments/…` (an `api-key` header or a
 * bearer token, `?api-version=`) and the `/_simulator` controls. Every answer carries
 * `x-lattice-simulator: openai`.
 */
export function createApiServer(state: ApiState, controls: SimulatorControls): http.Server {
  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const method = request.method ?? 'GET';
    const url = new URL(request.url ?? '/', 'http://simulator');
    const started = Date.now();
    const upload = match(method, url.pathname)?.endpoint === 'transcriptions';
    const { raw, overAt } = await readBody(request, upload ? MAX_UPLOAD_BYTES : MAX_BODY_BYTES);
    const refusal = overAt === undefined ? undefined : tooLarge(upload, overAt);
    if (url.pathname.startsWith('/_simulator/')) {
      if (refusal) return sendError(response, refusal);
      const answer = handleControl(controls, method, url, raw.toString('utf8'));
      sendJson(response, answer.status, answer.body);
      return;
    }
    const record = await handleApi(state, request, response, method, url, { raw, refusal });
    state.log(
      `${method} ${url.pathname} ${record.status ?? (state.hung.has(response) ? 'hung' : 'no answer')} ${Date.now() - started} ms`,
    );
  }

  return http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      state.log(`internal error: ${error instanceof Error ? error.stack : String(error)}`);
      if (response.headersSent) {
        response.destroy();
        return;
      }
      sendError(
        response,
        new OpenAIApiError(500, {
          message: 'An unexpected error occurred in the OpenAI simulator.',
          type: 'server_error',
          param: null,
          code: null,
        }),
      );
    });
  });
}
