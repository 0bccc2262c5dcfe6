import { ProfileSchema } from './profile';

export { Profile } from './profile';
export const entities = [ProfileSchema];
