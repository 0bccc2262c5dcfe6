import type { Delivery } from '../../entities';

/** A provider refused for good (a bad address, a rejected message): retrying changes nothing. */
export class PermanentFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentFailure';
  }
}

/** Sends one delivery; resolves with the provider's id, rejects with PermanentFailure or anything transient. */
export interface DeliveryChannel {
  send(delivery: Delivery, recipientName: string | null): Promise<string>;
  close(): Promise<void>;
}
