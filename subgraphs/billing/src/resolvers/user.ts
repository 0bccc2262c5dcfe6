import type { UserResolvers } from '../__generated__/resolvers-types';
import { listInvoices } from '../service/invoices';
import { listPayments } from '../service/payments';
import { grantsPlan } from '../service/subscriptions/snapshot';
import { requireOwnerOrStaff } from './guard';

export const userFields: UserResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  billing: async ({ id }, _args, { viewer, loaders, runtime }) => {
    requireOwnerOrStaff(viewer, id, 'billing');
    const [subscription, customer] = await Promise.all([
      loaders.subscriptionByUser.load(id),
      loaders.customerByUser.load(id),
    ]);
    const paid =
      subscription && grantsPlan(subscription.status) ? runtime.plans.get(subscription.plan) : undefined;
    return { plan: paid ?? runtime.plans.free, subscription, customer };
  },
  usage: async ({ id }, _args, { viewer, em, runtime }) => {
    requireOwnerOrStaff(viewer, id, 'usage');
    const meters = await runtime.meter.usage(em, id);
    return meters.map((meter) => ({ ...meter, resetsAt: meter.resetsAt }));
  },
  payments: ({ id }, args, { viewer, em }) => {
    requireOwnerOrStaff(viewer, id, 'payments');
    return listPayments(em, id, args);
  },
  billingInvoices: ({ id }, args, { viewer, em }) => {
    requireOwnerOrStaff(viewer, id, 'invoices');
    return listInvoices(em, id, args);
  },
};
