import { outbox } from '../../db/schema';
import type { JobRequest } from '../../jobs/contracts';
import type { Executor } from './database';

/**
 * Domain code's only way to cause a job: a row written in the same transaction as the change.
 * The relay (jobs/relay.ts) delivers it. A duplicate job id is ignored, so re-running a
 * transaction's logic cannot cause a second job.
 */
export async function enqueueJob(tx: Executor, job: JobRequest): Promise<void> {
  await tx
    .insert(outbox)
    .values({ queue: job.queue, name: job.name, jobId: job.jobId, payload: job.payload, ...(job.runAt ? { runAt: job.runAt } : {}) })
    .onConflictDoNothing({ target: outbox.jobId });
}
