import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError, type Logger, readBody, type Routes, sendJson } from '@lattice/server-kit';
import type { SubgraphHttp } from '../upstream/http-pool';

/** Providers' events are small; Stripe's are kilobytes. */
const MAX_WEBHOOK_BYTES = 512 * 1024;
/** The headers a provider's receiver needs: the body's type and the provider's signature. */
const FORWARDED = /^(content-type|[a-z-]*signature[a-z-]*)$/;
/** A provider gives up after its own timeout (Stripe: about 10 s) and retries later. */
const FORWARD_TIMEOUT_MS = 10_000;

/**
 * `POST /webhooks/<provider>` on the gateway's own host and port (where a provider such as
 * Stripe is pointed), forwarded to the subgraph that owns the provider with the raw body
 * byte for byte (the provider signed those bytes), its signature header, and the gateway's
 * own signature. The subgraph verifies the provider's signature; its answer is relayed, so
 * the provider retries what the subgraph did not apply.
 */
export function webhookRoutes(
  routes: Record<string, string>,
  subgraphUrl: (name: string) => string | undefined,
  http: SubgraphHttp,
  log: Logger,
): Routes {
  const handlers: Routes = {};
  for (const [provider, subgraph] of Object.entries(routes)) {
    handlers[`POST /webhooks/${provider}`] = async (req: IncomingMessage, res: ServerResponse) => {
      const graphqlUrl = subgraphUrl(subgraph);
      if (!graphqlUrl)
        return sendJson(res, 404, { error: `No ${subgraph} subgraph serves ${provider} webhooks` });
      let body: string;
      try {
        body = await readBody(req, MAX_WEBHOOK_BYTES);
      } catch (error) {
        if (error instanceof BodyTooLargeError) return sendJson(res, 413, { error: 'Body too large' });
        throw error;
      }
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === 'string' && FORWARDED.test(name)) headers[name] = value;
      }
      const target = new URL(`/webhooks/${provider}`, graphqlUrl);
      try {
        const answer = await http.post(target, headers, body, AbortSignal.timeout(FORWARD_TIMEOUT_MS));
        res.statusCode = answer.status;
        res.setHeader('content-type', answer.headers.get('content-type') ?? 'application/json');
        res.end(await answer.text());
      } catch (error) {
        log.error({ err: error, provider, subgraph }, 'webhook could not be forwarded');
        sendJson(res, 502, { error: 'Not delivered; retry' });
      }
    };
  }
  return handlers;
}
