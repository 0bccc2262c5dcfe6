import type { EntityManager } from '@mikro-orm/postgresql';
import { DEFAULT_NUMBER_PATTERN, DEFAULT_PAYMENT_TERMS_DAYS, InvoiceSettings } from '../entities';

/** `pattern` with its tokens replaced: `INV-{YYYY}-{SEQ:4}`, 7, 2026-03-01 → `INV-2026-0007`. */
export function formatNumber(pattern: string, sequence: number, issueDate: string): string {
  return pattern.replace(/\{(SEQ(?::([1-9]))?|YYYY|YY|MM)\}/g, (_match, token: string, width?: string) => {
    if (token === 'YYYY') return issueDate.slice(0, 4);
    if (token === 'YY') return issueDate.slice(2, 4);
    if (token === 'MM') return issueDate.slice(5, 7);
    return String(sequence).padStart(Number(width ?? 1), '0');
  });
}

/** The user's settings row, created with the defaults when missing (no lock). */
export async function settingsOf(em: EntityManager, userId: string): Promise<InvoiceSettings> {
  await ensureSettings(em, userId);
  return em.findOneOrFail(InvoiceSettings, { userId }, { refresh: true });
}

async function ensureSettings(em: EntityManager, userId: string): Promise<void> {
  await em.execute(
    `insert into invoicing.invoice_settings (user_id, number_pattern, payment_terms_days, last_sequence)
     values (?, ?, ?, 0) on conflict (user_id) do nothing`,
    [userId, DEFAULT_NUMBER_PATTERN, DEFAULT_PAYMENT_TERMS_DAYS],
  );
}

/**
 * Takes the user's next sequence number inside the issuing transaction. The update locks the
 * user's settings row until that transaction ends: concurrent issues of one user queue here
 * and get consecutive numbers, and a rolled-back issue gives its number back (no gap).
 */
export async function takeSequence(
  tx: EntityManager,
  userId: string,
): Promise<{ sequence: number; numberPattern: string; paymentTermsDays: number }> {
  await ensureSettings(tx, userId);
  const [row] = await tx.execute<
    { last_sequence: number; number_pattern: string; payment_terms_days: number }[]
  >(
    `update invoicing.invoice_settings set last_sequence = last_sequence + 1 where user_id = ?
     returning last_sequence, number_pattern, payment_terms_days`,
    [userId],
  );
  return {
    sequence: row!.last_sequence,
    numberPattern: row!.number_pattern,
    paymentTermsDays: row!.payment_terms_days,
  };
}
