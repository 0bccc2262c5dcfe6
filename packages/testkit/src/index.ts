export { createTestDatabase, type TestDatabase } from './database';
export { testRedisUrl, uniqueRedisPrefix, deleteRedisKeys, describeWithRedis, itWithRedis } from './redis';
export { waitFor } from './wait-for';
export { closeCode, subscribe, type Subscription, wsClient, wsUrl } from './subscriptions';
export { startLocalS3, type LocalS3 } from './s3';
export { pdfText } from './pdf-text';
