import type { Job, Worker } from 'bullmq';
import type { Services } from '../server/services';
import { deadlinePayload, importPayload, mailPayload, milestoneReminderPayload, noticePayload, notifyPayload, outcomePromptPayload, rankChallengePayload, rerankTeamPayload, type QueueName } from './contracts';
import type { QueueBackend } from './queue-backend';
import type { RelayLogger } from './relay';
import { superviseWorker } from './worker-supervisor';

type Processors = Record<QueueName, (job: Job) => Promise<unknown>>;

/** One processor per queue; each parses its payload and calls a service, nothing more. */
export function processors(services: Services): Processors {
  return {
    notifications: async (job) => services.notifications.deliver(notifyPayload.parse(job.data)),
    mail: async (job) => services.notifications.sendMail(mailPayload.parse(job.data).mailId),
    // One queue for the challenge's own schedule: bidding deadlines and public-notice ends.
    challenges: async (job) =>
      job.name === 'end-notice'
        ? services.awards.endNotice(noticePayload.parse(job.data).awardId)
        : services.challenges.closeAtDeadline(deadlinePayload.parse(job.data).challengeId),
    // A contract's schedule: milestone reminders, due dates, escalations; outcome prompts.
    contracts: async (job) =>
      job.name === 'outcome-prompt'
        ? services.contracts.promptOutcome(outcomePromptPayload.parse(job.data))
        : services.contracts.remind(milestoneReminderPayload.parse(job.data)),
    // Matching: rank the teams for a challenge; after a profile change, re-rank for that team.
    matching: async (job) =>
      job.name === 'rerank-team'
        ? services.matching.rerankTeam(rerankTeamPayload.parse(job.data))
        : services.matching.rankChallenge(rankChallengePayload.parse(job.data)),
    // An official's import file: check every row, then create all or nothing.
    imports: async (job) => services.imports.run(importPayload.parse(job.data).importId),
  };
}

export function startWorkers(backend: QueueBackend, services: Services, log: RelayLogger): Worker[] {
  return Object.entries(processors(services)).map(([queue, processor]) => {
    const worker = backend.worker(queue, processor);
    superviseWorker(worker, queue, log);
    worker.on('failed', (job, err) => log.warn({ queue, jobId: job?.id, attempts: job?.attemptsMade, err: err.message }, 'job failed'));
    return worker;
  });
}
