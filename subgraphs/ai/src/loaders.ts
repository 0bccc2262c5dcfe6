import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { alignToKeys } from '@lattice/subgraph-kit';
import { Conversation, GeneratedImage, Message } from './entities';
import { isUuid } from './service/conversations';

/** Per-request loaders: any number of references cost one SQL statement per type. */
export function createLoaders(em: EntityManager) {
  const byId = <T extends { id: string }>(entity: new () => T, where: object = {}) =>
    new DataLoader<string, T | null>(async (ids) => {
      const rows = await em.find(entity, { id: { $in: ids.filter(isUuid) }, ...where } as never);
      return alignToKeys(ids, rows as T[], (row) => row.id);
    });
  return {
    conversationById: byId(Conversation, { deletedAt: null }),
    messageById: byId(Message),
    imageById: byId(GeneratedImage, { deletedAt: null }),
  };
}

export type AiLoaders = ReturnType<typeof createLoaders>;
