/** OpenAI's error body: `{ error: { message, type, param, code } }`. */
export interface OpenAIErrorBody {
  message: string;
  type: string;
  param: string | null;
  code: string | null;
}

/** Azure OpenAI's own error body (its gateway's refusals): `{ error: { code, message } }`. */
export interface AzureErrorBody {
  code: string;
  message: string;
}

/** An API error answered in OpenAI's shape (or Azure's), with extra headers when needed (`retry-after`). */
export class OpenAIApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: OpenAIErrorBody | AzureErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(body.message);
  }
}

export function invalidRequest(message: string, param: string | null = null, code: string | null = null) {
  return new OpenAIApiError(400, { message, type: 'invalid_request_error', param, code });
}

/** OpenAI's refusal of an upload over its limit (it counts the bytes read, the whole request). */
export function contentTooLarge(limit: number, bytesRead: number): OpenAIApiError {
  return new OpenAIApiError(413, {
    message: `Maximum content size limit (${limit}) exceeded (${bytesRead} bytes read)`,
    type: 'server_error',
    param: null,
    code: null,
  });
}

export function missingApiKey(): OpenAIApiError {
  return new OpenAIApiError(401, {
    message:
      "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY). The simulator accepts any non-empty key.",
    type: 'invalid_request_error',
    param: null,
    code: null,
  });
}

export function modelNotFound(model: string): OpenAIApiError {
  return new OpenAIApiError(404, {
    message: `The model \`${model}\` does not exist or you do not have access to it.`,
    type: 'invalid_request_error',
    param: null,
    code: 'model_not_found',
  });
}

export function invalidUrl(method: string, path: string): OpenAIApiError {
  return new OpenAIApiError(404, {
    message: `Invalid URL (${method} ${path})`,
    type: 'invalid_request_error',
    param: null,
    code: null,
  });
}

/** What an injected failure answers by default for a status, as OpenAI words it. */
export function injectedFailure(
  status: number,
  options: { type?: string; code?: string; message?: string; model?: string },
): OpenAIApiError {
  const defaults: Partial<OpenAIErrorBody> =
    status === 429
      ? {
          type: 'requests',
          code: 'rate_limit_exceeded',
          message: `Rate limit reached for ${options.model ?? 'the model'} on requests per min (RPM) (simulated). Please try again later.`,
        }
      : status === 503
        ? {
            type: 'server_error',
            code: null,
            message: 'The engine is currently overloaded, please try again later.',
          }
        : status >= 500
          ? {
              type: 'server_error',
              code: null,
              message: 'The server had an error while processing your request. Sorry about that! (simulated)',
            }
          : {
              type: 'invalid_request_error',
              code: null,
              message: `Simulated failure with status ${status}.`,
            };
  return new OpenAIApiError(status, {
    message: options.message ?? defaults.message!,
    type: options.type ?? defaults.type!,
    param: null,
    code: options.code ?? defaults.code ?? null,
  });
}
