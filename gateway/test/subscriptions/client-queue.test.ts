import { ClientQueue } from '../../src/subscriptions/client-queue';

function queue(capacity: number) {
  const counts = { dropped: 0, returned: 0 };
  const created = new ClientQueue<number>(
    capacity,
    () => (counts.dropped += 1),
    () => (counts.returned += 1),
  );
  return { queue: created, counts };
}

async function drain(items: AsyncIterableIterator<number>): Promise<number[]> {
  const received: number[] = [];
  for await (const item of items) received.push(item);
  return received;
}

describe('as an iterator', () => {
  test('delivers in order; a subscriber that falls behind loses its oldest events, counted', async () => {
    const { queue: events, counts } = queue(3);
    for (const item of [1, 2, 3, 4, 5]) events.push(item);
    events.end();
    await expect(drain(events)).resolves.toEqual([3, 4, 5]);
    expect(counts.dropped).toBe(2);
  });

  test('a waiting subscriber gets the next event at once', async () => {
    const { queue: events } = queue(3);
    const next = events.next();
    events.push(7);
    await expect(next).resolves.toEqual({ value: 7, done: false });
  });

  test('leaving empties the queue and is reported once', async () => {
    const { queue: events, counts } = queue(3);
    events.push(1);
    await events.return();
    await events.return();
    events.push(2);
    await expect(events.next()).resolves.toEqual({ value: undefined, done: true });
    expect(counts.returned).toBe(1);
  });
});

describe('with a sink (the WebSocket fan-out)', () => {
  test('hands events one at a time, the next once the previous was sent', () => {
    const { queue: events, counts } = queue(2);
    const sent: number[] = [];
    const pending: Array<() => void> = [];
    events.attach((item, done) => {
      sent.push(item);
      pending.push(done);
    });
    events.push(1); // straight to the sink
    events.push(2);
    events.push(3);
    events.push(4); // the sink is still busy with 1: 2 is dropped
    expect(sent).toEqual([1]);
    expect(counts.dropped).toBe(1);
    pending.shift()!();
    expect(sent).toEqual([1, 3]);
    pending.shift()!();
    pending.shift()!();
    expect(sent).toEqual([1, 3, 4]);
  });

  test('the iteration ends only once everything waiting was sent', async () => {
    const { queue: events } = queue(5);
    const pending: Array<() => void> = [];
    events.attach((_item, done) => pending.push(done));
    events.push(1);
    events.push(2);
    events.end();
    let ended = false;
    const end = events.next().then((result) => (ended = result.done === true));
    await Promise.resolve();
    expect(ended).toBe(false);
    pending.shift()!();
    pending.shift()!();
    await end;
    expect(ended).toBe(true);
  });
});
