import type { ProfileResolvers } from '../__generated__/resolvers-types';
import { readPreferences } from '../service/profiles';

export const Profile: ProfileResolvers = {
  preferences: (profile) => readPreferences(profile.preferences),
};
