import { randomUUID } from 'node:crypto';
import { createInternalClient, type InternalClient } from '@lattice/subgraph-kit';
import { startTestSubgraph, type TestSubgraph } from '@lattice/subgraph-kit/testing';
import { subgraph as billing } from '../src';
import type { CreditHoldAnswer } from '../src/internal-routes';
import { creditBalance, grantCredits, holdCredits, releaseCreditHold } from '../src/service/credits';

const SECRET = 'the-secret-billing-and-bookings-share';

let fixture: TestSubgraph;
let client: InternalClient;

beforeAll(async () => {
  fixture = await startTestSubgraph(billing, { SUBGRAPH_SECRET: SECRET, STRIPE_SIMULATOR_PORT: '0' });
  client = createInternalClient({
    service: 'billing',
    baseUrl: new URL(fixture.subgraph.url).origin,
    secret: SECRET,
    caller: 'bookings',
  });
});
afterAll(() => fixture?.stop());

const em = () => fixture.subgraph.orm.em.fork();
const buy = (userId: string, amount: number) =>
  grantCredits(em(), {
    userId,
    amount,
    bucket: 'purchased',
    kind: 'purchase',
    reason: 'pack',
    key: randomUUID(),
  });
const available = async (userId: string) => (await creditBalance(em(), userId)).available;

const hold = (input: Record<string, unknown>) =>
  client.call<CreditHoldAnswer>('/internal/credit-holds', input);
const release = (userId: string, reference: string) =>
  client.call<CreditHoldAnswer | null>('/internal/credit-holds/release', { userId, reference });
const capture = (userId: string, reference: string) =>
  client.call<CreditHoldAnswer | null>('/internal/credit-holds/capture', { userId, reference });

describe("billing's internal credit holds", () => {
  it('holds once per (user, reference): a repeat answers the same hold and takes nothing more', async () => {
    const userId = randomUUID();
    await buy(userId, 10);
    const first = await hold({ userId, amount: 4, reference: 'booking-1' });
    expect(first).toEqual({ id: expect.any(String), status: 'held', amount: 4, reference: 'booking-1' });
    expect(await hold({ userId, amount: 4, reference: 'booking-1' })).toEqual(first);
    expect(await available(userId)).toBe(6);
    expect((await creditBalance(em(), userId)).held).toBe(4);
  });

  it('of concurrent holds of one reference, one hold is made and the credits are taken once', async () => {
    const userId = randomUUID();
    await buy(userId, 10);
    const holds = await Promise.all(
      Array.from({ length: 6 }, () => hold({ userId, amount: 3, reference: 'booking-2' })),
    );
    expect(new Set(holds.map((answer) => answer.id)).size).toBe(1);
    expect(await available(userId)).toBe(7);
  });

  it('refuses too few credits (QUOTA_EXCEEDED with available and requested), another amount for a reference (CONFLICT), bad input (BAD_USER_INPUT)', async () => {
    const userId = randomUUID();
    await buy(userId, 2);
    await expect(hold({ userId, amount: 5, reference: 'booking-3' })).rejects.toMatchObject({
      message: 'Not enough credits: 5 requested, 2 available',
      extensions: { code: 'QUOTA_EXCEEDED', available: 2, requested: 5 },
    });
    await hold({ userId, amount: 2, reference: 'booking-4' });
    await expect(hold({ userId, amount: 1, reference: 'booking-4' })).rejects.toMatchObject({
      extensions: { code: 'CONFLICT', field: 'reference' },
    });
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ userId: 'not-a-user', amount: 1, reference: 'r' }, 'userId'],
      [{ userId, amount: 0, reference: 'r' }, 'amount'],
      [{ userId, amount: '1', reference: 'r' }, 'amount'],
      [{ userId, amount: 1 }, 'reference'],
      [{ userId, amount: 1, reference: ' ' }, 'reference'],
    ];
    for (const [input, field] of bad) {
      await expect(hold(input)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field } });
    }
    await expect(client.call('/internal/credit-holds', 'not an object')).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'userId' },
    });
    expect(await available(userId)).toBe(0);
  });

  it('releases by reference, returning the credits; a repeat answers the released hold; capturing it then is CONFLICT', async () => {
    const userId = randomUUID();
    await buy(userId, 10);
    const held = await hold({ userId, amount: 6, reference: 'booking-5' });
    const released = await release(userId, 'booking-5');
    expect(released).toEqual({ ...held, status: 'released' });
    expect(await available(userId)).toBe(10);
    expect(await release(userId, 'booking-5')).toEqual(released);
    expect(await available(userId)).toBe(10);
    await expect(capture(userId, 'booking-5')).rejects.toMatchObject({
      message: 'This hold is already released',
      extensions: { code: 'CONFLICT', field: 'reference' },
    });
  });

  it('captures by reference once; a repeat answers the captured hold; releasing it then is CONFLICT', async () => {
    const userId = randomUUID();
    await buy(userId, 10);
    const held = await hold({ userId, amount: 3, reference: 'booking-6' });
    expect(await capture(userId, 'booking-6')).toEqual({ ...held, status: 'captured' });
    expect(await capture(userId, 'booking-6')).toEqual({ ...held, status: 'captured' });
    await expect(release(userId, 'booking-6')).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(await creditBalance(em(), userId)).toMatchObject({ available: 7, held: 0 });
  });

  it('concurrent releases of one reference return the credits once, and all answer the released hold', async () => {
    const userId = randomUUID();
    await buy(userId, 10);
    await hold({ userId, amount: 5, reference: 'booking-7' });
    const answers = await Promise.all(Array.from({ length: 5 }, () => release(userId, 'booking-7')));
    expect(answers.map((answer) => answer?.status)).toEqual(Array(5).fill('released'));
    expect(await creditBalance(em(), userId)).toMatchObject({ available: 10, held: 0 });
  });

  it('of a concurrent release and capture of one reference, exactly one wins; the other is CONFLICT', async () => {
    const userId = randomUUID();
    await buy(userId, 10);
    await hold({ userId, amount: 4, reference: 'booking-9' });
    const outcomes = await Promise.allSettled([release(userId, 'booking-9'), capture(userId, 'booking-9')]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const [refused] = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect((refused as PromiseRejectedResult).reason).toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect((await creditBalance(em(), userId)).held).toBe(0);
  });

  it("keeps a service's holds out of reach of the user's own mutations", async () => {
    const userId = randomUUID();
    await buy(userId, 10);
    const held = await hold({ userId, amount: 2, reference: 'booking-8' });
    expect(held.reference).toBe('booking-8');
    // The member cannot release the hold of a seat they keep...
    await expect(releaseCreditHold(em(), { userId, holdId: held.id })).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
    // ...nor make one in the service's name beforehand, nor does their own reference meet it.
    await expect(
      holdCredits(em(), { userId, amount: 2, reference: 'service:booking-9' }),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'reference' } });
    const own = await holdCredits(em(), { userId, amount: 1, reference: 'booking-9' });
    expect((await hold({ userId, amount: 2, reference: 'booking-9' })).id).not.toBe(own.id);
    expect((await release(userId, 'booking-8'))!.status).toBe('released');
    expect(await available(userId)).toBe(10 - 1 - 2);
  });

  it('answers null for a reference with no hold, so a caller may release blindly', async () => {
    const userId = randomUUID();
    expect(await release(userId, 'never-held')).toBeNull();
    expect(await capture(userId, 'never-held')).toBeNull();
  });

  it("keys holds per user: another user's reference is a different hold, out of reach", async () => {
    const alice = randomUUID();
    const bob = randomUUID();
    await buy(alice, 10);
    await buy(bob, 10);
    const alices = await hold({ userId: alice, amount: 2, reference: 'shared-ref' });
    expect(await release(bob, 'shared-ref')).toBeNull();
    expect(await capture(bob, 'shared-ref')).toBeNull();
    const bobs = await hold({ userId: bob, amount: 3, reference: 'shared-ref' });
    expect(bobs.id).not.toBe(alices.id);
    expect(await release(bob, 'shared-ref')).toMatchObject({ id: bobs.id, status: 'released' });
    expect(await available(alice)).toBe(8);
    expect(await available(bob)).toBe(10);
  });

  it('are refused without a signature, and to any other secret', async () => {
    const userId = randomUUID();
    await buy(userId, 10);
    const body = JSON.stringify({ userId, amount: 1, reference: 'forged' });
    const unsigned = await fetch(new URL('/internal/credit-holds', fixture.subgraph.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(unsigned.status).toBe(401);
    const forged = createInternalClient({
      service: 'billing',
      baseUrl: new URL(fixture.subgraph.url).origin,
      secret: 'not-the-secret-though-just-as-long!!',
    });
    await expect(
      forged.call('/internal/credit-holds', { userId, amount: 1, reference: 'forged' }),
    ).rejects.toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE', service: 'billing' } });
    expect(await available(userId)).toBe(10);
  });
});
