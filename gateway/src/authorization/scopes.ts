import { type Role, rolesHeldBy } from '@lattice/server-kit';

/**
 * The scopes a role holds: the name of every role it includes (server-kit's ROLES). This is
 * where roles become the scopes that `@requiresScopes` in the supergraph asks for.
 */
export function scopesOf(role: Role): ReadonlySet<string> {
  return new Set(rolesHeldBy(role));
}
