import { z } from 'zod';

/** Emails are compared lower-cased; RFC 5321 caps an address at 254 characters. */
export const emailInput = z
  .string()
  .trim()
  .max(254, 'must be at most 254 characters')
  .pipe(z.email('must be a valid email address'))
  .transform((email) => email.toLowerCase());

export const newPasswordInput = z
  .string()
  .min(8, 'must be at least 8 characters')
  .max(256, 'must be at most 256 characters');

export const registerInput = z.object({ email: emailInput, password: newPasswordInput });

// Sign-in checks only bounds: a malformed email simply matches no account.
export const loginInput = z.object({
  email: z
    .string()
    .max(254, 'must be at most 254 characters')
    .transform((e) => e.trim().toLowerCase()),
  password: z.string().min(1, 'is required').max(256, 'must be at most 256 characters'),
});
