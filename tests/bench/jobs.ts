import os from 'node:os';
import pg from 'pg';
import { notifyJob, rankChallengeJob, type JobRequest, type QueueName } from '../../jobs/contracts';
import { processors } from '../../jobs/workers';
import { chinaDate } from '../../shared/calendar';
import { loadConfig } from '../../server/config';
import { createRuntime } from '../../server/runtime';

export interface JobMeasurement {
  backend: 'postgres' | 'redis';
  queue: QueueName;
  jobs: number;
  /** Adds one at a time, as the outbox relay does. */
  enqueuePerSecond: number;
  /** From the worker's start to the last job's completion, the jobs already waiting. */
  processPerSecond: number;
  failed: number;
  note: string;
  /** The machine's 1-minute load average at the end. */
  load: number;
}

/**
 * One attempt, unlike the relay's ten (jobs/relay.ts): a failing job counts as failed at once
 * instead of stretching the run with back-off.
 */
const jobOptions = { attempts: 1 };

/**
 * Job throughput on the real queue backend with the real processors (jobs/workers.ts), a worker
 * per queue in this process at the worker's default concurrency (4): `rank` ranking jobs on
 * open challenges (the ranker against every verified team, the top 50 stored, invitations
 * claimed) and `notify` match-invitation notifications to teams (a notification and a queued
 * mail per member). The PostgreSQL backend keeps its tables in the schema bullmq_bench, made
 * afresh; on Redis the queues get a prefix of their own and are removed afterwards.
 */
export async function benchJobs(databaseUrl: string, o: { backend: 'postgres' | 'redis'; redisUrl?: string; rank: number; notify: number; progress: (line: string) => void }): Promise<JobMeasurement[]> {
  const runId = Date.now().toString(36);
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  let open: { id: string; revision: number }[];
  let teams: { id: string }[];
  try {
    if (o.backend === 'postgres') await admin.query('drop schema if exists bullmq_bench cascade');
    open = (await admin.query<{ id: string; revision: number }>(`select id, revision from challenges where status = 'published' and deadline > now() order by random() limit $1`, [o.rank])).rows;
    teams = (await admin.query<{ id: string }>(`select id from organisations where kind = 'team' and verification = 'verified' order by random() limit $1`, [o.notify])).rows;
  } finally {
    await admin.end();
  }
  const config = loadConfig({ ...process.env, DATABASE_URL: databaseUrl, REDIS_URL: o.backend === 'redis' ? o.redisUrl : undefined, LOG_LEVEL: 'warn', NODE_ENV: 'production' });
  const rt = await createRuntime(config, databaseUrl, { schema: 'bullmq_bench', prefix: `jiebang-bench-${runId}` });
  const run = processors(rt.services);
  const out: JobMeasurement[] = [];
  try {
    const t0 = performance.now();
    await rt.services.matching.corpus();
    const corpusMs = performance.now() - t0;
    const challenge = teams.length ? open[0]?.id : undefined;
    const batches: { queue: QueueName; jobs: JobRequest[]; note: string }[] = [
      { queue: 'matching', jobs: open.map((c) => rankChallengeJob(c.id, c.revision, `bench${runId}`)), note: `corpus loaded once before, in ${(corpusMs / 1000).toFixed(2)} s` },
      {
        queue: 'notifications',
        jobs: challenge
          ? Array.from({ length: o.notify }, (_, i) => notifyJob({ kind: 'match_invitation', audience: { type: 'organisation', organisationId: teams[i % teams.length]!.id }, refs: { challengeId: challenge }, extra: { terms: '储能、电芯', deadline: chinaDate(new Date(Date.now() + 30 * 86_400_000)) }, link: `/challenges/${challenge}`, cause: `bench.${runId}.${i}` }))
          : [],
        note: 'to a team of two: 2 notifications, 2 mails queued',
      },
    ];
    for (const b of batches) {
      if (b.jobs.length === 0) continue;
      const te = performance.now();
      for (const j of b.jobs) await rt.backend.add(j.queue, j.name, j.payload, { ...jobOptions, jobId: j.jobId });
      const enqueueMs = performance.now() - te;
      let done = 0;
      let failed = 0;
      let firstError = '';
      const tp = performance.now();
      const worker = rt.backend.worker(b.queue, run[b.queue]);
      await new Promise<void>((resolve) => {
        const settle = () => {
          if (done + failed === b.jobs.length) resolve();
        };
        worker.on('completed', () => {
          done++;
          settle();
        });
        worker.on('failed', (_job, err) => {
          failed++;
          firstError ||= err.message;
          settle();
        });
      });
      const processMs = performance.now() - tp;
      await worker.close();
      const m = { backend: o.backend, queue: b.queue, jobs: b.jobs.length, enqueuePerSecond: b.jobs.length / (enqueueMs / 1000), processPerSecond: b.jobs.length / (processMs / 1000), failed, note: firstError ? `${b.note}; first failure: ${firstError}` : b.note, load: os.loadavg()[0]! };
      o.progress(`  ${o.backend.padEnd(8)} ${b.queue.padEnd(14)} ${String(m.jobs).padStart(5)} jobs  enqueue ${m.enqueuePerSecond.toFixed(0).padStart(5)}/s  process ${m.processPerSecond.toFixed(1).padStart(6)}/s  load ${m.load.toFixed(1)}${failed ? `  failed ${failed} (${firstError})` : ''}`);
      out.push(m);
      if (o.backend === 'redis') await rt.backend.queue(b.queue).obliterate({ force: true });
    }
  } finally {
    await rt.close();
    if (o.backend === 'postgres') {
      const c = new pg.Client({ connectionString: databaseUrl });
      await c.connect();
      await c.query('drop schema if exists bullmq_bench cascade').finally(() => c.end());
    }
  }
  return out;
}
