import type { LoginThrottle } from './service/login-throttle';
import type { OidcClients } from './service/oidc';
import type { IdentitySettings } from './service/settings';
import type { KeyStore } from './service/signing-keys';

/** Process-wide state of the identity subgraph. */
export interface IdentityRuntime {
  keys: KeyStore;
  settings: IdentitySettings;
  throttle: LoginThrottle;
  /** Relying-party configurations of the OpenID providers, discovered on first use. */
  oidc: OidcClients;
  /** Stops background work (key reloads) and closes the failure counters. */
  close(): Promise<void>;
}
