import type { Resolvers } from '../__generated__/resolvers-types';
import { User } from './user';

export const resolvers: Resolvers = { User };
