import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';
import { endpoints } from '../shared/endpoints';

/** Header names in lower case: graphql-ws carries them as `connection_init`'s payload, read as `authorization`. */
export function lowerCaseKeys(headers: Record<string, unknown> | undefined): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]),
  );
}

/**
 * Queries and mutations over HTTP POST, subscriptions over graphql-ws; the header editor's
 * headers (`{"Authorization": "Bearer …"}`) go with both.
 */
export function gatewayFetcher(location: Location): Fetcher {
  const { http, ws } = endpoints(location);
  const fetcher = createGraphiQLFetcher({ url: http, subscriptionUrl: ws });
  return (params, options) => fetcher(params, { ...options, headers: lowerCaseKeys(options?.headers) });
}
