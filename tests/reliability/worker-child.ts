/**
 * The worker process as jobs/main.ts runs it (the same runtime, workers and outbox relay),
 * for the worker-kill test, which SIGKILLs it. It differs in two ways: the database is
 * already migrated, and it reports each job it starts and finishes on stdout, one JSON line
 * each, so the test can kill it while a job runs; with FAULT_WARM_SPARE=1 it loads its modules
 * and waits for a line on stdin before it starts, so a replacement is up within a moment of a
 * kill. FAULT_QUEUE_PREFIX keeps its queues apart on a shared Redis.
 */
import type { Job } from 'bullmq';
import { startJobs } from '../../jobs/runtime';
import { loadConfig } from '../../server/config';
import { createRuntime } from '../../server/runtime';
import { onShutdown } from '../../server/shutdown';

// Writes to a pipe are synchronous on Linux: a line printed before the kill is not lost with it.
const emit = (e: object) => process.stdout.write(`${JSON.stringify({ ...e, at: Date.now() })}\n`);
// The test holds our stdin: when it goes away, so do we (no orphaned worker after a crashed run).
process.stdin.on('end', () => process.exit(1));
// A spare: modules loaded (most of the start-up time), waiting for a line on stdin to start work.
if (process.env.FAULT_WARM_SPARE === '1') {
  emit({ ev: 'warm' });
  await new Promise((r) => process.stdin.once('data', r));
}
process.stdin.resume();
const config = loadConfig();
if (!config.DATABASE_URL) throw new Error('DATABASE_URL is required');
const prefix = process.env.FAULT_QUEUE_PREFIX;
const rt = await createRuntime(config, config.DATABASE_URL, prefix ? { prefix } : {});
const log = {
  warn: (o: object, m: string) => console.error(JSON.stringify({ level: 'warn', msg: m, ...o })),
  error: (o: object, m: string) => console.error(JSON.stringify({ level: 'error', msg: m, ...o })),
};
const jobs = startJobs(rt, log);
for (const w of jobs.workers) {
  w.on('active', (job: Job) => emit({ ev: 'active', queue: w.name, id: job.id }));
  w.on('completed', (job: Job) => emit({ ev: 'completed', queue: w.name, id: job.id }));
  w.on('failed', (job: Job | undefined, err: Error) => {
    if (job) emit({ ev: 'failed', queue: w.name, id: job.id, attemptsMade: job.attemptsMade, err: err.message });
  });
}
emit({ ev: 'ready' });
onShutdown(async () => {
  await jobs.stop();
  await rt.close();
});
