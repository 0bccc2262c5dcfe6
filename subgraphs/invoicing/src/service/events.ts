import { createEvent, recordEvent } from '@lattice/events';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Invoice } from '../entities';
import { formatMoney } from './draft-content';

/** `invoicing.invoice_issued`, in the issuing transaction's outbox. */
export function recordIssued(
  tx: EntityManager,
  invoice: Invoice,
  pdf: { storageKey: string; filename: string },
): void {
  const money = (minor: number) => formatMoney(minor, invoice.currency);
  recordEvent(
    tx,
    createEvent('invoicing.invoice_issued', {
      actor: invoice.ownerId,
      subject: invoice.ownerId,
      data: {
        invoiceId: invoice.id,
        userId: invoice.ownerId,
        number: invoice.number!,
        currency: invoice.currency,
        subtotal: money(invoice.subtotalMinor),
        tax: money(invoice.taxMinor),
        total: money(invoice.totalMinor),
        totalMinor: invoice.totalMinor,
        issueDate: invoice.issueDate!,
        dueDate: invoice.dueDate,
        client: { name: invoice.clientName, email: invoice.clientEmail, address: invoice.clientAddress },
        services: invoice.lines.map((line) => ({
          description: line.description,
          unitPrice: line.unitPrice,
          unit: line.unit,
        })),
        pdf: { mediaId: invoice.pdfMediaId!, ...pdf },
      },
    }),
  );
}

/** `invoicing.invoice_voided`, in the voiding transaction's outbox. */
export function recordVoided(tx: EntityManager, invoice: Invoice): void {
  recordEvent(
    tx,
    createEvent('invoicing.invoice_voided', {
      actor: invoice.ownerId,
      subject: invoice.ownerId,
      data: {
        invoiceId: invoice.id,
        userId: invoice.ownerId,
        number: invoice.number!,
        currency: invoice.currency,
        totalMinor: invoice.totalMinor,
      },
    }),
  );
}
