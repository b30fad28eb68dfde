import { z } from 'zod';
import { notificationKind } from '../shared/notification-kinds';
import { role } from '../shared/roles';

/**
 * Queues and the jobs on them. Payloads carry ids and codes only — never personal data or
 * secrets — because they sit in Redis/PostgreSQL queue tables that operators can read.
 */
export const queueNames = ['notifications', 'mail'] as const;
export type QueueName = (typeof queueNames)[number];

export const audience = z.discriminatedUnion('type', [
  z.object({ type: z.literal('role'), role }),
  z.object({ type: z.literal('organisation'), organisationId: z.uuid() }),
  z.object({ type: z.literal('user'), userId: z.uuid() }),
]);
export type Audience = z.infer<typeof audience>;

export const notifyPayload = z.object({
  kind: notificationKind,
  audience,
  /** Ids the worker turns into display params (names) at delivery time. */
  refs: z.object({ organisationId: z.uuid().optional(), userId: z.uuid().optional(), challengeId: z.uuid().optional() }),
  /** Non-personal extra params such as a rejection reason. */
  extra: z.record(z.string(), z.string()).default({}),
  link: z.string().nullable(),
  /** What caused it; with the user id it keys the notification so retries do not duplicate. */
  cause: z.string(),
});
export type NotifyPayload = z.infer<typeof notifyPayload>;

export const mailPayload = z.object({ mailId: z.uuid() });
export type MailPayload = z.infer<typeof mailPayload>;

export const jobSchemas = {
  notifications: { notify: notifyPayload },
  mail: { send: mailPayload },
} as const;

export type JobRequest =
  | { queue: 'notifications'; name: 'notify'; jobId: string; payload: NotifyPayload; runAt?: Date }
  | { queue: 'mail'; name: 'send'; jobId: string; payload: MailPayload; runAt?: Date };

/** Deterministic ids: the same cause always yields the same job. ':' is avoided (BullMQ reserves it). */
export const jobIds = {
  notify: (cause: string) => `notify.${cause}`,
  mail: (mailId: string) => `mail.${mailId}`,
};

export function notifyJob(payload: NotifyPayload): JobRequest {
  return { queue: 'notifications', name: 'notify', jobId: jobIds.notify(payload.cause), payload };
}
