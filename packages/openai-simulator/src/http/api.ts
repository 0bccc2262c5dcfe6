import { randomBytes } from 'node:crypto';
import type http from 'node:http';
import {
  azureCompletion,
  azureCredentialOf,
  azureFailure,
  azureHeaders,
  bearerOf,
  checkApiVersion,
  type Credential,
  type Deployments,
  promptFilterChunk,
  resourceNotFound,
  accessDenied,
} from '../azure';
import { completionOf, planChat } from '../chat';
import { injectedFailure, invalidRequest, invalidUrl, missingApiKey, OpenAIApiError } from '../errors';
import type { Faults } from '../faults';
import { generateImages } from '../images';
import type { ModelCatalogue } from '../models';
import type { RecordedRequest, RequestLog } from '../requests';
import type { Script } from '../script';
import { transcribe, type Upload } from '../transcription';
import { failureHeaders, standardHeaders } from './headers';
import { isMultipart, parseForm } from './multipart';
import { pause, sendError, sendJson, sendText } from './respond';
import { isAzurePath, match, type Route } from './routes';
import { writeChatStream } from './stream';

/** What the API answers from: the models, the script, the faults in waiting and the request log. */
export interface ApiState {
  models: ModelCatalogue;
  /** Azure's deployments: name → model. */
  deployments: Deployments;
  script: Script;
  /** Scripted transcripts, for the next transcriptions. */
  transcripts: Script;
  faults: Faults;
  requests: RequestLog;
  /** Requests held unanswered by `hangNext`, released by `reset` or `close`. */
  hung: Set<http.ServerResponse>;
  log: (message: string) => void;
}

/** A request's body as read: the bytes, or the refusal of a body over its limit. */
export interface RequestBody {
  raw: Buffer;
  refusal: OpenAIApiError | undefined;
}

interface Parsed {
  /** What the log records: the JSON, or a form's fields with its files described (`{ filename, type, size }`). */
  body: unknown;
  files: Record<string, Upload>;
  error?: OpenAIApiError;
}

async function parseBody(payload: RequestBody, contentType: string | undefined): Promise<Parsed> {
  if (payload.refusal) return { body: undefined, files: {}, error: payload.refusal };
  if (isMultipart(contentType)) {
    try {
      const { fields, files } = await parseForm(payload.raw, contentType!);
      return { body: { ...fields, ...files }, files };
    } catch (error) {
      if (!(error instanceof OpenAIApiError)) throw error;
      return { body: undefined, files: {}, error };
    }
  }
  const text = payload.raw.toString('utf8');
  if (text.trim() === '') return { body: undefined, files: {} };
  try {
    return { body: JSON.parse(text) as unknown, files: {} };
  } catch {
    return {
      body: text,
      files: {},
      error: invalidRequest(
        "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload.)",
      ),
    };
  }
}

interface Call {
  method: string;
  path: string;
  /** Came by Azure's URLs (`/openai/…`). */
  azure: boolean;
  route: Route | undefined;
  fields: Record<string, unknown>;
  /** A multipart body's files, by field name. */
  files: Record<string, Upload>;
  parseError: OpenAIApiError | undefined;
  started: number;
  model: string | undefined;
  apiVersion: string | undefined;
  credential: Credential | undefined;
}

/** The model a request is for: on Azure the one its deployment serves, else the body's (or the URL's id). */
function modelOf(state: ApiState, route: Route | undefined, fields: Record<string, unknown>) {
  if (route?.deployment !== undefined && state.deployments.has(route.deployment)) {
    return state.deployments.model(route.deployment);
  }
  return typeof fields.model === 'string' ? fields.model : route?.id;
}

/**
 * One API request (OpenAI's `/v1`, or Azure's `/openai/deployments/…`): recorded, then checked
 * (API key; on Azure also the api-version), then the faults in waiting (a hang, a failure), then
 * answered by its endpoint, at the pace `delay` sets. The record's status is the one sent, if any.
 */
export async function handleApi(
  state: ApiState,
  request: http.IncomingMessage,
  response: http.ServerResponse,
  method: string,
  url: URL,
  payload: RequestBody,
): Promise<RecordedRequest> {
  const started = Date.now();
  const path = url.pathname;
  const azure = isAzurePath(path);
  const route = match(method, path);
  const { body, files, error: parseError } = await parseBody(payload, request.headers['content-type']);
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const apiVersion = url.searchParams.get('api-version') ?? undefined;
  const credential = azure ? azureCredentialOf(request.headers) : bearerOf(request.headers);
  const record = state.requests.add({
    method,
    path,
    kind: route?.kind ?? `${method} ${path}`,
    model: modelOf(state, route, fields),
    deployment: route?.deployment,
    apiVersion,
    credential,
    stream: fields.stream === true,
    body,
    at: started,
  });
  await answer(state, response, {
    method,
    path,
    azure,
    route,
    fields,
    files,
    parseError,
    started,
    model: record.model,
    apiVersion,
    credential,
  });
  if (response.headersSent) record.status = response.statusCode;
  return record;
}

/** The endpoint an Azure failure names (its operation): models and unknown URLs count as chat. */
function azureEndpointOf(route: Route | undefined): 'chat' | 'images' | 'transcriptions' {
  return route?.endpoint === 'images' || route?.endpoint === 'transcriptions' ? route.endpoint : 'chat';
}

/** The refusal a request meets before any fault: no credential; on Azure, no valid api-version. */
function refusalOf(call: Call): OpenAIApiError | undefined {
  if (!call.azure) return call.credential ? undefined : missingApiKey();
  return call.credential ? checkApiVersion(call.apiVersion) : accessDenied();
}

async function answer(state: ApiState, response: http.ServerResponse, call: Call): Promise<void> {
  const { route, started, azure } = call;
  const requestId = `req_${randomBytes(16).toString('hex')}`;
  const extra = azure ? azureHeaders() : {};
  const headers = (limited?: { resetSeconds: number }) => ({
    ...standardHeaders(requestId, started, limited),
    ...extra,
  });

  const refusal = refusalOf(call);
  if (refusal) return sendError(response, refusal, headers());
  if (state.faults.takeHang()) {
    state.hung.add(response);
    response.once('close', () => state.hung.delete(response));
    return;
  }
  const failure = state.faults.takeFailure();
  if (failure) {
    const limited = failure.status === 429 ? { resetSeconds: failure.retryAfterSeconds ?? 1 } : undefined;
    const error = azure
      ? azureFailure(failure, { endpoint: azureEndpointOf(route), ...call })
      : injectedFailure(failure.status, { ...failure, model: call.model });
    return sendError(response, error, { ...headers(limited), ...failureHeaders(failure.retryAfterSeconds) });
  }
  if (!route)
    return sendError(response, azure ? resourceNotFound() : invalidUrl(call.method, call.path), headers());
  if (call.parseError) return sendError(response, call.parseError, headers());

  const { firstTokenMs, perTokenMs } = state.faults.currentDelays();
  try {
    // Azure serves the deployment's model, whatever the body names.
    const fields =
      route.deployment === undefined
        ? call.fields
        : { ...call.fields, model: state.deployments.model(route.deployment) };
    switch (route.endpoint) {
      case 'models':
      case 'model': {
        const models = route.id === undefined ? state.models.list() : state.models.retrieve(route.id);
        if (await pause(firstTokenMs, response)) sendJson(response, 200, models, headers());
        return;
      }
      case 'chat': {
        const plan = planChat(fields, state.models, state.script);
        if (plan.stream) {
          const cutAfter = state.faults.takeCut();
          const preamble = azure ? [promptFilterChunk()] : [];
          await writeChatStream(response, plan, {
            firstTokenMs,
            perTokenMs,
            cutAfter,
            preamble,
            headers: headers(),
          });
          return;
        }
        const wait = firstTokenMs + perTokenMs * Math.max(0, plan.pieces.length - 1);
        const completion = azure ? azureCompletion(completionOf(plan)) : completionOf(plan);
        if (await pause(wait, response)) sendJson(response, 200, completion, headers());
        return;
      }
      case 'images': {
        const images = await generateImages(fields, state.models);
        if (await pause(firstTokenMs, response)) sendJson(response, 200, images, headers());
        return;
      }
      case 'transcriptions': {
        const transcription = transcribe(fields, call.files.file, state.models, state.transcripts);
        if (!(await pause(firstTokenMs, response))) return;
        if ('text' in transcription) sendText(response, 200, transcription.text, headers());
        else sendJson(response, 200, transcription.json, headers());
        return;
      }
    }
  } catch (error) {
    if (!(error instanceof OpenAIApiError)) throw error;
    sendError(response, error, headers());
  }
}
