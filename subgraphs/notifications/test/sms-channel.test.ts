import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Delivery } from '../src/entities';
import { PermanentFailure } from '../src/service/channels/channel';
import { httpSmsChannel } from '../src/service/channels/sms';

let server: Server;
let url: string;
let answer: { status: number; body: unknown };
const received: Array<{ authorization?: string; body: unknown }> = [];

const readJson = async (req: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
};

beforeAll(async () => {
  server = createServer(async (req, res) => {
    received.push({ authorization: req.headers.authorization, body: await readJson(req) });
    res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const delivery = {
  id: 'delivery-1',
  address: '+447700900123',
  text: 'Lattice: hello',
  kind: 'payment_failed',
} as Delivery;

describe('the HTTP SMS provider', () => {
  const channel = () => httpSmsChannel(url, 'secret-token', 'Lattice');

  it('posts the message with its token and returns the provider id', async () => {
    answer = { status: 202, body: { id: 'sms-42' } };
    await expect(channel().send(delivery, null)).resolves.toBe('sms-42');
    expect(received.at(-1)).toEqual({
      authorization: 'Bearer secret-token',
      body: { from: 'Lattice', to: '+447700900123', body: 'Lattice: hello', reference: 'delivery-1' },
    });
  });

  it('fails for good on a refusal (a bad number), and for now on 5xx and 429', async () => {
    answer = { status: 400, body: { error: 'invalid number' } };
    await expect(channel().send(delivery, null)).rejects.toBeInstanceOf(PermanentFailure);
    for (const status of [429, 503]) {
      answer = { status, body: {} };
      const failure = await channel()
        .send(delivery, null)
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(Error);
      expect(failure).not.toBeInstanceOf(PermanentFailure);
    }
  });
});
