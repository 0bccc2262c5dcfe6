import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@lattice/events';
import type { CapturedMail } from '@lattice/smtp-capture';
import { waitFor } from '@lattice/testkit';
import { Delivery, Recipient } from '../src/entities';
import { pause, startWithMail, type WithMail } from './support/domain-events';

/**
 * What reaches a mailbox from values others control (names, plan names, currencies and
 * addresses carried by events, links under APP_URL), and what the service logs meanwhile. The
 * subgraph runs without SMTP_URL, as `npm start` does: mail goes to its local capture.
 */
let n: WithMail;
beforeAll(async () => {
  n = await startWithMail({
    origin: (data) => ({ actor: null, subject: (data as { userId: string }).userId }),
  });
});
afterAll(() => n?.close());

const headerNames = (mail: CapturedMail) =>
  mail.raw
    .split(/\r?\n\r?\n/)[0]!
    .split(/\r?\n/)
    .filter((line) => /^\S/.test(line))
    .map((line) => line.split(':')[0]!.toLowerCase());

describe('values from events in a mail', () => {
  it('arrive escaped in HTML, whole in the text, and never past the subject line', async () => {
    const user = await n.registered({ displayName: '<b>Eve</b> & "co"' });
    await n.publish('billing.plan_changed', {
      userId: user.userId,
      change: 'upgraded\r\nBcc: thief@example.test' as 'upgraded',
      fromPlan: 'free',
      toPlan: '<img src=x onerror=alert(1)>',
      status: 'active',
      monthlyAmount: 2_900,
      currency: 'usd',
    });
    const mail = await n.mailTo(user.email, /Your plan/);
    expect(mail.html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(mail.html).toContain('Hello &lt;b&gt;Eve&lt;/b&gt; &amp; &quot;co&quot;');
    expect(mail.html).not.toMatch(/<img|<b>/);
    expect(mail.text).toContain('the <img src=x onerror=alert(1)> plan');
    expect(mail.subject).toBe('Your plan: <img src=x onerror=alert(1)> (upgraded Bcc: thief@example.test)');
    expect(mail.envelope.to).toEqual([user.email]);
    expect(headerNames(mail)).not.toContain('bcc');
  });

  it('a currency that is not one still makes a receipt, escaped like any value', async () => {
    const user = await n.registered();
    const event = await n.publish('billing.payment_succeeded', {
      userId: user.userId,
      paymentId: 'pay_1',
      amount: 2_900,
      currency: '<script>',
      purpose: 'credits',
      plan: null,
    });
    expect(await n.applied(event)).toBe(true);
    const mail = await n.mailTo(user.email, /Receipt/);
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;SCRIPT&gt;');
    expect(mail.subject).toBe('Receipt: 29.00 <SCRIPT>');
  });
});

describe('an address in an event that is not one mailbox', () => {
  const resetTo = (userId: string, email: string) =>
    n.publish('identity.password_reset_requested', {
      userId,
      email,
      token: randomUUID(),
      expiresAt: new Date().toISOString(),
    });

  it('gets no mail, and adds no one else as a recipient', async () => {
    const user = await n.registered(); // no display name: the address alone is the To
    const events = [
      await resetTo(user.userId, 'victim@example.test, thief@example.test'),
      await resetTo(user.userId, 'victim@example.test;thief@example.test'),
      await resetTo(user.userId, 'victim@example.test\r\nBcc: thief@example.test'),
      await resetTo(user.userId, 'Victim <thief@example.test>'),
    ];
    for (const event of events) expect(await n.applied(event)).toBe(true);
    await pause(500);
    const stolen = n.runtime.capture!.messages().filter((mail) => /thief/.test(mail.envelope.to.join()));
    expect(stolen.map((mail) => mail.envelope.to)).toEqual([]);
    const rows = await n.em().find(Delivery, { eventId: { $in: events.map((e) => e.id) } });
    expect(rows).toEqual([]);
  });

  it('too long for any mailbox, is not retried, and its token never reaches the log', async () => {
    const user = await n.registered();
    const event = await resetTo(user.userId, `${'x'.repeat(400)}@example.test`);
    expect(await n.applied(event)).toBe(true);
    expect(await n.em().count(Delivery, { eventId: event.id })).toBe(0);
    expect(n.logLines.join('\n')).not.toContain(event.data.token);
  });

  it('a profile whose values do not fit is kept clipped, not dead-lettered', async () => {
    const { userId } = await n.registered();
    const event = await n.publish('accounts.profile_updated', {
      userId,
      fields: ['displayName', 'phone', 'locale', 'timezone'],
      profile: {
        displayName: 'E'.repeat(300),
        locale: 'x'.repeat(50),
        timezone: `Europe/${'y'.repeat(80)}`,
        phone: '+1 555 0100 <script>',
        notifications: { email: true, sms: true, marketing: false },
      },
    });
    expect(await n.applied(event)).toBe(true);
    const recipient = await n.em().findOneOrFail(Recipient, { userId });
    expect(recipient).toMatchObject({
      displayName: 'E'.repeat(100),
      locale: 'en',
      timezone: 'UTC',
      phone: null,
    });
  });
});

describe('links in a mail', () => {
  it('carry the token URL-encoded, under APP_URL without a doubled slash', async () => {
    const user = await n.registered();
    const token = 'a+b/c=d&e?f#g%h i';
    await n.publish('identity.email_verification_requested', {
      userId: user.userId,
      email: user.email,
      token,
      expiresAt: new Date().toISOString(),
    });
    const mail = await n.mailTo(user.email, /Confirm your email/);
    expect(mail.links).toEqual([`https://app.example.test/verify-email?token=${encodeURIComponent(token)}`]);
    expect(new URL(mail.links[0]!).searchParams.get('token')).toBe(token);

    await n.publish('billing.payment_succeeded', {
      userId: user.userId,
      paymentId: 'pay_2',
      amount: 100,
      currency: 'eur',
      purpose: 'credits',
      plan: null,
    });
    const receipt = await n.mailTo(user.email, /Receipt/);
    const unsubscribe = receipt.links.find((link) => link.includes('/unsubscribe'))!;
    expect(unsubscribe).toMatch(/^https:\/\/app\.example\.test\/unsubscribe\?token=[\w-]+\.[\w-]+$/);
    expect(receipt.headers['list-unsubscribe']).toBe(`<${unsubscribe}>`);
  });

  it('never reach the log: no token, no unsubscribe link', async () => {
    const user = await n.registered();
    const token = randomUUID();
    await n.publish('identity.password_reset_requested', {
      userId: user.userId,
      email: user.email,
      token,
      expiresAt: new Date().toISOString(),
    });
    await n.publish('billing.refund_issued', {
      userId: user.userId,
      paymentId: 'pay_3',
      refundId: 're_3',
      amount: 100,
      currency: 'gbp',
      reason: 'requested_by_customer',
    });
    await n.mailTo(user.email, /Reset your password/);
    const refund = await n.mailTo(user.email, /Refund/);
    const unsubscribe = new URL(refund.links.find((link) => link.includes('/unsubscribe'))!);
    await pause(100);
    const log = n.logLines.join('\n');
    expect(log).toContain(user.email.slice(0, 8)); // the capture's lines are there...
    expect(log).not.toContain(token); // ...without their links' secrets
    expect(log).not.toContain(unsubscribe.searchParams.get('token')!);
  });
});

describe('a one-time token', () => {
  it('does not stay in the database once its mail is sent; other mail keeps its body', async () => {
    const user = await n.registered();
    const reset = await n.publish('identity.password_reset_requested', {
      userId: user.userId,
      email: user.email,
      token: randomUUID(),
      expiresAt: new Date().toISOString(),
    });
    const receipt = await n.publish('billing.payment_succeeded', {
      userId: user.userId,
      paymentId: 'pay_4',
      amount: 100,
      currency: 'usd',
      purpose: 'credits',
      plan: null,
    });
    await n.mailTo(user.email, /Reset your password/);
    await n.mailTo(user.email, /Receipt/);
    const row = (event: EventEnvelope) =>
      waitFor(
        async () => {
          const found = await n.em().findOneOrFail(Delivery, { eventId: event.id });
          return found.status === 'sent' && found;
        },
        { message: 'the delivery settled' },
      );
    const sent = await row(reset);
    expect(JSON.stringify(sent)).not.toContain(reset.data.token);
    expect([sent.text, sent.html]).toEqual(['', null]);
    expect((await row(receipt)).text).toContain('We received your payment');
  });

  it('is not in the log when its mail cannot be queued', async () => {
    const user = await n.registered();
    await n.sql(`create function notifications.refuse() returns trigger language plpgsql
                 as $$ begin raise exception 'refused by the test'; end $$`);
    await n.sql(`create trigger refuse before insert on notifications.delivery for each row
                 when (new.user_id = '${user.userId}') execute function notifications.refuse()`);
    try {
      const reset = await n.publish('identity.password_reset_requested', {
        userId: user.userId,
        email: user.email,
        token: randomUUID(),
        expiresAt: new Date().toISOString(),
      });
      expect(await n.applied(reset)).toBe(false);
      const written = n.logLines.join('\n');
      expect(written).toContain(reset.id);
      expect(written).not.toContain(reset.data.token);
    } finally {
      await n.sql('drop trigger refuse on notifications.delivery');
      await n.sql('drop function notifications.refuse');
    }
  });
});

describe('wording', () => {
  it.each([
    ['fr-CA', 'Confirmez votre adresse e-mail'],
    ['fr', 'Confirmez votre adresse e-mail'],
    ['de-DE', 'Confirm your email address'],
    ['toString', 'Confirm your email address'],
    ['__proto__', 'Confirm your email address'],
  ])('in %s: %s', async (locale, subject) => {
    const user = await n.registered({ locale });
    const event = await n.publish('identity.email_verification_requested', {
      userId: user.userId,
      email: user.email,
      token: randomUUID(),
      expiresAt: new Date().toISOString(),
    });
    expect(await n.applied(event)).toBe(true);
    expect((await n.mailTo(user.email, /./)).subject).toBe(subject);
  });
});
