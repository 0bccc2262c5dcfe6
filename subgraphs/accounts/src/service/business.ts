import { type EntityManager, IsolationLevel, LockMode } from '@mikro-orm/postgresql';
import {
  badUserInput,
  ErrorCode,
  notFound,
  quotaExceeded,
  UserError,
  validateInput,
} from '@lattice/server-kit';
import { type Connection, type PageArgs, paginate } from '@lattice/subgraph-kit';
import { BusinessContext, CommonService, FrequentClient } from '../entities';
import type { AccountsRuntime } from '../runtime';
import { assertNotErased } from './erasure';
import {
  addCommonServiceInput,
  addFrequentClientInput,
  entryId,
  updateBusinessContextInput,
} from './validation';

/** At most this many frequent clients, and as many common services, per user. */
export const MAX_LIST_ENTRIES = 200;

/**
 * The user's business context, created empty if missing, locked until the transaction ends:
 * concurrent changes to one user's business data (and the caps on its lists) serialise here.
 */
export async function lockBusinessContext(tx: EntityManager, userId: string): Promise<BusinessContext> {
  const now = new Date();
  await tx
    .createQueryBuilder(BusinessContext)
    .insert({ userId, createdAt: now, updatedAt: now })
    .onConflict('userId')
    .ignore()
    .execute('run');
  return tx.findOneOrFail(BusinessContext, { userId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
}

const BUSINESS_FIELDS = ['companyName', 'address', 'taxId', 'defaultCurrency'] as const;

/** A logo must be one of the user's own images, as media says (BAD_USER_INPUT otherwise). */
async function assertOwnImage(
  runtime: Pick<AccountsRuntime, 'media'>,
  userId: string,
  mediaId: string,
): Promise<void> {
  const refused = () =>
    badUserInput('input.logoMediaId: must be the id of one of your images', 'input.logoMediaId');
  try {
    const file = await runtime.media.call<{ type: string }>('/internal/files/describe', {
      userId,
      mediaId,
      ownOnly: true,
    });
    if (file.type !== 'IMAGE') throw refused();
  } catch (error) {
    if (error instanceof UserError && error.extensions.code === ErrorCode.NotFound) throw refused();
    throw error;
  }
}

/** Partial update of the user's own business context (omitted: unchanged; null: cleared). */
export async function updateBusinessContext(
  em: EntityManager,
  userId: string,
  rawInput: unknown,
  /** media's interface, to check a logo (needed only when one is set). */
  runtime?: Pick<AccountsRuntime, 'media'>,
): Promise<BusinessContext> {
  const input = validateInput(updateBusinessContextInput, rawInput);
  if (input.logoMediaId) {
    if (!runtime) throw new Error('updateBusinessContext: checking a logo needs media');
    await assertOwnImage(runtime, userId, input.logoMediaId);
  }
  return em.transactional(async (tx) => {
    await assertNotErased(tx, userId);
    const context = await lockBusinessContext(tx, userId);
    for (const field of BUSINESS_FIELDS) {
      const value = input[field];
      if (value !== undefined) context[field] = value;
    }
    if (input.logoMediaId !== undefined) context.logoMediaId = input.logoMediaId;
    return context;
  });
}

const listFull = (what: string) =>
  quotaExceeded(`At most ${MAX_LIST_ENTRIES} ${what} per user`, MAX_LIST_ENTRIES);

/** Adds a frequent client to the user's own list (QUOTA_EXCEEDED at the cap). */
export async function addFrequentClient(
  em: EntityManager,
  userId: string,
  rawInput: unknown,
): Promise<FrequentClient> {
  const input = validateInput(addFrequentClientInput, rawInput);
  return em.transactional(async (tx) => {
    await assertNotErased(tx, userId);
    await lockBusinessContext(tx, userId);
    if ((await tx.count(FrequentClient, { userId })) >= MAX_LIST_ENTRIES) {
      throw listFull('frequent clients');
    }
    return tx.create(FrequentClient, {
      userId,
      name: input.name,
      email: input.email ?? null,
      address: input.address ?? null,
    });
  });
}

/** Adds a common service to the user's own list (QUOTA_EXCEEDED at the cap). */
export async function addCommonService(
  em: EntityManager,
  userId: string,
  rawInput: unknown,
): Promise<CommonService> {
  const input = validateInput(addCommonServiceInput, rawInput);
  return em.transactional(async (tx) => {
    await assertNotErased(tx, userId);
    await lockBusinessContext(tx, userId);
    if ((await tx.count(CommonService, { userId })) >= MAX_LIST_ENTRIES) {
      throw listFull('common services');
    }
    return tx.create(CommonService, {
      userId,
      description: input.description,
      unitPrice: input.unitPrice,
      currency: input.currency ?? null,
      unit: input.unit ?? null,
    });
  });
}

/**
 * Removes one entry of the user's own list. An id that is not the user's is NOT_FOUND,
 * whether or not it belongs to someone else (which is never revealed).
 */
async function removeEntry(
  em: EntityManager,
  entity: typeof FrequentClient | typeof CommonService,
  userId: string,
  rawId: unknown,
  what: string,
): Promise<string> {
  const id = validateInput(entryId, rawId, 'id');
  const removed = await em.nativeDelete(entity, { id, userId });
  if (removed === 0) throw notFound(`You have no ${what} with this id`);
  return id;
}

export const removeFrequentClient = (em: EntityManager, userId: string, id: unknown) =>
  removeEntry(em, FrequentClient, userId, id, 'frequent client');

export const removeCommonService = (em: EntityManager, userId: string, id: unknown) =>
  removeEntry(em, CommonService, userId, id, 'common service');

const PAGE = { orderBy: ['createdAt', 'id'] as Array<'createdAt' | 'id'>, defaultFirst: 20, maxFirst: 100 };

/** One page of a user's frequent clients, oldest first (keyset on createdAt, id). */
export const frequentClientsOf = (
  em: EntityManager,
  userId: string,
  args: PageArgs,
): Promise<Connection<FrequentClient>> => paginate(em, FrequentClient, { userId }, args, PAGE);

/** One page of a user's common services, oldest first (keyset on createdAt, id). */
export const commonServicesOf = (
  em: EntityManager,
  userId: string,
  args: PageArgs,
): Promise<Connection<CommonService>> => paginate(em, CommonService, { userId }, args, PAGE);

/** A user's whole business context, as another Lattice service reads it (to draft an invoice). */
export interface BusinessContextSnapshot {
  companyName: string | null;
  address: string | null;
  taxId: string | null;
  defaultCurrency: string | null;
  /** The logo's media id (media says whether the user may still read it). */
  logoMediaId: string | null;
  /** Oldest first, at most MAX_LIST_ENTRIES. */
  frequentClients: Array<{ name: string; email: string | null; address: string | null }>;
  /**
   * Oldest first, at most MAX_LIST_ENTRIES. `currency` is the service's own, else the business
   * context's default (null when neither is set), as `CommonService.currency` reads.
   */
  commonServices: Array<{
    description: string;
    unitPrice: string;
    currency: string | null;
    unit: string | null;
  }>;
}

const OLDEST_FIRST = { orderBy: { createdAt: 'asc', id: 'asc' }, limit: MAX_LIST_ENTRIES } as const;

/**
 * The user's business context with all its clients and services, read in one snapshot
 * (repeatable read: an invoice being added meanwhile is seen whole or not at all). A user
 * with none is the empty context; an erased user is UNAUTHENTICATED, as accounts' mutations
 * answer a still-valid token of theirs.
 */
export async function businessContextSnapshot(
  em: EntityManager,
  userId: string,
): Promise<BusinessContextSnapshot> {
  return em.transactional(
    async (tx) => {
      await assertNotErased(tx, userId);
      const context = await tx.findOne(BusinessContext, { userId });
      const clients = await tx.find(FrequentClient, { userId }, OLDEST_FIRST);
      const services = await tx.find(CommonService, { userId }, OLDEST_FIRST);
      const defaultCurrency = context?.defaultCurrency ?? null;
      return {
        companyName: context?.companyName ?? null,
        address: context?.address ?? null,
        taxId: context?.taxId ?? null,
        defaultCurrency,
        logoMediaId: context?.logoMediaId ?? null,
        frequentClients: clients.map(({ name, email, address }) => ({ name, email, address })),
        commonServices: services.map(({ description, unitPrice, currency, unit }) => ({
          description,
          unitPrice,
          currency: currency ?? defaultCurrency,
          unit,
        })),
      };
    },
    { isolationLevel: IsolationLevel.REPEATABLE_READ, readOnly: true },
  );
}
