import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { conflict, serviceUnavailable } from '@lattice/server-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Invoice } from '../entities';
import type { InvoicingRuntime } from '../runtime';
import { addDays, today } from './dates';
import { assertNotErased } from './erasure';
import { recordIssued } from './events';
import { findOwnInvoice } from './invoices';
import { logoPng } from './logo';
import { formatNumber, takeSequence } from './numbering';
import { renderInvoicePdf } from './pdf';

/** A file name people recognise, of the characters storage keys and headers take. */
const pdfFilename = (number: string) => `invoice-${number.replace(/[^A-Za-z0-9._-]+/g, '-')}.pdf`;

/**
 * Issues the owner's draft: the seller's details from accounts (and their logo, through media), then in one transaction the
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
  // NOT_FOUND before asking accounts anything (in a fork: the transaction below reads afresh).
  await findOwnInvoice(em.fork(), ownerId, id);
  const context = await runtime.businessContext.of(ownerId);
  const logo = await logoPng(runtime, ownerId, context.logoMediaId);
  const mediaId = randomUUID();
  const storageKey = `imports/invoicing/${mediaId}.pdf`;
  try {
    return await em.transactional(async (tx) => {
      await assertNotErased(tx, ownerId);
      const invoice = await findOwnInvoice(tx, ownerId, id, true);
      if (invoice.status !== 'DRAFT') throw conflict('This invoice is already issued');
      const issueDate = today(runtime.now());
      if (invoice.dueDate !== null && invoice.dueDate < issueDate)
        throw conflict(`The due date ${invoice.dueDate} has passed: change it before issuing`, 'dueDate');
      const { sequence, numberPattern, paymentTermsDays } = await takeSequence(tx, ownerId);
      const number = formatNumber(numberPattern, sequence, issueDate);
      // Under the settings row's lock: no other issue of this user can take it meanwhile.
      if ((await tx.count(Invoice, { ownerId, number })) > 0)
        throw conflict(
          `Your number pattern gives ${number}, which an earlier invoice has: change the pattern`,
          'numberPattern',
        );
      Object.assign(invoice, {
        status: 'ISSUED',
        sequence,
        number,
        issueDate,
        dueDate: invoice.dueDate ?? addDays(issueDate, paymentTermsDays),
        issuedAt: runtime.now(),
        seller: { companyName: context.companyName, address: context.address, taxId: context.taxId },
        pdfMediaId: mediaId,
      });
      const pdf = await renderInvoicePdf(invoice, logo);
      try {
        await runtime.storage.write(storageKey, Readable.from([pdf]), 'application/pdf');
      } catch (error) {
        runtime.log.error(
          { err: error, invoiceId: invoice.id },
          'the PDF could not be stored: nothing issued',
        );
        throw serviceUnavailable('storage');
      }
      recordIssued(tx, invoice, { storageKey, filename: pdfFilename(invoice.number!) });
      return invoice;
    });
  } catch (error) {
    await runtime.storage.remove(storageKey);
    throw error;
  }
}
