import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { createEvent, recordEvent } from '@lattice/events';
import { badUserInput, conflict, notFound, type Role, type Viewer } from '@lattice/server-kit';
import { type PageArgs, paginate } from '@lattice/subgraph-kit';
import { type AccountStatus, UserAccount } from '../entities';
import { eraseAccount } from './erasure';
import { revokeSessions } from './sessions';

export interface UserFilter {
  role?: Role | null;
  status?: AccountStatus | null;
}

/** Accounts for admins, newest first; `search` matches part of the email. */
export function listUsers(
  em: EntityManager,
  filter: UserFilter | null | undefined,
  search: string | null | undefined,
  args: PageArgs,
) {
  const where: FilterQuery<UserAccount> = {};
  if (filter?.role) where.role = filter.role;
  if (filter?.status) where.status = filter.status;
  if (search) {
    if (search.length > 254) throw badUserInput('search: must be at most 254 characters', 'search');
    where.email = { $ilike: `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` };
  }
  return paginate(em, UserAccount, where, args, {
    orderBy: ['createdAt', 'id'],
    direction: 'desc',
    maxFirst: 200,
  });
}

async function target(em: EntityManager, admin: Viewer, userId: string): Promise<UserAccount> {
  const user = /^[0-9a-f-]{36}$/i.test(userId) ? await em.findOne(UserAccount, { id: userId }) : null;
  if (!user) throw notFound('No such user');
  // An admin locking themself out could leave the platform with no admin at all.
  if (user.id === admin.id) throw conflict('Admins cannot change their own role or status', 'userId');
  return user;
}

export async function setUserRole(
  em: EntityManager,
  admin: Viewer,
  userId: string,
  role: Role,
): Promise<UserAccount> {
  const user = await target(em, admin, userId);
  if (user.status === 'deleted') throw conflict('The account is deleted', 'userId');
  if (user.role !== role) {
    recordEvent(
      em,
      createEvent('identity.user_role_changed', {
        actor: admin.id,
        subject: user.id,
        data: { userId: user.id, role, previousRole: user.role },
      }),
    );
    user.role = role;
    await em.flush();
  }
  return user;
}

/** Anything but `active` ends the account's sessions at once; `deleted` erases its data. */
export async function setUserStatus(
  em: EntityManager,
  admin: Viewer,
  userId: string,
  status: AccountStatus,
): Promise<UserAccount> {
  const user = await target(em, admin, userId);
  if (user.status === status) return user;
  if (user.status === 'deleted') throw conflict('A deleted account cannot be restored', 'userId');
  if (status === 'deleted') return eraseAccount(em, user.id, admin.id);
  return em.transactional(async (tx) => {
    const current = await tx.findOneOrFail(UserAccount, { id: user.id });
    recordEvent(
      tx,
      createEvent('identity.user_status_changed', {
        actor: admin.id,
        subject: user.id,
        data: { userId: user.id, status, previousStatus: current.status },
      }),
    );
    current.status = status;
    if (status !== 'active') await revokeSessions(tx, user.id, undefined, admin.id);
    return current;
  });
}
