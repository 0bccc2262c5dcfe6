import type { SocialRuntime } from '../runtime';
import { trimFeeds } from './fan-out';

/** One pass: feeds over their cap lose their oldest pushed items. */
export async function runJanitor(runtime: SocialRuntime): Promise<void> {
  const trimmed = await trimFeeds(runtime.orm.em.fork(), runtime.settings.SOCIAL_FEED_CAP);
  if (trimmed) runtime.log.info({ trimmed }, 'social feeds trimmed');
}
