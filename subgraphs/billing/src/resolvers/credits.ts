import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { forbidden, type Viewer } from '@lattice/server-kit';
import { canReadPrivate, requireRole, requireViewer } from '@lattice/subgraph-kit';
import DataLoader from 'dataloader';
import type {
  CreditBalanceResolvers,
  MutationResolvers,
  QueryResolvers,
  UserResolvers,
} from '../__generated__/resolvers-types';
import {
  captureCreditHold,
  creditAccountsByUser,
  type CreditBalance as Balance,
  creditLedger,
  grantCredits,
  holdCredits,
  releaseCreditHold,
  spendCredits,
} from '../service/credits';

/** Per-request loaders: the credits of any number of users cost one statement. */
export function creditLoaders(em: EntityManager) {
  return {
    creditAccountByUser: new DataLoader<string, Balance>((userIds) => creditAccountsByUser(em, userIds)),
  };
}

// Every credit mutation but grantCredits acts on the caller's own credits: none takes a user id.
export const creditMutations: Pick<
  MutationResolvers,
  'spendCredits' | 'holdCredits' | 'releaseCreditHold' | 'captureCreditHold' | 'grantCredits'
> = {
  spendCredits: async (_parent, { amount, reason, idempotencyKey }, { viewer, em, loaders }) => {
    const { id } = requireViewer(viewer);
    const balance = await spendCredits(em, { userId: id, amount, reason, key: idempotencyKey });
    loaders.creditAccountByUser.clear(id).prime(id, balance);
    return balance;
  },
  holdCredits: async (_parent, { amount, reference }, { viewer, em, loaders }) => {
    const { id } = requireViewer(viewer);
    const hold = await holdCredits(em, { userId: id, amount, reference });
    loaders.creditAccountByUser.clear(id);
    return hold;
  },
  releaseCreditHold: async (_parent, { id: holdId }, { viewer, em, loaders }) => {
    const { id } = requireViewer(viewer);
    const hold = await releaseCreditHold(em, { userId: id, holdId });
    loaders.creditAccountByUser.clear(id);
    return hold;
  },
  captureCreditHold: async (_parent, { id: holdId }, { viewer, em, loaders }) => {
    const { id } = requireViewer(viewer);
    const hold = await captureCreditHold(em, { userId: id, holdId });
    loaders.creditAccountByUser.clear(id);
    return hold;
  },
  grantCredits: async (_parent, { userId, amount, reason }, { viewer, em, loaders }) => {
    const admin = requireRole(viewer, 'admin');
    // Purchased credits: they do not expire. Every call is a grant of its own.
    const balance = await grantCredits(em, {
      userId,
      amount,
      reason,
      bucket: 'purchased',
      kind: 'admin_grant',
      key: `admin:${admin.id}:${randomUUID()}`,
    });
    loaders.creditAccountByUser.clear(userId).prime(userId, balance);
    return balance;
  },
};

const mustReadPrivate = (viewer: Viewer | null, userId: string, what: string) => {
  if (!canReadPrivate(viewer, userId))
    throw forbidden(`Only the account's owner and staff can read its ${what}`);
};

export const creditUserFields: Pick<UserResolvers, 'credits' | 'creditLedger'> = {
  credits: ({ id }, _args, { viewer, loaders }) => {
    mustReadPrivate(viewer, id, 'credits');
    return loaders.creditAccountByUser.load(id);
  },
  creditLedger: ({ id }, args, { viewer, em }) => {
    mustReadPrivate(viewer, id, 'credit ledger');
    return creditLedger(em, id, args);
  },
};

export const CreditBalance: CreditBalanceResolvers = {
  // The parent may be a CreditAccount row as well as a computed balance.
  available: (balance) => balance.subscription + balance.purchased,
};

/** The credit packs for sale, from configuration. Public. */
export const creditCatalogueQueries: Pick<QueryResolvers, 'creditPacks'> = {
  creditPacks: (_parent, _args, { runtime }) => [...runtime.creditPacks.values()],
};
