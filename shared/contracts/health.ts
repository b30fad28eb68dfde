import { z } from 'zod';

export const healthBody = z.object({ status: z.literal('ok') });
export const readinessBody = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.object({ database: z.boolean(), queue: z.boolean() }),
});
