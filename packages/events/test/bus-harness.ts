import type { BusOptions, EventBus } from '../src/bus';

export type BusFactory = (options: BusOptions) => EventBus;

/**
 * Registers hooks that close every bus a test opened and fail the test on any error the
 * bus reported; `open` creates buses with a small claimIdleMs unless told otherwise.
 */
export function busHarness(factory: BusFactory): { open: (options?: BusOptions) => EventBus } {
  const buses: EventBus[] = [];
  let errors: unknown[] = [];
  beforeEach(() => {
    errors = [];
  });
  afterEach(async () => {
    await Promise.all(buses.splice(0).map((bus) => bus.close()));
    expect(errors).toEqual([]);
  });
  return {
    open: (options = {}) => {
      const bus = factory({ claimIdleMs: 200, onError: (error) => errors.push(error), ...options });
      buses.push(bus);
      return bus;
    },
  };
}
