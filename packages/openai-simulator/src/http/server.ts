import http from 'node:http';
import { invalidRequest, OpenAIApiError } from '../errors';
import { handleApi, type ApiState } from './api';
import { handleControl, type SimulatorControls } from './control';
import { sendError, sendJson } from './respond';

const MAX_BODY_BYTES = 16 << 20;

class BodyTooLarge extends Error {}

async function readBody(request: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
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
    let text: string;
    try {
      text = await readBody(request);
    } catch (error) {
      if (!(error instanceof BodyTooLarge)) throw error;
      sendError(
        response,
        new OpenAIApiError(413, { ...invalidRequest('The request body is too large.').body }),
      );
      return;
    }
    if (url.pathname.startsWith('/_simulator/')) {
      const answer = handleControl(controls, method, url, text);
      sendJson(response, answer.status, answer.body);
      return;
    }
    const record = await handleApi(state, request, response, method, url, text);
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
