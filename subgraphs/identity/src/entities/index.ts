import { OauthIdentitySchema } from './oauth-identity';
import { OidcLoginAttemptSchema } from './oidc-login-attempt';
import { OneTimeTokenSchema } from './one-time-token';
import { RefreshTokenSchema } from './refresh-token';
import { SessionSchema } from './session';
import { SigningKeySchema } from './signing-key';
import { UserAccountSchema } from './user-account';

export { UserAccount, type AccountStatus } from './user-account';
export { Session } from './session';
export { RefreshToken } from './refresh-token';
export { SigningKey } from './signing-key';
export { OneTimeToken, type TokenPurpose } from './one-time-token';
export { OidcLoginAttempt } from './oidc-login-attempt';
export { OauthIdentity } from './oauth-identity';

export const entities = [
  UserAccountSchema,
  SessionSchema,
  RefreshTokenSchema,
  SigningKeySchema,
  OneTimeTokenSchema,
  OidcLoginAttemptSchema,
  OauthIdentitySchema,
];
