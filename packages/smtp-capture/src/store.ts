import type { CapturedMail } from './mail';

/** How many mails are kept in memory: older ones are dropped (the directory, when set, keeps its own). */
export const MAX_MESSAGES = 10_000;

/** How many of the mails that did arrive a waitFor timeout lists. */
const LISTED_ON_TIMEOUT = 10;

interface Waiter {
  match: (mail: CapturedMail) => boolean;
  resolve: (mail: CapturedMail) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/** The last MAX_MESSAGES parsed mails, oldest first, and the waitFor calls still waiting. */
export class MailStore {
  private mails: CapturedMail[] = [];
  private readonly waiters = new Set<Waiter>();

  add(mail: CapturedMail): void {
    this.mails.push(mail);
    // Trimmed in batches, so keeping the last MAX_MESSAGES costs O(1) per mail amortized.
    if (this.mails.length >= 2 * MAX_MESSAGES) this.mails = this.mails.slice(-MAX_MESSAGES);
    for (const waiter of this.waiters) this.offer(waiter, mail);
  }

  list(): CapturedMail[] {
    return this.mails.slice(-MAX_MESSAGES);
  }

  clear(): void {
    this.mails = [];
  }

  /** `where` names the capture in a timeout's message: its URL, and its failure mode if any. */
  waitFor(
    match: (mail: CapturedMail) => boolean,
    timeoutMs: number,
    where: () => string,
  ): Promise<CapturedMail> {
    return new Promise<CapturedMail>((resolve, reject) => {
      const waiter: Waiter = {
        match,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          reject(
            new Error(`waitFor: no matching mail within ${timeoutMs} ms at ${where()}; ${this.arrived()}`),
          );
        }, timeoutMs),
      };
      this.waiters.add(waiter);
      for (const mail of this.list()) {
        this.offer(waiter, mail);
        if (!this.waiters.has(waiter)) return;
      }
    });
  }

  /** Rejects every waitFor still waiting (the capture is closing). */
  rejectWaiting(error: Error): void {
    for (const waiter of this.waiters) this.settle(waiter, () => waiter.reject(error));
  }

  /** A matcher that throws rejects its own waitFor, and nothing else. */
  private offer(waiter: Waiter, mail: CapturedMail): void {
    let matched: boolean;
    try {
      matched = waiter.match(mail);
    } catch (error) {
      this.settle(waiter, () => waiter.reject(error instanceof Error ? error : new Error(String(error))));
      return;
    }
    if (matched) this.settle(waiter, () => waiter.resolve(mail));
  }

  private settle(waiter: Waiter, outcome: () => void): void {
    clearTimeout(waiter.timer);
    this.waiters.delete(waiter);
    outcome();
  }

  private arrived(): string {
    const mails = this.list();
    if (mails.length === 0) return 'no mail arrived.';
    const shown = mails.slice(-LISTED_ON_TIMEOUT).map((mail) => `\n  ${summary(mail)}`);
    const earlier = mails.length - shown.length;
    return `${mails.length} arrived (newest last):${earlier > 0 ? `\n  … ${earlier} earlier` : ''}${shown.join('')}`;
  }
}

/** `000042 to ada@example.com: Verify your email`: one line for a listing. */
export function summary(mail: Pick<CapturedMail, 'id' | 'to' | 'envelope' | 'subject'>): string {
  const to = mail.to.length > 0 ? mail.to : mail.envelope.to;
  return `${mail.id} to ${to.join(', ') || '(nobody)'}: ${mail.subject || '(no subject)'}`;
}
