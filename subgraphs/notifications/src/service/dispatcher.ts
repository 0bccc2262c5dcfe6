import type { EntityManager, MikroORM, TransactionEventArgs } from '@mikro-orm/postgresql';
import { createEvent, recordEvent, SENSITIVE_EVENTS } from '@lattice/events';
import type { Logger } from '@lattice/server-kit';
import { Delivery, Recipient } from '../entities';
import { MESSAGES } from '../messages';
import { type DeliveryChannel, PermanentFailure } from './channels/channel';

export interface DispatcherOptions {
  maxAttempts: number;
  retryBaseMs: number;
  retryMaxMs: number;
  concurrency: number;
  /** How often queued deliveries are looked for when nothing kicks the dispatcher. */
  pollMs?: number;
}

/** How long one attempt owns a delivery; past it, a crashed sender's delivery is taken over. */
const LEASE_SECONDS = 120;

/** Kinds whose body holds a one-time token (a reset link): erased once sent or failed for good. */
const SECRET_KINDS = new Set(
  MESSAGES.filter((message) => SENSITIVE_EVENTS.has(message.event)).map((message) => message.kind),
);

/**
 * Kinds mailing an address that may be no user's (an invitation): written under the sender's
 * id, so sent without the sender's name on the `To`, and address and body erased once settled.
 */
const OUTSIDE_KINDS = new Set(
  MESSAGES.filter((message) => message.outsideEmail).map((message) => message.kind),
);

/**
 * Sends queued deliveries. Replicas share the table: each claims a batch with `FOR UPDATE SKIP
 * LOCKED` and a lease, so no two send one delivery at once. A claim is its attempt number:
 * each send first renews its lease if the claim is still its own, and each outcome is written
 * only under it, so a claimant outlived by its lease neither sends again nor overwrites the
 * outcome of the one that took over. Transient failures wait with exponential backoff and
 * jitter, up to `maxAttempts`; permanent ones fail at once with the reason. Each outcome and
 * its event are written in one transaction.
 */
export class Dispatcher {
  private running = false;
  private wake: (() => void) | undefined;
  private loop: Promise<void> | undefined;
  private readonly kicks = new WeakSet<EntityManager>();

  constructor(
    private readonly orm: MikroORM,
    private readonly channels: { email: DeliveryChannel; sms: DeliveryChannel },
    private readonly options: DispatcherOptions,
    private readonly log: Logger,
  ) {}

  start(): void {
    this.orm.em.getEventManager().registerSubscriber({
      afterTransactionCommit: (args: TransactionEventArgs) => {
        if (this.kicks.has(args.em as EntityManager)) this.kick();
      },
    });
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.kick();
    await this.loop;
  }

  /** Looks for deliveries once the transaction of `em` commits. */
  kickAfterCommit(em: EntityManager): void {
    this.kicks.add(em);
  }

  kick(): void {
    this.wake?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let claimed = 0;
      try {
        claimed = await this.sendBatch();
      } catch (error) {
        this.log.error({ err: error }, 'delivery batch failed');
      }
      if (claimed === 0 && this.running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.options.pollMs ?? 1000);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = undefined;
      }
    }
  }

  private async sendBatch(): Promise<number> {
    const em = this.orm.em.fork();
    const rows = await em.execute(
      `update notifications.delivery set status = 'sending', attempts = attempts + 1,
              lease_until = now() + make_interval(secs => ?)
        where id in (select id from notifications.delivery
                      where (status = 'queued' and next_attempt_at <= now())
                         or (status = 'sending' and lease_until < now())
                      order by next_attempt_at limit ? for update skip locked)
        returning *`,
      [LEASE_SECONDS, this.options.concurrency * 2],
    );
    if (!rows.length) return 0;
    // `returning` keeps no order: the most overdue go first.
    const deliveries = rows
      .map((row) => em.map(Delivery, row))
      .sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime());
    const names = new Map(
      (await em.find(Recipient, { userId: { $in: [...new Set(deliveries.map((d) => d.userId))] } })).map(
        (r) => [r.userId, r.displayName],
      ),
    );
    let next = 0;
    const worker = async () => {
      while (next < deliveries.length) {
        const delivery = deliveries[next++]!;
        const name = OUTSIDE_KINDS.has(delivery.kind) ? null : (names.get(delivery.userId) ?? null);
        await this.attempt(delivery, name);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency, deliveries.length) }, worker));
    return deliveries.length;
  }

  private async attempt(delivery: Delivery, name: string | null): Promise<void> {
    // Claimed with a batch, it may have waited its turn past its lease, or its user been deleted.
    if (!(await this.renew(delivery))) return;
    const channel = delivery.channel === 'email' ? this.channels.email : this.channels.sms;
    let outcome: { sent: string } | { error: unknown };
    try {
      outcome = { sent: await channel.send(delivery, name) };
    } catch (error) {
      outcome = { error };
    }
    try {
      await this.settle(delivery, outcome);
    } catch (error) {
      // The lease runs out and the delivery is attempted again: at least once, never lost.
      this.log.error({ err: error, delivery: delivery.id }, 'could not record a delivery outcome');
    }
  }

  /** Extends the lease of a claim still this attempt's; false when it is not (taken over, erased). */
  private async renew(delivery: Delivery): Promise<boolean> {
    const { affectedRows } = await this.orm.em.fork().execute<{ affectedRows: number }>(
      `update notifications.delivery set lease_until = now() + make_interval(secs => ?)
          where id = ? and status = 'sending' and attempts = ?`,
      [LEASE_SECONDS, delivery.id, delivery.attempts],
      'run',
    );
    return affectedRows === 1;
  }

  private async settle(delivery: Delivery, outcome: { sent: string } | { error: unknown }): Promise<void> {
    const em = this.orm.em.fork();
    await em.transactional(async (tx) => {
      const mine = { id: delivery.id, status: 'sending' as const, attempts: delivery.attempts };
      const settled = {
        ...(SECRET_KINDS.has(delivery.kind) || OUTSIDE_KINDS.has(delivery.kind)
          ? { text: '', html: null }
          : {}),
        ...(OUTSIDE_KINDS.has(delivery.kind) ? { address: '' } : {}),
      };
      if ('sent' in outcome) {
        const sentAt = new Date();
        const updated = await tx.nativeUpdate(Delivery, mine, {
          status: 'sent',
          sentAt,
          providerId: outcome.sent.slice(0, 300),
          leaseUntil: null,
          lastError: null,
          ...settled,
        });
        if (updated) this.record(tx, delivery, { sentAt });
        return;
      }
      const reason = describe(outcome.error);
      const permanent = outcome.error instanceof PermanentFailure;
      if (permanent || delivery.attempts >= this.options.maxAttempts) {
        const updated = await tx.nativeUpdate(Delivery, mine, {
          status: 'failed',
          lastError: reason,
          leaseUntil: null,
          ...settled,
        });
        if (updated) this.record(tx, delivery, { reason });
        this.log.warn(
          { delivery: delivery.id, kind: delivery.kind, channel: delivery.channel, reason },
          'delivery failed',
        );
        return;
      }
      await tx.nativeUpdate(Delivery, mine, {
        status: 'queued',
        lastError: reason,
        leaseUntil: null,
        nextAttemptAt: new Date(Date.now() + this.backoff(delivery.attempts)),
      });
    });
  }

  /** Exponential from retryBaseMs, capped, with full jitter so a recovering server is not stampeded. */
  private backoff(attempts: number): number {
    const ceiling = Math.min(this.options.retryMaxMs, this.options.retryBaseMs * 2 ** (attempts - 1));
    return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
  }

  private record(
    em: EntityManager,
    delivery: Delivery,
    outcome: { sentAt: Date } | { reason: string },
  ): void {
    const common = {
      deliveryId: delivery.id,
      userId: delivery.userId,
      kind: delivery.kind,
      channel: delivery.channel,
      attempts: delivery.attempts,
    };
    recordEvent(
      em,
      'sentAt' in outcome
        ? createEvent('notifications.delivery_sent', {
            actor: null,
            subject: delivery.userId,
            data: {
              ...common,
              latencyMs: Math.max(0, outcome.sentAt.getTime() - delivery.eventAt.getTime()),
            },
          })
        : createEvent('notifications.delivery_failed', {
            actor: null,
            subject: delivery.userId,
            data: { ...common, reason: outcome.reason },
          }),
    );
  }
}

/** The provider's answer, without the address (kept out of logs and events). */
function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/[^\s<>@]+@[^\s<>@]+/g, '<address>').slice(0, 500);
}
