import { type ChildProcess, spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export const multiCore = cpus().length > 1;

/** Every process started here and not yet exited, for the runners' Ctrl-C cleanup. */
export const liveProcesses = new Set<ChildProcess>();

/**
 * Starts an entry point in its own node process pinned to `cpu` (when the machine has more
 * than one): TypeScript (relative to `dir`) through tsx, or a built `.js` file on plain node.
 * Resolves with its first JSON line on stdout; other lines are shown with BENCH_CHILD_OUTPUT.
 * An empty value in `env` unsets that variable (REDIS_URL: in-process rate limits).
 */
export async function startPinned(
  dir: string,
  file: string,
  cpu: string,
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<{ child: ChildProcess; info: Record<string, unknown> }> {
  const args = file.endsWith('.js')
    ? [...nodeArgs, file]
    : [...nodeArgs, '--conditions=lattice-source', '--import', 'tsx', join(dir, file)];
  const childEnv: Record<string, string | undefined> = { ...process.env, ...env };
  for (const [key, value] of Object.entries(env)) if (value === '') delete childEnv[key];
  const child = spawn(
    multiCore ? 'taskset' : process.execPath,
    multiCore ? ['-c', cpu, process.execPath, ...args] : args,
    { cwd: dir, env: childEnv, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  liveProcesses.add(child);
  child.once('exit', () => liveProcesses.delete(child));
  const line = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (text) => {
      if (text.startsWith('{')) resolve(text);
      else if (process.env.BENCH_CHILD_OUTPUT) console.error(`[${file}] ${text}`);
    });
  });
  return { child, info: JSON.parse(line) as Record<string, unknown> };
}

/** Asks a process to stop (SIGTERM) and waits until it has. */
export function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
