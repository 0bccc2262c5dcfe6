import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { validateInput } from '@lattice/server-kit';
import { type Connection, type PageArgs, paginate } from '@lattice/subgraph-kit';
import { __Name__Item } from '../entities';

const createItemInput = z.object({ title: z.string().trim().min(1).max(200) });

/** A new item of `ownerId`; BAD_USER_INPUT (with the field) for a blank or long title. */
export async function createItem(em: EntityManager, ownerId: string, input: unknown): Promise<__Name__Item> {
  const { title } = validateInput(createItemInput, input, '');
  const item = em.create(__Name__Item, { ownerId, title });
  await em.flush();
  return item;
}

/** One page of `ownerId`'s items, newest first. */
export function listItems(
  em: EntityManager,
  ownerId: string,
  args: PageArgs,
): Promise<Connection<__Name__Item>> {
  return paginate(em, __Name__Item, { ownerId }, args, { orderBy: ['createdAt', 'id'], direction: 'desc' });
}
