import type { EntityManager } from '@mikro-orm/postgresql';
import { Preference, type Recipient } from '../entities';
import type { Category, Channel } from '../messages';

/** What each category does on each channel until the user says otherwise. */
export const DEFAULTS: Record<Category, Record<Channel, boolean>> = {
  security: { email: true, sms: true, inapp: true },
  billing: { email: true, sms: false, inapp: true },
  activity: { email: true, sms: false, inapp: true },
  marketing: { email: false, sms: false, inapp: false },
};

/** Security messages go whatever the preferences: an account must be recoverable and warned. */
export const isLocked = (category: Category) => category === 'security';

/** The user's choices, category × channel (absent ones take DEFAULTS). */
export async function preferencesOf(em: EntityManager, userId: string): Promise<Map<string, boolean>> {
  const rows = await em.find(Preference, { userId });
  return new Map(rows.map((row) => [`${row.category}:${row.channel}`, row.enabled]));
}

/**
 * Whether a message of `category` goes out on `channel`: the user's choice for the category
 * (or its default), and their profile's switch for the channel (accounts), security excepted.
 */
export function wants(
  choices: Map<string, boolean>,
  recipient: Recipient | null,
  category: Category,
  channel: Channel,
): boolean {
  if (isLocked(category)) return true;
  const chosen = choices.get(`${category}:${channel}`) ?? DEFAULTS[category][channel];
  if (!chosen || !recipient) return chosen;
  if (channel === 'email')
    return recipient.emailEnabled && (category !== 'marketing' || recipient.marketingEnabled);
  if (channel === 'sms') return recipient.smsEnabled;
  return true;
}
