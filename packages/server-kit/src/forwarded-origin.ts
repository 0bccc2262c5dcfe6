/** The headers through which the gateway tells a subgraph the origin its client used. */
export const FORWARDED_HOST_HEADER = 'x-forwarded-host';
export const FORWARDED_PROTO_HEADER = 'x-forwarded-proto';

// A host name (or IPv4 address) or a bracketed IPv6 literal, with an optional port.
const HOST = /^(?:[a-z0-9_-]+(?:\.[a-z0-9_-]+)*|\[[0-9a-f:.]+\])(?::[0-9]{1,5})?$/i;
const DEFAULT_PORT = { http: ':80', https: ':443' } as const;

/**
 * `proto://host` (`https://api.example.com`) when the protocol is http or https and the host
 * a plain host with an optional port (the default one dropped), else undefined: both come
 * from headers, and whatever is built from them ends up in URLs handed to clients.
 */
export function originOf(proto: string | undefined, host: string | undefined): string | undefined {
  if (!proto || !host || host.length > 255) return undefined;
  const scheme = proto.toLowerCase();
  if ((scheme !== 'http' && scheme !== 'https') || !HOST.test(host)) return undefined;
  const name = host.toLowerCase();
  const bare = name.endsWith(DEFAULT_PORT[scheme]) ? name.slice(0, -DEFAULT_PORT[scheme].length) : name;
  return `${scheme}://${bare}`;
}

/** The X-Forwarded-Proto and X-Forwarded-Host that say `origin` (one `originOf` made). */
export function forwardedOriginHeaders(origin: string): Record<string, string> {
  const separator = origin.indexOf('://');
  return {
    [FORWARDED_PROTO_HEADER]: origin.slice(0, separator),
    [FORWARDED_HOST_HEADER]: origin.slice(separator + 3),
  };
}
