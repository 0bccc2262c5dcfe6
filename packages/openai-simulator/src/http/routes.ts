/** What a request asks of the API, whichever of OpenAI's or Azure's URLs it came by. */
export type Endpoint = 'models' | 'model' | 'chat' | 'images' | 'transcriptions';

export interface Route {
  /** `POST /v1/chat/completions`, `POST /openai/deployments/:deployment/chat/completions`, … */
  kind: string;
  endpoint: Endpoint;
  /** The id in `GET /v1/models/:id`. */
  id?: string;
  /** The deployment in an Azure URL. */
  deployment?: string;
}

const OPENAI_ROUTES = [
  { method: 'GET', pattern: /^\/v1\/models$/, kind: 'GET /v1/models', endpoint: 'models' },
  { method: 'GET', pattern: /^\/v1\/models\/([^/]+)$/, kind: 'GET /v1/models/:id', endpoint: 'model' },
  {
    method: 'POST',
    pattern: /^\/v1\/chat\/completions$/,
    kind: 'POST /v1/chat/completions',
    endpoint: 'chat',
  },
  {
    method: 'POST',
    pattern: /^\/v1\/images\/generations$/,
    kind: 'POST /v1/images/generations',
    endpoint: 'images',
  },
  {
    method: 'POST',
    pattern: /^\/v1\/audio\/transcriptions$/,
    kind: 'POST /v1/audio/transcriptions',
    endpoint: 'transcriptions',
  },
] as const;

const AZURE_ROUTES = [
  {
    method: 'POST',
    pattern: /^\/openai\/deployments\/([^/]+)\/chat\/completions$/,
    kind: 'POST /openai/deployments/:deployment/chat/completions',
    endpoint: 'chat',
  },
  {
    method: 'POST',
    pattern: /^\/openai\/deployments\/([^/]+)\/images\/generations$/,
    kind: 'POST /openai/deployments/:deployment/images/generations',
    endpoint: 'images',
  },
  {
    method: 'POST',
    pattern: /^\/openai\/deployments\/([^/]+)\/audio\/transcriptions$/,
    kind: 'POST /openai/deployments/:deployment/audio/transcriptions',
    endpoint: 'transcriptions',
  },
] as const;

/** Azure's URLs are under `/openai/` (the SDK's `AzureOpenAI` appends it to the endpoint). */
export function isAzurePath(path: string): boolean {
  return path === '/openai' || path.startsWith('/openai/');
}

function decode(segment: string | undefined): string | undefined {
  if (segment === undefined) return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The route of a request, undefined for an unknown URL. */
export function match(method: string, path: string): Route | undefined {
  const azure = isAzurePath(path);
  for (const route of azure ? AZURE_ROUTES : OPENAI_ROUTES) {
    const found = route.method === method ? route.pattern.exec(path) : null;
    if (!found) continue;
    const captured = decode(found[1]);
    return {
      kind: route.kind,
      endpoint: route.endpoint,
      ...(captured === undefined ? {} : azure ? { deployment: captured } : { id: captured }),
    };
  }
  return undefined;
}
