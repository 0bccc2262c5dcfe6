/**
 * How a counter of failed sign-ins turns into a lock: `free` failures pass, then each one
 * locks for `firstLockMs`, doubled with every further failure up to `maxLockMs` (AWS
 * Cognito's schedule; Keycloak's brute-force detection is the same idea). A counter is
 * forgotten `memoryMs` after its lock ends without another failure.
 */
export interface BackoffRule {
  free: number;
  firstLockMs: number;
  maxLockMs: number;
  memoryMs: number;
}

/** The lock that follows the `failures`-th failure (0 while within the free ones). */
export function lockMs(failures: number, rule: BackoffRule): number {
  if (failures < rule.free) return 0;
  return Math.min(rule.maxLockMs, rule.firstLockMs * 2 ** (failures - rule.free));
}
