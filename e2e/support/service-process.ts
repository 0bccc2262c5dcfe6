import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { waitFor } from '@lattice/testkit';

const ROOT = join(__dirname, '..', '..');

/** A Lattice process started from its own entry point, as a container runs it. */
export interface ServiceProcess {
  /** `identity-1`, `gateway-2`, ... */
  name: string;
  port: number;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Milliseconds from spawn to its first ready answer. */
  startMs: number;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  /** Its standard error and output (the last 64 KiB), for a failure's message. */
  output(): string;
  /** Sends SIGTERM; resolves with the exit code and how long the process took to exit. */
  terminate(timeoutMs?: number): Promise<{ code: number | null; drainMs: number }>;
  /** SIGKILL, for cleanup. */
  kill(): void;
}

/** A free port on 127.0.0.1 (as a new pod gets a new address). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Starts `node <entry>` (a subgraph's `src/main.ts` or the gateway's, TypeScript sources through
 * tsx) with `env` and its own PORT, and waits until `readyPath` answers 200.
 */
export async function startServiceProcess(options: {
  name: string;
  /** Relative to the repository: `subgraphs/identity/src/main.ts`, `gateway/src/main.ts`. */
  entry: string;
  env: Record<string, string>;
  readyPath?: string;
  readyTimeoutMs?: number;
}): Promise<ServiceProcess> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const started = Date.now();
  const child: ChildProcess = spawn(
    process.execPath,
    ['--conditions=lattice-source', '--require', 'tsx/cjs', join(ROOT, options.entry)],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
        ...options.env,
        HOST: '127.0.0.1',
        PORT: String(port),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-65_536);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      exitCode = code;
      resolve(code);
    }),
  );
  try {
    await waitFor(
      async () => {
        if (exitCode !== undefined) throw new Error(`${options.name} exited with ${exitCode}`);
        const response = await fetch(`${origin}${options.readyPath ?? '/health/ready'}`, {
          signal: AbortSignal.timeout(2_000),
        });
        await response.arrayBuffer();
        return response.status === 200;
      },
      { timeoutMs: options.readyTimeoutMs ?? 40_000, intervalMs: 100, message: `${options.name} ready` },
    );
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${String(error)}\n${output}`, { cause: error });
  }
  return {
    name: options.name,
    port,
    origin,
    startMs: Date.now() - started,
    exited,
    output: () => output,
    terminate: async (timeoutMs = 20_000) => {
      const signalled = Date.now();
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const code = await exited;
      clearTimeout(timer);
      return { code, drainMs: Date.now() - signalled };
    },
    kill: () => {
      if (exitCode === undefined) child.kill('SIGKILL');
    },
  };
}
