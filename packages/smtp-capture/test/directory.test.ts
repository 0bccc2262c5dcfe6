import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { startMailCapture } from '../src';
import { listMail } from '../src/cli';
import { MAX_DIRECTORY_MAILS, readMailDirectory } from '../src/mail-directory';
import { clientOf, simpleMail } from './support';

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'smtp-capture-'));
});
afterEach(() => rm(directory, { recursive: true, force: true }));

async function captureInto(subjects: string[]): Promise<void> {
  const capture = await startMailCapture({ directory });
  try {
    for (const subject of subjects) await clientOf(capture).sendMail(simpleMail('ada@example.com', subject));
  } finally {
    await capture.close();
  }
}

describe('directory mode', () => {
  it('writes each mail as <id>.eml plus index.json, which the CLI lists', async () => {
    const capture = await startMailCapture({ directory });
    await clientOf(capture).sendMail(simpleMail('ada@example.com', 'Welcome'));
    await clientOf(capture).sendMail(
      simpleMail('bob@example.com', 'Verify your email', 'https://lattice.test/verify?token=abc'),
    );
    const [welcome] = capture.messages();
    await capture.close();

    expect((await readdir(directory)).sort()).toEqual(['000001.eml', '000002.eml', 'index.json']);
    expect(await readFile(join(directory, '000001.eml'), 'utf8')).toBe(welcome!.raw);
    const index = await readMailDirectory(directory);
    expect(index).toEqual([
      expect.objectContaining({
        id: '000001',
        file: '000001.eml',
        subject: 'Welcome',
        to: ['ada@example.com'],
      }),
      {
        id: '000002',
        file: '000002.eml',
        receivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        envelope: { from: 'no-reply@lattice.test', to: ['bob@example.com'] },
        messageId: expect.stringMatching(/^<.+@lattice\.test>$/),
        subject: 'Verify your email',
        from: 'no-reply@lattice.test',
        to: ['bob@example.com'],
        links: ['https://lattice.test/verify?token=abc'],
      },
    ]);

    const listing = await listMail({ directory, last: 1 });
    expect(listing).toContain(`Last 1 of 2 mails in ${directory} (newest last):`);
    expect(listing).toMatch(
      /000002 {2}\d{4}-\d\d-\d\d \d\d:\d\d:\d\d {2}to bob@example\.com\n {2}Verify your email\n/,
    );
    expect(listing).toContain('\n  https://lattice.test/verify?token=abc\n');
    expect(listing).toContain(join(directory, '000002.eml'));
    expect(listing).not.toContain('Welcome');
    expect(await listMail({ directory })).toContain('Welcome');
    expect(await listMail({ directory, linksOnly: true })).toBe(
      'https://lattice.test/Welcome\nhttps://lattice.test/verify?token=abc',
    );
  });

  it('keeps what is there and continues its ids', async () => {
    await captureInto(['first run']);
    await captureInto(['second run']);
    expect((await readMailDirectory(directory)).map((mail) => [mail.id, mail.subject])).toEqual([
      ['000001', 'first run'],
      ['000002', 'second run'],
    ]);
  });

  it('indexes every mail of a burst, keeping the last MAX_DIRECTORY_MAILS', async () => {
    const capture = await startMailCapture({ directory });
    const pool = nodemailer.createTransport({
      host: '127.0.0.1',
      port: capture.port,
      pool: true,
      maxConnections: 4,
    });
    const count = MAX_DIRECTORY_MAILS + 5;
    try {
      await Promise.all(
        Array.from({ length: count }, (_, i) =>
          pool.sendMail(simpleMail('ada@example.com', `burst ${i + 1}`)),
        ),
      );
    } finally {
      pool.close();
      await capture.close();
    }
    const index = await readMailDirectory(directory);
    expect(index).toHaveLength(MAX_DIRECTORY_MAILS);
    // Four connections: acceptance order (the ids) need not be the order of sending.
    expect(index.map((mail) => mail.id)).toEqual(
      Array.from({ length: MAX_DIRECTORY_MAILS }, (_, i) => String(i + 6).padStart(6, '0')),
    );
    expect(new Set(index.map((mail) => mail.subject)).size).toBe(MAX_DIRECTORY_MAILS);
    const files = await readdir(directory);
    expect(files).toHaveLength(MAX_DIRECTORY_MAILS + 1);
    expect(files).not.toContain('000005.eml');
  });

  it('says where it looked when there is nothing', async () => {
    const listing = await listMail({ directory: join(directory, 'nothing-here') });
    expect(listing).toBe(
      `No mail in ${join(directory, 'nothing-here')}.\n\`npm start\` writes the mail it sends there when SMTP_URL is unset.`,
    );
  });
});
