import nodemailer from 'nodemailer';
import { startMailCapture, type MailCapture } from '../src';
import { clientOf, rejection, simpleMail } from './support';

let capture: MailCapture;
const logged: string[] = [];
beforeEach(async () => {
  logged.length = 0;
  capture = await startMailCapture({ log: (line) => logged.push(line) });
});
afterEach(() => capture.close());

describe('capturing mail', () => {
  it('keeps a mail sent by nodemailer, parsed', async () => {
    expect(capture.url).toBe(`smtp://127.0.0.1:${capture.port}`);
    const before = Date.now();
    const info = await clientOf(capture).sendMail({
      from: { name: 'Zoë "the Admin" Ålander', address: 'admin@lattice.test' },
      to: '"Ada Lovelace" <ada@example.com>, bob@example.com',
      bcc: 'hidden@example.com',
      subject: 'Vérifiez votre adresse ✓',
      text: 'Open https://lattice.test/verify?token=abc. Or (https://lattice.test/help).',
      html: '<p><a href="https://lattice.test/verify?token=abc&amp;lang=fr">Verify</a> <a href="mailto:x@y.z">us</a></p>',
      list: { unsubscribe: 'https://lattice.test/unsubscribe?u=1' },
    });
    const after = Date.now();

    const mail = await capture.waitFor((candidate) => candidate.subject.startsWith('Vérifiez'));
    expect(mail).toMatchObject({
      id: '000001',
      envelope: {
        from: 'admin@lattice.test',
        to: ['ada@example.com', 'bob@example.com', 'hidden@example.com'],
      },
      messageId: info.messageId,
      subject: 'Vérifiez votre adresse ✓',
      from: '"Zoë \\"the Admin\\" Ålander" <admin@lattice.test>',
      to: ['ada@example.com', 'bob@example.com'],
      text: 'Open https://lattice.test/verify?token=abc. Or (https://lattice.test/help).',
      html: '<p><a href="https://lattice.test/verify?token=abc&amp;lang=fr">Verify</a> <a href="mailto:x@y.z">us</a></p>',
      links: [
        'https://lattice.test/verify?token=abc',
        'https://lattice.test/help',
        'https://lattice.test/verify?token=abc&lang=fr',
      ],
    });
    expect(mail.headers).toMatchObject({
      'list-unsubscribe': '<https://lattice.test/unsubscribe?u=1>',
      'message-id': info.messageId,
      subject: '=?UTF-8?Q?V=C3=A9rifiez_votre_adresse_=E2=9C=93?=',
      'mime-version': '1.0',
    });
    expect(mail.headers['content-type']).toMatch(/^multipart\/alternative; boundary=/);
    expect(mail.raw).toMatch(/^From: =\?UTF-8\?Q\?Zo=C3=AB/);
    expect(mail.raw).toContain('\r\nList-Unsubscribe: <https://lattice.test/unsubscribe?u=1>\r\n');
    expect(mail.receivedAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(mail.receivedAt.getTime()).toBeLessThanOrEqual(after);
    expect(capture.messages()).toEqual([mail]);
    expect(logged).toEqual([
      'mail to ada@example.com, bob@example.com: Vérifiez votre adresse ✓ → https://lattice.test/verify?token=abc',
    ]);
  });

  it('accepts any credentials, and ids increase in order of acceptance', async () => {
    const client = clientOf(capture);
    const withAuth = nodemailer.createTransport({
      host: '127.0.0.1',
      port: capture.port,
      auth: { user: 'someone', pass: 'anything' },
    });
    await withAuth.sendMail(simpleMail('a@example.com', 'first'));
    await client.sendMail(simpleMail('b@example.com', 'second'));
    await capture.waitFor((mail) => mail.subject === 'second');
    expect(capture.messages().map((mail) => [mail.id, mail.subject])).toEqual([
      ['000001', 'first'],
      ['000002', 'second'],
    ]);
  });

  it('refuses a message over maxMessageBytes with a 552, and takes the next one', async () => {
    const small = await startMailCapture({ maxMessageBytes: 10_000 });
    try {
      const client = clientOf(small);
      const refused = await rejection(
        client.sendMail({ ...simpleMail('a@example.com', 'too big'), text: 'x'.repeat(20_000) }),
      );
      expect(refused.responseCode).toBe(552);
      await client.sendMail(simpleMail('a@example.com', 'small enough'));
      await small.waitFor((mail) => mail.subject === 'small enough');
      expect(small.messages().map((mail) => mail.subject)).toEqual(['small enough']);
    } finally {
      await small.close();
    }
  });

  it('forgets on clear(), also the mails not parsed yet', async () => {
    const client = clientOf(capture);
    await client.sendMail(simpleMail('a@example.com', 'before'));
    capture.clear();
    await client.sendMail(simpleMail('a@example.com', 'after'));
    await capture.waitFor((mail) => mail.subject === 'after');
    expect(capture.messages().map((mail) => mail.subject)).toEqual(['after']);
  });
});

describe('waitFor', () => {
  it('resolves with a mail that arrives later', async () => {
    const waiting = capture.waitFor((mail) => mail.to.includes('later@example.com'));
    await clientOf(capture).sendMail(simpleMail('other@example.com', 'not this one'));
    await clientOf(capture).sendMail(simpleMail('later@example.com', 'this one'));
    await expect(waiting).resolves.toMatchObject({ subject: 'this one' });
  });

  it('rejects after the timeout, listing what did arrive', async () => {
    await clientOf(capture).sendMail(simpleMail('ada@example.com', 'Welcome'));
    await capture.waitFor((mail) => mail.subject === 'Welcome');
    const error = await rejection(capture.waitFor((mail) => mail.subject === 'Verify your email', 50));
    expect(error.message).toBe(
      `waitFor: no matching mail within 50 ms at ${capture.url}; 1 arrived (newest last):\n` +
        '  000001 to ada@example.com: Welcome',
    );
    await capture.fail('transient');
    const failing = await rejection(capture.waitFor(() => false, 10));
    expect(failing.message).toContain(`at ${capture.url} (failing: transient);`);
  });

  it('rejects with what the matcher threw, and when the capture closes', async () => {
    await clientOf(capture).sendMail(simpleMail('ada@example.com', 'Welcome'));
    const thrown = rejection(
      capture.waitFor(() => {
        throw new Error('bad matcher');
      }),
    );
    expect((await thrown).message).toBe('bad matcher');
    const pending = rejection(capture.waitFor(() => false));
    await capture.close();
    expect((await pending).message).toBe(`waitFor: the mail capture at ${capture.url} was closed`);
  });
});
