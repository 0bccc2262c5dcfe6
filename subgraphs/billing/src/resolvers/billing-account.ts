import type { BillingAccountResolvers } from '../__generated__/resolvers-types';

export const BillingAccount: BillingAccountResolvers = {
  paymentMethod: ({ customer }) =>
    customer?.cardLast4
      ? {
          brand: customer.cardBrand ?? 'card',
          last4: customer.cardLast4,
          expMonth: customer.cardExpMonth ?? 0,
          expYear: customer.cardExpYear ?? 0,
        }
      : null,
};
