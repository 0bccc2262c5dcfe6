import type { MutationResolvers } from '../__generated__/resolvers-types';
import {
  addCommonService,
  addFrequentClient,
  removeCommonService,
  removeFrequentClient,
  updateBusinessContext,
} from '../service/business';
import { updateProfile } from '../service/profiles';
import { requireViewer } from '@lattice/subgraph-kit';

// Every mutation acts on the caller's own data: none takes a user id.
export const Mutation: MutationResolvers = {
  updateProfile: async (_parent, { input }, { viewer, em, loaders }) => {
    const { id } = requireViewer(viewer);
    const profile = await updateProfile(em, id, input);
    loaders.profileByUserId.clear(id).prime(id, profile);
    return profile;
  },
  updateBusinessContext: async (_parent, { input }, { viewer, em, loaders, runtime }) => {
    const { id } = requireViewer(viewer);
    const context = await updateBusinessContext(em, id, input, runtime);
    loaders.businessContextByUserId.clear(id).prime(id, context);
    return context;
  },
  addFrequentClient: (_parent, { input }, { viewer, em }) =>
    addFrequentClient(em, requireViewer(viewer).id, input),
  removeFrequentClient: (_parent, { id }, { viewer, em }) =>
    removeFrequentClient(em, requireViewer(viewer).id, id),
  addCommonService: (_parent, { input }, { viewer, em }) =>
    addCommonService(em, requireViewer(viewer).id, input),
  removeCommonService: (_parent, { id }, { viewer, em }) =>
    removeCommonService(em, requireViewer(viewer).id, id),
};
