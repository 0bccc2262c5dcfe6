import type { EventEnvelope } from './envelope';

/** Append-only event log with absolute offsets; the oldest entries go beyond `maxLength`. */
export class EventLog {
  private base = 0;
  private readonly entries: EventEnvelope[] = [];

  constructor(private readonly maxLength: number) {}

  get start(): number {
    return this.base;
  }

  get end(): number {
    return this.base + this.entries.length;
  }

  append(event: EventEnvelope): number {
    this.entries.push(event);
    // Trim in chunks, like Redis's MAXLEN ~, so appends stay O(1) on average.
    if (this.entries.length > this.maxLength * 1.1) {
      const drop = this.entries.length - this.maxLength;
      this.entries.splice(0, drop);
      this.base += drop;
    }
    return this.end - 1;
  }

  at(offset: number): EventEnvelope | undefined {
    return this.entries[offset - this.base];
  }
}

export interface GroupMember {
  /** Called whenever the group may have something new for it. */
  wake(): void;
}

export interface Delivery {
  offset: number;
  event: EventEnvelope;
  /** Deliveries of this entry so far, this one included. */
  deliveries: number;
}

interface PendingEntry {
  deliveries: number;
  owner: GroupMember | null;
  retryAt: number;
}

/**
 * One consumer group: its position in the log and its pending (delivered, not yet
 * acknowledged) entries. It outlives its consumers, so a restarted consumer catches up.
 */
export class ConsumerGroup {
  readonly members = new Set<GroupMember>();
  private cursor: number;
  private readonly pending = new Map<number, PendingEntry>();

  constructor(
    readonly name: string,
    private readonly log: EventLog,
  ) {
    this.cursor = log.start;
  }

  /** A due retry first (oldest), else the next new entry; otherwise when to look again. */
  take(owner: GroupMember, now: number): Delivery | { retryAt: number | null } {
    let offset: number | null = null;
    let retryAt: number | null = null;
    for (const [candidate, entry] of this.pending) {
      if (entry.owner) continue;
      if (candidate < this.log.start) {
        this.pending.delete(candidate); // trimmed away before anyone handled it
      } else if (entry.retryAt <= now) {
        if (offset === null || candidate < offset) offset = candidate;
      } else {
        retryAt = retryAt === null ? entry.retryAt : Math.min(retryAt, entry.retryAt);
      }
    }
    if (offset === null && this.cursor < this.log.end) {
      offset = Math.max(this.cursor, this.log.start);
      this.cursor = offset + 1;
      this.pending.set(offset, { deliveries: 0, owner: null, retryAt: 0 });
    }
    if (offset === null) return { retryAt };
    const entry = this.pending.get(offset)!;
    entry.owner = owner;
    entry.deliveries += 1;
    return { offset, event: this.log.at(offset)!, deliveries: entry.deliveries };
  }

  owns(owner: GroupMember, offset: number): boolean {
    return this.pending.get(offset)?.owner === owner;
  }

  ack(offset: number): void {
    this.pending.delete(offset);
  }

  /** A failed delivery: the entry is offered again from `retryAt`. */
  release(offset: number, retryAt: number): void {
    const entry = this.pending.get(offset);
    if (!entry) return;
    entry.owner = null;
    entry.retryAt = retryAt;
    this.wakeAll();
  }

  /** What a stopped member held is offered to the others (or to the group's next consumer). */
  leave(member: GroupMember): void {
    this.members.delete(member);
    for (const entry of this.pending.values()) {
      if (entry.owner !== member) continue;
      entry.owner = null;
      entry.retryAt = 0;
    }
    this.wakeAll();
  }

  /** Whether the group has acknowledged (or dead-lettered) the entry at `offset`. */
  isDone(offset: number): boolean {
    return offset < this.cursor && !this.pending.has(offset);
  }

  wakeAll(): void {
    for (const member of this.members) member.wake();
  }
}
