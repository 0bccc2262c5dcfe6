import type { PaymentResolvers } from '../__generated__/resolvers-types';
import { visibleTo } from './guard';

export const Payment: PaymentResolvers = {
  __resolveReference: async ({ id }, { viewer, loaders }) =>
    visibleTo(viewer, await loaders.paymentById.load(id)),
  user: (payment) => ({ id: payment.userId }),
  // Confirms the payment from a browser: the payer's alone, not staff's.
  clientSecret: (payment, _args, { viewer }) => (viewer?.id === payment.userId ? payment.clientSecret : null),
  refunds: (payment, _args, { loaders }) => loaders.refundsByPayment.load(payment.id),
};
