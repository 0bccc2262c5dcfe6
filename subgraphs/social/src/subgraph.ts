import { CommitFeed, defineSubgraph, startPeriodic, subgraphPackage } from '@lattice/subgraph-kit';
import { entities } from './entities';
import { FEED_CHANNEL, type FeedUpdate, feedUpdateKey } from './live/feed-updates';
import { createLoaders } from './loaders';
import { resolvers } from './resolvers';
import type { SocialRuntime } from './runtime';
import { tellAttendance, tellBooking, tellReview } from './service/domain-activities';
import { eraseUserSocial } from './service/erasure';
import { runJanitor } from './service/janitor';
import { rememberName } from './service/people';
import { socialSettings } from './service/settings';

/**
 * social: friends, follows, blocks and mutes; posts and activities told from other domains,
 * each with its visibility; home feeds pushed at write time and merged with the very followed
 * accounts' activities at read time; likes, comments, shares; live feed updates; people you
 * may know.
 */
export const social = defineSubgraph({
  name: 'social',
  ...subgraphPackage(__dirname),
  resolvers,
  entities,
  settings: socialSettings,
  async init({ orm, bus, settings, log }): Promise<SocialRuntime> {
    const live = new CommitFeed<FeedUpdate>(bus, FEED_CHANNEL, log, feedUpdateKey);
    await live.start(orm);
    const runtime: SocialRuntime = {
      settings,
      live,
      orm,
      log,
      now: () => new Date(),
      close: async () => {
        await stopJanitor();
        await live.stop();
      },
    };
    const stopJanitor = startPeriodic(
      () => runJanitor(runtime),
      settings.SOCIAL_JANITOR_INTERVAL_SECONDS * 1000,
      (error) => log.error({ err: error }, 'social janitor pass failed'),
    );
    return runtime;
  },
  close: (runtime) => runtime.close(),
  loaders: (em) => createLoaders(em),
  consumers: {
    'identity.user_deleted': eraseUserSocial,
    'accounts.profile_updated': rememberName,
    'bookings.booking_confirmed': tellBooking,
    'bookings.attendance_recorded': tellAttendance,
    'bookings.review_posted': tellReview,
  },
});
