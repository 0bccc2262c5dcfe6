/**
 * The tickets: TICKETS rows inserted with one `insert … select` over `generate_series`, drawn
 * reproducibly after `setseed` (the same rows in both databases), then vacuumed and analysed.
 */
import type { Knex } from '@mikro-orm/postgresql';
import { TICKETS } from './options';

const SEED = 0.31;

const OPENERS = [
  'Cannot',
  'Unable to',
  'Problem with',
  'Question about',
  'Help with',
  'Error on',
  'Issue with',
];
const SUBJECTS = [
  'login',
  'payment',
  'invoice',
  'refund',
  'booking',
  'class',
  'membership',
  'subscription',
  'password',
  'account',
  'app',
  'upload',
  'photo',
  'notification',
  'email',
  'card',
  'coach',
  'schedule',
  'checkout',
  'receipt',
  'profile',
  'video',
  'calendar',
  'access',
];
const PROBLEMS = [
  'not working',
  'fails',
  'keeps crashing',
  'is missing',
  'charged twice',
  'too slow',
  'shows an error',
  'after the update',
  'on android',
  'on iphone',
  'since yesterday',
  'again',
];
/**
 * The description's words, most frequent first: drawn with a Zipf-like law (rank r with
 * probability about 1 / (r ln V)), so a few are in most tickets and the last in few.
 */
const WORDS = [
  'the',
  'i',
  'to',
  'my',
  'and',
  'a',
  'it',
  'is',
  'not',
  'when',
  'app',
  'in',
  'of',
  'for',
  'on',
  'this',
  'but',
  'can',
  'was',
  'with',
  'please',
  'help',
  'again',
  'payment',
  'account',
  'error',
  'booking',
  'class',
  'cannot',
  'tried',
  'still',
  'login',
  'invoice',
  'today',
  'yesterday',
  'refund',
  'membership',
  'email',
  'password',
  'card',
  'subscription',
  'page',
  'button',
  'screen',
  'message',
  'charged',
  'twice',
  'cancel',
  'cancelled',
  'access',
  'accepted',
  'payments',
  'paypal',
  'pay',
  'paid',
  'reset',
  'update',
  'updated',
  'crash',
  'crashes',
  'slow',
  'loading',
  'spinner',
  'blank',
  'phone',
  'android',
  'iphone',
  'browser',
  'chrome',
  'safari',
  'firefox',
  'coach',
  'trainer',
  'schedule',
  'calendar',
  'timezone',
  'receipt',
  'vat',
  'address',
  'billing',
  'discount',
  'coupon',
  'voucher',
  'trial',
  'renewal',
  'renewed',
  'upgrade',
  'downgrade',
  'plan',
  'annual',
  'monthly',
  'photo',
  'upload',
  'uploaded',
  'video',
  'stream',
  'notification',
  'notifications',
  'push',
  'reminder',
  'sms',
  'verification',
  'code',
  'expired',
  'link',
  'locked',
  'blocked',
  'suspended',
  'deleted',
  'missing',
  'wrong',
  'duplicate',
  'twice',
  'refused',
  'declined',
  'bank',
  'transfer',
  'sepa',
  'iban',
  'credit',
  'debit',
  'wallet',
  'apple',
  'google',
  'checkout',
  'basket',
  'order',
  'confirmation',
  'waitlist',
  'spot',
  'seat',
  'studio',
  'location',
  'parking',
  'locker',
  'towel',
  'shower',
  'sauna',
  'pool',
  'yoga',
  'pilates',
  'spinning',
  'boxing',
  'crossfit',
  'zumba',
  'barre',
  'hiit',
  'stretching',
  'meditation',
  'nutrition',
  'diet',
  'injury',
  'doctor',
  'certificate',
  'freeze',
  'pause',
  'holiday',
  'relocation',
  'transfer',
  'family',
  'child',
  'student',
  'senior',
  'corporate',
  'employer',
  'wellpass',
  'urbansportsclub',
  'gdpr',
  'export',
  'privacy',
  'consent',
  'newsletter',
  'unsubscribe',
  'spam',
  'phishing',
  'fraud',
  'chargeback',
  'dispute',
  'lawyer',
  'complaint',
  'manager',
  'supervisor',
  'escalate',
  'urgent',
  'asap',
  'weekend',
  'morning',
  'evening',
  'midnight',
  'outage',
  'maintenance',
  'downtime',
  'timeout',
  'gateway',
  'certificate',
  'firmware',
  'smartwatch',
  'garmin',
  'fitbit',
  'strava',
  'heartrate',
  'bluetooth',
];
/** Studio names: three of these syllables, so each name is in about TICKETS / 13,824 tickets. */
export const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ren',
  'tus',
  'bar',
  'vel',
  'do',
  'rin',
  'sa',
  'nor',
  'pe',
  'qui',
  'zan',
  'fe',
  'gor',
  'hu',
  'jal',
  'mek',
  'ost',
  'pri',
  'tel',
  'ub',
  'wik',
];
const CATEGORIES = ['billing', 'account', 'bookings', 'technical', 'other'];

const literal = (words: string[]) => `array[${words.map((word) => `'${word}'`).join(', ')}]::text[]`;
/** A random element of `array` (a SQL text[] of `length`) for the uniform draw `u`. */
const pick = (array: string, length: number, u: string) => `(${array})[1 + floor(${u} * ${length})::int]`;

/**
 * TICKETS tickets into support.ticket, numbered 1..TICKETS, opened over the two years before
 * `anchor`, each last changed up to 30 days after (not after `anchor`). Reproducible: the draws are materialised after
 * `setseed`, without parallel workers, and each description's words follow in row order.
 */
export async function seed(knex: Knex, anchor: Date): Promise<void> {
  const now = `timestamptz '${anchor.toISOString()}'`;
  const syllables = literal(SYLLABLES);
  const studio = ['s1', 's2', 's3'].map((u) => pick(syllables, SYLLABLES.length, `d.${u}`)).join(' || ');
  const words = literal(WORDS);
  // The text index, if this side has it, is built after the rows: kept while inserting, its
  // pending list would take minutes to merge. Rebuilt from its own definition (the migration's).
  const existing = (await knex.raw(
    `select pg_get_indexdef(to_regclass('support.ticket_text_index')) as definition`,
  )) as { rows: Array<{ definition: string | null }> };
  const textIndex = existing.rows[0]!.definition;
  if (textIndex) await knex.raw('drop index support.ticket_text_index');
  await knex.transaction(async (trx) => {
    await trx.raw('set local max_parallel_workers_per_gather = 0');
    await trx.raw(`select setseed(${SEED})`);
    await trx.raw(`
      insert into support.ticket (id, number, author_id, title, description, category, priority, status,
        first_response_due_at, resolution_due_at, first_responded_at, resolved_at, closed_at, created_at, updated_at)
      with draw as materialized (
        select i, random() as o, random() as t, random() as p, random() as length, random() as s1,
          random() as s2, random() as s3, random() as c, random() as prio, random() as state,
          random() as opened, random() as changed
        from generate_series(1, ${TICKETS}) as i
      ),
      ticket as (
        select d.*, ${now} - d.opened * interval '730 days' as created_at,
          ${pick(literal(OPENERS), OPENERS.length, 'd.o')} || ' ' || ${pick(literal(SUBJECTS), SUBJECTS.length, 'd.t')}
            || ' ' || ${pick(literal(PROBLEMS), PROBLEMS.length, 'd.p')} as title,
          (select string_agg((${words})[floor(exp(random() * ln(${WORDS.length} + 1)))::int], ' ')
             from generate_series(1, 12 + floor(d.length * 40)::int))
            || '. Studio ' || ${studio} || '.' as description
        from draw d
      )
      select md5('support-bench-ticket-' || i)::uuid, i, md5('support-bench-author-' || (i % 25000))::uuid,
        title, description, ${pick(literal(CATEGORIES), CATEGORIES.length, 'c')},
        case when prio < 0.1 then 'URGENT' when prio < 0.3 then 'HIGH' when prio < 0.9 then 'NORMAL' else 'LOW' end,
        case when state < 0.1 then 'OPEN' when state < 0.15 then 'PENDING' when state < 0.3 then 'RESOLVED' else 'CLOSED' end,
        created_at + interval '8 hours', created_at + interval '3 days',
        case when state >= 0.1 then created_at + changed * interval '2 hours' end,
        case when state >= 0.15 then created_at + changed * interval '3 days' end,
        case when state >= 0.3 then created_at + changed * interval '10 days' end,
        created_at, least(${now}, created_at + changed * interval '30 days')
      from ticket`);
    await trx.raw(`select setval(pg_get_serial_sequence('support.ticket', 'number'), ${TICKETS})`);
  });
  if (textIndex) await knex.raw(textIndex);
  // Now, or autovacuum would do it in the middle of a run.
  await knex.raw('vacuum analyze support.ticket');
}

/** A digest of every ticket's id, text and time: both databases must hold the same tickets. */
export async function digest(knex: Knex): Promise<string> {
  const result = (await knex.raw(`
    select md5(string_agg(id::text || number || title || description || updated_at::text, '|' order by number)) as digest
    from support.ticket`)) as { rows: Array<{ digest: string }> };
  return result.rows[0]!.digest;
}
