import { execFileSync } from 'node:child_process';

/** Runs a command in `cwd` with its output shown; throws when it fails. */
export function run(cwd: string, command: string, ...args: string[]): void {
  console.log(`\n$ ${[command, ...args].join(' ')}`);
  execFileSync(command, args, { cwd, stdio: 'inherit' });
}
