import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import proxyAddr from 'proxy-addr';

/** Whether the hop at `address` is a proxy believed about whom it forwards for. */
export type TrustedProxies = (address: string, hop: number) => boolean;

/**
 * Compiles a list of trusted proxies: addresses, CIDR ranges (`10.0.0.0/8`, `fd00::/8`) or
 * proxy-addr's names (`loopback`, `linklocal`, `uniquelocal`). An empty list trusts no one.
 * Throws a TypeError naming an entry that is none of these.
 */
export function trustedProxies(list: readonly string[]): TrustedProxies {
  return proxyAddr.compile([...list]);
}

/** Believes the peer itself and no further hop: a caller already authenticated as the one proxy. */
export const TRUST_PEER_ONLY: TrustedProxies = (_address, hop) => hop === 0;

const IPV4_MAPPED = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/**
 * The address of the client, as far as it can be known: X-Forwarded-For is read from the
 * right (the entries nearest this server), each hop believed only while the peer that wrote
 * it is a trusted proxy. So a client can put anything in the header and it is ignored unless
 * it came through a trusted proxy, and then only the entry that proxy appended counts.
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: TrustedProxies,
): string | undefined {
  if (!socketAddress) return undefined;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor;
  const request = { headers: { 'x-forwarded-for': header }, socket: { remoteAddress: socketAddress } };
  // [socket, nearest hop, …], cut after the first hop written by an untrusted peer.
  const hops = proxyAddr.all(request as unknown as IncomingMessage, trusted);
  // A trusted proxy that passed on something that is no address: the last real address is its own.
  const chosen = hops.findLast((hop) => isIP(hop) !== 0) ?? socketAddress;
  return chosen.replace(IPV4_MAPPED, '$1');
}
