import { BillingCustomerSchema } from './customer';
import { BillingInvoiceSchema } from './billing-invoice';
import { CreditAccountSchema } from './credit-account';
import { CreditHoldSchema } from './credit-hold';
import { CreditLedgerEntrySchema } from './credit-ledger-entry';
import { MembershipSchema } from './membership';
import { PaymentSchema } from './payment';
import { PlanSubscriptionSchema } from './plan-subscription';
import { PromoCodeSchema, PromoRedemptionSchema } from './promo-code';
import { RefundSchema } from './refund';
import { WebhookEventSchema } from './webhook-event';

export { BillingCustomer } from './customer';
export { BillingInvoice } from './billing-invoice';
export { CreditAccount } from './credit-account';
export { CreditHold } from './credit-hold';
export { CreditLedgerEntry, type CreditEntryKind } from './credit-ledger-entry';
export { Membership } from './membership';
export { Payment, type PaymentPurpose, type PaymentStatus } from './payment';
export { PlanSubscription, type SubscriptionStatus } from './plan-subscription';
export { PromoCode, PromoRedemption } from './promo-code';
export { Refund, type RefundReason } from './refund';
export { WebhookEvent } from './webhook-event';

export const entities = [
  BillingCustomerSchema,
  BillingInvoiceSchema,
  CreditAccountSchema,
  CreditHoldSchema,
  CreditLedgerEntrySchema,
  MembershipSchema,
  PaymentSchema,
  PlanSubscriptionSchema,
  PromoCodeSchema,
  PromoRedemptionSchema,
  RefundSchema,
  WebhookEventSchema,
];
