import type { AddressInfo, Socket } from 'node:net';
import {
  SMTPServer,
  type SMTPServerDataStream,
  type SMTPServerError,
  type SMTPServerSession,
} from 'smtp-server';
import { parseMail, type AcceptedMail, type CapturedMail } from './mail';
import { MailDirectoryWriter } from './mail-directory';
import { MailStore } from './store';

export interface MailCaptureOptions {
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /**
   * When set, each mail is also written there as `<id>.eml` plus an `index.json` (so `npm run mail`
   * in another terminal can show them). Mails already there are kept and ids continue after them;
   * the directory keeps the last 1,000. Default: none.
   */
  directory?: string;
  /** Larger messages are refused with a 552. Default 10 MB. */
  maxMessageBytes?: number;
  /**
   * Told one line per captured mail, `mail to <to>: <subject> → <first link>`, and a line when
   * writing to `directory` fails. Default: nothing. It must not throw.
   */
  log?: (line: string) => void;
}

export interface MailCapture {
  /** `smtp://127.0.0.1:<port>`: what SMTP_URL takes (no TLS, no authentication). */
  url: string;
  port: number;
  /** The mails parsed so far, oldest first (at most the last 10,000). */
  messages(): CapturedMail[];
  /**
   * Resolves with the first mail (past or future) matching; rejects after timeoutMs (default 10 s)
   * with a message listing what did arrive, or with what `match` threw.
   */
  waitFor(match: (mail: CapturedMail) => boolean, timeoutMs?: number): Promise<CapturedMail>;
  /**
   * `transient`: RCPT is refused with a 451 (a mail server in trouble); `closed`: the port stops
   * listening and open connections are dropped (connection refused) until `resume()`.
   */
  fail(mode: 'transient' | 'closed'): Promise<void>;
  /** Accepts mail again, listening on the same port again after `closed`. */
  resume(): Promise<void>;
  /** Forgets the mails in memory, those accepted but not parsed yet included (not the directory's). */
  clear(): void;
  /** Stops listening, drops connections, finishes parsing and writing; pending waitFor calls reject. */
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const DEFAULT_MAX_MESSAGE_BYTES = 10 * 1024 * 1024;
const DEFAULT_WAIT_MS = 10_000;

type Mode = 'accepting' | 'transient' | 'closed';

export async function startMailCapture(options: MailCaptureOptions = {}): Promise<MailCapture> {
  const capture = new Capture(options);
  await capture.start(options);
  return capture.api();
}

class Capture {
  private readonly store = new MailStore();
  private readonly maxMessageBytes: number;
  private readonly log: (line: string) => void;
  private directory: MailDirectoryWriter | undefined;
  private server: SMTPServer | undefined;
  private readonly sockets = new Set<Socket>();
  private port = 0;
  private mode: Mode = 'accepting';
  private closed = false;
  private sequence = 1;
  /** Mails accepted with a lower sequence are not stored (clear() was called after they arrived). */
  private storeFrom = 1;
  /** Mails are parsed one after the other, so they are stored, logged and written in id order. */
  private parsing: Promise<void> = Promise.resolve();

  constructor(options: MailCaptureOptions) {
    this.maxMessageBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
    this.log = options.log ?? (() => {});
    this.port = options.port ?? 0;
  }

  async start(options: MailCaptureOptions): Promise<void> {
    if (options.directory !== undefined) {
      const directory = options.directory;
      this.directory = await MailDirectoryWriter.open(directory, (error) =>
        this.log(
          `could not write mail to ${directory}: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
      this.sequence = this.storeFrom = this.directory.nextSequence();
    }
    await this.listen();
  }

  api(): MailCapture {
    return {
      url: `smtp://${HOST}:${this.port}`,
      port: this.port,
      messages: () => this.store.list(),
      waitFor: (match, timeoutMs = DEFAULT_WAIT_MS) =>
        this.store.waitFor(match, timeoutMs, () => this.where()),
      fail: (mode) => this.setMode(mode),
      resume: () => this.setMode('accepting'),
      clear: () => {
        this.store.clear();
        this.storeFrom = this.sequence;
      },
      close: () => this.close(),
    };
  }

  private async setMode(mode: Mode): Promise<void> {
    if (this.closed) throw new Error('mail capture: closed');
    this.mode = mode;
    if (mode === 'closed' && this.server) await this.stopListening();
    if (mode !== 'closed' && !this.server) await this.listen();
  }

  private async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.server) await this.stopListening();
    await this.parsing;
    this.store.rejectWaiting(new Error(`waitFor: the mail capture at ${this.where()} was closed`));
    await this.directory?.flush();
  }

  private where(): string {
    const url = `smtp://${HOST}:${this.port}`;
    return this.mode === 'accepting' ? url : `${url} (failing: ${this.mode})`;
  }

  private async listen(): Promise<void> {
    const server = new SMTPServer({
      // No authentication needed, and any credentials accepted (an SMTP_URL may carry some).
      authOptional: true,
      onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? 'anyone' }),
      disabledCommands: ['STARTTLS'],
      hideSTARTTLS: true,
      disableReverseLookup: true,
      logger: false,
      size: this.maxMessageBytes,
      onRcptTo: (_address, _session, callback) =>
        callback(this.mode === 'transient' ? transientFailure() : null),
      onData: (stream, session, callback) => this.receive(stream, session, callback),
    });
    server.server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, HOST, () => {
        server.off('error', reject);
        resolve();
      });
    });
    // Later errors are those of single connections (a client resetting): nothing to do.
    server.on('error', () => {});
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Stops listening and drops every connection at once, as a server going down does. */
  private async stopListening(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    await stopped;
  }

  private receive(
    stream: SMTPServerDataStream,
    session: SMTPServerSession,
    callback: (error?: Error | null, message?: string) => void,
  ): void {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => {
      if (!stream.sizeExceeded) chunks.push(chunk);
    });
    stream.on('end', () => {
      if (stream.sizeExceeded) {
        callback(smtpError(552, `Error: message exceeds fixed maximum message size ${this.maxMessageBytes}`));
        return;
      }
      const sequence = this.sequence++;
      const accepted: AcceptedMail = {
        id: String(sequence).padStart(6, '0'),
        receivedAt: new Date(),
        envelope: {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
        },
        data: Buffer.concat(chunks),
      };
      callback(null, `OK: queued as ${accepted.id}`);
      this.parsing = this.parsing.then(() => this.keep(accepted, sequence));
    });
  }

  private async keep(accepted: AcceptedMail, sequence: number): Promise<void> {
    const mail = await parseMail(accepted);
    if (sequence >= this.storeFrom) this.store.add(mail);
    this.directory?.write(mail, accepted.data);
    const link = mail.links[0];
    const to = mail.to.length > 0 ? mail.to : mail.envelope.to;
    try {
      this.log(`mail to ${to.join(', ')}: ${mail.subject}${link ? ` → ${link}` : ''}`);
    } catch {
      // A log that throws must not stop the mails after this one.
    }
  }
}

function transientFailure(): SMTPServerError {
  return smtpError(
    451,
    'Temporary failure: this mail capture was told to fail (fail("transient")), try again later',
  );
}

function smtpError(responseCode: number, message: string): SMTPServerError {
  return Object.assign(new Error(message), { responseCode });
}
