import { createLatticeClient } from '@lattice/client';
import { createClient, type Client } from 'graphql-ws';
import { endpoints } from '../shared/endpoints';
import type { Session } from './session';

/** The gateway's HTTP client, without a token (the session adds it). */
export const httpClient = () => createLatticeClient({ url: endpoints(window.location).http });

/**
 * One graphql-ws connection for the console's live views. The token is read at every
 * (re)connection, so a connection the gateway closes when a token expires comes back with the
 * refreshed one.
 */
export function liveClient(session: Session): Client {
  return createClient({
    url: endpoints(window.location).ws,
    connectionParams: () => ({ authorization: `Bearer ${session.accessToken ?? ''}` }),
    lazy: true,
    retryAttempts: Infinity,
    shouldRetry: () => session.accessToken !== undefined,
  });
}
