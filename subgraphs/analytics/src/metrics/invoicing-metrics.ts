import { defineDomainMetrics } from './registry';

/**
 * Invoices issued and voided, and the service lines invoiced (the average per invoice is
 * `invoicing.services_invoiced` / `invoicing.invoices_issued`). Amounts of money are not
 * daily metrics: metrics have no dimensions, so a sum would mix currencies (invoicing takes
 * any ISO 4217 code, so there is no fixed list to make a metric per currency of), and a day's
 * minor units outgrow `DailyValue.value` (`Int`). They stay in the facts, per invoice with
 * its currency: `totalMinor` (exact integer of minor units) and the exact decimal strings
 * `subtotal`, `tax` and `total`; a report per currency sums them there (or keeps its own
 * rollup, as `src/revenue/` does for billing). Facts keep ids (the PDF's `pdfMediaId`
 * included), the number, the currency, the amounts, the dates and the number of service lines
 * (`serviceCount`); never the client (name, email, address), the services' descriptions,
 * prices and units, nor the PDF's storage key or file name: that business and personal data
 * stays in invoicing.
 */
export const invoicingMetrics = defineDomainMetrics({
  domain: 'invoicing',
  metrics: {
    'invoicing.invoices_issued': 'Invoices issued',
    'invoicing.services_invoiced': 'Service lines on the invoices issued, summed',
    'invoicing.invoices_voided': 'Issued invoices voided',
  },
  events: {
    'invoicing.invoice_issued': {
      // Not `client`, `services` nor `pdf`: names, addresses, descriptions, the storage key.
      keep: [
        'invoiceId',
        'userId',
        'number',
        'currency',
        'subtotal',
        'tax',
        'total',
        'totalMinor',
        'issueDate',
        'dueDate',
      ],
      derive: {
        serviceCount: (event) => event.data.services.length,
        pdfMediaId: (event) => event.data.pdf.mediaId,
      },
      counts: [
        { metric: 'invoicing.invoices_issued' },
        { metric: 'invoicing.services_invoiced', amount: (event) => event.data.services.length },
      ],
    },
    'invoicing.invoice_voided': {
      keep: ['invoiceId', 'userId', 'number', 'currency', 'totalMinor'],
      counts: [{ metric: 'invoicing.invoices_voided' }],
    },
  },
});
