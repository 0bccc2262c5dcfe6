import { requireViewer } from '@lattice/subgraph-kit';
import type { MutationResolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import { createSite, deleteSite, renameSite } from '../service/sites';
import { cancelGeneration, regeneratePage, regenerateSite } from '../service/versions';

// Every mutation acts for the caller: none takes a user id.
export const Mutation: MutationResolvers<Context> = {
  createSite: (_parent, { input }, { viewer, em, runtime }) =>
    createSite(em, runtime, requireViewer(viewer).id, input),
  renameSite: (_parent, { id, name }, { viewer, em }) => renameSite(em, requireViewer(viewer).id, id, name),
  deleteSite: (_parent, { id }, { viewer, em, runtime }) =>
    deleteSite(em, runtime, requireViewer(viewer).id, id),
  regenerateSite: (_parent, { id, instructions }, { viewer, em, runtime }) =>
    regenerateSite(em, runtime, requireViewer(viewer).id, id, instructions),
  regeneratePage: (_parent, { id, path, instructions }, { viewer, em, runtime }) =>
    regeneratePage(em, runtime, requireViewer(viewer).id, id, path, instructions),
  cancelSiteGeneration: (_parent, { id }, { viewer, em, runtime }) =>
    cancelGeneration(em, runtime, requireViewer(viewer).id, id),
};
