import { createEvent } from '@lattice/events';
import { type CapturedMail, type MailCapture, startMailCapture } from '@lattice/smtp-capture';
import { waitFor } from '@lattice/testkit';
import { newEmail, PASSWORD, registerUser } from './support/accounts';
import { gql, ok } from './support/graphql';
import { startTestLattice, type TestLattice } from './support/test-lattice';

let lattice: TestLattice;
let smtp: MailCapture;
beforeAll(async () => {
  smtp = await startMailCapture();
  lattice = await startTestLattice(
    {
      SMTP_URL: smtp.url,
      APP_URL: 'http://app.example.test',
      DELIVERY_RETRY_BASE_MS: '100',
      DELIVERY_RETRY_MAX_MS: '400',
    },
    { subgraphs: ['accounts', 'notifications'] },
  );
});
afterAll(async () => {
  await lattice?.stop();
  await smtp?.close();
});

const mailsTo = (address: string) => smtp.messages().filter((mail) => mail.envelope.to.includes(address));
const tokenOf = (mail: CapturedMail) => new URL(mail.links[0]!).searchParams.get('token')!;
/** Notifications has applied the registration (events published by a test may overtake it). */
const known = (userId: string) =>
  waitFor(
    async () => (await sql('select 1 from notifications.recipient where user_id = ?', [userId])).length > 0,
  );
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const sql = <T>(query: string, params: unknown[] = []) =>
  lattice.subgraphs.notifications!.orm.em.getConnection().execute<T[]>(query, params);

describe('mail through a real SMTP server', () => {
  it('sends the verification mail on registration; its link verifies the account', async () => {
    const user = await registerUser(lattice);
    const mail = await smtp.waitFor(
      (m) => m.envelope.to.includes(user.email) && /Confirm your email/.test(m.subject),
    );
    expect(mail.links[0]).toMatch(/^http:\/\/app\.example\.test\/verify-email\?token=/);
    expect(mail.html).toContain('Confirm my address');
    const { verifyEmail } = await ok(
      lattice,
      undefined,
      'mutation($t: String!) { verifyEmail(token: $t) { id emailVerified } }',
      {
        t: tokenOf(mail),
      },
    );
    expect(verifyEmail).toEqual({ id: user.id, emailVerified: true });
  });

  it('sends the reset mail; its link sets a new password', async () => {
    const user = await registerUser(lattice);
    await ok(lattice, undefined, 'mutation($e: String!) { requestPasswordReset(email: $e) }', {
      e: user.email,
    });
    const mail = await smtp.waitFor(
      (m) => m.envelope.to.includes(user.email) && /Reset your password/.test(m.subject),
    );
    await ok(
      lattice,
      undefined,
      'mutation($t: String!) { resetPassword(token: $t, newPassword: "a brand new passphrase") }',
      {
        t: tokenOf(mail),
      },
    );
    const login = await ok(
      lattice,
      undefined,
      'mutation($e: String!) { login(input: { email: $e, password: "a brand new passphrase" }) { user { id } } }',
      {
        e: user.email,
      },
    );
    expect(login.login.user.id).toBe(user.id);
    // The change is told to the owner too: security mail.
    await smtp.waitFor(
      (m) => m.envelope.to.includes(user.email) && /Your password was reset/.test(m.subject),
    );
  });

  it('retries while the mail server is down and sends once it is back, once', async () => {
    await smtp.fail('closed');
    const email = newEmail('smtp-down');
    try {
      await registerUser(lattice, email);
      await waitFor(async () => {
        const [row] = await sql<{ attempts: number }>(
          "select attempts from notifications.delivery where address = ? and kind = 'email_verification'",
          [email],
        );
        return (row?.attempts ?? 0) >= 2;
      });
    } finally {
      await smtp.resume();
    }
    await smtp.waitFor((m) => m.envelope.to.includes(email), 15_000);
    await pause(800);
    expect(mailsTo(email)).toHaveLength(1);
    const [row] = await sql<{ status: string }>(
      'select status from notifications.delivery where address = ?',
      [email],
    );
    expect(row!.status).toBe('sent');
  });

  it('sends one mail for an event delivered 5 times', async () => {
    const user = await registerUser(lattice);
    await known(user.id);
    const event = createEvent('identity.password_changed', {
      actor: user.id,
      subject: user.id,
      data: { userId: user.id, via: 'change' },
    });
    for (let i = 0; i < 5; i += 1) await lattice.bus.publish(event);
    await smtp.waitFor(
      (m) => m.envelope.to.includes(user.email) && /Your password was changed/.test(m.subject),
    );
    await pause(800);
    expect(mailsTo(user.email).filter((m) => /Your password was changed/.test(m.subject))).toHaveLength(1);
  });

  it('escapes a display name in HTML and keeps newlines out of headers', async () => {
    const user = await registerUser(lattice);
    await ok(
      lattice,
      user.accessToken,
      'mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { displayName } }',
      {
        i: { displayName: '<script>alert(1)</script> & "Eve"' },
      },
    );
    await waitFor(async () => {
      const [row] = await sql<{ display_name: string }>(
        'select display_name from notifications.recipient where user_id = ?',
        [user.id],
      );
      return row?.display_name?.startsWith('<script>') ?? false;
    });
    await ok(
      lattice,
      user.accessToken,
      'mutation { changePassword(currentPassword: "' +
        PASSWORD +
        '", newPassword: "another long passphrase") }',
    );
    const mail = await smtp.waitFor(
      (m) => m.envelope.to.includes(user.email) && /password was changed/.test(m.subject),
    );
    expect(mail.html).toContain('Hello &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Eve&quot;');
    expect(mail.html).not.toContain('<script>');
    expect(mail.text).toContain('Hello <script>alert(1)</script> & "Eve"');

    // A name with a line break (not one accounts would accept) still cannot add a header.
    await lattice.bus.publish(
      createEvent('accounts.profile_updated', {
        actor: user.id,
        subject: user.id,
        data: {
          userId: user.id,
          fields: ['displayName'],
          profile: {
            displayName: 'Eve\r\nBcc: thief@example.com',
            locale: 'en',
            timezone: 'UTC',
            phone: null,
            notifications: { email: true, sms: false, marketing: false },
          },
        },
      }),
    );
    await waitFor(async () => {
      const [row] = await sql<{ display_name: string }>(
        'select display_name from notifications.recipient where user_id = ?',
        [user.id],
      );
      return row?.display_name?.startsWith('Eve') ?? false;
    });
    await lattice.bus.publish(
      createEvent('identity.password_changed', {
        actor: user.id,
        subject: user.id,
        data: { userId: user.id, via: 'reset' },
      }),
    );
    const injected = await smtp.waitFor(
      (m) => m.envelope.to.includes(user.email) && /password was reset/.test(m.subject),
    );
    expect(injected.envelope.to).toEqual([user.email]);
    expect(injected.headers.bcc).toBeUndefined();
    expect(injected.raw).not.toMatch(/^Bcc:/im);
  });

  it('respects a category turned off on email, and still sends security mail', async () => {
    const user = await registerUser(lattice);
    await known(user.id);
    await ok(
      lattice,
      user.accessToken,
      'mutation { updateNotificationPreferences(preferences: [{ category: billing, channel: email, enabled: false }]) { category channel enabled } }',
    );
    const refused = await gql(
      lattice,
      user.accessToken,
      'mutation { updateNotificationPreferences(preferences: [{ category: security, channel: email, enabled: false }]) { enabled } }',
    );
    expect(refused.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    await lattice.bus.publish(
      createEvent('billing.payment_succeeded', {
        actor: user.id,
        subject: user.id,
        data: {
          userId: user.id,
          paymentId: 'pay-1',
          amount: 2_900,
          currency: 'usd',
          purpose: 'other',
          plan: null,
        },
      }),
    );
    await lattice.bus.publish(
      createEvent('identity.password_changed', {
        actor: user.id,
        subject: user.id,
        data: { userId: user.id, via: 'change' },
      }),
    );
    await smtp.waitFor((m) => m.envelope.to.includes(user.email) && /password was changed/.test(m.subject));
    // The receipt reached the inbox, not the mailbox.
    await waitFor(async () => {
      const { me } = await ok(
        lattice,
        user.accessToken,
        '{ me { notifications { edges { node { kind } } } } }',
      );
      return me.notifications.edges.some((edge: any) => edge.node.kind === 'payment_receipt');
    });
    await pause(500);
    expect(mailsTo(user.email).some((m) => /Receipt/.test(m.subject))).toBe(false);
  });
});
