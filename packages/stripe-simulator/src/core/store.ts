import type Stripe from 'stripe';
import { resourceMissing } from './errors';
import type { StripeEventRecord } from './events';

/** The objects the simulator keeps, by their `object` name. */
export interface ObjectTypes {
  customer: Stripe.Customer;
  payment_method: Stripe.PaymentMethod;
  payment_intent: Stripe.PaymentIntent;
  charge: Stripe.Charge;
  refund: Stripe.Refund;
  product: Stripe.Product;
  price: Stripe.Price;
  coupon: Stripe.Coupon;
  discount: Stripe.Discount;
  subscription: Stripe.Subscription;
  subscription_item: Stripe.SubscriptionItem;
  invoice: Stripe.Invoice;
  invoice_payment: Stripe.InvoicePayment;
  event: StripeEventRecord;
  webhook_endpoint: Stripe.WebhookEndpoint;
}

export type ObjectType = keyof ObjectTypes;

/**
 * Every object in memory, by type in creation order and by id. Objects are kept in their wire
 * shape and changed in place; responses and event snapshots serialize them.
 */
export class Store {
  private readonly byType = new Map<ObjectType, Map<string, unknown>>();
  private readonly byId = new Map<string, unknown>();
  private readonly createdCounts = new Map<string, number>();

  insert<K extends ObjectType>(type: K, object: ObjectTypes[K]): ObjectTypes[K] {
    this.objectsOf(type).set(object.id, object);
    this.byId.set(object.id, object);
    this.createdCounts.set(type, (this.createdCounts.get(type) ?? 0) + 1);
    return object;
  }

  find<K extends ObjectType>(type: K, id: string): ObjectTypes[K] | undefined {
    return this.objectsOf(type).get(id) as ObjectTypes[K] | undefined;
  }

  /** The object, or Stripe's resource_missing error (a 400 naming `param` when one is given). */
  get<K extends ObjectType>(type: K, id: string, param?: string): ObjectTypes[K] {
    const object = this.find(type, id);
    if (!object) throw resourceMissing(type, id, param);
    return object;
  }

  /** Any object by id, whatever its type (for `expand`). */
  findAny(id: string): unknown {
    return this.byId.get(id);
  }

  /** The objects of a type, oldest first. */
  all<K extends ObjectType>(type: K): ObjectTypes[K][] {
    return [...this.objectsOf(type).values()] as ObjectTypes[K][];
  }

  remove(type: ObjectType, id: string): void {
    this.objectsOf(type).delete(id);
    this.byId.delete(id);
  }

  /** How many objects of a type were ever created. */
  created(type: string): number {
    return this.createdCounts.get(type) ?? 0;
  }

  private objectsOf(type: ObjectType): Map<string, unknown> {
    let objects = this.byType.get(type);
    if (!objects) this.byType.set(type, (objects = new Map()));
    return objects;
  }
}
