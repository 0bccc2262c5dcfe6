import type { SiteGenerationEventResolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';

export const SiteGenerationEvent: SiteGenerationEventResolvers<Context> = {
  version: async (event, _args, { loaders }) => (await loaders.versionById.load(event.versionId))!,
};
