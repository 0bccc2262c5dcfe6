import { badUserInput, conflict, notFound, validateInput } from '@lattice/server-kit';
import { type Connection, type PageArgs, paginate } from '@lattice/subgraph-kit';
import { type EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Invoice, type InvoiceStatus } from '../entities';
import type { InvoicingRuntime } from '../runtime';
import { today } from './dates';
import { computeDraft, DraftProblem, type DraftContent } from './draft-content';
import { formatDecimal, minorDigits } from './money';
import { assertNotErased } from './erasure';
import { recordVoided } from './events';
import { draftChangeInput, isInvoiceId, newDraftInput } from './validation';

const missing = () => notFound('You have no invoice with this id');

/** The owner's invoice, or NOT_FOUND (whether or not someone else has one with this id). */
export async function findOwnInvoice(
  em: EntityManager,
  ownerId: string,
  id: unknown,
  lock = false,
): Promise<Invoice> {
  if (!isInvoiceId(id)) throw missing();
  const invoice = await em.findOne(
    Invoice,
    { id, ownerId },
    lock ? { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } : {},
  );
  if (!invoice) throw missing();
  return invoice;
}

/** Checks content typed by the user: BAD_USER_INPUT naming the field (`input.lines.0.unitPrice`). */
function computeTyped(content: DraftContent, day: string) {
  try {
    return computeDraft(content, day);
  } catch (error) {
    if (error instanceof DraftProblem)
      throw badUserInput(`input.${error.field}: ${error.message}`, `input.${error.field}`);
    throw error;
  }
}

/** A draft typed by hand; the currency defaults to the business context's, else USD. */
export async function createDraft(
  em: EntityManager,
  runtime: InvoicingRuntime,
  ownerId: string,
  rawInput: unknown,
): Promise<Invoice> {
  const input = validateInput(newDraftInput, rawInput);
  const currency = input.currency || (await runtime.businessContext.of(ownerId)).defaultCurrency || 'USD';
  const draft = computeTyped({ ...input, currency }, today(runtime.now()));
  return em.transactional(async (tx) => {
    await assertNotErased(tx, ownerId);
    return tx.create(Invoice, { ownerId, ...draft });
  });
}

/** Changes the owner's draft: CONFLICT once issued. The totals are computed again. */
export async function updateDraft(
  em: EntityManager,
  runtime: InvoicingRuntime,
  ownerId: string,
  id: unknown,
  rawInput: unknown,
): Promise<Invoice> {
  const change = validateInput(draftChangeInput, rawInput);
  return em.transactional(async (tx) => {
    const invoice = await findOwnInvoice(tx, ownerId, id, true);
    if (invoice.status !== 'DRAFT') throw conflict('Only a draft can be changed: this invoice is issued');
    const current: DraftContent = {
      client: {
        name: invoice.clientName,
        email: invoice.clientEmail,
        address: invoice.clientAddress,
        taxId: invoice.clientTaxId,
      },
      currency: invoice.currency,
      lines: invoice.lines,
      dueDate: invoice.dueDate,
      notes: invoice.notes,
    };
    const next = computeTyped(
      {
        client: change.client ?? current.client,
        currency: change.currency ?? current.currency,
        lines: change.lines ?? current.lines,
        dueDate: change.dueDate === undefined ? current.dueDate : change.dueDate,
        notes: change.notes === undefined ? current.notes : change.notes,
      },
      today(runtime.now()),
    );
    return Object.assign(invoice, next);
  });
}

/** Deletes the owner's draft; an issued invoice is CONFLICT (void it instead). */
export async function deleteDraft(em: EntityManager, ownerId: string, id: unknown): Promise<string> {
  return em.transactional(async (tx) => {
    const invoice = await findOwnInvoice(tx, ownerId, id, true);
    if (invoice.status !== 'DRAFT')
      throw conflict('An issued invoice cannot be deleted (its number stays taken): void it instead');
    tx.remove(invoice);
    return invoice.id;
  });
}

/** Voids the owner's issued (or paid) invoice; its number stays taken. */
export async function voidInvoice(
  em: EntityManager,
  runtime: InvoicingRuntime,
  ownerId: string,
  id: unknown,
  reason: string,
): Promise<Invoice> {
  return em.transactional(async (tx) => {
    const invoice = await findOwnInvoice(tx, ownerId, id, true);
    if (invoice.status === 'DRAFT') throw conflict('A draft is not voided: delete it');
    if (invoice.status === 'VOID') throw conflict('This invoice is already void');
    Object.assign(invoice, { status: 'VOID', voidReason: reason, voidedAt: runtime.now() });
    recordVoided(tx, invoice);
    return invoice;
  });
}

/** Marks the owner's issued invoice paid (CONFLICT for a draft, a void or a paid one). */
export async function markPaid(
  em: EntityManager,
  runtime: InvoicingRuntime,
  ownerId: string,
  id: unknown,
): Promise<Invoice> {
  return em.transactional(async (tx) => {
    const invoice = await findOwnInvoice(tx, ownerId, id, true);
    if (invoice.status !== 'ISSUED')
      throw conflict(`Only an issued invoice can be marked paid: this one is ${invoice.status}`);
    return Object.assign(invoice, { status: 'PAID', paidAt: runtime.now() });
  });
}

/** One page of the owner's invoices, newest first, of one status and of clients named like `client`. */
export function listInvoices(
  em: EntityManager,
  ownerId: string,
  status: InvoiceStatus | null,
  client: string | null,
  args: PageArgs,
): Promise<Connection<Invoice>> {
  const name = client?.trim();
  if (name && name.length > 200) throw badUserInput('client: must be at most 200 characters', 'client');
  return paginate(
    em,
    Invoice,
    {
      ownerId,
      ...(status ? { status } : {}),
      ...(name ? { clientName: { $ilike: `%${name.replace(/[\\%_]/g, '\\$&')}%` } } : {}),
    },
    args,
    { orderBy: ['createdAt', 'id'], direction: 'desc' },
  );
}

export interface StatusTotal {
  status: InvoiceStatus;
  currency: string;
  count: number;
  /** The exact decimal sum: sums of many invoices pass 2^53 minor units, which no number holds. */
  total: string;
}

/** The owner's invoices counted and summed per status and currency (one statement). */
export async function totalsOf(em: EntityManager, ownerId: string): Promise<StatusTotal[]> {
  const rows: { status: InvoiceStatus; currency: string; count: string; total: string }[] = await em.execute(
    `select status, currency, count(*) as count, sum(total_minor) as total
       from invoicing.invoice where owner_id = ? group by status, currency order by status, currency`,
    [ownerId],
  );
  return rows.map((row) => ({
    status: row.status,
    currency: row.currency,
    count: Number(row.count),
    total: formatDecimal(BigInt(row.total), minorDigits(row.currency)),
  }));
}
