import { __Name__ItemSchema } from './item';

export { __Name__Item } from './item';

export const entities = [__Name__ItemSchema];
