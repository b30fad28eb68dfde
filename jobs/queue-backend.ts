import { createPostgresBackend, Queue, runMigrations, Worker, withBackend, type JobsOptions, type Processor } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';

/**
 * The one place that decides where BullMQ keeps its jobs: Redis when REDIS_URL is set,
 * otherwise BullMQ's PostgreSQL backend in the application's own database (schema "bullmq").
 * Everything else asks this module for queues and workers and never sees the difference.
 */
export interface QueueBackend {
  kind: 'redis' | 'postgres';
  queue(name: string): Queue;
  /** Adds a job; on failure the cached Queue is dropped so the next add starts afresh. */
  add(queue: string, name: string, data: unknown, opts: JobsOptions): Promise<void>;
  worker(name: string, processor: Processor, opts?: { concurrency?: number }): Worker;
  /** Creates what the backend needs (the PostgreSQL backend's tables); idempotent. */
  prepare(): Promise<void>;
  ping(): Promise<boolean>;
  /** What in the backend's configuration can lose jobs, one sentence each (empty when sound). */
  durabilityWarnings(): Promise<string[]>;
  close(): Promise<void>;
}

export interface QueueBackendOptions {
  redisUrl?: string | undefined;
  databaseUrl: string;
  /** PostgreSQL schema for the queue tables; tests use their own. */
  schema?: string;
  /** Prefix for queue names, so parallel test runs on one Redis do not meet. */
  prefix?: string;
  /** A worker's job lock and the stalled-job check interval (JOB_LOCK_SECONDS); BullMQ's 30 s by default. */
  lockMs?: number;
}

const pingTimeoutMs = 2000;
const addTimeoutMs = 10_000;
const withTimeout = <T>(p: Promise<T>, ms: number): Promise<T> =>
  Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms).unref())]);

/**
 * Caches one Queue per name. BullMQ's PostgreSQL backend memoizes its first readiness check,
 * so a Queue first used while the database was unreachable fails forever after; dropping it
 * on any failed add (and closing it quietly) lets the next add connect again.
 */
function queueCache(create: (name: string) => Queue) {
  const queues = new Map<string, Queue>();
  const get = (name: string) => {
    let q = queues.get(name);
    if (!q) {
      q = create(name);
      q.on('error', () => {});
      queues.set(name, q);
    }
    return q;
  };
  return {
    get,
    async add(queue: string, name: string, data: unknown, opts: JobsOptions) {
      const q = get(queue);
      try {
        // Bounded: one add stuck on a dead connection would otherwise stop the relay's loop.
        // If it completes later anyway, the relay's retry reuses the job id and BullMQ ignores it.
        await withTimeout(q.add(name, data, opts), addTimeoutMs);
      } catch (err) {
        queues.delete(queue);
        q.close().catch(() => {});
        throw err;
      }
    },
    closeAll: () => Promise.all([...queues.values()].map((q) => q.close().catch(() => {}))),
  };
}

/**
 * Closes workers, waiting up to `ms` for the jobs in hand to finish. While the backend is
 * unreachable a worker's close never resolves (it waits for its in-flight jobs' and locks'
 * commands), which held up a deploy or a shutdown for as long as Redis was away. After the
 * bound we stop waiting: the connections are cut next, and a job cut short is stalled and
 * runs again on another worker (every job is idempotent).
 */
export const workerCloseTimeoutMs = 10_000;
export async function closeWorkers(workers: Worker[], ms = workerCloseTimeoutMs): Promise<void> {
  await Promise.all(workers.map((w) => withTimeout(w.close(), ms).catch(() => {})));
}

export function createQueueBackend(o: QueueBackendOptions): QueueBackend {
  const timing = { lockDuration: o.lockMs ?? 30_000, stalledInterval: o.lockMs ?? 30_000 };
  return o.redisUrl ? redisBackend(o.redisUrl, timing, o.prefix) : postgresBackend(o.databaseUrl, o.schema ?? 'bullmq', timing);
}

type WorkerTiming = { lockDuration: number; stalledInterval: number };

function redisBackend(url: string, timing: WorkerTiming, prefix = 'jiebang'): QueueBackend {
  // Producers fail fast while Redis is away (the outbox keeps the job); workers wait for it.
  const producer = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false });
  const consumer = new Redis(url, { maxRetriesPerRequest: null });
  producer.on('error', () => {});
  consumer.on('error', () => {});
  const queues = queueCache((name) => new Queue(name, { connection: producer, prefix }));
  const workers: Worker[] = [];
  return {
    kind: 'redis',
    queue: queues.get,
    add: queues.add,
    worker(name, processor, opts = {}) {
      const w = new Worker(name, processor, { connection: consumer, prefix, concurrency: opts.concurrency ?? 4, ...retention, ...timing });
      workers.push(w);
      return w;
    },
    prepare: async () => {},
    durabilityWarnings: () => redisDurabilityWarnings(producer),
    async ping() {
      try {
        return (await withTimeout(producer.ping(), pingTimeoutMs)) === 'PONG';
      } catch {
        return false;
      }
    },
    async close() {
      await closeWorkers(workers);
      await queues.closeAll();
      producer.disconnect();
      consumer.disconnect();
    },
  };
}

/**
 * Redis keeps delayed jobs (deadlines a month away, milestone reminders) in memory: without
 * an append-only file a restart loses them, and an eviction policy other than noeviction
 * drops keys under memory pressure. docker-compose.yml runs Redis correctly; a bureau's own
 * Redis may not, so the worker says so at start-up. Managed Redis may refuse INFO: then we
 * cannot tell, and say that instead.
 */
export async function redisDurabilityWarnings(redis: Redis): Promise<string[]> {
  let info: string;
  try {
    info = await withTimeout(redis.info(), pingTimeoutMs);
  } catch (err) {
    return [`could not read Redis INFO to check persistence (${(err as Error).message}); make sure Redis runs with appendonly yes and maxmemory-policy noeviction`];
  }
  const field = (name: string) => new RegExp(`^${name}:(.*)$`, 'm').exec(info)?.[1]?.trim();
  const out: string[] = [];
  if (field('aof_enabled') !== '1') out.push('Redis runs without an append-only file (appendonly no): delayed jobs such as deadlines and reminders are lost if Redis restarts; run it with --appendonly yes (docker-compose.yml does)');
  const policy = field('maxmemory_policy');
  if (policy && policy !== 'noeviction') out.push(`Redis evicts keys under memory pressure (maxmemory-policy ${policy}): queued jobs can disappear; set maxmemory-policy noeviction`);
  return out;
}

/**
 * BullMQ's PostgreSQL backend builds its own pg.Pool and listens for errors on idle clients
 * only; a client checked out when its connection drops (a restart, a reset) emits 'error'
 * with no listener, which Node turns into an uncaught exception. We reach its pool (internal:
 * queue.backend.connection.pool in bullmq 6.7) and give every client a listener; the failed
 * query still rejects and the worker supervisor backs off. Remove when bullmq does this itself.
 */
function guardBullmqPool(instance: unknown): void {
  const pool = (instance as { backend?: { connection?: { pool?: pg.Pool } } }).backend?.connection?.pool;
  if (pool && !(pool as pg.Pool & { jiebangGuarded?: boolean }).jiebangGuarded) {
    (pool as pg.Pool & { jiebangGuarded?: boolean }).jiebangGuarded = true;
    pool.on('connect', (client) => client.on('error', () => {}));
  }
}

function postgresBackend(databaseUrl: string, schema: string, timing: WorkerTiming): QueueBackend {
  const Pg = withBackend(createPostgresBackend);
  const connection = { connectionString: databaseUrl, schema, max: 4 };
  const admin = new pg.Pool({ connectionString: databaseUrl, max: 1, connectionTimeoutMillis: pingTimeoutMs });
  admin.on('error', () => {});
  admin.on('connect', (client) => client.on('error', () => {}));
  const queues = queueCache((name) => {
    const q = new Pg.Queue(name, { connection }) as unknown as Queue;
    guardBullmqPool(q);
    return q;
  });
  const workers: Worker[] = [];
  return {
    kind: 'postgres',
    queue: queues.get,
    add: queues.add,
    worker(name, processor, opts = {}) {
      const w = new Pg.Worker(name, processor, { connection, concurrency: opts.concurrency ?? 4, ...retention, ...timing }) as unknown as Worker;
      guardBullmqPool(w);
      workers.push(w);
      return w;
    },
    async prepare() {
      const client = await admin.connect();
      try {
        await runMigrations(client, schema);
      } finally {
        client.release();
      }
    },
    // Jobs are rows in the application's own database: as durable as everything else.
    durabilityWarnings: async () => [],
    async ping() {
      try {
        await withTimeout(admin.query('select 1'), pingTimeoutMs);
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await closeWorkers(workers);
      await queues.closeAll();
      await admin.end();
    },
  };
}

/**
 * Completed jobs are kept a week: long enough that a relay re-delivery of the same job id
 * is recognised as a duplicate, short enough that the queue does not grow without bound.
 */
const retention = {
  removeOnComplete: { age: 7 * 24 * 3600, count: 50_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
  // After a lost connection bullmq waits runRetryDelay (15 s by default) before fetching
  // again; 2 s gets notifications moving soon after the backend returns.
  runRetryDelay: 2000,
  // A job whose worker died under it (SIGKILL, OOM, a deploy cutting the grace period) is
  // "stalled" and put back once its lock expires. bullmq's default, 1, fails it for good the
  // second time, without using its attempts: two crashes while it ran lost a notification
  // (tests/reliability/faults-worker-kill.test.ts). Our jobs are idempotent, so running one
  // again is safe; the bound only stops a job that itself kills every worker that takes it.
  maxStalledCount: 10,
};
