import { z } from 'zod';
import { notificationKind } from '../shared/notification-kinds';
import { role } from '../shared/roles';

/**
 * Queues and the jobs on them. Payloads carry ids and codes only — never personal data or
 * secrets — because they sit in Redis/PostgreSQL queue tables that operators can read.
 */
export const queueNames = ['notifications', 'mail', 'challenges', 'contracts', 'matching', 'imports'] as const;
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

/** Close bidding at a challenge's deadline; stale copies (the deadline moved) do nothing. */
export const deadlinePayload = z.object({ challengeId: z.uuid() });
export type DeadlinePayload = z.infer<typeof deadlinePayload>;

/** End an award's public notice; does nothing unless the notice is over and nothing is open. */
export const noticePayload = z.object({ awardId: z.uuid() });
export type NoticePayload = z.infer<typeof noticePayload>;

/**
 * A milestone's schedule: reminders 14 and 3 days before the due date, the due date itself
 * (overdue flag and notice), and weekly escalations while overdue. `dueOn` is the date the job
 * was scheduled for: after an extension the old jobs find a different date and do nothing.
 */
export const reminderKind = z.enum(['remind-14', 'remind-3', 'due', 'escalate']);
export type ReminderKind = z.infer<typeof reminderKind>;
export const milestoneReminderPayload = z.object({ milestoneId: z.uuid(), kind: reminderKind, dueOn: z.iso.date(), week: z.number().int().min(0).default(0) });
export type MilestoneReminderPayload = z.infer<typeof milestoneReminderPayload>;

/** 成果转化: ask the publisher how the result is used, 6 and 12 months after completion. */
export const outcomePromptPayload = z.object({ contractId: z.uuid(), months: z.union([z.literal(6), z.literal(12)]) });
export type OutcomePromptPayload = z.infer<typeof outcomePromptPayload>;

/** Rank every eligible team for a challenge revision; a copy for an older revision does nothing. */
export const rankChallengePayload = z.object({ challengeId: z.uuid(), revision: z.number().int().min(1) });
export type RankChallengePayload = z.infer<typeof rankChallengePayload>;

/** A team's profile changed: re-rank the open challenges for it (as of that profile version). */
export const rerankTeamPayload = z.object({ teamId: z.uuid(), version: z.number().int().min(1) });
export type RerankTeamPayload = z.infer<typeof rerankTeamPayload>;

/** Check and apply an official's import file (teams or enterprises). */
export const importPayload = z.object({ importId: z.uuid() });
export type ImportPayload = z.infer<typeof importPayload>;

export const jobSchemas = {
  notifications: { notify: notifyPayload },
  mail: { send: mailPayload },
  challenges: { 'close-at-deadline': deadlinePayload, 'end-notice': noticePayload },
  contracts: { 'milestone-reminder': milestoneReminderPayload, 'outcome-prompt': outcomePromptPayload },
  matching: { 'rank-challenge': rankChallengePayload, 'rerank-team': rerankTeamPayload },
  imports: { 'run-import': importPayload },
} as const;

export type JobRequest =
  | { queue: 'notifications'; name: 'notify'; jobId: string; payload: NotifyPayload; runAt?: Date }
  | { queue: 'mail'; name: 'send'; jobId: string; payload: MailPayload; runAt?: Date }
  | { queue: 'challenges'; name: 'close-at-deadline'; jobId: string; payload: DeadlinePayload; runAt?: Date }
  | { queue: 'challenges'; name: 'end-notice'; jobId: string; payload: NoticePayload; runAt?: Date }
  | { queue: 'contracts'; name: 'milestone-reminder'; jobId: string; payload: MilestoneReminderPayload; runAt?: Date }
  | { queue: 'contracts'; name: 'outcome-prompt'; jobId: string; payload: OutcomePromptPayload; runAt?: Date }
  | { queue: 'matching'; name: 'rank-challenge'; jobId: string; payload: RankChallengePayload; runAt?: Date }
  | { queue: 'matching'; name: 'rerank-team'; jobId: string; payload: RerankTeamPayload; runAt?: Date }
  | { queue: 'imports'; name: 'run-import'; jobId: string; payload: ImportPayload; runAt?: Date };

/** Deterministic ids: the same cause always yields the same job. ':' is avoided (BullMQ reserves it). */
export const jobIds = {
  notify: (cause: string) => `notify.${cause}`,
  mail: (mailId: string) => `mail.${mailId}`,
  /** One per deadline: a changed deadline gets its own job; the old one finds nothing to do. */
  deadline: (challengeId: string, deadline: Date) => `deadline.${challengeId}.${deadline.getTime()}`,
};

export function noticeJob(awardId: string, endsAt: Date): JobRequest {
  return { queue: 'challenges', name: 'end-notice', jobId: `notice.${awardId}.${endsAt.getTime()}`, payload: { awardId }, runAt: endsAt };
}

export function deadlineJob(challengeId: string, deadline: Date): JobRequest {
  return { queue: 'challenges', name: 'close-at-deadline', jobId: jobIds.deadline(challengeId, deadline), payload: { challengeId }, runAt: deadline };
}

export function notifyJob(payload: NotifyPayload): JobRequest {
  return { queue: 'notifications', name: 'notify', jobId: jobIds.notify(payload.cause), payload };
}

export function milestoneReminderJob(p: MilestoneReminderPayload, runAt: Date): JobRequest {
  return { queue: 'contracts', name: 'milestone-reminder', jobId: `milestone.${p.milestoneId}.${p.dueOn}.${p.kind}.${p.week}`, payload: p, runAt };
}

export function outcomePromptJob(p: OutcomePromptPayload, runAt: Date): JobRequest {
  return { queue: 'contracts', name: 'outcome-prompt', jobId: `outcome.${p.contractId}.${p.months}`, payload: p, runAt };
}

/** Job id from the challenge and its revision: a duplicate request for the same revision collapses. */
export function rankChallengeJob(challengeId: string, revision: number, cause = ''): JobRequest {
  return { queue: 'matching', name: 'rank-challenge', jobId: `rank.${challengeId}.${revision}${cause ? `.${cause}` : ''}`, payload: { challengeId, revision } };
}

export function rerankTeamJob(teamId: string, version: number): JobRequest {
  return { queue: 'matching', name: 'rerank-team', jobId: `rerank.${teamId}.${version}`, payload: { teamId, version } };
}

export function importJob(importId: string): JobRequest {
  return { queue: 'imports', name: 'run-import', jobId: `import.${importId}`, payload: { importId } };
}
