import { BusinessContextSchema } from './business-context';
import { CommonServiceSchema } from './common-service';
import { ErasedUserSchema } from './erased-user';
import { FrequentClientSchema } from './frequent-client';
import { ProfileSchema } from './profile';

export {
  Profile,
  DEFAULT_PREFERENCES,
  defaultPreferences,
  type Preferences,
  type NotificationPreferences,
} from './profile';
export { BusinessContext } from './business-context';
export { FrequentClient } from './frequent-client';
export { CommonService } from './common-service';
export { ErasedUser } from './erased-user';

export const entities = [
  ProfileSchema,
  BusinessContextSchema,
  FrequentClientSchema,
  CommonServiceSchema,
  ErasedUserSchema,
];
