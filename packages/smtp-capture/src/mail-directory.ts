import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { CapturedMail } from './mail';

/**
 * A mail directory holds `<id>.eml` per mail and `index.json`, which lists the mails oldest
 * first. The capture writes it, `npm run mail` reads it, possibly from another process: the
 * index is replaced atomically (written aside, then renamed), never seen half-written.
 */

/** One mail of `index.json`. */
export interface MailIndexEntry {
  id: string;
  /** The `.eml` file, relative to the directory. */
  file: string;
  /** ISO 8601. */
  receivedAt: string;
  envelope: { from: string; to: string[] };
  messageId?: string;
  subject: string;
  from: string;
  to: string[];
  links: string[];
}

interface MailIndex {
  version: 1;
  mails: MailIndexEntry[];
}

const INDEX_FILE = 'index.json';

/** How many mails a directory keeps: the `.eml` of older ones is deleted. */
export const MAX_DIRECTORY_MAILS = 1_000;

/**
 * The mail directory of this checkout: `<repo>/.data/mail`, the repository being the nearest
 * folder above `from` that holds `turbo.json` (`from` itself when there is none).
 */
export function defaultMailDirectory(from: string = __dirname): string {
  for (let folder = resolve(from); ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'turbo.json'))) return join(folder, '.data', 'mail');
    if (dirname(folder) === folder) return join(resolve(from), '.data', 'mail');
  }
}

/** The last `last` mails of a directory (all by default), oldest first; none when it holds no index. */
export async function readMailDirectory(directory: string, last = Infinity): Promise<MailIndexEntry[]> {
  const path = join(directory, INDEX_FILE);
  let content: string;
  try {
    content = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const index = JSON.parse(content) as Partial<MailIndex>;
  if (index.version !== 1 || !Array.isArray(index.mails)) {
    throw new Error(`${path} is not a mail index (expected {"version": 1, "mails": [...]})`);
  }
  return last >= index.mails.length ? index.mails : index.mails.slice(index.mails.length - last);
}

/**
 * Writes mails to a directory in order, from one process. The `.eml` files of the mails queued
 * meanwhile are written first, then one index covering them all: a burst of mails costs a few
 * index writes, not one per mail.
 */
export class MailDirectoryWriter {
  private queued: { entry: MailIndexEntry; data: Buffer }[] = [];
  private draining: Promise<void> | undefined;

  private constructor(
    readonly directory: string,
    private entries: MailIndexEntry[],
    private readonly report: (error: unknown) => void,
  ) {}

  /** Opens (creating it if needed) a directory; the mails already there are kept. */
  static async open(directory: string, report: (error: unknown) => void): Promise<MailDirectoryWriter> {
    await mkdir(directory, { recursive: true });
    return new MailDirectoryWriter(directory, await readMailDirectory(directory), report);
  }

  /** The number after the highest id already in the directory, so ids keep increasing across runs. */
  nextSequence(): number {
    const last = this.entries.at(-1);
    return last ? Number(last.id) + 1 : 1;
  }

  /** Queues a mail: its `.eml` (the bytes as received), then the index. Failures go to `report`. */
  write(mail: CapturedMail, data: Buffer): void {
    const entry: MailIndexEntry = {
      id: mail.id,
      file: `${mail.id}.eml`,
      receivedAt: mail.receivedAt.toISOString(),
      envelope: mail.envelope,
      ...(mail.messageId ? { messageId: mail.messageId } : {}),
      subject: mail.subject,
      from: mail.from,
      to: mail.to,
      links: mail.links,
    };
    this.queued.push({ entry, data });
    this.draining ??= this.drain();
  }

  /** Resolves when everything queued is written. */
  async flush(): Promise<void> {
    await this.draining;
  }

  private async drain(): Promise<void> {
    try {
      while (this.queued.length > 0) {
        const batch = this.queued;
        this.queued = [];
        for (const { entry, data } of batch) {
          try {
            await writeFile(join(this.directory, entry.file), data);
            this.entries.push(entry);
          } catch (error) {
            this.report(error);
          }
        }
        await this.writeIndex().catch(this.report);
      }
    } finally {
      this.draining = undefined;
    }
  }

  private async writeIndex(): Promise<void> {
    const dropped =
      this.entries.length > MAX_DIRECTORY_MAILS ? this.entries.slice(0, -MAX_DIRECTORY_MAILS) : [];
    if (dropped.length > 0) this.entries = this.entries.slice(-MAX_DIRECTORY_MAILS);
    const index: MailIndex = { version: 1, mails: this.entries };
    const path = join(this.directory, INDEX_FILE);
    await writeFile(`${path}.tmp`, `${JSON.stringify(index, null, 2)}\n`);
    await rename(`${path}.tmp`, path);
    await Promise.all(dropped.map((entry) => unlink(join(this.directory, entry.file)).catch(() => {})));
  }
}
