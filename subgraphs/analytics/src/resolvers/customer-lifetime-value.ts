import type { CustomerLifetimeValueResolvers } from '../__generated__/resolvers-types';
import { topCustomers } from '../revenue/lifetime-value';

export const CustomerLifetimeValue: CustomerLifetimeValueResolvers = {
  topCustomers: ({ currency }, page, { em }) => topCustomers(em, currency, page),
};
