import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface GatewayProcess {
  gatewayUrl: string;
  stop(): Promise<void>;
}

/** Starts support/gateway-process.ts in a child process (TypeScript sources, through tsx). */
export async function spawnGateway(env: Record<string, string>): Promise<GatewayProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--conditions=lattice-source', '--require', 'tsx/cjs', join(__dirname, 'gateway-process.ts')],
    { env: { ...process.env, LOG_LEVEL: 'silent', ...env }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const gatewayUrl = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve((JSON.parse(line) as { gatewayUrl: string }).gatewayUrl));
    child.once('exit', (code) => reject(new Error(`gateway process exited with ${code}`)));
  });
  return {
    gatewayUrl,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
