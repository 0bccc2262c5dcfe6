import type { InternalClient } from '@lattice/subgraph-kit';

/** What accounts knows of the user's business (see accounts' `/internal/business-context`). */
export interface BusinessContext {
  companyName: string | null;
  address: string | null;
  taxId: string | null;
  defaultCurrency: string | null;
  /** The company logo (a media id of the user's), or null. */
  logoMediaId: string | null;
  frequentClients: { name: string; email: string | null; address: string | null }[];
  commonServices: { description: string; unitPrice: string; currency: string | null; unit: string | null }[];
}

export interface BusinessContextSource {
  /** The user's business context; SERVICE_UNAVAILABLE (naming accounts) when accounts cannot say. */
  of(userId: string): Promise<BusinessContext>;
}

export const accountsBusinessContext = (accounts: InternalClient): BusinessContextSource => ({
  of: (userId) => accounts.call<BusinessContext>('/internal/business-context', { userId }),
});
