import { createEvent } from '@lattice/events';
import { subscribe, waitFor, wsClient } from '@lattice/testkit';
import { registerUser } from './support/accounts';
import { ok } from './support/graphql';
import { postToSubgraph } from './support/subgraph-requests';
import { startTestLattice, type TestLattice } from './support/test-lattice';
import { startMailCapture, type MailCapture } from '@lattice/smtp-capture';

let lattice: TestLattice;
let smtp: MailCapture;
beforeAll(async () => {
  smtp = await startMailCapture();
  lattice = await startTestLattice({ SMTP_URL: smtp.url }, { subgraphs: ['notifications'] });
});
afterAll(async () => {
  await lattice?.stop();
  await smtp?.close();
});

const ADDED = 'subscription { notificationAdded { kind title body read } }';
const receipt = (userId: string, paymentId: string) =>
  createEvent('billing.payment_succeeded', {
    actor: userId,
    subject: userId,
    data: { userId, paymentId, amount: 1_250, currency: 'eur', purpose: 'credits', plan: null },
  });

describe('notificationAdded through the gateway', () => {
  it("brings each user their own new entries, live, and no one else's", async () => {
    const ada = await registerUser(lattice);
    const bob = await registerUser(lattice);
    const known = (userId: string) =>
      waitFor(async () => {
        const rows = await lattice.subgraphs
          .notifications!.orm.em.getConnection()
          .execute('select 1 from notifications.recipient where user_id = ?', [userId]);
        return rows.length > 0;
      });
    await known(ada.id);
    await known(bob.id);
    const adaClient = wsClient(lattice.gateway.url, ada.accessToken);
    const bobClient = wsClient(lattice.gateway.url, bob.accessToken);
    try {
      const adaFeed = subscribe(adaClient, ADDED);
      const bobFeed = subscribe(bobClient, ADDED);
      await new Promise((resolve) => setTimeout(resolve, 300)); // both subscriptions are up
      await lattice.bus.publish(receipt(ada.id, 'pay-ada-1'));
      await lattice.bus.publish(receipt(bob.id, 'pay-bob-1'));
      await lattice.bus.publish(receipt(ada.id, 'pay-ada-2'));
      await adaFeed.received(2);
      await bobFeed.received(1);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(adaFeed.data()).toHaveLength(2);
      expect(bobFeed.data()).toHaveLength(1);
      expect(adaFeed.data()[0]).toEqual({
        notificationAdded: {
          kind: 'payment_receipt',
          title: 'Payment received: €12.50',
          body: expect.any(String),
          read: false,
        },
      });

      const { me } = await ok(
        lattice,
        ada.accessToken,
        '{ me { unreadNotificationCount notifications { edges { node { title } } } } }',
      );
      expect(me.unreadNotificationCount).toBe(2);
      // Bob asking for Ada's inbox the way the gateway would resolve it.
      const bobsView = await postToSubgraph(
        lattice,
        'notifications',
        {
          query: `query($r: [_Any!]!) { _entities(representations: $r) {
            ... on User { unreadNotificationCount notifications { edges { node { title } } } } } }`,
          variables: { r: [{ __typename: 'User', id: ada.id }] },
        },
        { authorization: `Bearer ${bob.accessToken}` },
      );
      const answer = (await bobsView.json()) as {
        data?: unknown;
        errors?: Array<{ extensions: { code: string } }>;
      };
      expect(answer.errors?.length).toBeGreaterThan(0);
      expect(answer.errors?.every((error) => error.extensions.code === 'FORBIDDEN')).toBe(true);
      expect(JSON.stringify(answer.data)).not.toContain('Payment received');
    } finally {
      await adaClient.dispose();
      await bobClient.dispose();
    }
  });
});
