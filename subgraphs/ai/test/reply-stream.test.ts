import { ReplyStream, type StreamEvent } from '../src/live/reply-stream';
import type { StoredReply, StreamMessage } from '../src/live/stream-events';

/**
 * ReplyStream: whatever order deltas, snapshots and ends reach one subscriber in, each
 * character of a reply is sent once, in order, then the final event.
 */
const conversationId = 'c1';

function recorder() {
  const events: StreamEvent[] = [];
  const stream = new ReplyStream((event) => events.push(event));
  return { events, stream };
}

type Delta = Extract<StreamMessage, { kind: 'delta' }>;
const delta = (messageId: string, offset: number, text: string): Delta => ({
  kind: 'delta',
  conversationId,
  messageId,
  offset,
  delta: text,
});
const snapshot = (messageId: string, content: string): StreamMessage => ({
  kind: 'snapshot',
  conversationId,
  messageId,
  content,
});
const stored = (messageId: string, content: string): StoredReply => ({
  id: messageId,
  conversationId,
  content,
  status: 'COMPLETE',
  model: 'gpt-4o-mini',
  provider: 'openai',
  promptTokens: 3,
  completionTokens: 4,
  latencyMs: 12,
  costPicos: 100,
  error: null,
  createdAt: '2026-01-01T00:00:00.000Z',
});
const end = (messageId: string, content: string): StreamMessage => ({
  kind: 'end',
  conversationId,
  messageId,
  reply: stored(messageId, content),
});

/** Deltas of `text` cut at `cuts` (UTF-16 offsets), in order. */
function deltasOf(messageId: string, text: string, cuts: number[]): Delta[] {
  const bounds = [0, ...cuts, text.length];
  return bounds.slice(1).map((to, index) => delta(messageId, bounds[index]!, text.slice(bounds[index], to)));
}

/** Checks the events of one reply are contiguous from `from`; answers their text. */
function textOf(events: StreamEvent[], messageId: string, from = 0): string {
  let text = '';
  for (const event of events.filter((candidate) => candidate.messageId === messageId)) {
    expect(event.offset).toBe(from + text.length);
    text += event.delta;
  }
  return text;
}

describe('ReplyStream', () => {
  it('sends live deltas as they come, in order', () => {
    const { events, stream } = recorder();
    for (const message of deltasOf('m', 'Hello, world', [5, 6, 12])) stream.accept(message);
    expect(events).toEqual([
      { messageId: 'm', offset: 0, delta: 'Hello' },
      { messageId: 'm', offset: 5, delta: ',' },
      { messageId: 'm', offset: 6, delta: ' world' },
    ]);
  });

  it('holds deltas past a gap until a snapshot fills it, then sends the missing text once', () => {
    const { events, stream } = recorder();
    // A late subscriber: the reply had 10 characters when it started listening.
    stream.accept(delta('m', 10, 'KLM'));
    stream.accept(delta('m', 13, 'NOP'));
    expect(events).toEqual([]);
    // The snapshot covers the gap and overlaps the first waiting delta.
    stream.accept(snapshot('m', 'ABCDEFGHIJKL'));
    expect(events).toEqual([
      { messageId: 'm', offset: 0, delta: 'ABCDEFGHIJKL' },
      { messageId: 'm', offset: 12, delta: 'M' },
      { messageId: 'm', offset: 13, delta: 'NOP' },
    ]);
    stream.accept(delta('m', 16, 'Q'));
    expect(textOf(events, 'm')).toBe('ABCDEFGHIJKLMNOPQ');
  });

  it('sends nothing twice for snapshots that are prefixes of, or overlap, what was sent', () => {
    const { events, stream } = recorder();
    stream.accept(delta('m', 0, 'Hello'));
    stream.accept(snapshot('m', 'Hel')); // stale: a prefix
    stream.accept(snapshot('m', 'Hello')); // exactly what was sent
    stream.accept(snapshot('m', '')); // empty
    expect(events).toHaveLength(1);
    stream.accept(snapshot('m', 'Hello, w')); // overlaps, then goes further
    expect(events.at(-1)).toEqual({ messageId: 'm', offset: 5, delta: ', w' });
    stream.accept(delta('m', 5, ', ')); // a live delta the snapshot already covered
    stream.accept(delta('m', 7, 'wo')); // half covered
    expect(events.at(-1)).toEqual({ messageId: 'm', offset: 8, delta: 'o' });
    expect(textOf(events, 'm')).toBe('Hello, wo');
  });

  it('on the end, sends the text not sent yet, then the final event with the stored reply', () => {
    const { events, stream } = recorder();
    stream.accept(delta('m', 0, 'Hello'));
    stream.accept(delta('m', 9, '!')); // waiting for a gap the end fills
    stream.accept(end('m', 'Hello there!'));
    expect(events).toEqual([
      { messageId: 'm', offset: 0, delta: 'Hello' },
      { messageId: 'm', offset: 5, delta: ' there!' },
      { messageId: 'm', offset: 12, delta: '', reply: stored('m', 'Hello there!') },
    ]);
  });

  it('sends only the final event when everything was sent already', () => {
    const { events, stream } = recorder();
    stream.accept(delta('m', 0, 'Done'));
    stream.accept(end('m', 'Done'));
    expect(events).toEqual([
      { messageId: 'm', offset: 0, delta: 'Done' },
      { messageId: 'm', offset: 4, delta: '', reply: stored('m', 'Done') },
    ]);
  });

  it('ignores whatever comes after the end', () => {
    const { events, stream } = recorder();
    stream.accept(end('m', 'Bye'));
    stream.accept(delta('m', 3, ' again'));
    stream.accept(snapshot('m', 'Bye again'));
    stream.accept(end('m', 'Bye again'));
    expect(events).toEqual([
      { messageId: 'm', offset: 0, delta: 'Bye' },
      { messageId: 'm', offset: 3, delta: '', reply: stored('m', 'Bye') },
    ]);
  });

  it('resumes from the offset the client had: only the rest is sent', () => {
    const { events, stream } = recorder();
    stream.resumeFrom('m', 6);
    stream.accept(snapshot('m', 'Hello, wor')); // the stored text, then the generating replica's
    stream.accept(delta('m', 3, 'lo, '));
    stream.accept(delta('m', 10, 'ld'));
    stream.accept(end('m', 'Hello, world'));
    expect(events).toEqual([
      { messageId: 'm', offset: 6, delta: ' wor' },
      { messageId: 'm', offset: 10, delta: 'ld' },
      { messageId: 'm', offset: 12, delta: '', reply: stored('m', 'Hello, world') },
    ]);
  });

  it('resumes a reply that has ended with what the client missed and the final event', () => {
    const { events, stream } = recorder();
    stream.resumeFrom('m', 4);
    stream.accept(end('m', 'All done'));
    expect(events).toEqual([
      { messageId: 'm', offset: 4, delta: 'done' },
      { messageId: 'm', offset: 8, delta: '', reply: stored('m', 'All done') },
    ]);
  });

  it('counts offsets in UTF-16 code units: emoji and accents come through whole', () => {
    const text = 'Café 👩‍💻 naïve 😀🎉 日本語';
    const { events, stream } = recorder();
    // Cut between code points only (as a provider's strings are), some inside the emoji sequence.
    const cuts = [3, 5, 7, 10, 13, 17, 19, 21, 23];
    const deltas = deltasOf('m', text, cuts);
    stream.accept(deltas[3]!); // past a gap
    stream.accept(snapshot('m', text.slice(0, 10))); // 'Café 👩‍💻'
    for (const message of deltas) stream.accept(message);
    stream.accept(end('m', text));
    expect(textOf(events, 'm')).toBe(text);
    expect(events.at(-1)).toMatchObject({ offset: text.length, delta: '' });
    for (const event of events) expect(event.delta).not.toMatch(/[\uD800-\uDBFF]$|^[\uDC00-\uDFFF]/);
  });

  it('keeps several replies apart, interleaved', () => {
    const { events, stream } = recorder();
    stream.accept(delta('a', 0, 'One'));
    stream.accept(delta('b', 4, '!')); // b: a gap
    stream.accept(delta('a', 3, ' two'));
    stream.accept(snapshot('b', 'WXY'));
    stream.accept(end('a', 'One two'));
    stream.accept(snapshot('b', 'WXYZ'));
    stream.accept(delta('b', 2, 'YZ!')); // all sent already
    stream.accept(delta('a', 7, ' three')); // after a's end
    stream.accept(end('b', 'WXYZ!'));
    expect(textOf(events, 'a')).toBe('One two');
    expect(textOf(events, 'b')).toBe('WXYZ!');
    expect(events.filter((event) => event.reply).map((event) => event.messageId)).toEqual(['a', 'b']);
    expect(events.filter((event) => event.messageId === 'b').map((event) => event.delta)).toEqual([
      'WXY',
      'Z',
      '!',
      '',
    ]);
  });

  describe('any split and interleaving (seeded)', () => {
    /** mulberry32: the same seed, the same numbers. */
    const random = (seed: number) => () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
    };
    const TEXTS = [
      'The quick brown fox jumps over the lazy dog.',
      'Ünïcödé — “quotes”, emoji 😀👍🏽 and 日本語 mixed in, with a flag 🇫🇷.',
      'a',
      'x'.repeat(300),
    ];

    /** Cuts of `text` at code point boundaries, as a provider's deltas. */
    function randomCuts(text: string, next: () => number): number[] {
      const cuts: number[] = [];
      let at = 0;
      for (const char of text) {
        at += char.length;
        if (at < text.length && next() < 0.35) cuts.push(at);
      }
      return cuts;
    }

    it.each(Array.from({ length: 200 }, (_, seed) => [seed]))('seed %i', (seed) => {
      const next = random(seed + 1);
      const pick = (below: number) => Math.floor(next() * below);
      const text = TEXTS[seed % TEXTS.length]!;
      const deltas = deltasOf('m', text, randomCuts(text, next));
      const prefixAfter = (count: number) =>
        count ? text.slice(0, deltas[count - 1]!.offset + deltas[count - 1]!.delta.length) : '';

      // The subscriber starts listening after `joined` deltas were published (it never sees those).
      const joined = pick(deltas.length + 1);
      const live: StreamMessage[] = deltas.slice(joined);
      // The generating replica answers the catch-up after some delta at or past `joined`: its
      // snapshot travels behind that delta on the channel.
      const answeredAfter = joined + pick(deltas.length - joined + 1);
      live.splice(answeredAfter - joined, 0, snapshot('m', prefixAfter(answeredAfter)));
      const ended = next() < 0.8;
      if (ended) live.push(end('m', text));
      // The text saved in the database (flushed at some point up to when it was read) is
      // accepted while the live messages come in, at any place among them.
      const saved = snapshot('m', prefixAfter(pick(answeredAfter + 1)));
      live.splice(pick(live.length + 1), 0, saved);
      // A resumed subscriber may already have a prefix.
      const resumedAt = next() < 0.3 ? prefixAfter(pick(joined + 1)).length : 0;

      const { events, stream } = recorder();
      if (resumedAt) stream.resumeFrom('m', resumedAt);
      for (const message of live) stream.accept(message);

      const received = textOf(events, 'm', resumedAt);
      const finals = events.filter((event) => event.reply);
      if (ended) {
        expect(received).toBe(text.slice(resumedAt));
        expect(finals).toHaveLength(1);
        expect(events.at(-1)).toEqual({
          messageId: 'm',
          offset: text.length,
          delta: '',
          reply: stored('m', text),
        });
      } else {
        // Everything published after the catch-up has arrived: all of it.
        expect(received).toBe(text.slice(resumedAt));
        expect(finals).toHaveLength(0);
      }
      expect(events.filter((event) => !event.reply).every((event) => event.delta.length > 0)).toBe(true);
    });
  });
});
