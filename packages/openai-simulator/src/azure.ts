import { randomUUID } from 'node:crypto';
import { OpenAIApiError } from './errors';
import type { FailureOptions } from './faults';
import type { ModelCatalogue } from './models';

/**
 * Azure OpenAI's wire shape: `/openai/deployments/{deployment}/…?api-version=…`, an `api-key`
 * header (or a Microsoft Entra ID bearer token), and its gateway's own error bodies
 * (`{ error: { code, message } }`). What the deployments answer is the same as OpenAI's.
 */

/** `YYYY-MM-DD`, optionally `-preview`: the form of every Azure OpenAI api-version. */
const API_VERSION = /^\d{4}-\d{2}-\d{2}(-preview)?$/;

/** The credential a request carries: Azure's `api-key` header, else an `Authorization: Bearer` token. */
export interface Credential {
  header: 'api-key' | 'authorization';
  value: string;
}

type Headers = Record<string, string | string[] | undefined>;

/** `Authorization: Bearer <token>`'s token (OpenAI's only credential). */
export function bearerOf(headers: Headers): Credential | undefined {
  const bearer = /^Bearer\s+(\S+)/i.exec(String(headers.authorization ?? ''));
  return bearer ? { header: 'authorization', value: bearer[1]! } : undefined;
}

/** Azure's credential: the `api-key` header, else a bearer token (Microsoft Entra ID). */
export function azureCredentialOf(headers: Headers): Credential | undefined {
  const apiKey = headers['api-key'];
  if (typeof apiKey === 'string' && apiKey.trim() !== '') return { header: 'api-key', value: apiKey.trim() };
  return bearerOf(headers);
}

/** Azure's 401 without a key or token (the SDK throws `AuthenticationError`, `code: '401'`). */
export function accessDenied(): OpenAIApiError {
  return new OpenAIApiError(401, {
    code: '401',
    message:
      'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource. (The simulator accepts any non-empty api-key header or bearer token.)',
  });
}

/** What Azure answers for an unknown URL, and for any request without `?api-version=`. */
export function resourceNotFound(): OpenAIApiError {
  return new OpenAIApiError(404, { code: '404', message: 'Resource not found' });
}

export function apiVersionNotSupported(): OpenAIApiError {
  return new OpenAIApiError(400, { code: 'BadRequest', message: 'API version not supported' });
}

export function deploymentNotFound(): OpenAIApiError {
  return new OpenAIApiError(404, {
    code: 'DeploymentNotFound',
    message:
      'The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.',
  });
}

/** The api-version query's refusal, if any: missing (404, as Azure does) or malformed (400). */
export function checkApiVersion(apiVersion: string | undefined): OpenAIApiError | undefined {
  if (apiVersion === undefined || apiVersion === '') return resourceNotFound();
  return API_VERSION.test(apiVersion) ? undefined : apiVersionNotSupported();
}

/** The operation Azure's rate-limit message names, by endpoint. */
const OPERATIONS = {
  chat: 'ChatCompletions_Create',
  images: 'ImageGeneration_Create',
  transcriptions: 'Transcriptions_Create',
} as const;

/** An injected failure in Azure's shape: `{ code, message }`, `code` the status unless given. */
export function azureFailure(
  failure: FailureOptions,
  call: { endpoint: 'chat' | 'images' | 'transcriptions'; apiVersion: string | undefined },
): OpenAIApiError {
  const operation = OPERATIONS[call.endpoint];
  const retry = Math.ceil(failure.retryAfterSeconds ?? 1);
  const message =
    failure.message ??
    (failure.status === 429
      ? `Requests to the ${operation} Operation under Azure OpenAI API version ${call.apiVersion} have exceeded call rate limit of your current OpenAI S0 pricing tier. Please retry after ${retry} second${retry === 1 ? '' : 's'}. (simulated)`
      : failure.status >= 500
        ? 'The server had an error while processing your request. Sorry about that! (simulated)'
        : `Simulated failure with status ${failure.status}.`);
  return new OpenAIApiError(failure.status, { code: failure.code ?? String(failure.status), message });
}

/** Azure's headers on its answers, besides OpenAI's. */
export function azureHeaders(): Record<string, string> {
  return { 'apim-request-id': randomUUID(), 'x-ms-region': 'Simulated' };
}

/** A `chat.completion` as Azure sends it: with the prompt's and the choices' content-filter results. */
export function azureCompletion<T extends { choices: object[] }>(completion: T) {
  return {
    ...completion,
    prompt_filter_results: [{ prompt_index: 0, content_filter_results: safeFilterResults() }],
    choices: completion.choices.map((choice) => ({ ...choice, content_filter_results: safeFilterResults() })),
  };
}

/** Azure's first streamed chunk: no choices, the prompt's content-filter results. */
export function promptFilterChunk() {
  return {
    choices: [],
    created: 0,
    id: '',
    model: '',
    object: '',
    prompt_filter_results: [{ prompt_index: 0, content_filter_results: safeFilterResults() }],
  };
}

export function safeFilterResults() {
  const safe = { filtered: false, severity: 'safe' };
  return { hate: safe, self_harm: safe, sexual: safe, violence: safe };
}

/**
 * The deployments of the simulated Azure resource: name → model. Every model is deployed under
 * its own id, and `extra` adds (or redirects) names.
 */
export class Deployments {
  private readonly names: Map<string, string>;

  constructor(models: ModelCatalogue, extra: Readonly<Record<string, string>> = {}) {
    this.names = new Map(models.ids().map((id) => [id, id]));
    for (const [name, model] of Object.entries(extra)) {
      if (!/^[\w.-]{1,64}$/.test(name) || !models.ids().includes(model)) {
        throw new RangeError(
          `deployments must map names (letters, digits, _ . -) to served models, got ${JSON.stringify(name)} → ${JSON.stringify(model)}`,
        );
      }
      this.names.set(name, model);
    }
  }

  /** The model a deployment serves; Azure's 404 `DeploymentNotFound` for an unknown name. */
  model(name: string): string {
    const model = this.names.get(name);
    if (model === undefined) throw deploymentNotFound();
    return model;
  }

  has(name: string): boolean {
    return this.names.has(name);
  }
}
