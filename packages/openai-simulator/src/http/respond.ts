import type http from 'node:http';
import type { OpenAIApiError } from '../errors';

/** Marks every answer as the simulator's, so an application can tell it is not talking to OpenAI. */
export const SIMULATOR_HEADER = { 'x-lattice-simulator': 'openai' } as const;

/** Sends a JSON answer (unless the client already went away). */
export function sendJson(
  response: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (response.destroyed || response.headersSent) return;
  const text = JSON.stringify(body, null, 2);
  response.writeHead(status, {
    ...SIMULATOR_HEADER,
    ...headers,
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
  });
  response.end(text);
}

/** Sends a plain-text answer (a transcription's `response_format: 'text'`). */
export function sendText(
  response: http.ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  if (response.destroyed || response.headersSent) return;
  response.writeHead(status, {
    ...SIMULATOR_HEADER,
    ...headers,
    'content-type': 'text/plain; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
  });
  response.end(text);
}

export function sendError(
  response: http.ServerResponse,
  error: OpenAIApiError,
  headers: Record<string, string> = {},
): void {
  sendJson(response, error.status, { error: error.body }, { ...headers, ...error.headers });
}

/** Waits `ms`; false when the client went away meanwhile (then nothing more should be sent). */
export function pause(ms: number, response: http.ServerResponse): Promise<boolean> {
  if (response.destroyed) return Promise.resolve(false);
  if (ms <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const gone = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      response.off('close', gone);
      resolve(!response.destroyed);
    }, ms);
    response.once('close', gone);
  });
}
