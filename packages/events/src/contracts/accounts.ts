import type { EventSpecs } from './define';

/** Events accounts publishes. */
export interface AccountsEvents {
  'accounts.profile_updated': {
    version: 1;
    data: { userId: string; fields: string[] };
  };
}

export const accountsEvents: EventSpecs<AccountsEvents> = {
  'accounts.profile_updated': { version: 1 },
};
