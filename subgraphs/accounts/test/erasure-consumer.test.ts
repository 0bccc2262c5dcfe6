import { randomUUID } from 'node:crypto';
import { createEvent } from '@lattice/events';
import type { RunningSubgraph } from '@lattice/subgraph-kit';
import { startTestSubgraph, type TestSubgraph } from '@lattice/subgraph-kit/testing';
import { waitFor } from '@lattice/testkit';
import { addCommonService, addFrequentClient, updateBusinessContext } from '../src/service/business';
import { updateProfile } from '../src/service/profiles';
import { accounts } from '../src/subgraph';

let fixture: TestSubgraph;
let subgraph: RunningSubgraph;

beforeAll(async () => {
  fixture = await startTestSubgraph(accounts);
  subgraph = fixture.subgraph;
});
afterAll(() => fixture?.stop());

const TABLES = ['profile', 'business_context', 'frequent_client', 'common_service'] as const;

async function count(table: string, userId: string): Promise<number> {
  const [row] = await subgraph.orm.em
    .getConnection()
    .execute<{ count: string }[]>(`select count(*) from accounts.${table} where user_id = ?`, [userId]);
  return Number(row!.count);
}
const countAll = (userId: string) => Promise.all(TABLES.map((table) => count(table, userId)));

/** Gives a user every kind of personal data accounts holds, through the services. */
async function seed(userId: string): Promise<void> {
  const em = () => subgraph.orm.em.fork();
  await updateProfile(em(), userId, {
    firstName: 'Ada',
    lastName: 'Lovelace',
    phone: '+44 7700 900123',
    preferences: { timezone: 'Europe/London' },
  });
  await updateBusinessContext(em(), userId, {
    companyName: 'Analytical Engines Ltd',
    defaultCurrency: 'GBP',
  });
  await addFrequentClient(em(), userId, { name: 'Babbage & Co', email: 'charles@example.com' });
  await addFrequentClient(em(), userId, { name: 'Somerville plc' });
  await addCommonService(em(), userId, { description: 'Programming', unitPrice: '120', unit: 'hour' });
}

const deleted = (userId: string) =>
  createEvent('identity.user_deleted', { actor: null, subject: userId, data: { userId } });

describe('accounts consumes identity.user_deleted', () => {
  it('erases the profile, business context, clients and services of that user only', async () => {
    const userId = randomUUID();
    const bystander = randomUUID();
    await seed(userId);
    await seed(bystander);
    expect(await countAll(userId)).toEqual([1, 1, 2, 1]);

    const event = deleted(userId);
    await fixture.bus.publish(event);
    await waitFor(async () => (await countAll(userId)).every((n) => n === 0), { message: 'the erasure' });

    expect(await countAll(bystander)).toEqual([1, 1, 2, 1]);
    expect(await count('erased_user', userId)).toBe(1);
  });

  it('a redelivery is harmless, and erasing a user accounts never knew works', async () => {
    const userId = randomUUID();
    await seed(userId);
    const event = deleted(userId);
    await fixture.bus.publish(event);
    await fixture.bus.publish(event); // the same event id again
    await fixture.bus.publish(deleted(userId)); // a second deletion event
    await waitFor(async () => (await count('erased_user', userId)) === 1, { message: 'the tombstone' });
    expect(await countAll(userId)).toEqual([0, 0, 0, 0]);

    const stranger = randomUUID();
    await fixture.bus.publish(deleted(stranger));
    await waitFor(async () => (await count('erased_user', stranger)) === 1, { message: 'the tombstone' });
    const [processed] = await subgraph.orm.em
      .getConnection()
      .execute<{ count: string }[]>('select count(*) from accounts.processed_event where event_id = ?', [
        event.id,
      ]);
    expect(Number(processed!.count)).toBe(1);
  });

  it('nothing comes back: neither a late registration nor a still-valid token', async () => {
    const userId = randomUUID();
    await seed(userId);
    await fixture.bus.publish(deleted(userId));
    await waitFor(async () => (await count('erased_user', userId)) === 1, { message: 'the tombstone' });

    await fixture.bus.publish(
      createEvent('identity.user_registered', {
        actor: userId,
        subject: userId,
        data: { userId, email: 'late@example.com', role: 'user' },
      }),
    );
    await expect(updateProfile(subgraph.orm.em.fork(), userId, { firstName: 'Ada' })).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
    await expect(
      addFrequentClient(subgraph.orm.em.fork(), userId, { name: 'Babbage & Co' }),
    ).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(await countAll(userId)).toEqual([0, 0, 0, 0]);
  });
});

describe('updateProfile', () => {
  const outbox = async (userId: string) =>
    subgraph.orm.em
      .getConnection()
      .execute<{ data: { userId: string; fields: string[]; profile: unknown } }[]>(
        `select data from accounts.outbox_event where type = 'accounts.profile_updated' and subject = ? order by occurred_at`,
        [userId],
      );

  it('creates a missing profile, stores E.164 and JSON preferences, and records the changed fields', async () => {
    const userId = randomUUID();
    const profile = await updateProfile(subgraph.orm.em.fork(), userId, {
      firstName: 'Ada',
      phone: '+44 7700-900-123',
      preferences: { locale: 'fr-fr', notifications: { marketing: true } },
    });
    expect(profile).toMatchObject({ firstName: 'Ada', displayName: 'Ada', phone: '+447700900123' });
    const [row] = await subgraph.orm.em
      .getConnection()
      .execute<{ phone: string; preferences: unknown }[]>(
        'select phone, preferences from accounts.profile where user_id = ?',
        [userId],
      );
    expect(row).toEqual({
      phone: '+447700900123',
      preferences: {
        locale: 'fr-FR',
        timezone: 'UTC',
        notifications: { email: true, sms: false, marketing: true },
      },
    });
    expect((await outbox(userId)).map((event) => event.data)).toEqual([
      {
        userId,
        fields: ['firstName', 'phone', 'preferences.locale', 'preferences.notifications.marketing'],
        // How the profile reads now, for domains that address the person (notifications).
        profile: {
          displayName: 'Ada',
          locale: 'fr-FR',
          timezone: 'UTC',
          phone: '+447700900123',
          notifications: { email: true, sms: false, marketing: true },
        },
      },
    ]);

    // Omitted fields stay, null clears, an unchanged value is no change; nothing changed → no event.
    const again = await updateProfile(subgraph.orm.em.fork(), userId, {
      firstName: null,
      phone: '+447700900123',
    });
    expect(again).toMatchObject({ firstName: null, phone: '+447700900123', displayName: 'Ada' });
    await updateProfile(subgraph.orm.em.fork(), userId, { phone: '+447700900123' });
    expect((await outbox(userId)).map((event) => event.data.fields)).toEqual([
      ['firstName', 'phone', 'preferences.locale', 'preferences.notifications.marketing'],
      ['firstName'],
    ]);
  });

  it('a profile created by updateProfile is kept when the registration arrives afterwards', async () => {
    const userId = randomUUID();
    await updateProfile(subgraph.orm.em.fork(), userId, { displayName: 'Countess' });
    const event = createEvent('identity.user_registered', {
      actor: userId,
      subject: userId,
      data: { userId, email: 'ada@example.com', role: 'user' },
    });
    await fixture.bus.publish(event);
    await waitFor(
      async () => {
        const [row] = await subgraph.orm.em
          .getConnection()
          .execute<{ count: string }[]>('select count(*) from accounts.processed_event where event_id = ?', [
            event.id,
          ]);
        return Number(row!.count) === 1;
      },
      { message: 'the registration' },
    );
    const rows = await subgraph.orm.em
      .getConnection()
      .execute<{ display_name: string }[]>('select display_name from accounts.profile where user_id = ?', [
        userId,
      ]);
    expect(rows).toEqual([{ display_name: 'Countess' }]);
  });
});
