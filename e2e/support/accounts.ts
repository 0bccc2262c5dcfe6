import { LoginDocument, RegisterDocument } from '@lattice/client';
import type { TestLattice } from './test-lattice';

let sequence = 0;

/** A new unique email for this test run. */
export function newEmail(label = 'user'): string {
  sequence += 1;
  return `${label}-${sequence}-${Date.now().toString(36)}@example.com`;
}

export const PASSWORD = 'correct horse battery staple';

/** Registers a user through the gateway; returns its id and tokens. */
export async function registerUser(lattice: TestLattice, email = newEmail()) {
  const { register } = await lattice
    .client()
    .request(RegisterDocument, { input: { email, password: PASSWORD } });
  return {
    id: register.user.id,
    email,
    accessToken: register.accessToken,
    refreshToken: register.refreshToken,
  };
}

/** Makes a user an admin (directly in identity's tables) and signs in again for a token that says so. */
export async function promoteToAdmin(lattice: TestLattice, email: string): Promise<string> {
  await lattice.subgraphs
    .identity!.orm.em.getConnection()
    .execute(`update identity.user_account set role = 'admin' where email = ?`, [email]);
  const { login } = await lattice.client().request(LoginDocument, { input: { email, password: PASSWORD } });
  return login.accessToken;
}
