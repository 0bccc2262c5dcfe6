import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { Invoice } from '../entities';
import { formatMoney } from './draft-content';

// DejaVu Sans, embedded (subset) in every PDF: the standard PDF fonts print Latin-1 only, and
// clients are named in Polish, Greek, Cyrillic and more.
const FONTS = {
  regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
  bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
};

const MARGIN = 50;
const PAGE_WIDTH = 595.28; // A4, in points
const RIGHT = PAGE_WIDTH - MARGIN;
// Column left edges and widths of the lines' table.
const COLUMNS = { description: 50, quantity: 290, unitPrice: 350, tax: 430, amount: 470 } as const;

/** `amount` (a decimal string) as people read it in `currency`: `EUR 1,234.50`. */
function money(amount: string, currency: string): string {
  const format = new Intl.NumberFormat('en', { style: 'currency', currency, currencyDisplay: 'code' });
  // A string is formatted exactly (Intl.NumberFormat v3): no float in between.
  return format.format(amount as unknown as number).replace(/\u00a0/g, ' ');
}

/**
 * The issued invoice as a PDF (A4, DejaVu Sans): the seller's logo (a PNG) if any, seller, client, number and
 * dates, the lines, the tax per rate, the total. Resolves with its bytes.
 */
export function renderInvoicePdf(invoice: Invoice, logo: Buffer | null = null): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    // pdfkit reads every info value: an absent author is left out, never undefined.
    info: {
      Title: `Invoice ${invoice.number}`,
      ...(invoice.seller?.companyName ? { Author: invoice.seller.companyName } : {}),
    },
  });
  doc.registerFont('Body', FONTS.regular);
  doc.registerFont('Bold', FONTS.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const { currency } = invoice;
  const seller = invoice.seller;

  let top = MARGIN;
  if (logo) {
    doc.image(logo, MARGIN, MARGIN, { fit: [150, 60] });
    top = MARGIN + 70;
  }
  doc.font('Bold').fontSize(22).text('INVOICE', MARGIN, top);
  doc.font('Body').fontSize(10);
  doc.text(`Number: ${invoice.number}`, 350, top, { width: RIGHT - 350, align: 'right' });
  doc.text(`Issued: ${invoice.issueDate}`, { width: RIGHT - 350, align: 'right' });
  if (invoice.dueDate) doc.text(`Due: ${invoice.dueDate}`, { width: RIGHT - 350, align: 'right' });

  doc.moveDown(2);
  const partiesTop = Math.max(doc.y, top + 60);
  doc.font('Bold').text('From', MARGIN, partiesTop);
  doc.font('Body');
  for (const line of [seller?.companyName, seller?.address, seller?.taxId && `Tax ID: ${seller.taxId}`])
    if (line) doc.text(line, { width: 220 });
  const fromBottom = doc.y;
  doc.font('Bold').text('Bill to', 320, partiesTop);
  doc.font('Body');
  for (const line of [
    invoice.clientName,
    invoice.clientAddress,
    invoice.clientEmail,
    invoice.clientTaxId && `Tax ID: ${invoice.clientTaxId}`,
  ])
    if (line) doc.text(line, 320, undefined, { width: RIGHT - 320 });

  let y = Math.max(fromBottom, doc.y) + 30;
  doc.font('Bold');
  header(doc, y);
  y = doc.y + 6;
  doc.moveTo(MARGIN, y).lineTo(RIGHT, y).stroke();
  doc.font('Body');
  for (const line of invoice.lines) {
    y += 6;
    if (y > 740) {
      doc.addPage();
      y = MARGIN;
    }
    const quantity = line.unit ? `${line.quantity} ${line.unit}` : line.quantity;
    doc.text(line.description, COLUMNS.description, y, {
      width: COLUMNS.quantity - COLUMNS.description - 10,
    });
    const rowBottom = doc.y;
    doc.text(quantity, COLUMNS.quantity, y, { width: 55 });
    doc.text(line.unitPrice, COLUMNS.unitPrice, y, { width: 75, align: 'right' });
    doc.text(`${line.taxRate}%`, COLUMNS.tax, y, { width: 35, align: 'right' });
    doc.text(line.amount, COLUMNS.amount, y, { width: RIGHT - COLUMNS.amount, align: 'right' });
    y = Math.max(rowBottom, doc.y);
  }
  y += 8;
  doc.moveTo(MARGIN, y).lineTo(RIGHT, y).stroke();
  y += 10;

  const totalRow = (label: string, amount: string, bold = false) => {
    doc.font(bold ? 'Bold' : 'Body');
    doc.text(label, 300, y, { width: 120 });
    doc.text(money(amount, currency), 420, y, { width: RIGHT - 420, align: 'right' });
    y = doc.y + 4;
  };
  totalRow('Subtotal', formatMoney(invoice.subtotalMinor, currency));
  for (const tax of invoice.taxes) totalRow(`Tax ${tax.rate}% on ${tax.base}`, tax.amount);
  totalRow('Total', formatMoney(invoice.totalMinor, currency), true);

  if (invoice.notes) {
    doc.font('Body').text(invoice.notes, MARGIN, y + 20, { width: RIGHT - MARGIN });
  }
  doc.end();
  return done;
}

function header(doc: PDFKit.PDFDocument, y: number): void {
  doc.text('Description', COLUMNS.description, y);
  doc.text('Qty', COLUMNS.quantity, y);
  doc.text('Unit price', COLUMNS.unitPrice, y, { width: 75, align: 'right' });
  doc.text('Tax', COLUMNS.tax, y, { width: 35, align: 'right' });
  doc.text('Amount', COLUMNS.amount, y, { width: RIGHT - COLUMNS.amount, align: 'right' });
}
