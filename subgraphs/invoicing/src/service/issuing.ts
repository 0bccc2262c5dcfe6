import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { conflict } from '@lattice/server-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Invoice } from '../entities';
import type { InvoicingRuntime } from '../runtime';
import { addDays, today } from './dates';
import { recordIssued } from './events';
import { findOwnInvoice } from './invoices';
import { formatNumber, takeSequence } from './numbering';
import { renderInvoicePdf } from './pdf';

/** A file name people recognise, of the characters storage keys and headers take. */
const pdfFilename = (number: string) => `invoice-${number.replace(/[^A-Za-z0-9._-]+/g, '-')}.pdf`;

/**
 * Issues the owner's draft: the seller's details from accounts, then in one transaction the
 * draft locked (a second issue of it is CONFLICT), the next number of the owner's sequence
 * (see takeSequence: consecutive, no gap), the dates, the PDF written where media reads it,
 * and `invoicing.invoice_issued` (media stores the PDF, accounts learns the client and
 * services). A failure anywhere issues nothing and leaves no PDF behind.
 */
export async function issueInvoice(
  em: EntityManager,
  runtime: InvoicingRuntime,
  ownerId: string,
  id: unknown,
): Promise<Invoice> {
  await findOwnInvoice(em, ownerId, id); // NOT_FOUND before asking accounts anything
  const context = await runtime.businessContext.of(ownerId);
  const mediaId = randomUUID();
  const storageKey = `imports/invoicing/${mediaId}.pdf`;
  try {
    return await em.transactional(async (tx) => {
      const invoice = await findOwnInvoice(tx, ownerId, id, true);
      if (invoice.status !== 'DRAFT') throw conflict('This invoice is already issued');
      const issueDate = today(runtime.now());
      if (invoice.dueDate !== null && invoice.dueDate < issueDate)
        throw conflict(`The due date ${invoice.dueDate} has passed: change it before issuing`, 'dueDate');
      const { sequence, numberPattern, paymentTermsDays } = await takeSequence(tx, ownerId);
      Object.assign(invoice, {
        status: 'ISSUED',
        sequence,
        number: formatNumber(numberPattern, sequence, issueDate),
        issueDate,
        dueDate: invoice.dueDate ?? addDays(issueDate, paymentTermsDays),
        issuedAt: runtime.now(),
        seller: { companyName: context.companyName, address: context.address, taxId: context.taxId },
        pdfMediaId: mediaId,
      });
      const pdf = await renderInvoicePdf(invoice);
      await runtime.storage.write(storageKey, Readable.from([pdf]), 'application/pdf');
      recordIssued(tx, invoice, { storageKey, filename: pdfFilename(invoice.number!) });
      return invoice;
    });
  } catch (error) {
    await runtime.storage.remove(storageKey);
    throw error;
  }
}
