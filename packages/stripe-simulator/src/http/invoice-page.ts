import type Stripe from 'stripe';
import type { Store } from '../core/store';
import { formatAmount } from '../core/money';
import type { PlainResponse } from './server';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function summary(invoice: Stripe.Invoice): string[] {
  const money = (amount: number) => formatAmount(amount, invoice.currency);
  return [
    `Invoice ${invoice.number ?? invoice.id} (${invoice.status})`,
    `Billed to ${invoice.customer_email ?? invoice.customer}`,
    ...invoice.lines.data.map((line) => `${line.description ?? ''}: ${money(line.amount)}`),
    `Subtotal: ${money(invoice.subtotal)}`,
    `Total: ${money(invoice.total)}`,
    `Amount due: ${money(invoice.amount_due)}`,
    `Amount paid: ${money(invoice.amount_paid)}`,
  ];
}

function html(invoice: Stripe.Invoice): string {
  const [title, ...rest] = summary(invoice).map(escapeHtml);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body><h1>${title}</h1><ul>${rest.map((line) => `<li>${line}</li>`).join('')}</ul>
<p>Stripe simulator: hosted invoice page.</p></body></html>
`;
}

/** A one-page PDF of the summary (ASCII text in Helvetica), with a correct cross-reference table. */
function pdf(invoice: Stripe.Invoice): Buffer {
  const text = summary(invoice)
    .map((line) => line.replace(/[^\x20-\x7e]/g, '?').replace(/[()\\]/g, (char) => `\\${char}`))
    .map((line, index) => `${index === 0 ? '' : '0 -18 Td '}(${line}) Tj`)
    .join('\n');
  const stream = `BT /F1 12 Tf 56 760 Td\n${text}\nET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(stream)} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((object, index) => {
    const offset = Buffer.byteLength(body);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** `GET /invoices/:id` (HTML) and `/invoices/:id/pdf`: what `hosted_invoice_url` and `invoice_pdf` point to. */
export function invoicePage(store: Store, path: string): PlainResponse {
  const [, , id, format] = path.split('/');
  const invoice = id ? store.find('invoice', id) : undefined;
  if (!invoice || (format !== undefined && format !== 'pdf')) {
    return { status: 404, contentType: 'text/plain; charset=utf-8', body: 'No such invoice\n' };
  }
  return format === 'pdf'
    ? { status: 200, contentType: 'application/pdf', body: pdf(invoice) }
    : { status: 200, contentType: 'text/html; charset=utf-8', body: html(invoice) };
}
