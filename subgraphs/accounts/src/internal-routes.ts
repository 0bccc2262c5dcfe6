import { validateInput } from '@lattice/server-kit';
import { bodyFields, type InternalRoutes } from '@lattice/subgraph-kit';
import { z } from 'zod';
import { businessContextSnapshot } from './service/business';

const userId = z
  .string({ error: 'must be a user id (a uuid)' })
  .max(64, 'must be a user id (a uuid)')
  .pipe(z.guid('must be a user id (a uuid)'));

/**
 * accounts' internal interface (see README "Internal interface"): what another domain reads
 * about a user on their behalf, the user named by the caller (which has authenticated them).
 */
export function accountsInternalRoutes(): InternalRoutes {
  return {
    /**
     * `{ userId }` → the user's business context with all their frequent clients and common
     * services (BusinessContextSnapshot): invoicing drafts invoices from it. BAD_USER_INPUT
     * (`field: userId`) for a missing or malformed id; UNAUTHENTICATED for an erased user.
     */
    '/internal/business-context': async (input, { em }) =>
      businessContextSnapshot(em, validateInput(userId, bodyFields(input).userId, 'userId')),
  };
}
