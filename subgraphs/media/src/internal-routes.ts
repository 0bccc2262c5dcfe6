import type { InternalRoutes } from '@lattice/subgraph-kit';
import { describeFile } from './service/describe';

/**
 * The body's fields; anything but an object has none. Each is checked by the service it is
 * passed to (BAD_USER_INPUT naming the field).
 */
const fields = (input: unknown): Record<string, unknown> =>
  typeof input === 'object' && input !== null && !Array.isArray(input)
    ? (input as Record<string, unknown>)
    : {};

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
      const { userId, mediaId, ownOnly } = fields(input);
      return describeFile(em, { userId, mediaId, ownOnly });
    },
  };
}
