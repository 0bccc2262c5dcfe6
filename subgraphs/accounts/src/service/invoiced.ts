import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventEnvelope } from '@lattice/events';
import type { Logger } from '@lattice/server-kit';
import { isUuid } from '@lattice/subgraph-kit';
import type { z } from 'zod';
import { CommonService, ErasedUser, FrequentClient } from '../entities';
import { lockBusinessContext, MAX_LIST_ENTRIES } from './business';
import { currency, decimalAmount, email, optionalLine, optionalText, requiredLine } from './validation';

/** The limits accounts' own inputs have (validation.ts, the entities' columns). */
const MAX_NAME = 200;
const MAX_ADDRESS = 1000;
const MAX_DESCRIPTION = 500;
const MAX_UNIT = 32;

/**
 * `invoicing.invoice_issued`: the invoice's client joins the user's frequent clients and its
 * services the user's common services, inside the consumer's transaction (so a redelivery of
 * the same event id changes nothing), under the same per-user lock as the user's own
 * additions (lockBusinessContext): concurrent invoices and edits of one user apply one after
 * the other, and the caps hold. Another event with the same content adds nothing either:
 *
 * - a client matches a frequent client of the same name, compared trimmed, in Unicode NFC and
 *   case-insensitively (the oldest one if the user has several). The event's email and address
 *   fill the matched client's only where it has none: what the user typed is never replaced.
 * - a service matches a common service of the same description (compared as names are) in the
 *   same currency: the service's own, else the business context's default (as
 *   `CommonService.currency` reads). The match takes the latest invoiced unit price, and the
 *   invoiced unit when the invoice names one (an invoice line without a unit keeps the stored
 *   one); its currency stays as the user set it (null: the default, which is the invoice's).
 *   A new service is stored with the invoice's currency, explicitly.
 * - new entries are added oldest-first in the invoice's order. At the cap (MAX_LIST_ENTRIES)
 *   a new entry is skipped with a log line; matched entries are still updated.
 *
 * What the invoice says is held to accounts' own rules (as `addFrequentClient` and
 * `addCommonService` would): text normalised as server-kit's `text` does, then cut to the
 * field's length; an entry whose required text is refused (control characters, nothing
 * visible) or whose unit price accounts cannot store (negative, more than 2 decimals or 10
 * integer digits) is skipped, an invalid email or refused optional text is left out, an
 * unknown currency skips the services. All with a log line: nothing in an invoice's content
 * makes the event fail (and dead-letter). An erased user's event changes nothing. Only a payload
 * that breaks the contract's shape (userId not a uuid) throws.
 *
 * How often or when a client was last invoiced is not remembered: accounts has no such field.
 */
export async function addInvoicedToBusinessContext(
  em: EntityManager,
  event: EventEnvelope<'invoicing.invoice_issued'>,
  log: Logger,
): Promise<void> {
  const { userId, invoiceId, client, services } = event.data;
  if (typeof userId !== 'string' || !isUuid(userId)) {
    throw new Error(`${event.type} ${event.id} breaks its contract: userId is not a uuid`);
  }
  const logged = log.child({ eventId: event.id, invoiceId, userId });
  if ((await em.count(ErasedUser, { userId })) > 0) return; // deleted: nothing of theirs is kept
  const context = await lockBusinessContext(em, userId);
  const stamp = stamps();

  const clients = await em.find(FrequentClient, { userId }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  const invoiced = invoicedClient(client, logged);
  if (invoiced) {
    const match = clients.find((stored) => sameText(stored.name, invoiced.name));
    if (match) {
      if (match.email === null && invoiced.email !== null) match.email = invoiced.email;
      if (match.address === null && invoiced.address !== null) match.address = invoiced.address;
    } else if (clients.length >= MAX_LIST_ENTRIES) {
      logged.info({ limit: MAX_LIST_ENTRIES }, 'frequent clients full: the invoiced client was not added');
    } else {
      clients.push(em.create(FrequentClient, { userId, ...invoiced, createdAt: stamp() }));
    }
  }

  const invoiceCurrency = currency.safeParse(event.data.currency);
  if (!invoiceCurrency.success) {
    logged.warn({ currency: event.data.currency }, 'unknown invoice currency: its services were not added');
    return;
  }
  const inCurrency = invoiceCurrency.data;
  const stored = await em.find(CommonService, { userId }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  let full = false;
  for (const [index, line] of (Array.isArray(services) ? services : []).entries()) {
    const service = invoicedService(line, index, logged);
    if (!service) continue;
    const match = stored.find(
      (candidate) =>
        sameText(candidate.description, service.description) &&
        (candidate.currency ?? context.defaultCurrency) === inCurrency,
    );
    if (match) {
      // The latest invoiced price (and unit, when the invoice names one) is what the user sells it for now.
      match.unitPrice = service.unitPrice;
      if (service.unit !== null) match.unit = service.unit;
    } else if (stored.length >= MAX_LIST_ENTRIES) {
      full = true;
    } else {
      stored.push(em.create(CommonService, { userId, ...service, currency: inCurrency, createdAt: stamp() }));
    }
  }
  if (full)
    logged.info({ limit: MAX_LIST_ENTRIES }, 'common services full: invoiced services were not added');
}

/** The invoice's client as accounts would store it, or null (logged) when its name cannot be. */
function invoicedClient(
  client: EventEnvelope<'invoicing.invoice_issued'>['data']['client'],
  log: Logger,
): Pick<FrequentClient, 'name' | 'email' | 'address'> | null {
  const name = fitted(requiredLine(MAX_NAME), client?.name, MAX_NAME);
  if (name === null) {
    log.warn('the invoiced client has no name accounts can store: not added');
    return null;
  }
  const mail = typeof client.email === 'string' ? email.safeParse(client.email) : undefined;
  if (mail && !mail.success) log.info('the invoiced client email is not valid: left out');
  return {
    name,
    email: mail?.success ? mail.data : null,
    address: fitted(optionalText(MAX_ADDRESS), client.address, MAX_ADDRESS, { multiline: true }),
  };
}

/** One invoice line as accounts would store it, or null (logged) when it cannot be. */
function invoicedService(
  line: EventEnvelope<'invoicing.invoice_issued'>['data']['services'][number],
  index: number,
  log: Logger,
): Pick<CommonService, 'description' | 'unitPrice' | 'unit'> | null {
  const description = fitted(requiredLine(MAX_DESCRIPTION), line?.description, MAX_DESCRIPTION);
  const price = decimalAmount.safeParse(line?.unitPrice);
  if (description === null || !price.success) {
    log.warn(
      { service: index, problem: description === null ? 'description' : 'unitPrice' },
      'an invoiced service accounts cannot store was not added',
    );
    return null;
  }
  return { description, unitPrice: price.data, unit: fitted(optionalLine(MAX_UNIT), line.unit, MAX_UNIT) };
}

/**
 * `value` normalised as server-kit's `text` does (NFC, trimmed, line endings) and cut to `max`
 * characters (code points, as PostgreSQL counts them), then held to `schema`: the stored
 * string, or null when there is none or `schema` refuses it.
 */
function fitted(
  schema: z.ZodType<string | null, unknown>,
  value: unknown,
  max: number,
  options: { multiline?: boolean } = {},
): string | null {
  if (typeof value !== 'string') return null;
  const normal = (options.multiline ? value.replace(/\r\n?/g, '\n') : value).normalize('NFC').trim();
  const cut = Array.from(normal).slice(0, max).join('');
  const parsed = schema.safeParse(cut);
  return parsed.success && parsed.data ? parsed.data : null;
}

/** Whether two stored-form texts name the same thing: trimmed, NFC, case-insensitive. */
function sameText(a: string, b: string): boolean {
  return fold(a) === fold(b);
}

const fold = (value: string) => value.normalize('NFC').trim().toLowerCase();

/**
 * Creation times for the entries one event adds, strictly increasing, so that lists (ordered
 * by createdAt, then a random id) keep the invoice's order.
 */
function stamps(): () => Date {
  let last = 0;
  return () => {
    last = Math.max(Date.now(), last + 1);
    return new Date(last);
  };
}
