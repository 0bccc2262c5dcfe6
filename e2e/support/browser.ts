import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const ENSURE = join(__dirname, '..', '..', 'scripts', 'ensure-chromium.sh');

/** Where the browser tests leave their screenshots (gitignored; kept by CI as artefacts). */
export const ARTIFACTS = join(__dirname, '..', 'artifacts');

/** Debian's chromium, headless, installed first when missing (scripts/ensure-chromium.sh). */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) execFileSync(ENSURE, { stdio: 'inherit', timeout: 600_000 });
  // As root (CI, the project's machines) Chromium refuses to start with its sandbox.
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}

/**
 * Everything a page asks of the network (pages, scripts, XHR, WebSockets), and what it
 * complains of on its console (a policy violation, an uncaught error).
 */
export function watch(page: Page): { urls: string[]; problems: string[] } {
  const seen = { urls: [] as string[], problems: [] as string[] };
  page.on('request', (request) => seen.urls.push(request.url()));
  page.on('websocket', (socket) => seen.urls.push(socket.url()));
  page.on('pageerror', (error) => seen.problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') seen.problems.push(message.text());
  });
  return seen;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
