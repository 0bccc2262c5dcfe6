import { z } from 'zod';

const blankIsUnset = (value: unknown) => (value === '' ? undefined : value);
const whole = (min: number, max: number, fallback: number) =>
  z.preprocess(blankIsUnset, z.coerce.number().int().min(min).max(max).default(fallback));

export const socialSettings = z.object({
  /**
   * Accounts followed by more than this many are not pushed into their followers' feeds: each
   * follower pulls their public activities when reading (a post costs one write, not one per
   * follower). Friends are always pushed.
   */
  SOCIAL_PUSH_MAX_FOLLOWERS: whole(0, 10_000_000, 5_000),
  /** Each home feed keeps its newest this many pushed items (older ones are trimmed). */
  SOCIAL_FEED_CAP: whole(50, 100_000, 800),
  /** Who sees what other domains tell (a session booked, attended, reviewed): until the user changes it. */
  SOCIAL_DOMAIN_VISIBILITY: z.preprocess(
    blankIsUnset,
    z.enum(['PUBLIC', 'FRIENDS', 'PRIVATE']).default('FRIENDS'),
  ),
  /** How often feeds are trimmed to their cap. */
  SOCIAL_JANITOR_INTERVAL_SECONDS: whole(1, 86_400, 300),
});

export type SocialSettings = z.infer<typeof socialSettings>;
