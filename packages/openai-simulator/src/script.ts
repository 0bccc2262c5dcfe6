/**
 * What the assistant answers: the scripted replies first (one per chat completion, in order),
 * then an echo of the last user message: `You said: <its text>`.
 */
export class Script {
  private readonly queue: string[] = [];

  /** Queues replies for the next chat completions, after those already queued. */
  push(replies: readonly string[]): void {
    const invalid = replies.find((reply) => typeof reply !== 'string');
    if (invalid !== undefined) {
      throw new RangeError(`replies must be strings, got ${JSON.stringify(invalid)}`);
    }
    this.queue.push(...replies);
  }

  /** The next answer: the first scripted reply (consumed), else the echo of `lastUserText`. */
  next(lastUserText: string | undefined): string {
    const scripted = this.queue.shift();
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
