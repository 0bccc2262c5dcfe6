import type { BusOptions, EventBus } from './bus';
import { createInProcessBus } from './in-process-bus';
import { createRedisBus } from './redis-bus';

/** The Redis bus when `redisUrl` is set (any number of processes), else the in-process one. */
export function createEventBus(options: BusOptions & { redisUrl?: string; prefix?: string }): EventBus {
  const { redisUrl, prefix, ...busOptions } = options;
  return redisUrl ? createRedisBus({ ...busOptions, url: redisUrl, prefix }) : createInProcessBus(busOptions);
}
