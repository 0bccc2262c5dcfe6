import Stripe from 'stripe';
import type { Ctx } from '../context';
import { now } from '../context';
import { invalidRequest } from '../core/errors';
import { newId, newSecret } from '../core/ids';
import { paginate } from '../http/list';
import { applyMetadata, newMetadata } from '../core/metadata';
import { route, type ApiRequest } from '../http/routes';

/** The endpoint receives deliveries from now on (the simulator sends to one target at a time). */
function target(ctx: Ctx, endpoint: Stripe.WebhookEndpoint): void {
  ctx.sim.webhooks.setTarget(
    endpoint.status === 'enabled'
      ? { url: endpoint.url, secret: endpoint.secret!, enabledEvents: endpoint.enabled_events }
      : undefined,
  );
}

function validUrl(url: string): string {
  try {
    new URL(url);
  } catch {
    throw invalidRequest(`Invalid URL: ${url}`, { param: 'url', code: 'url_invalid' });
  }
  return url;
}

function create(ctx: Ctx, { params }: ApiRequest) {
  const enabledEvents = params.stringList('enabled_events');
  if (enabledEvents.length === 0) {
    throw invalidRequest('Missing required param: enabled_events.', {
      code: 'parameter_missing',
      param: 'enabled_events',
    });
  }
  const endpoint: Stripe.WebhookEndpoint = {
    id: newId('we'),
    object: 'webhook_endpoint',
    api_version: params.string('api_version') ?? Stripe.API_VERSION,
    application: null,
    created: now(ctx),
    description: params.emptyableString('description') ?? null,
    enabled_events: enabledEvents,
    livemode: false,
    metadata: newMetadata(params.metadata()),
    secret: newSecret('whsec'),
    status: 'enabled',
    url: validUrl(params.requiredString('url')),
  };
  ctx.sim.store.insert('webhook_endpoint', endpoint);
  target(ctx, endpoint);
  return endpoint;
}

/** Stripe shows an endpoint's secret only when it is created. */
function withoutSecret({ secret: _secret, ...endpoint }: Stripe.WebhookEndpoint): Stripe.WebhookEndpoint {
  return endpoint;
}

function update(ctx: Ctx, { params, path }: ApiRequest) {
  const endpoint = ctx.sim.store.get('webhook_endpoint', path.id!);
  const url = params.string('url');
  if (url !== undefined) endpoint.url = validUrl(url);
  const enabledEvents = params.stringList('enabled_events');
  if (enabledEvents.length > 0) endpoint.enabled_events = enabledEvents;
  const disabled = params.bool('disabled');
  if (disabled !== undefined) endpoint.status = disabled ? 'disabled' : 'enabled';
  applyMetadata(endpoint.metadata, params.metadata());
  target(ctx, endpoint);
  return withoutSecret(endpoint);
}

function remove(ctx: Ctx, { path }: ApiRequest): Stripe.DeletedWebhookEndpoint {
  const endpoint = ctx.sim.store.get('webhook_endpoint', path.id!);
  ctx.sim.store.remove('webhook_endpoint', endpoint.id);
  if (ctx.sim.webhooks.target()?.secret === endpoint.secret) ctx.sim.webhooks.setTarget(undefined);
  return { id: endpoint.id, object: 'webhook_endpoint', deleted: true };
}

export const webhookEndpointRoutes = [
  route('POST', '/v1/webhook_endpoints', create),
  route('GET', '/v1/webhook_endpoints', (ctx, { params }) => {
    const page = paginate(ctx.sim.store.all('webhook_endpoint'), params, {
      url: '/v1/webhook_endpoints',
      objectName: 'webhook_endpoint',
    });
    return { ...page, data: page.data.map(withoutSecret) };
  }),
  route('GET', '/v1/webhook_endpoints/:id', (ctx, { path }) =>
    withoutSecret(ctx.sim.store.get('webhook_endpoint', path.id!)),
  ),
  route('POST', '/v1/webhook_endpoints/:id', update),
  route('DELETE', '/v1/webhook_endpoints/:id', remove),
];
