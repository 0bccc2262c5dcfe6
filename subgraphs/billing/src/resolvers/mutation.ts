import { requireViewer } from '@lattice/subgraph-kit';
import type { MutationResolvers } from '../__generated__/resolvers-types';
import { confirmPayment, createPayment } from '../service/payments';
import { refundPayment } from '../service/refunds';
import {
  cancelSubscription,
  changePlan,
  pauseSubscription,
  resumeSubscription,
  subscribeToPlan,
} from '../service/subscriptions/commands';

// Every mutation acts for the caller: none takes a user id (refunds by admins name a payment).
export const billingMutations: MutationResolvers = {
  subscribeToPlan: (_parent, { input }, { viewer, em, runtime }) =>
    subscribeToPlan(em, runtime, requireViewer(viewer).id, input),
  changePlan: (_parent, { plan }, { viewer, em, runtime }) =>
    changePlan(em, runtime, requireViewer(viewer).id, plan),
  cancelSubscription: (_parent, { atPeriodEnd }, { viewer, em, runtime }) =>
    cancelSubscription(em, runtime, requireViewer(viewer).id, atPeriodEnd ?? true),
  resumeSubscription: (_parent, _args, { viewer, em, runtime }) =>
    resumeSubscription(em, runtime, requireViewer(viewer).id),
  pauseSubscription: (_parent, _args, { viewer, em, runtime }) =>
    pauseSubscription(em, runtime, requireViewer(viewer).id),
  createPaymentIntent: (_parent, { input, idempotencyKey }, { viewer, em, runtime }) =>
    createPayment(em, runtime, requireViewer(viewer).id, input, idempotencyKey),
  confirmPayment: (_parent, { id, paymentMethod }, { viewer, em, runtime }) =>
    confirmPayment(em, runtime, requireViewer(viewer).id, id, paymentMethod),
  refundPayment: (_parent, { input }, { viewer, em, runtime }) =>
    refundPayment(em, runtime, requireViewer(viewer), input),
};
