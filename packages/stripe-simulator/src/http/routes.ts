import type { Ctx } from '../context';
import type { Params } from './params';

export type Method = 'GET' | 'POST' | 'DELETE';

export interface ApiRequest {
  params: Params;
  /** The URL's `:name` segments. */
  path: Record<string, string>;
}

/** Handles one API call synchronously: reads and changes the store, returns the response object. */
export type Handler = (ctx: Ctx, request: ApiRequest) => object;

export interface Route {
  method: Method;
  /** e.g. `/v1/payment_intents/:id/confirm`; also the route's name in request counts. */
  pattern: string;
  handler: Handler;
}

export function route(method: Method, pattern: string, handler: Handler): Route {
  return { method, pattern, handler };
}

export function matchRoute(
  routes: readonly Route[],
  method: string,
  pathname: string,
): { route: Route; path: Record<string, string> } | undefined {
  const segments = pathname.replace(/\/+$/, '').split('/');
  for (const candidate of routes) {
    if (candidate.method !== method) continue;
    const pattern = candidate.pattern.split('/');
    if (pattern.length !== segments.length) continue;
    const path: Record<string, string> = {};
    const matched = pattern.every((part, index) => {
      const segment = segments[index]!;
      if (part.startsWith(':')) {
        path[part.slice(1)] = decodeURIComponent(segment);
        return segment.length > 0;
      }
      return part === segment;
    });
    if (matched) return { route: candidate, path };
  }
  return undefined;
}
