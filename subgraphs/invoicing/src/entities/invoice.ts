import { randomUUID } from 'node:crypto';
import { BigIntType, EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

export type InvoiceStatus = 'DRAFT' | 'ISSUED' | 'PAID' | 'VOID';

/** A line as stored: decimal strings, exact, computed when the draft was last written. */
export interface StoredLine {
  description: string;
  quantity: string;
  unit: string | null;
  unitPrice: string;
  taxRate: string;
  amount: string;
}

/** The tax of one rate over the sum of its lines. */
export interface StoredTax {
  rate: string;
  base: string;
  amount: string;
}

/** The seller as printed on the PDF, copied from the business context when issued. */
export interface Seller {
  companyName: string | null;
  address: string | null;
  taxId: string | null;
}

/** The AI call a draft came from. */
export interface DraftSource {
  provider: string;
  model: string;
  simulated: boolean;
  promptTokens: number;
  completionTokens: number;
}

export class Invoice {
  [OptionalProps]?:
    | 'id'
    | 'status'
    | 'number'
    | 'sequence'
    | 'issueDate'
    | 'dueDate'
    | 'notes'
    | 'transcript'
    | 'voiceNoteMediaId'
    | 'draftedBy'
    | 'seller'
    | 'pdfMediaId'
    | 'voidReason'
    | 'createdAt'
    | 'updatedAt'
    | 'issuedAt'
    | 'paidAt'
    | 'voidedAt';
  id: string = randomUUID();
  ownerId!: string;
  status: InvoiceStatus = 'DRAFT';
  number: string | null = null;
  /** The place in the owner's sequence; null while a draft. */
  sequence: number | null = null;
  clientName!: string;
  clientEmail!: string | null;
  clientAddress!: string | null;
  clientTaxId!: string | null;
  lines!: StoredLine[];
  taxes!: StoredTax[];
  currency!: string;
  /** Amounts in the currency's minor unit, exact integers (the strings shown are made from them). */
  subtotalMinor!: number;
  taxMinor!: number;
  totalMinor!: number;
  issueDate: string | null = null;
  dueDate: string | null = null;
  notes: string | null = null;
  transcript: string | null = null;
  voiceNoteMediaId: string | null = null;
  draftedBy: DraftSource | null = null;
  seller: Seller | null = null;
  pdfMediaId: string | null = null;
  voidReason: string | null = null;
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
  issuedAt: Date | null = null;
  paidAt: Date | null = null;
  voidedAt: Date | null = null;
}

export const InvoiceSchema = new EntitySchema<Invoice>({
  class: Invoice,
  tableName: 'invoice',
  indexes: [
    // The owner's list, newest first, and its status filter.
    { properties: ['ownerId', 'createdAt', 'id'] },
    { properties: ['ownerId', 'status', 'createdAt', 'id'] },
  ],
  // A number is taken once per owner, whatever the pattern was when it was given.
  uniques: [{ properties: ['ownerId', 'number'] }, { properties: ['ownerId', 'sequence'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    ownerId: { type: 'uuid' },
    status: { type: 'string', length: 8 },
    number: { type: 'string', length: 64, nullable: true },
    sequence: { type: 'integer', nullable: true },
    clientName: { type: 'string', length: 200 },
    clientEmail: { type: 'string', length: 254, nullable: true },
    clientAddress: { type: 'string', length: 1000, nullable: true },
    clientTaxId: { type: 'string', length: 64, nullable: true },
    lines: { type: 'json' },
    taxes: { type: 'json' },
    currency: { type: 'string', length: 3 },
    subtotalMinor: { type: new BigIntType('number') },
    taxMinor: { type: new BigIntType('number') },
    totalMinor: { type: new BigIntType('number') },
    issueDate: { type: 'string', columnType: 'date', nullable: true },
    dueDate: { type: 'string', columnType: 'date', nullable: true },
    notes: { type: 'text', nullable: true },
    transcript: { type: 'text', nullable: true },
    voiceNoteMediaId: { type: 'uuid', nullable: true },
    draftedBy: { type: 'json', nullable: true },
    seller: { type: 'json', nullable: true },
    pdfMediaId: { type: 'uuid', nullable: true },
    voidReason: { type: 'string', length: 500, nullable: true },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime', onUpdate: () => new Date() },
    issuedAt: { type: 'datetime', nullable: true },
    paidAt: { type: 'datetime', nullable: true },
    voidedAt: { type: 'datetime', nullable: true },
  },
});
