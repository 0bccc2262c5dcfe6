import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput, forbidden } from '@lattice/server-kit';
import { canReadPrivate, requireRole } from '@lattice/subgraph-kit';
import DataLoader from 'dataloader';
import type {
  MembershipResolvers,
  MutationResolvers,
  QueryResolvers,
  UserResolvers,
} from '../__generated__/resolvers-types';
import type { Membership as MembershipRow } from '../entities';
import { grantMembership, isActive, membershipsOf } from '../service/memberships';

/** Per-request loaders: the memberships of any number of users cost one statement. */
export function membershipLoaders(em: EntityManager) {
  return {
    membershipsByUser: new DataLoader<string, MembershipRow[]>((userIds) => membershipsOf(em, userIds)),
  };
}

export const membershipMutations: Pick<MutationResolvers, 'grantMembership'> = {
  grantMembership: async (_parent, { input }, { viewer, em, runtime, loaders }) => {
    requireRole(viewer, 'admin');
    const pkg = runtime.membershipPackages.get(input.package);
    if (!pkg) {
      const known = [...runtime.membershipPackages.keys()].join(', ') || 'none is configured';
      throw badUserInput(`input.package: name one of ${known}`, 'input.package');
    }
    const membership = await grantMembership(em, {
      userId: input.userId,
      pkg,
      source: 'admin',
      startsAt: input.startsAt ?? null,
    });
    loaders.membershipsByUser.clear(input.userId);
    return membership;
  },
};

export const membershipUserFields: Pick<UserResolvers, 'memberships'> = {
  memberships: ({ id }, _args, { viewer, loaders }) => {
    if (!canReadPrivate(viewer, id)) {
      throw forbidden("Only the account's owner and staff can read its memberships");
    }
    return loaders.membershipsByUser.load(id);
  },
};

export const Membership: MembershipResolvers = {
  active: (membership) => isActive(membership, new Date()),
};

/** The membership packages for sale, from configuration. Public. */
export const membershipCatalogueQueries: Pick<QueryResolvers, 'membershipPackages'> = {
  membershipPackages: (_parent, _args, { runtime }) => [...runtime.membershipPackages.values()],
};
