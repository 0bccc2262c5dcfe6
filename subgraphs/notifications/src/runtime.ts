import type { Logger } from '@lattice/server-kit';
import type { MailCapture } from '@lattice/smtp-capture';
import type { InboxFeed } from './live/inbox-feed';
import type { Dispatcher } from './service/dispatcher';
import type { NotificationsSettings } from './service/settings';
import type { UnsubscribeTokens } from './service/unsubscribe';

/** Notifications' process-wide state, built by `init`. */
export interface NotificationsRuntime {
  settings: NotificationsSettings;
  log: Logger;
  dispatcher: Dispatcher;
  inbox: InboxFeed;
  unsubscribe: UnsubscribeTokens;
  /** The local SMTP capture, when no SMTP_URL is set (development). */
  capture?: MailCapture;
  close(): Promise<void>;
}
