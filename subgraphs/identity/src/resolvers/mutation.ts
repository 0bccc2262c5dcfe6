import { requireRole, requireViewer } from '@lattice/subgraph-kit';
import type { MutationResolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import { changePassword, login, register } from '../service/accounts';
import { setUserRole, setUserStatus } from '../service/admin';
import { deleteOwnAccount } from '../service/erasure';
import { completeOidcLogin, startOidcLogin } from '../service/oidc';
import { requestPasswordReset, resetPassword } from '../service/recovery';
import { type IssuedTokens, refreshSession, revokeSession, revokeSessions } from '../service/sessions';
import { resendVerification, verifyEmail } from '../service/verification';

const deps = ({ em, runtime, log }: Context) => ({
  em,
  log,
  keys: runtime.keys,
  settings: runtime.settings,
  throttle: runtime.throttle,
  oidc: runtime.oidc,
});

/** From here on the request acts as the user it just signed in (e.g. `user { email }`). */
function signedIn(ctx: Context, tokens: IssuedTokens): IssuedTokens {
  const { user, accessToken } = tokens;
  ctx.viewer = { id: user.id, role: user.role, sessionId: tokens.sessionId, token: accessToken };
  return tokens;
}

export const Mutation: MutationResolvers = {
  register: async (_parent, { input }, ctx) => signedIn(ctx, await register(deps(ctx), input, ctx.client)),
  login: async (_parent, { input }, ctx) => signedIn(ctx, await login(deps(ctx), input, ctx.client)),
  startOidcLogin: (_parent, { provider }, ctx) => startOidcLogin(deps(ctx), provider),
  completeOidcLogin: async (_parent, args, ctx) =>
    signedIn(ctx, await completeOidcLogin(deps(ctx), args, ctx.client)),
  refreshToken: async (_parent, { refreshToken }, ctx) =>
    signedIn(ctx, await refreshSession(deps(ctx), refreshToken, ctx.log)),
  logout: async (_parent, _args, { viewer, em }) => {
    const { id, sessionId } = requireViewer(viewer);
    await revokeSession(em, id, sessionId).catch(() => undefined); // already ended: still signed out
    return true;
  },
  logoutAll: (_parent, _args, { viewer, em }) => revokeSessions(em, requireViewer(viewer).id),
  revokeSession: async (_parent, { id }, { viewer, em }) => {
    await revokeSession(em, requireViewer(viewer).id, id);
    return true;
  },
  verifyEmail: (_parent, { token }, { em }) => verifyEmail(em, { token }),
  resendVerification: (_parent, _args, { viewer, em }) => resendVerification(em, requireViewer(viewer).id),
  requestPasswordReset: async (_parent, { email }, { em }) => {
    await requestPasswordReset(em, { email });
    return true;
  },
  resetPassword: async (_parent, args, { em }) => {
    await resetPassword(em, args);
    return true;
  },
  changePassword: async (_parent, args, { viewer, em }) => {
    const { id, sessionId } = requireViewer(viewer);
    await changePassword(em, id, sessionId, args);
    return true;
  },
  deleteMyAccount: async (_parent, args, { viewer, em }) => {
    await deleteOwnAccount(em, requireViewer(viewer).id, args);
    return true;
  },
  setUserRole: (_parent, { userId, role }, { viewer, em }) =>
    setUserRole(em, requireRole(viewer, 'admin'), userId, role),
  setUserStatus: (_parent, { userId, status }, { viewer, em }) =>
    setUserStatus(em, requireRole(viewer, 'admin'), userId, status),
  rotateSigningKey: async (_parent, _args, { viewer, em, runtime }) => {
    requireRole(viewer, 'admin');
    await runtime.keys.rotate(em);
    return true;
  },
};
