import { z } from 'zod';
import type { TicketPriority } from '../entities';

const blankIsUnset = (value: unknown) => (value === '' ? undefined : value);
const whole = (min: number, max: number, fallback: number) =>
  z.preprocess(blankIsUnset, z.coerce.number().int().min(min).max(max).default(fallback));

const PRIORITIES: TicketPriority[] = ['LOW', 'NORMAL', 'HIGH', 'URGENT'];
const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/** A priority's targets, in seconds from the ticket's opening. */
export interface SlaTarget {
  firstResponseSeconds: number;
  resolutionSeconds: number;
}
export type SlaPolicy = Record<TicketPriority, SlaTarget>;

const duration = (value: string): number | undefined => {
  const match = /^(\d{1,6})([smhd])$/.exec(value.trim());
  return match ? Number(match[1]) * UNIT_SECONDS[match[2] as keyof typeof UNIT_SECONDS] : undefined;
};

/** `URGENT=1h/4h,HIGH=4h/1d,...`: each priority's first-response and resolution targets. */
const slaPolicy = z.preprocess(
  blankIsUnset,
  z
    .string()
    .default('URGENT=1h/4h,HIGH=4h/1d,NORMAL=8h/3d,LOW=1d/7d')
    .transform((spec, ctx): SlaPolicy => {
      const policy: Partial<SlaPolicy> = {};
      for (const part of spec.split(',')) {
        const [priority, targets] = part.trim().split('=');
        const [first, resolution] = (targets ?? '').split('/').map(duration);
        if (!PRIORITIES.includes(priority as TicketPriority) || !first || !resolution || resolution < first) {
          ctx.addIssue({
            code: 'custom',
            message: `"${part}" is not PRIORITY=<first response>/<resolution> (units s, m, h, d; resolution ≥ first response)`,
          });
          return z.NEVER;
        }
        policy[priority as TicketPriority] = { firstResponseSeconds: first, resolutionSeconds: resolution };
      }
      const missing = PRIORITIES.filter((priority) => !policy[priority]);
      if (missing.length) {
        ctx.addIssue({ code: 'custom', message: `no targets for ${missing.join(', ')}` });
        return z.NEVER;
      }
      return policy as SlaPolicy;
    }),
);

const categories = z.preprocess(
  blankIsUnset,
  z
    .string()
    .default('general,account,billing,technical,bug,feature')
    .transform((list) => [...new Set(list.split(',').map((name) => name.trim()))])
    .pipe(z.array(z.string().regex(/^[a-z][a-z0-9-]{0,49}$/, 'lower-case names, comma separated')).min(1)),
);

export const supportSettings = z.object({
  /** The categories a ticket may have, comma separated. */
  SUPPORT_CATEGORIES: categories,
  /** Each priority's SLA: `PRIORITY=<first response>/<resolution>`, e.g. `URGENT=1h/4h`. */
  SUPPORT_SLA: slaPolicy,
  /** A RESOLVED ticket nobody replied to closes after this many days. */
  SUPPORT_AUTO_CLOSE_DAYS: whole(1, 365, 7),
  /** How often SLA breaches are looked for, queued tickets assigned and resolved ones closed. */
  SUPPORT_JANITOR_INTERVAL_SECONDS: whole(1, 3600, 30),
});

export type SupportSettings = z.infer<typeof supportSettings>;
