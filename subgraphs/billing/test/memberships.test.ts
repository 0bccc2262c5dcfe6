import { randomUUID } from 'node:crypto';
import {
  Membership,
  membershipLoaders,
  membershipMutations,
  membershipUserFields,
} from '../src/resolvers/memberships';
import { grantMembership, isActive, membershipsOf } from '../src/service/memberships';
import type { MembershipPackage } from '../src/service/settings';
import { useBillingDatabase } from './support/billing-database';

const db = useBillingDatabase();

const DAY = 86_400_000;
const em = () => db.orm.em.fork();
const gymMonth: MembershipPackage = {
  id: 'gym-monthly',
  type: 'gym',
  name: 'Gym, one month',
  durationDays: 30,
  price: 4_900,
  currency: 'usd',
};
const gymYear: MembershipPackage = {
  ...gymMonth,
  id: 'gym-yearly',
  name: 'Gym, one year',
  durationDays: 365,
};
const pool: MembershipPackage = { ...gymMonth, id: 'pool-monthly', type: 'pool', name: 'Pool, one month' };

describe('grantMembership', () => {
  it('starts now and lasts the package’s days', async () => {
    const userId = randomUUID();
    const before = Date.now();
    const membership = await grantMembership(em(), { userId, pkg: gymMonth, source: 'admin' });
    const after = Date.now();
    expect(membership).toMatchObject({
      userId,
      type: 'gym',
      package: 'gym-monthly',
      source: 'admin',
      paymentId: null,
    });
    expect(membership.startsAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(membership.startsAt.getTime()).toBeLessThanOrEqual(after);
    expect(membership.expiresAt.getTime() - membership.startsAt.getTime()).toBe(30 * DAY);
    expect(isActive(membership, new Date())).toBe(true);
  });

  it('stacks a membership of the same type after the last one, not one of another type', async () => {
    const userId = randomUUID();
    const first = await grantMembership(em(), {
      userId,
      pkg: gymMonth,
      source: 'purchase',
      paymentId: randomUUID(),
    });
    const second = await grantMembership(em(), {
      userId,
      pkg: gymYear,
      source: 'purchase',
      paymentId: randomUUID(),
    });
    const third = await grantMembership(em(), { userId, pkg: gymMonth, source: 'admin' });
    expect(second.startsAt).toEqual(first.expiresAt);
    expect(second.expiresAt.getTime()).toBe(first.expiresAt.getTime() + 365 * DAY);
    expect(third.startsAt).toEqual(second.expiresAt);
    const swim = await grantMembership(em(), { userId, pkg: pool, source: 'admin' });
    expect(swim.startsAt.getTime()).toBeLessThan(first.expiresAt.getTime());

    const now = new Date();
    expect([first, second, third, swim].map((m) => isActive(m, now))).toEqual([true, false, false, true]);
  });

  it('stacks concurrent purchases too: no two overlap', async () => {
    const userId = randomUUID();
    const memberships = await Promise.all(
      Array.from({ length: 6 }, () =>
        grantMembership(em(), { userId, pkg: gymMonth, source: 'purchase', paymentId: randomUUID() }),
      ),
    );
    const sorted = memberships.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.startsAt).toEqual(sorted[i - 1]!.expiresAt);
  });

  it('starts at a given date, pushed past a membership of the same type still running then', async () => {
    const userId = randomUUID();
    const inTenDays = new Date(Date.now() + 10 * DAY);
    const later = await grantMembership(em(), {
      userId,
      pkg: gymMonth,
      source: 'admin',
      startsAt: inTenDays,
    });
    expect(later.startsAt).toEqual(inTenDays);
    expect(isActive(later, new Date())).toBe(false);
    const pushed = await grantMembership(em(), {
      userId,
      pkg: gymMonth,
      source: 'admin',
      startsAt: new Date(Date.now() + 20 * DAY),
    });
    expect(pushed.startsAt).toEqual(later.expiresAt);

    const past = await grantMembership(em(), {
      userId: randomUUID(),
      pkg: gymMonth,
      source: 'admin',
      startsAt: new Date(Date.now() - 40 * DAY),
    });
    expect(isActive(past, new Date())).toBe(false);
  });

  it('one membership per payment, even when the payment is fulfilled twice at once', async () => {
    const userId = randomUUID();
    const paymentId = randomUUID();
    const grants = await Promise.all(
      Array.from({ length: 4 }, () =>
        grantMembership(em(), { userId, pkg: gymMonth, source: 'purchase', paymentId }),
      ),
    );
    expect(new Set(grants.map((membership) => membership.id)).size).toBe(1);
    const again = await grantMembership(em(), { userId, pkg: gymMonth, source: 'purchase', paymentId });
    expect(again.id).toBe(grants[0]!.id);
    const [row] = await db.orm.em
      .getConnection()
      .execute<Array<{ count: string }>>('select count(*) from billing.membership where user_id = ?', [
        userId,
      ]);
    expect(Number(row!.count)).toBe(1);
  });

  it('refuses a user id that is not one', async () => {
    await expect(
      grantMembership(em(), { userId: 'nobody', pkg: gymMonth, source: 'admin' }),
    ).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'input.userId' },
    });
  });
});

describe('isActive', () => {
  it('from its start, until (not at) its expiry', () => {
    const membership = {
      startsAt: new Date('2026-01-01T00:00:00Z'),
      expiresAt: new Date('2026-01-31T00:00:00Z'),
    };
    expect(isActive(membership, new Date('2025-12-31T23:59:59.999Z'))).toBe(false);
    expect(isActive(membership, new Date('2026-01-01T00:00:00Z'))).toBe(true);
    expect(isActive(membership, new Date('2026-01-30T23:59:59.999Z'))).toBe(true);
    expect(isActive(membership, new Date('2026-01-31T00:00:00Z'))).toBe(false);
  });
});

describe('membershipsOf', () => {
  it("answers every user's memberships in key order, active first, in one statement", async () => {
    const [a, b, none] = [randomUUID(), randomUUID(), randomUUID()];
    const expired = await grantMembership(em(), {
      userId: a,
      pkg: pool,
      source: 'admin',
      startsAt: new Date(Date.now() - 60 * DAY),
    });
    const active = await grantMembership(em(), { userId: a, pkg: gymMonth, source: 'admin' });
    const upcoming = await grantMembership(em(), { userId: a, pkg: gymMonth, source: 'admin' });
    const other = await grantMembership(em(), { userId: b, pkg: pool, source: 'admin' });

    let statements = 0;
    const count = () => (statements += 1);
    const knex = db.orm.em.getConnection().getKnex();
    knex.on('query', count);
    const lists = await membershipsOf(em(), [none, a, b]).finally(() => knex.off('query', count));
    expect(statements).toBe(1);
    expect(lists.map((list) => list.map((membership) => membership.id))).toEqual([
      [],
      [active.id, upcoming.id, expired.id],
      [other.id],
    ]);
  });
});

describe('membership resolvers', () => {
  type Call = (parent: unknown, args: unknown, context: unknown) => Promise<unknown>;
  const call = (resolver: unknown, parent: unknown, args: unknown, context: unknown) =>
    Promise.resolve().then(() => (resolver as Call)(parent, args, context));
  const viewer = (role: 'user' | 'moderator' | 'admin', id: string = randomUUID()) => ({
    id,
    role,
    sessionId: randomUUID(),
    token: 't',
  });
  const runtime = { membershipPackages: new Map([[gymMonth.id, gymMonth]]) };
  const context = (who: ReturnType<typeof viewer> | null) => {
    const request = em();
    return { viewer: who, em: request, runtime, loaders: membershipLoaders(request) };
  };

  it('grantMembership: admins only, a configured package only; memberships: owner and staff', async () => {
    const user = viewer('user');
    const input = { userId: user.id, package: gymMonth.id };
    await expect(
      call(membershipMutations.grantMembership, {}, { input }, context(user)),
    ).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
    await expect(
      call(
        membershipMutations.grantMembership,
        {},
        { input: { ...input, package: 'nope' } },
        context(viewer('admin')),
      ),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.package' } });
    const granted = await call(membershipMutations.grantMembership, {}, { input }, context(viewer('admin')));
    expect(granted).toMatchObject({ userId: user.id, package: gymMonth.id, source: 'admin' });
    expect(await call(Membership.active, granted, {}, context(user))).toBe(true);

    await expect(
      call(membershipUserFields.memberships, { id: user.id }, {}, context(user)),
    ).resolves.toHaveLength(1);
    await expect(
      call(membershipUserFields.memberships, { id: user.id }, {}, context(viewer('moderator'))),
    ).resolves.toHaveLength(1);
    await expect(
      call(membershipUserFields.memberships, { id: user.id }, {}, context(viewer('user'))),
    ).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
  });
});
