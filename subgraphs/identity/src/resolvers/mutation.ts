import type { MutationResolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import { login, register } from '../service/accounts';
import type { IssuedTokens } from '../service/sessions';

const deps = ({ em, runtime }: Context) => ({ em, keys: runtime.keys, settings: runtime.settings });

/** From here on the request acts as the user it just signed in (e.g. `user { email }`). */
function signedIn(ctx: Context, tokens: IssuedTokens): IssuedTokens {
  const { user, accessToken } = tokens;
  ctx.viewer = { id: user.id, role: user.role, sessionId: tokens.sessionId, token: accessToken };
  return tokens;
}

export const Mutation: MutationResolvers = {
  register: async (_parent, { input }, ctx) => signedIn(ctx, await register(deps(ctx), input, ctx.client)),
  login: async (_parent, { input }, ctx) => signedIn(ctx, await login(deps(ctx), input, ctx.client)),
};
