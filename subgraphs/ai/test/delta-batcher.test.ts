import { DeltaBatcher } from '../src/live/delta-batcher';

// Fake timers: the windows are exact here, whatever the machine's load.
beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

function batcher(windowMs = 20) {
  const sent: Array<[number, string]> = [];
  return { sent, batcher: new DeltaBatcher((offset, delta) => sent.push([offset, delta]), windowMs) };
}

test('the first delta goes at once, the next ones of the window together', () => {
  const { sent, batcher: b } = batcher();
  b.push(0, 'Hel');
  expect(sent).toEqual([[0, 'Hel']]);
  b.push(3, 'lo');
  b.push(5, ' wor');
  expect(sent).toHaveLength(1);
  jest.advanceTimersByTime(20);
  expect(sent).toEqual([
    [0, 'Hel'],
    [3, 'lo wor'],
  ]);
});

test('after a quiet window the next delta goes at once again', () => {
  const { sent, batcher: b } = batcher();
  b.push(0, 'a');
  jest.advanceTimersByTime(20); // nothing held: the window closes
  jest.advanceTimersByTime(100);
  b.push(1, 'b');
  expect(sent).toEqual([
    [0, 'a'],
    [1, 'b'],
  ]);
});

test('flush sends what is held, in order, and nothing twice', () => {
  const { sent, batcher: b } = batcher();
  b.push(0, 'x');
  b.push(1, 'y');
  b.push(2, 'z');
  b.flush();
  jest.advanceTimersByTime(100);
  expect(sent).toEqual([
    [0, 'x'],
    [1, 'yz'],
  ]);
  expect(sent.map(([, delta]) => delta).join('')).toBe('xyz');
});

test('a window of 0 sends every delta as it comes', () => {
  const { sent, batcher: b } = batcher(0);
  b.push(0, 'a');
  b.push(1, 'b');
  expect(sent).toEqual([
    [0, 'a'],
    [1, 'b'],
  ]);
});
