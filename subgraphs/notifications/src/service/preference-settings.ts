import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput, unauthenticated } from '@lattice/server-kit';
import { Preference } from '../entities';
import { CATEGORIES, type Category, type Channel } from '../messages';
import { isUuid } from './ids';
import { DEFAULTS, isLocked } from './preferences';
import { isErased } from './recipients';
import type { UnsubscribeTokens } from './unsubscribe';

export const CHANNELS = ['email', 'sms', 'inapp'] as const satisfies readonly Channel[];

/** One cell of the matrix: a category on a channel, on or off, and whether the user may change it. */
export interface PreferenceSetting {
  category: Category;
  channel: Channel;
  enabled: boolean;
  editable: boolean;
}

export interface PreferenceChoice {
  category: string;
  channel: string;
  enabled: boolean;
}

const isCategory = (value: string): value is Category => (CATEGORIES as readonly string[]).includes(value);
const isChannel = (value: string): value is Channel => (CHANNELS as readonly string[]).includes(value);

/**
 * Every category on every channel, in a fixed order: the user's stored choice, else the
 * category's default. Security is always on and not editable. (The channel switches of the
 * user's profile, which accounts owns, are not folded in: this is what the user chose here.)
 */
export function preferenceMatrix(rows: readonly Preference[]): PreferenceSetting[] {
  const chosen = new Map(rows.map((row) => [`${row.category}:${row.channel}`, row.enabled]));
  return CATEGORIES.flatMap((category) =>
    CHANNELS.map((channel) =>
      isLocked(category)
        ? { category, channel, enabled: true, editable: false }
        : {
            category,
            channel,
            enabled: chosen.get(`${category}:${channel}`) ?? DEFAULTS[category][channel],
            editable: true,
          },
    ),
  );
}

/**
 * Stores several choices of `userId` at once (one upsert) and answers the whole matrix. The
 * list is checked before anything is written: a security entry (not editable, whatever its
 * value), an unknown category or channel, or a pair given twice is BAD_USER_INPUT on
 * `preferences`, and nothing changes; a deleted user is UNAUTHENTICATED.
 */
export async function updatePreferences(
  em: EntityManager,
  userId: string,
  choices: readonly PreferenceChoice[],
): Promise<PreferenceSetting[]> {
  const seen = new Set<string>();
  choices.forEach((choice, index) => {
    const where = `preferences[${index}]`;
    if (!isCategory(choice.category)) throw refused(`${where}: unknown category ${choice.category}`);
    if (!isChannel(choice.channel)) throw refused(`${where}: unknown channel ${choice.channel}`);
    if (isLocked(choice.category)) {
      throw refused(`${where}: ${choice.category} messages always go and cannot be changed`);
    }
    const key = `${choice.category}:${choice.channel}`;
    if (seen.has(key)) throw refused(`${where}: ${choice.category} on ${choice.channel} is given twice`);
    seen.add(key);
  });
  // A deleted account's token may outlive it: its choices would outlive the erasure.
  if (await isErased(em, userId)) throw unauthenticated('This account no longer exists');
  if (choices.length) {
    await em
      .createQueryBuilder(Preference)
      .insert(choices.map(({ category, channel, enabled }) => ({ userId, category, channel, enabled })))
      .onConflict(['user_id', 'category', 'channel'])
      .merge(['enabled'])
      .execute();
  }
  return preferenceMatrix(await em.find(Preference, { userId }, { refresh: true }));
}

/**
 * The link at the foot of an email: turns off the one category and channel its token names,
 * for the user it was sent to, in one statement (nothing is written for a user deleted since).
 * Idempotent: a second click answers the same. A token this service did not sign, or altered,
 * is BAD_USER_INPUT on `token`; so is one naming security (never signed: security mail has no
 * unsubscribe link).
 */
export async function unsubscribe(
  em: EntityManager,
  tokens: Pick<UnsubscribeTokens, 'verify'>,
  token: string,
): Promise<PreferenceSetting> {
  const claim = tokens.verify(token);
  if (!claim || !isUuid(claim.userId) || !isCategory(claim.category) || !isChannel(claim.channel)) {
    throw badUserInput('token: not an unsubscribe link of this service', 'token');
  }
  const { userId, category, channel } = claim;
  if (isLocked(category)) throw badUserInput(`token: ${category} messages cannot be turned off`, 'token');
  // Only for a user still known here: a deleted user's old link leaves nothing behind.
  await em.execute(
    `insert into notifications.preference (user_id, category, channel, enabled)
     select ?, ?, ?, false where exists (select 1 from notifications.recipient where user_id = ?)
     on conflict (user_id, category, channel) do update set enabled = false`,
    [userId, category, channel, userId],
  );
  return { category, channel, enabled: false, editable: true };
}

const refused = (message: string) => badUserInput(message, 'preferences');
