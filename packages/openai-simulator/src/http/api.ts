import { randomBytes } from 'node:crypto';
import type http from 'node:http';
import { completionOf, planChat } from '../chat';
import { injectedFailure, invalidRequest, invalidUrl, missingApiKey, OpenAIApiError } from '../errors';
import type { Faults } from '../faults';
import { generateImages } from '../images';
import type { ModelCatalogue } from '../models';
import type { RecordedRequest, RequestLog } from '../requests';
import type { Script } from '../script';
import { pause, sendError, sendJson } from './respond';
import { writeChatStream } from './stream';

/** What the API answers from: the models, the script, the faults in waiting and the request log. */
export interface ApiState {
  models: ModelCatalogue;
  script: Script;
  faults: Faults;
  requests: RequestLog;
  /** Requests held unanswered by `hangNext`, released by `reset` or `close`. */
  hung: Set<http.ServerResponse>;
  log: (message: string) => void;
}

const ROUTES = [
  { method: 'GET', pattern: /^\/v1\/models$/, kind: 'GET /v1/models' },
  { method: 'GET', pattern: /^\/v1\/models\/([^/]+)$/, kind: 'GET /v1/models/:id' },
  { method: 'POST', pattern: /^\/v1\/chat\/completions$/, kind: 'POST /v1/chat/completions' },
  { method: 'POST', pattern: /^\/v1\/images\/generations$/, kind: 'POST /v1/images/generations' },
] as const;

const RATE_LIMITS = { requests: 10_000, tokens: 30_000_000 };

function match(method: string, path: string) {
  for (const route of ROUTES) {
    const found = route.method === method ? route.pattern.exec(path) : null;
    if (found)
      return { kind: route.kind, id: found[1] === undefined ? undefined : decodeURIComponent(found[1]) };
  }
  return undefined;
}

function parseBody(text: string): { body: unknown; error?: OpenAIApiError } {
  if (text.trim() === '') return { body: undefined };
  try {
    return { body: JSON.parse(text) as unknown };
  } catch {
    return {
      body: text,
      error: invalidRequest(
        "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload.)",
      ),
    };
  }
}

function hasApiKey(header: string | undefined): boolean {
  return /^Bearer\s+\S+/i.test(header ?? '');
}

/** OpenAI's headers on every API answer: request id, processing time, rate limits. */
function standardHeaders(requestId: string, started: number, limited?: { resetSeconds: number }) {
  return {
    'x-request-id': requestId,
    'openai-version': '2020-10-01',
    'openai-processing-ms': String(Date.now() - started),
    'x-ratelimit-limit-requests': String(RATE_LIMITS.requests),
    'x-ratelimit-limit-tokens': String(RATE_LIMITS.tokens),
    'x-ratelimit-remaining-requests': String(limited ? 0 : RATE_LIMITS.requests - 1),
    'x-ratelimit-remaining-tokens': String(RATE_LIMITS.tokens),
    'x-ratelimit-reset-requests': limited ? `${limited.resetSeconds}s` : '6ms',
    'x-ratelimit-reset-tokens': '0s',
  };
}

function failureHeaders(retryAfterSeconds: number | undefined): Record<string, string> {
  if (retryAfterSeconds === undefined) return {};
  return {
    'retry-after': String(Math.ceil(retryAfterSeconds)),
    'retry-after-ms': String(Math.round(retryAfterSeconds * 1000)),
  };
}

/**
 * One `/v1` request: recorded, then checked (API key), then the faults in waiting (a hang, a
 * failure), then answered by its endpoint, at the pace `delay` sets. The record's status is
 * the one sent, if any.
 */
export async function handleApi(
  state: ApiState,
  request: http.IncomingMessage,
  response: http.ServerResponse,
  method: string,
  path: string,
  text: string,
): Promise<RecordedRequest> {
  const started = Date.now();
  const route = match(method, path);
  const { body, error: parseError } = parseBody(text);
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const record = state.requests.add({
    method,
    path,
    kind: route?.kind ?? `${method} ${path}`,
    model: typeof fields.model === 'string' ? fields.model : route?.id,
    stream: fields.stream === true,
    body,
    at: started,
  });
  await answer(state, request, response, {
    method,
    path,
    route,
    fields,
    parseError,
    started,
    model: record.model,
  });
  if (response.headersSent) record.status = response.statusCode;
  return record;
}

async function answer(
  state: ApiState,
  request: http.IncomingMessage,
  response: http.ServerResponse,
  call: {
    method: string;
    path: string;
    route: ReturnType<typeof match>;
    fields: Record<string, unknown>;
    parseError: OpenAIApiError | undefined;
    started: number;
    model: string | undefined;
  },
): Promise<void> {
  const { route, fields, started } = call;
  const requestId = `req_${randomBytes(16).toString('hex')}`;
  const headers = () => standardHeaders(requestId, started);

  if (!hasApiKey(request.headers.authorization)) return sendError(response, missingApiKey(), headers());
  if (state.faults.takeHang()) {
    state.hung.add(response);
    response.once('close', () => state.hung.delete(response));
    return;
  }
  const failure = state.faults.takeFailure();
  if (failure) {
    const limited = failure.status === 429 ? { resetSeconds: failure.retryAfterSeconds ?? 1 } : undefined;
    return sendError(response, injectedFailure(failure.status, { ...failure, model: call.model }), {
      ...standardHeaders(requestId, started, limited),
      ...failureHeaders(failure.retryAfterSeconds),
    });
  }
  if (!route) return sendError(response, invalidUrl(call.method, call.path), headers());
  if (call.parseError) return sendError(response, call.parseError, headers());

  const { firstTokenMs, perTokenMs } = state.faults.currentDelays();
  try {
    switch (route.kind) {
      case 'GET /v1/models':
      case 'GET /v1/models/:id': {
        const models = route.id === undefined ? state.models.list() : state.models.retrieve(route.id);
        if (await pause(firstTokenMs, response)) sendJson(response, 200, models, headers());
        return;
      }
      case 'POST /v1/chat/completions': {
        const plan = planChat(fields, state.models, state.script);
        if (plan.stream) {
          const cutAfter = state.faults.takeCut();
          await writeChatStream(response, plan, { firstTokenMs, perTokenMs, cutAfter, headers: headers() });
          return;
        }
        const wait = firstTokenMs + perTokenMs * Math.max(0, plan.pieces.length - 1);
        if (await pause(wait, response)) sendJson(response, 200, completionOf(plan), headers());
        return;
      }
      case 'POST /v1/images/generations': {
        const images = await generateImages(fields, state.models);
        if (await pause(firstTokenMs, response)) sendJson(response, 200, images, headers());
        return;
      }
    }
  } catch (error) {
    if (!(error instanceof OpenAIApiError)) throw error;
    sendError(response, error, headers());
  }
}
