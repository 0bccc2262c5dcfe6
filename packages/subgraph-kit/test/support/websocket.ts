import WebSocket from 'ws';

export type Opened =
  | { refused: { status: number; body: string } }
  | { refused?: undefined; socket: WebSocket; messages: unknown[]; closed: Promise<number> };

/** Opens a graphql-ws socket to `url` with these upgrade headers: refused, or open and acknowledged. */
export function openGraphqlWs(url: string, headers: Record<string, string> = {}): Promise<Opened> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws', { headers });
    const messages: unknown[] = [];
    const closed = new Promise<number>((done) => socket.on('close', (code) => done(code)));
    socket.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ refused: { status: res.statusCode ?? 0, body } }));
    });
    socket.on('error', reject);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: {} })));
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as { type: string };
      if (message.type === 'connection_ack') resolve({ socket, messages, closed });
      else messages.push(message);
    });
  });
}
