import type { MikroORM } from '@mikro-orm/postgresql';
import type { EventBus } from '@lattice/events';
import type { Logger } from '@lattice/server-kit';
import { startMailCapture } from '@lattice/smtp-capture';
import { InboxFeed } from '../live/inbox-feed';
import type { NotificationsRuntime } from '../runtime';
import { emailChannel } from './channels/email';
import { httpSmsChannel, logSmsChannel } from './channels/sms';
import { Dispatcher } from './dispatcher';
import type { NotificationsSettings } from './settings';
import { UnsubscribeTokens } from './unsubscribe';

/**
 * A log line with every link cut after its first path segment (links carry their tokens in
 * the query, `?token=…`, or in the path, `/invitations/<token>`).
 */
const withoutTokens = (line: string) =>
  line.replace(/(https?:\/\/[^\s/?#]*(?:\/[^\s/?#]*)?)[/?#]\S*/gi, '$1…');

/**
 * The mail server (SMTP_URL; outside production without it, a local capture whose mail
 * `npm run mail` shows), the SMS provider, the dispatcher and the live inbox.
 */
export async function startNotifications(deps: {
  orm: MikroORM;
  bus: EventBus;
  settings: NotificationsSettings;
  log: Logger;
  production: boolean;
}): Promise<NotificationsRuntime> {
  const { orm, bus, settings, log } = deps;
  if (!settings.SMTP_URL && deps.production) throw new Error('SMTP_URL is required in production');
  const capture = settings.SMTP_URL
    ? undefined
    : await startMailCapture({
        port: settings.MAIL_CAPTURE_PORT,
        directory: settings.MAIL_CAPTURE_DIR,
        // Its lines end with the mail's first link, whose token (verification, reset,
        // unsubscribe) must not reach the log: `npm run mail` shows the links.
        log: (line) => log.info(withoutTokens(line)),
      });
  if (capture)
    log.warn(
      { smtp: capture.url, directory: settings.MAIL_CAPTURE_DIR },
      'no SMTP_URL: mail goes to a local capture (npm run mail shows it)',
    );
  const email = emailChannel(
    capture?.url ?? settings.SMTP_URL!,
    settings.MAIL_FROM,
    Math.min(10, settings.DELIVERY_CONCURRENCY),
  );
  const sms =
    settings.SMS_PROVIDER === 'http'
      ? httpSmsChannel(settings.SMS_API_URL!, settings.SMS_API_TOKEN, settings.SMS_FROM)
      : logSmsChannel(log);
  const dispatcher = new Dispatcher(
    orm,
    { email, sms },
    {
      maxAttempts: settings.DELIVERY_MAX_ATTEMPTS,
      retryBaseMs: settings.DELIVERY_RETRY_BASE_MS,
      retryMaxMs: settings.DELIVERY_RETRY_MAX_MS,
      concurrency: settings.DELIVERY_CONCURRENCY,
    },
    log,
  );
  const inbox = new InboxFeed(bus, log);
  await inbox.start(orm);
  const unsubscribe = await UnsubscribeTokens.load(orm.em.fork());
  dispatcher.start();
  return {
    settings,
    log,
    dispatcher,
    inbox,
    unsubscribe,
    capture,
    close: async () => {
      await dispatcher.stop();
      await inbox.stop();
      await email.close();
      await sms.close();
      await capture?.close();
    },
  };
}
