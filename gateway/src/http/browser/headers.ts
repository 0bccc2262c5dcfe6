import type { ServerResponse } from 'node:http';

/**
 * The Content-Security-Policy of the IDE and the console: scripts and styles from the gateway's
 * own files only (no inline script, no eval), requests to this origin alone (`'self'` covers
 * ws: and wss: to it, for graphql-ws), nothing framed, no base or form elsewhere. Inline
 * styles are allowed: Mantine sets CSS variables in a <style> element and GraphiQL's editor
 * and the charts position things with style attributes; styles cannot run code.
 */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Hashed file names change with their content: browsers keep them for a year without asking. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Headers of an HTML page: its policy, and revalidated on every load (it names the current assets). */
export function setPageHeaders(res: ServerResponse): void {
  res.setHeader('content-security-policy', PAGE_CSP);
  res.setHeader('cache-control', 'no-cache');
}
