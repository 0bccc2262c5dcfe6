/**
 * Scripted texts, answered in order, one per request: the assistant's replies (after them, an
 * echo of the last user message: `You said: <its text>`), or the transcripts.
 */
export class Script {
  private readonly queue: string[] = [];

  constructor(private readonly what = 'replies') {}

  /** Queues texts for the next requests, after those already queued. */
  push(texts: readonly string[]): void {
    const invalid = texts.find((text) => typeof text !== 'string');
    if (invalid !== undefined) {
      throw new RangeError(`${this.what} must be strings, got ${JSON.stringify(invalid)}`);
    }
    this.queue.push(...texts);
  }

  /** The first scripted text (consumed), if any. */
  take(): string | undefined {
    return this.queue.shift();
  }

  /** The next answer: the first scripted reply (consumed), else the echo of `lastUserText`. */
  next(lastUserText: string | undefined): string {
    const scripted = this.take();
    if (scripted !== undefined) return scripted;
    return lastUserText === undefined || lastUserText.trim() === ''
      ? 'You said nothing.'
      : `You said: ${lastUserText}`;
  }

  pending(): number {
    return this.queue.length;
  }

  clear(): void {
    this.queue.length = 0;
  }
}
