import type { Credential } from './azure';

/** A request the simulator received on its API (controls aside). */
export interface RecordedRequest {
  method: string;
  /** The URL path, without the query. */
  path: string;
  /**
   * The route, e.g. `POST /v1/chat/completions`, `GET /v1/models/:id`,
   * `POST /openai/deployments/:deployment/chat/completions`; `METHOD /path` for an unknown URL.
   */
  kind: string;
  /** The body's `model`, or the id in `GET /v1/models/:id`; on Azure, the model the deployment serves. */
  model: string | undefined;
  /** Azure: the deployment named in the URL. */
  deployment: string | undefined;
  /** The `api-version` query (Azure's), if any. */
  apiVersion: string | undefined;
  /** The key or token sent: Azure's `api-key` header, else `Authorization: Bearer`'s. */
  credential: Credential | undefined;
  /** The body's `stream` was true. */
  stream: boolean;
  /** The parsed JSON body (undefined without one; the raw text when it is no JSON). */
  body: unknown;
  /** When it arrived, milliseconds since the epoch. */
  at: number;
  /** The status answered; undefined while pending, or when hung or the client went away first. */
  status: number | undefined;
}

/** Every API request served, oldest first. */
export class RequestLog {
  private entries: RecordedRequest[] = [];

  add(entry: Omit<RecordedRequest, 'status'>): RecordedRequest {
    const recorded: RecordedRequest = { ...entry, status: undefined };
    this.entries.push(recorded);
    return recorded;
  }

  all(): RecordedRequest[] {
    return this.entries.map((entry) => ({ ...entry }));
  }

  /** How many requests of a kind (e.g. `POST /v1/chat/completions`), or of any kind without one. */
  count(kind?: string): number {
    return kind === undefined
      ? this.entries.length
      : this.entries.filter((entry) => entry.kind === kind).length;
  }

  clear(): void {
    this.entries = [];
  }
}
