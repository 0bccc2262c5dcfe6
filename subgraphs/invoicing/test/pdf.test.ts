import sharp from 'sharp';
import { pdfText } from '@lattice/testkit';
import { Invoice } from '../src/entities';
import { computeDraft } from '../src/service/draft-content';
import { renderInvoicePdf } from '../src/service/pdf';

function issued(lines: number): Invoice {
  const draft = computeDraft(
    {
      client: {
        name: 'Zoë Café Ltd',
        email: 'zoe@cafe.example',
        address: '1 Rue de la Paix\nParis',
        taxId: 'FR123',
      },
      currency: 'EUR',
      lines: Array.from({ length: lines }, (_, i) => ({
        description: `Espresso workshop ${i + 1}`,
        quantity: '1.5',
        unit: 'hour',
        unitPrice: '1000',
        taxRate: i % 2 ? '5.5' : '20',
      })),
      notes: 'Payable by bank transfer.',
    },
    '2026-12-02',
  );
  return Object.assign(new Invoice(), {
    ...draft,
    ownerId: '00000000-0000-4000-8000-000000000001',
    status: 'ISSUED',
    number: 'INV-2026-0042',
    issueDate: '2026-12-02',
    dueDate: '2027-01-01',
    seller: { companyName: 'Pixel & Co', address: 'Torstraße 5, Berlin', taxId: 'DE123456789' },
  });
}

test('the PDF says who bills whom, the number, the dates, every line, the tax per rate and the total', async () => {
  const invoice = issued(2);
  const pdf = await renderInvoicePdf(invoice);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const text = await pdfText(pdf);
  for (const expected of [
    'INVOICE',
    'INV-2026-0042',
    'Issued: 2026-12-02',
    'Due: 2027-01-01',
    'Pixel & Co',
    'Torstraße 5, Berlin',
    'Tax ID: DE123456789',
    'Zoë Café Ltd',
    'Espresso workshop 1',
    'Espresso workshop 2',
    '1.5 hour',
    '1500.00',
    'Tax 20% on 1500.00',
    'EUR 300.00',
    'Tax 5.5% on 1500.00',
    'EUR 82.50',
    'EUR 3,382.50',
    'Payable by bank transfer.',
  ])
    expect(text).toContain(expected);
});

test('a long invoice flows onto more pages with every line', async () => {
  const text = await pdfText(await renderInvoicePdf(issued(80)));
  expect(text).toContain('Espresso workshop 80');
  expect(text).toMatch(/-- 1 of [2-9] --/);
});

test('an invoice of a user with no business details still renders', async () => {
  const invoice = Object.assign(issued(1), {
    seller: { companyName: null, address: null, taxId: null },
    dueDate: null,
  });
  const text = await pdfText(await renderInvoicePdf(invoice));
  expect(text).toContain('INV-2026-0042');
  expect(text).not.toContain('Tax ID: DE');
});

test('names in other scripts print as they are written', async () => {
  const invoice = Object.assign(issued(1), {
    clientName: 'Łódź Studio — Ελληνικά Москва',
    clientAddress: 'ul. Piotrkowska 1',
  });
  const text = await pdfText(await renderInvoicePdf(invoice));
  expect(text).toContain('Łódź Studio — Ελληνικά Москва');
});

test("the seller's logo is printed above the title", async () => {
  const logo = await sharp({ create: { width: 300, height: 120, channels: 3, background: '#3366cc' } })
    .png()
    .toBuffer();
  const pdf = await renderInvoicePdf(issued(1), logo);
  expect(pdf.toString('latin1')).toContain('/Subtype /Image');
  expect(await pdfText(pdf)).toContain('INV-2026-0042');
  expect((await renderInvoicePdf(issued(1))).toString('latin1')).not.toContain('/Subtype /Image');
});
