export { createTestDatabase, type TestDatabase } from './database';
export { testRedisUrl, uniqueRedisPrefix, deleteRedisKeys } from './redis';
export { waitFor } from './wait-for';
