import nodemailer from 'nodemailer';
import { startMailCapture, type MailCapture } from '../src';
import { clientOf, rejection, simpleMail } from './support';

let capture: MailCapture;
beforeEach(async () => {
  capture = await startMailCapture();
});
afterEach(() => capture.close());

describe('failing on purpose', () => {
  it('refuses recipients with a transient 451 until resumed', async () => {
    const client = clientOf(capture);
    await capture.fail('transient');
    const refused = await rejection(client.sendMail(simpleMail('ada@example.com', 'refused')));
    expect(refused).toMatchObject({ code: 'EENVELOPE', responseCode: 451 });
    expect(refused.responseCode).toBeGreaterThanOrEqual(400);
    expect(refused.responseCode).toBeLessThan(500);

    await capture.resume();
    await client.sendMail(simpleMail('ada@example.com', 'accepted'));
    await capture.waitFor((mail) => mail.subject === 'accepted');
    expect(capture.messages().map((mail) => mail.subject)).toEqual(['accepted']);
  });

  it('stops listening when closed, and listens on the same port again when resumed', async () => {
    const port = capture.port;
    const client = clientOf(capture);
    await client.sendMail(simpleMail('ada@example.com', 'before'));

    await capture.fail('closed');
    const refused = await rejection(client.sendMail(simpleMail('ada@example.com', 'while closed')));
    expect(refused.message).toContain('ECONNREFUSED');
    expect(refused.originalCode ?? refused.code).toBe('ECONNREFUSED');

    await capture.resume();
    expect(capture.port).toBe(port);
    await client.sendMail(simpleMail('ada@example.com', 'after'));
    await capture.waitFor((mail) => mail.subject === 'after');
    expect(capture.messages().map((mail) => mail.subject)).toEqual(['before', 'after']);
  });

  it('drops open connections when closed', async () => {
    const pooled = nodemailer.createTransport({ host: '127.0.0.1', port: capture.port, pool: true });
    try {
      await pooled.sendMail(simpleMail('ada@example.com', 'pooled'));
      await capture.fail('closed');
      const refused = await rejection(pooled.sendMail(simpleMail('ada@example.com', 'while closed')));
      expect(refused.originalCode).toBe('ECONNREFUSED');
      await capture.resume();
      await pooled.sendMail(simpleMail('ada@example.com', 'pooled again'));
      await capture.waitFor((mail) => mail.subject === 'pooled again');
    } finally {
      pooled.close();
    }
  });
});
