import pino, { type DestinationStream, type Logger } from 'pino';
import { requestLogFields } from './log-context';

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

/**
 * A service's logger. Every line written while a GraphQL request is served carries its
 * `requestId` and `operationName` (and `traceId`/`spanId` with tracing on), whichever logger
 * writes it. `destination` defaults to stdout.
 */
export function createLogger(
  service: string,
  level: string = 'info',
  destination?: DestinationStream,
): Logger {
  return pino(
    {
      name: service,
      level,
      redact: { paths: REDACT, censor: '[redacted]' },
      base: { service },
      mixin: requestLogFields,
    },
    destination,
  );
}
