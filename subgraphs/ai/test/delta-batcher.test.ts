import { DeltaBatcher } from '../src/live/delta-batcher';
import { StreamWindow } from '../src/live/stream-window';

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

test('a window read as each opens: it follows the load from one window to the next', () => {
  let windowMs = 20;
  const sent: Array<[number, string]> = [];
  const b = new DeltaBatcher(
    (offset, delta) => sent.push([offset, delta]),
    () => windowMs,
  );
  b.push(0, 'a');
  b.push(1, 'b');
  windowMs = 100; // the process got busy: the next window is longer
  jest.advanceTimersByTime(20);
  expect(sent).toEqual([
    [0, 'a'],
    [1, 'b'],
  ]);
  b.push(2, 'c');
  jest.advanceTimersByTime(99);
  expect(sent).toHaveLength(2);
  jest.advanceTimersByTime(1);
  expect(sent.at(-1)).toEqual([2, 'c']);
});

describe('StreamWindow', () => {
  test('the base window while the loop has room, growing from 70 % busy to the longest at 95 %', () => {
    const window = new StreamWindow(20, 100);
    try {
      expect(window.ms).toBe(20);
      window.adjust(0.5);
      expect(window.ms).toBe(20);
      window.adjust(0.825);
      expect(window.ms).toBe(60);
      window.adjust(0.99);
      expect(window.ms).toBe(100);
      window.adjust(0.1);
      expect(window.ms).toBe(20);
    } finally {
      window.close();
    }
  });

  test('a fixed window when asked: no longer one, or 0 (each delta as it comes)', () => {
    for (const [base, max] of [
      [20, 20],
      [20, 0],
      [0, 100],
    ] as const) {
      const window = new StreamWindow(base, max);
      jest.advanceTimersByTime(1_000);
      expect(window.ms).toBe(base);
      window.close();
    }
  });
});
