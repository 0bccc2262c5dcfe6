import { hash, verify } from '@node-rs/argon2';

// Argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane). Parameters are
// stored in each hash, so raising them later keeps old hashes verifiable.
// `algorithm: 2` is Argon2id (the package exports it as a const enum, unusable with isolatedModules).
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/**
 * Marks an account that has no password (created by signing in with an OpenID provider):
 * no password matches it until the user sets one with a password reset.
 */
export const NO_PASSWORD_PREFIX = 'no-password:';

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  // No usable hash (no password yet, or erased): no match, in the time a real check takes.
  if (!passwordHash.startsWith('$argon2')) return verifyAgainstDecoy(password);
  return verify(passwordHash, password);
}

// A real hash of a random password: verifying against it when the email is unknown makes an
// unknown account take as long as a wrong password, so timing does not reveal accounts.
let decoy: Promise<string> | undefined;
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoy ??= hashPassword(crypto.randomUUID());
  await verify(await decoy, password);
  return false;
}
