import { SecretSchema } from '@lattice/subgraph-kit';
import { GenerationEventSchema } from './generation-event';
import { SiteSchema } from './site';
import { SiteFileSchema } from './site-file';
import { SiteVersionSchema } from './site-version';

export * from './generation-event';
export * from './site';
export * from './site-file';
export * from './site-version';
export const entities = [SiteSchema, SiteVersionSchema, SiteFileSchema, GenerationEventSchema, SecretSchema];
