import { DeliverySchema } from './delivery';
import { NotificationSchema } from './notification';
import { PreferenceSchema } from './preference';
import { RecipientSchema } from './recipient';
import { SecretSchema } from './secret';

export { Delivery, type DeliveryChannel, type DeliveryStatus } from './delivery';
export { Notification } from './notification';
export { Preference } from './preference';
export { Recipient } from './recipient';
export { Secret } from './secret';

export const entities = [DeliverySchema, NotificationSchema, PreferenceSchema, RecipientSchema, SecretSchema];
