import WebSocket from 'ws';
import { startTestLattice, type TestLattice } from './support/test-lattice';

const MAX_BODY_BYTES = 65_536;

let lattice: TestLattice;
beforeAll(async () => {
  lattice = await startTestLattice({ MAX_BODY_BYTES: String(MAX_BODY_BYTES) }, { subgraphs: [] });
});
afterAll(() => lattice?.stop());

describe("the gateway's WebSocket", () => {
  it('closes the socket with 1009 on a message over MAX_BODY_BYTES, without reading it', async () => {
    const socket = new WebSocket(lattice.gateway.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    const received: string[] = [];
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    socket.on('message', (data) => received.push(data.toString()));
    await new Promise((resolve) => socket.on('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init', payload: {} }));
    await new Promise((resolve) => socket.once('message', resolve));
    expect(received).toEqual([JSON.stringify({ type: 'connection_ack' })]);

    // graphql-ws reports the socket's error on stderr; the client sees the close code.
    const stderr = jest.spyOn(console, 'error').mockImplementation(() => {});
    try {
      // A query padded past the limit: read, it would be answered (with the tokens limit's error).
      const query = `{ __typename ${'a '.repeat(MAX_BODY_BYTES)}}`;
      socket.send(JSON.stringify({ id: 'big', type: 'subscribe', payload: { query } }));
      const answer = new Promise<string>((resolve) =>
        socket.once('message', (data) => resolve(String(data))),
      );
      const outcome = await Promise.race([closed.then((code) => `closed ${code}`), answer]);
      expect(outcome).toBe('closed 1009');
    } finally {
      stderr.mockRestore();
    }
  });
});
