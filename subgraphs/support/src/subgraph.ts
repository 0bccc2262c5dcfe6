import { CommitFeed, defineSubgraph, startPeriodic, subgraphPackage } from '@lattice/subgraph-kit';
import { entities } from './entities';
import { TICKET_CHANNEL, ticketChangeKey, type TicketChange } from './live/ticket-activity';
import { createLoaders } from './loaders';
import { resolvers } from './resolvers';
import type { SupportRuntime } from './runtime';
import { eraseUserTickets } from './service/erasure';
import { runJanitor } from './service/janitor';
import { supportSettings } from './service/settings';

/**
 * support: a help desk. Tickets with attachments and a conversation of replies and internal
 * notes, agents given tickets by round robin within their capacity, canned responses, SLA
 * targets per priority with breaches announced, satisfaction ratings and statistics.
 */
export const support = defineSubgraph({
  name: 'support',
  ...subgraphPackage(__dirname),
  resolvers,
  entities,
  settings: supportSettings,
  async init({ orm, bus, settings, log }): Promise<SupportRuntime> {
    const feed = new CommitFeed<TicketChange>(bus, TICKET_CHANNEL, log, ticketChangeKey);
    await feed.start(orm);
    const runtime: SupportRuntime = {
      settings,
      feed,
      orm,
      log,
      now: () => new Date(),
      close: async () => {
        await stopJanitor();
        await feed.stop();
      },
    };
    const stopJanitor = startPeriodic(
      () => runJanitor(runtime),
      settings.SUPPORT_JANITOR_INTERVAL_SECONDS * 1000,
      (error) => log.error({ err: error }, 'support janitor pass failed'),
    );
    return runtime;
  },
  close: (runtime) => runtime.close(),
  loaders: (em) => createLoaders(em),
  consumers: {
    'identity.user_deleted': eraseUserTickets,
  },
});
