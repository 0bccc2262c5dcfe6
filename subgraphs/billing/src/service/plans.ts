export type { Plan } from '@lattice/entitlements';
