import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { currentRequest } from './log-context';

export const REQUEST_ID_HEADER = 'x-request-id';
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The caller's request id when it is a sane token, else a new one; inside a GraphQL request's
 * scope, the id the handler already chose for it.
 */
export function requestIdOf(req: Pick<IncomingMessage, 'headers'>): string {
  const current = currentRequest();
  if (current) return current.requestId;
  const given = req.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && SAFE_ID.test(given) ? given : randomUUID();
}
