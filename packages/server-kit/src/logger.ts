import pino, { type Logger } from 'pino';

export type { Logger };

/** Paths never written to logs, whatever object carries them. */
const REDACT = [
  'password',
  'newPassword',
  'token',
  'accessToken',
  'refreshToken',
  'authorization',
  'headers.authorization',
  'req.headers.authorization',
  'variables.password',
  'variables.input.password',
  '*.password',
  '*.token',
  '*.refreshToken',
];

export function createLogger(service: string, level: string = 'info'): Logger {
  return pino({
    name: service,
    level,
    redact: { paths: REDACT, censor: '[redacted]' },
    base: { service },
  });
}
