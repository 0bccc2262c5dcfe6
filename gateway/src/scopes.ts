import type { Role } from '@lattice/server-kit';

/**
 * The scopes each role holds: the one place where roles become the scopes that
 * `@requiresScopes` in the supergraph asks for.
 */
export const SCOPES_OF_ROLE: Readonly<Record<Role, readonly string[]>> = {
  admin: ['admin', 'moderator', 'user'],
  moderator: ['moderator', 'user'],
  user: ['user'],
};

export function scopesOf(role: Role): ReadonlySet<string> {
  return new Set(SCOPES_OF_ROLE[role] ?? []);
}
