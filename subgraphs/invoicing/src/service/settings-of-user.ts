import { validateInput } from '@lattice/server-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { InvoiceSettings } from '../entities';
import { assertNotErased } from './erasure';
import { settingsOf } from './numbering';
import { settingsInput } from './validation';

/** Changes the user's numbering pattern or payment terms (the sequence itself never moves). */
export async function updateSettings(
  em: EntityManager,
  userId: string,
  rawInput: unknown,
): Promise<InvoiceSettings> {
  const input = validateInput(settingsInput, rawInput);
  return em.transactional(async (tx) => {
    await assertNotErased(tx, userId);
    const settings = await settingsOf(tx, userId);
    if (input.numberPattern !== undefined) settings.numberPattern = input.numberPattern;
    if (input.paymentTermsDays !== undefined) settings.paymentTermsDays = input.paymentTermsDays;
    return settings;
  });
}
