/**
 * `npm run mail [-- --dir .data/mail] [--last N] [--links]`: shows the last mails a capture
 * wrote to its directory (the one `npm start` uses when SMTP_URL is unset, by default).
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultMailDirectory, readMailDirectory, type MailIndexEntry } from './mail-directory';

export interface ListMailOptions {
  /** Default: `<repo>/.data/mail`. */
  directory?: string;
  /** How many of the newest mails (default 5). */
  last?: number;
  /** Only the links, one a line (for scripts). */
  linksOnly?: boolean;
}

const DEFAULT_LAST = 5;

/** What `npm run mail` prints: the last mails of the directory, newest last, or where it looked. */
export async function listMail(options: ListMailOptions = {}): Promise<string> {
  const directory = resolve(options.directory ?? defaultMailDirectory());
  const all = await readMailDirectory(directory);
  const mails = all.slice(Math.max(0, all.length - (options.last ?? DEFAULT_LAST)));
  if (options.linksOnly) return mails.flatMap((mail) => mail.links).join('\n');
  if (all.length === 0) {
    return `No mail in ${directory}.\n\`npm start\` writes the mail it sends there when SMTP_URL is unset.`;
  }
  const heading = `${mails.length === all.length ? `${all.length}` : `Last ${mails.length} of ${all.length}`} mail${all.length === 1 ? '' : 's'} in ${directory} (newest last):`;
  const blocks = mails.map((mail) => describe(mail, directory));
  return [heading, ...blocks].join('\n\n');
}

function describe(mail: MailIndexEntry, directory: string): string {
  const to = (mail.to.length > 0 ? mail.to : mail.envelope.to).join(', ');
  return [
    `${mail.id}  ${localTime(new Date(mail.receivedAt))}  to ${to}`,
    `  ${mail.subject || '(no subject)'}`,
    ...mail.links.map((link) => `  ${link}`),
    `  (${join(directory, mail.file)})`,
  ].join('\n');
}

function localTime(date: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

const USAGE = 'usage: npm run mail [-- --dir <directory>] [--last <N>] [--links]';

async function main(argv: string[]): Promise<number> {
  let values: { dir?: string; last?: string; links?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        dir: { type: 'string' },
        last: { type: 'string' },
        links: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const last = values.last === undefined ? DEFAULT_LAST : Number(values.last);
  if (!Number.isInteger(last) || last < 1) {
    process.stderr.write(
      `--last takes a whole number from 1, not ${JSON.stringify(values.last)}\n${USAGE}\n`,
    );
    return 2;
  }
  const directory = resolve(values.dir ?? defaultMailDirectory());
  const output = await listMail({ directory, last, linksOnly: values.links ?? false });
  if (output) process.stdout.write(`${output}\n`);
  else process.stderr.write(`No links in the last ${last} mails of ${directory}.\n`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
