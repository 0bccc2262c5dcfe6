import type { EventSpecs } from './define';

/** Events accounts publishes. */
export interface AccountsEvents {
  /**
   * A profile changed: the fields that did, and how the profile reads now (what other domains
   * need to address the person: notifications keeps it to greet and reach them). Version 2
   * added `profile`.
   */
  'accounts.profile_updated': {
    version: 2;
    data: {
      userId: string;
      fields: string[];
      profile: {
        displayName: string;
        /** BCP 47, e.g. `fr-FR`. */
        locale: string;
        /** IANA, e.g. `Europe/Paris`. */
        timezone: string;
        /** E.164, or null. */
        phone: string | null;
        /** The person's own switches per channel (email, SMS, marketing). */
        notifications: { email: boolean; sms: boolean; marketing: boolean };
      };
    };
  };
}

export const accountsEvents: EventSpecs<AccountsEvents> = {
  'accounts.profile_updated': { version: 2 },
};
