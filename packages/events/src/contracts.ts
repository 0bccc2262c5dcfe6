/**
 * Every domain event type, its current version and its payload. Producers and consumers
 * import these types, so a payload change is a compile error wherever it matters.
 */
export interface EventContracts {
  'identity.user_registered': {
    version: 1;
    data: { userId: string; email: string; role: string };
  };
}

export type EventType = keyof EventContracts;
export type EventData<T extends EventType> = EventContracts[T]['data'];
export const EVENT_VERSIONS: { [T in EventType]: EventContracts[T]['version'] } = {
  'identity.user_registered': 1,
};
