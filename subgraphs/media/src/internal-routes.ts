import { bodyFields, type InternalRoutes } from '@lattice/subgraph-kit';
import { describeFile } from './service/describe';

/**
 * Media's internal interface (see README "Internal interface"): where the bytes of a user's
 * file are in the object storage media shares with other services (ai reads a voice note to
 * transcribe it), for a user who may read it.
 */
export function mediaInternalRoutes(): InternalRoutes {
  return {
    /**
     * `{ userId, mediaId, ownOnly? }` → `{ mediaId, type, contentType, filename, size, storageKey }`
     * (`ownOnly`: the user's own files only).
     */
    '/internal/files/describe': async (input, { em }) => {
      const { userId, mediaId, ownOnly } = bodyFields(input);
      return describeFile(em, { userId, mediaId, ownOnly });
    },
  };
}
