import { createEvent } from '@lattice/events';
import type { RunningSubgraph } from '@lattice/subgraph-kit';
import { startTestSubgraph, type TestSubgraph } from '@lattice/subgraph-kit/testing';
import { waitFor } from '@lattice/testkit';
import { randomUUID } from 'node:crypto';
import { accounts } from '../src/subgraph';

let fixture: TestSubgraph;
let subgraph: RunningSubgraph;

beforeAll(async () => {
  fixture = await startTestSubgraph(accounts);
  subgraph = fixture.subgraph;
});
afterAll(() => fixture?.stop());

const profiles = async (userId: string) =>
  subgraph.orm.em
    .getConnection()
    .execute<{ display_name: string }[]>('select display_name from accounts.profile where user_id = ?', [
      userId,
    ]);

describe('accounts consumes identity.user_registered', () => {
  it('creates one profile per user, even when the event is delivered twice', async () => {
    const userId = randomUUID();
    const event = createEvent('identity.user_registered', {
      actor: userId,
      subject: userId,
      data: { userId, email: 'grace.hopper@example.com', role: 'user' },
    });
    await fixture.bus.publish(event);
    await fixture.bus.publish(event); // a redelivery: same event id
    await waitFor(async () => (await profiles(userId)).length === 1, { message: 'the profile' });
    expect(await profiles(userId)).toEqual([{ display_name: 'grace.hopper' }]);

    const [processed] = await subgraph.orm.em
      .getConnection()
      .execute<{ count: string }[]>('select count(*) from accounts.processed_event where event_id = ?', [
        event.id,
      ]);
    expect(Number(processed!.count)).toBe(1);
  });
});
