export { createTestDatabase, type TestDatabase } from './database';
export { testRedisUrl, uniqueRedisPrefix, deleteRedisKeys } from './redis';
export { waitFor } from './wait-for';
export { closeCode, subscribe, type Subscription, wsClient, wsUrl } from './subscriptions';
