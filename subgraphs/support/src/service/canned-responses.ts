import type { EntityManager } from '@mikro-orm/postgresql';
import { UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { conflict, forbidden, notFound, type Viewer, validateInput } from '@lattice/server-kit';
import { type PageArgs, isUuid, paginate } from '@lattice/subgraph-kit';
import { z } from 'zod';
import { CannedResponse } from '../entities';
import { isAdmin } from './access';
import { requiredText } from './validation';

const cannedInput = z.object({
  shortcut: z
    .string()
    .max(50, 'must be at most 50 characters')
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes'),
  title: requiredText(200),
  body: requiredText(20_000, { multiline: true }),
});

const duplicate = () => conflict('Another canned response has this shortcut', 'input.shortcut');

async function saving<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw duplicate();
    throw error;
  }
}

export async function createCanned(
  em: EntityManager,
  viewer: Viewer,
  input: unknown,
): Promise<CannedResponse> {
  const fields = validateInput(cannedInput, input);
  const canned = em.create(CannedResponse, { ...fields, createdBy: viewer.id });
  await saving(() => em.flush());
  return canned;
}

/** The response, when the caller wrote it or is an admin; NOT_FOUND / FORBIDDEN otherwise. */
async function editable(em: EntityManager, viewer: Viewer, id: string): Promise<CannedResponse> {
  const canned = isUuid(id) ? await em.findOne(CannedResponse, { id }) : null;
  if (!canned) throw notFound('No such canned response');
  if (canned.createdBy !== viewer.id && !isAdmin(viewer))
    throw forbidden('Only its writer and admins change a canned response');
  return canned;
}

export async function updateCanned(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  input: unknown,
): Promise<CannedResponse> {
  const fields = validateInput(cannedInput, input);
  const canned = await editable(em, viewer, id);
  Object.assign(canned, fields, { updatedAt: new Date() });
  await saving(() => em.flush());
  return canned;
}

export async function deleteCanned(em: EntityManager, viewer: Viewer, id: string): Promise<boolean> {
  const canned = await editable(em, viewer, id);
  await em.remove(canned).flush();
  return true;
}

const searchText = z.string().max(200, 'must be at most 200 characters');

/** By shortcut; with `text`, those whose shortcut, title or body contains it. */
export function listCanned(em: EntityManager, text: string | null | undefined, page: PageArgs) {
  const needle = validateInput(searchText.nullish(), text, 'text')?.trim();
  const like = needle ? `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const where = like
    ? { $or: [{ shortcut: { $ilike: like } }, { title: { $ilike: like } }, { body: { $ilike: like } }] }
    : {};
  return paginate(em, CannedResponse, where, page, { orderBy: ['shortcut', 'id'] });
}
