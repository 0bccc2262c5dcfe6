import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import {
  clientAddress,
  FORWARDED_HOST_HEADER,
  FORWARDED_PROTO_HEADER,
  originOf,
  trustedProxies,
  type TrustedProxies,
} from '@lattice/server-kit';

/** How clients reach the gateway: what it believes of the proxies in front, and its public origin. */
export interface Ingress {
  /** TRUSTED_PROXIES: whose X-Forwarded-For (and -Host, -Proto) is believed. */
  proxies: TrustedProxies;
  /** PUBLIC_URL's origin: when set, the origin of every request, whatever its headers say. */
  publicOrigin?: string;
}

/** No proxy trusted, no public origin configured. */
export const DIRECT_INGRESS: Ingress = { proxies: trustedProxies([]) };

/** The client's address: the socket's peer, or what trusted proxies say (server-kit's client-address.ts). */
export function clientIpOf(req: IncomingMessage, ingress: Ingress): string | undefined {
  return clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], ingress.proxies);
}

/**
 * The origin the client used (`https://api.example.com`), for the URLs subgraphs hand out:
 * PUBLIC_URL's when set; else the request's Host and protocol, or, from a trusted proxy (the
 * socket's peer), its X-Forwarded-Host and X-Forwarded-Proto: the last value of each, the one
 * that proxy wrote. Undefined when the host is not a plain host name.
 */
export function clientOriginOf(req: IncomingMessage, ingress: Ingress): string | undefined {
  if (ingress.publicOrigin) return ingress.publicOrigin;
  const peer = req.socket.remoteAddress;
  const viaProxy = peer !== undefined && ingress.proxies(peer, 0);
  const host = (viaProxy && lastValue(req.headers[FORWARDED_HOST_HEADER])) || req.headers.host;
  const proto =
    (viaProxy && lastValue(req.headers[FORWARDED_PROTO_HEADER])) ||
    ((req.socket as TLSSocket).encrypted ? 'https' : 'http');
  return originOf(proto, host);
}

function lastValue(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header.at(-1) : header;
  if (!value) return undefined;
  const comma = value.lastIndexOf(',');
  return (comma < 0 ? value : value.slice(comma + 1)).trim() || undefined;
}
