import type { ProfileResolvers } from '../__generated__/resolvers-types';
import { readPreferences } from '../service/profiles';

export const Profile: ProfileResolvers = {
  preferences: (profile) => readPreferences(profile.preferences),
  // A reference: media resolves the rest.
  avatar: ({ avatarMediaId }) => (avatarMediaId ? { __typename: 'Media', id: avatarMediaId } : null),
};
