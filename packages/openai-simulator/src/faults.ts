/** A failure to answer instead of the next API requests. */
export interface FailureOptions {
  /** The HTTP status, 400–599 (e.g. 429, 500, 503). */
  status: number;
  /** How many requests in a row fail (default 1). */
  times?: number;
  /** Sent as `retry-after` (whole seconds, rounded up) and `retry-after-ms` (exact); none by default. */
  retryAfterSeconds?: number;
  /** The error body's `type` (default by status: 429 `requests`, 5xx `server_error`, else `invalid_request_error`). */
  type?: string;
  /** The error body's `code` (default: 429 `rate_limit_exceeded`, else null). */
  code?: string;
  /** The error body's `message` (default: OpenAI's wording for the status). */
  message?: string;
}

/** A slow provider: until changed or reset. */
export interface DelayOptions {
  /** Before the first token (streamed: before the response headers too); other endpoints answer after it. Default 0. */
  firstTokenMs?: number;
  /** Between two tokens (a non-streamed completion waits for all of them). Default 0. */
  perTokenMs?: number;
}

function check(condition: boolean, message: string): void {
  if (!condition) throw new RangeError(message);
}

function isCount(value: unknown, minimum: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= minimum;
}

function isDuration(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/** The faults waiting for the next requests: failures, hangs, a cut stream, and the delays in force. */
export class Faults {
  private failures: { failure: FailureOptions; remaining: number }[] = [];
  private hangs = 0;
  private cuts: number[] = [];
  private delays = { firstTokenMs: 0, perTokenMs: 0 };

  failNext(options: FailureOptions): void {
    const { status, times = 1, retryAfterSeconds } = options;
    check(
      isCount(status, 400) && status <= 599,
      `failNext needs a status from 400 to 599, got ${JSON.stringify(status)}`,
    );
    check(isCount(times, 1), `failNext's times must be a positive integer, got ${JSON.stringify(times)}`);
    check(
      retryAfterSeconds === undefined || isDuration(retryAfterSeconds),
      `failNext's retryAfterSeconds must be a non-negative number, got ${JSON.stringify(retryAfterSeconds)}`,
    );
    this.failures.push({ failure: { ...options }, remaining: times });
  }

  hangNext(times = 1): void {
    check(isCount(times, 1), `hangNext takes a positive integer, got ${JSON.stringify(times)}`);
    this.hangs += times;
  }

  cutStreamAfter(deltas: number): void {
    check(isCount(deltas, 0), `cutStreamAfter takes a non-negative integer, got ${JSON.stringify(deltas)}`);
    this.cuts.push(deltas);
  }

  delay(options: DelayOptions): void {
    const { firstTokenMs = 0, perTokenMs = 0 } = options;
    check(
      isDuration(firstTokenMs) && isDuration(perTokenMs),
      `delay takes non-negative milliseconds, got ${JSON.stringify(options)}`,
    );
    this.delays = { firstTokenMs, perTokenMs };
  }

  /** The failure for this request, if one is queued (used up one time). */
  takeFailure(): FailureOptions | undefined {
    const next = this.failures[0];
    if (!next) return undefined;
    next.remaining -= 1;
    if (next.remaining === 0) this.failures.shift();
    return next.failure;
  }

  takeHang(): boolean {
    if (this.hangs === 0) return false;
    this.hangs -= 1;
    return true;
  }

  /** After how many content deltas this streamed completion is cut, if it is. */
  takeCut(): number | undefined {
    return this.cuts.shift();
  }

  currentDelays(): { firstTokenMs: number; perTokenMs: number } {
    return { ...this.delays };
  }

  reset(): void {
    this.failures = [];
    this.hangs = 0;
    this.cuts = [];
    this.delays = { firstTokenMs: 0, perTokenMs: 0 };
  }
}
