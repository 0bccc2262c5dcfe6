import type { z } from 'zod';
import { badUserInput } from './errors';

/**
 * Validates input against a schema; the first problem becomes a BAD_USER_INPUT error naming
 * the field (`input.email`; pass path '' for top-level arguments), so bad input is refused
 * before anything is written.
 */
export function validateInput<S extends z.ZodType>(schema: S, value: unknown, path = 'input'): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = [path, ...issue.path.map(String)].filter(Boolean).join('.');
  throw badUserInput(`${field}: ${issue.message}`, field);
}
