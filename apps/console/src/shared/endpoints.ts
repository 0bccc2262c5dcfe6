/** The gateway's GraphQL endpoint as seen from a page it serves: same origin, `ws(s):` for subscriptions. */
export function endpoints(location: Pick<Location, 'href'>): { http: string; ws: string } {
  const http = new URL('/graphql', location.href);
  const ws = new URL(http);
  ws.protocol = http.protocol === 'https:' ? 'wss:' : 'ws:';
  return { http: http.toString(), ws: ws.toString() };
}
