/** What every event contract says: its payload's version, and whether it carries a secret. */
export interface EventSpec {
  version: number;
  /** Carries a secret meant for one consumer (a one-time token a mail delivers). */
  sensitive?: true;
  data: object;
}

/**
 * The runtime half of a domain's contracts: each type's version, and `sensitive: true`
 * exactly where the contract says so.
 */
export type EventSpecs<Contracts extends { [T in keyof Contracts]: EventSpec }> = {
  [T in keyof Contracts]: Contracts[T] extends { sensitive: true }
    ? { version: Contracts[T]['version']; sensitive: true }
    : { version: Contracts[T]['version']; sensitive?: never };
};
