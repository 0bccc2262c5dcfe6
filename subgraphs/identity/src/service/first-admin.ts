import type { EntityManager } from '@mikro-orm/postgresql';
import { createEvent, recordEvent } from '@lattice/events';
import { validateInput } from '@lattice/server-kit';
import { UserAccount } from '../entities';
import { registerInput } from './credentials';
import { hashPassword } from './passwords';

/**
 * Makes sure an admin account exists for `email`: created (verified, with this password)
 * when missing, promoted when it exists. Used at start (ADMIN_EMAIL / ADMIN_PASSWORD) and by
 * the `ensure-admin` command.
 */
export async function ensureAdmin(
  em: EntityManager,
  email: string,
  password: string,
): Promise<'created' | 'promoted' | 'unchanged'> {
  const input = validateInput(registerInput, { email, password }, 'admin');
  const existing = await em.findOne(UserAccount, { email: input.email });
  if (existing) {
    if (existing.role === 'admin' && existing.status === 'active') return 'unchanged';
    recordEvent(
      em,
      createEvent('identity.user_role_changed', {
        actor: null,
        subject: existing.id,
        data: { userId: existing.id, role: 'admin', previousRole: existing.role },
      }),
    );
    existing.role = 'admin';
    existing.status = 'active';
    await em.flush();
    return 'promoted';
  }
  const user = em.create(UserAccount, {
    email: input.email,
    passwordHash: await hashPassword(input.password),
    role: 'admin',
    emailVerified: true,
  });
  recordEvent(
    em,
    createEvent('identity.user_registered', {
      actor: null,
      subject: user.id,
      data: { userId: user.id, email: user.email, role: 'admin' },
    }),
  );
  await em.flush();
  return 'created';
}
