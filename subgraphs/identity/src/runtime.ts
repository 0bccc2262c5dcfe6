import type { IdentitySettings } from './service/settings';
import type { KeyStore } from './service/signing-keys';

/** Process-wide state of the identity subgraph. */
export interface IdentityRuntime {
  keys: KeyStore;
  settings: IdentitySettings;
}
