import { SecretSchema } from '@lattice/subgraph-kit';
import { DeliverySchema } from './delivery';
import { ErasedUserSchema } from './erased-user';
import { NotificationSchema } from './notification';
import { PreferenceSchema } from './preference';
import { RecipientSchema } from './recipient';

export { Delivery, type DeliveryChannel, type DeliveryStatus } from './delivery';
export { ErasedUser } from './erased-user';
export { Notification } from './notification';
export { Preference } from './preference';
export { Recipient } from './recipient';

export const entities = [
  DeliverySchema,
  ErasedUserSchema,
  NotificationSchema,
  PreferenceSchema,
  RecipientSchema,
  SecretSchema,
];
