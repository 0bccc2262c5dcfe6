import { pdfText, waitFor } from '@lattice/testkit';
import { type AiLattice, startAiLattice } from './ai';
import { ok } from './graphql';

export { gql, ok } from './graphql';

/** Identity, billing, ai, accounts, media and invoicing behind a gateway, ai on a simulator the test drives. */
export function startInvoicingLattice(env: Record<string, string> = {}): Promise<AiLattice> {
  return startAiLattice({ subgraphs: ['accounts', 'media', 'invoicing'], env });
}

export const INVOICE_FIELDS = /* GraphQL */ `
  id status number currency subtotal tax total issueDate dueDate notes transcript
  client { name email address taxId }
  lines { description quantity unit unitPrice taxRate amount }
  taxes { rate base amount }
  draftedBy { provider model simulated promptTokens completionTokens }
`;

export const DRAFT = `mutation($t: String!) { draftInvoiceFromTranscript(transcript: $t) { ${INVOICE_FIELDS} } }`;
export const CREATE = `mutation($input: InvoiceDraftInput!) { createInvoiceDraft(input: $input) { ${INVOICE_FIELDS} } }`;
export const ISSUE = `mutation($id: ID!) { issueInvoice(id: $id) { ${INVOICE_FIELDS} } }`;
export const INVOICE = `query($id: ID!) { invoice(id: $id) { ${INVOICE_FIELDS} pdf { id } } }`;
export const MY_INVOICES = `query($status: InvoiceStatus, $client: String) {
  me { invoices(status: $status, client: $client, first: 100) { edges { node { id status number total } } } }
}`;

/** A draft typed by hand with one line of `unitPrice` EUR. */
export const typedDraft = (client = 'Acme GmbH', unitPrice = '100') => ({
  client: { name: client },
  currency: 'EUR',
  lines: [{ description: 'Consulting', quantity: '1', unitPrice, taxRate: '20' }],
});

/** The issued invoice's PDF, once media has stored it, downloaded through its signed URL: its bytes and text. */
export async function issuedPdf(
  lattice: AiLattice['lattice'],
  token: string,
  invoiceId: string,
): Promise<{ bytes: Uint8Array; text: string }> {
  const url = await waitFor(async () => {
    const { invoice } = await ok(
      lattice,
      token,
      'query($id: ID!) { invoice(id: $id) { pdf { ... on Media { url contentType } } } }',
      { id: invoiceId },
    );
    return invoice.pdf?.url ?? undefined;
  });
  const response = await fetch(url);
  expect(response.headers.get('content-type')).toBe('application/pdf');
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { bytes, text: await pdfText(bytes) };
}
