import type { EventSpecs } from './define';

/** A party or service as an issued invoice names it (for accounts' frequent clients and services). */
export interface InvoicedClient {
  name: string;
  email: string | null;
  address: string | null;
}

export interface InvoicedService {
  description: string;
  /** Price of one unit, a decimal string in the invoice's currency (`120.00`), never a float. */
  unitPrice: string;
  /** The unit it is sold by (`hour`), null when none was said. */
  unit: string | null;
}

/** Events invoicing publishes: invoices issued (with their PDF) and voided. */
export interface InvoicingEvents {
  /**
   * An invoice was issued under `number`. Its PDF waits in the shared object storage at
   * `pdf.storageKey` for media to store it as the Media `pdf.mediaId` (media consumes this
   * event); accounts adds the client and the services to the user's business context.
   */
  'invoicing.invoice_issued': {
    version: 1;
    data: {
      invoiceId: string;
      userId: string;
      number: string;
      /** ISO 4217, upper case. */
      currency: string;
      /** Decimal strings in `currency`: exact. */
      subtotal: string;
      tax: string;
      total: string;
      /** The total in the currency's minor unit (cents), an exact integer. */
      totalMinor: number;
      issueDate: string;
      dueDate: string | null;
      client: InvoicedClient;
      services: InvoicedService[];
      pdf: { mediaId: string; storageKey: string; filename: string };
    };
  };
  /** An issued invoice was voided: its number stays taken, its PDF stays the user's. */
  'invoicing.invoice_voided': {
    version: 1;
    data: { invoiceId: string; userId: string; number: string; currency: string; totalMinor: number };
  };
}

export const invoicingEvents: EventSpecs<InvoicingEvents> = {
  'invoicing.invoice_issued': { version: 1 },
  'invoicing.invoice_voided': { version: 1 },
};
