import ipaddr from 'ipaddr.js';

/**
 * Whose failures an address's are: one IPv4 address, or a whole IPv6 /64 — the block a
 * single subscriber is usually given, so stepping through it does not make a new client.
 */
export function addressKey(address: string | undefined): string {
  if (!address || !ipaddr.isValid(address)) return 'unknown';
  const ip = ipaddr.process(address); // IPv4-mapped IPv6 becomes IPv4
  if (ip.kind() === 'ipv4') return ip.toString();
  return `${(ip as ipaddr.IPv6).parts
    .slice(0, 4)
    .map((part) => part.toString(16))
    .join(':')}::/64`;
}
