import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import net from 'node:net';
import { join } from 'node:path';
import { asc, count } from 'drizzle-orm';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../db/embedded';
import { mails, notifications, outbox } from '../../db/schema';
import { notifyPayload, type NotifyPayload } from '../../jobs/contracts';
import type { QueueBackend } from '../../jobs/queue-backend';
import type { Db } from '../../server/infra/database';
import { createOrganisationsRepository } from '../../server/modules/organisations/repository';
import { freePort } from '../helpers/free-port';

/**
 * Things the fault tests break on purpose: a private redis-server, a private embedded
 * PostgreSQL and a worker process, each owned by one test file, so stopping them never
 * touches the services the other test files share. Their data lives in a temporary folder,
 * removed when the test closes them. (Not under the checkout: run as root, the embedded
 * PostgreSQL runs as the OS user "postgres", which cannot enter a checkout under /root.)
 */
function privateDir(kind: string): string {
  const dir = mkdtempSync(join(tmpdir(), `jiebang-fault-${kind}-`));
  chmodSync(dir, 0o755);
  return dir;
}

const exited = (child: ChildProcess) => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : once(child, 'exit').then(() => undefined));

async function until(what: string, ok: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Whether anything accepts a TCP connection on the port. */
function portAnswers(port: number): Promise<boolean> {
  return new Promise((done) => {
    const s = net.connect(port, '127.0.0.1');
    s.setTimeout(500, () => (s.destroy(), done(false)));
    s.once('error', () => done(false));
    s.once('connect', () => (s.destroy(), done(true)));
  });
}

/** One PING over a raw socket: true on +PONG. */
function redisAnswers(port: number): Promise<boolean> {
  return new Promise((done) => {
    const s = net.connect(port, '127.0.0.1');
    const finish = (v: boolean) => {
      s.destroy();
      done(v);
    };
    s.setTimeout(500, () => finish(false));
    s.once('error', () => finish(false));
    s.once('connect', () => s.write('PING\r\n'));
    s.once('data', (b) => finish(String(b).startsWith('+PONG')));
  });
}

/**
 * A redis-server of our own on a free port, configured as production runs it
 * (docker-compose.yml: `--appendonly yes`), so jobs already handed to it survive a stop and
 * start. `stop` sends a signal (SIGKILL: a crash; SIGTERM: a clean shutdown); `start` brings it
 * back on the same port with the same data.
 */
export async function startPrivateRedis(o: { appendonly?: boolean } = {}) {
  const bin = spawnSync('sh', ['-c', 'command -v redis-server']).stdout.toString().trim();
  if (!bin) throw new Error('redis-server is not installed (apt-get install redis-server); the Redis fault test starts a private one');
  const port = await freePort();
  const dir = privateDir('redis');
  let child: ChildProcess | null = null;
  let output = '';

  async function start() {
    const c = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', o.appendonly === false ? 'no' : 'yes', '--protected-mode', 'no', '--loglevel', 'warning'], { stdio: ['ignore', 'pipe', 'pipe'] });
    c.stdout!.on('data', (b) => (output += String(b)));
    c.stderr!.on('data', (b) => (output += String(b)));
    child = c;
    await until(`redis-server on port ${port}`, async () => {
      if (c.exitCode !== null) throw new Error(`redis-server exited with ${c.exitCode}: ${output.slice(-500)}`);
      return redisAnswers(port);
    }, 10_000);
  }

  async function stop(signal: NodeJS.Signals) {
    const c = child;
    child = null;
    if (!c) return;
    c.kill(signal);
    await exited(c);
  }

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    start,
    stop,
    get running() {
      return child !== null;
    },
    async close() {
      await stop('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
export type PrivateRedis = Awaited<ReturnType<typeof startPrivateRedis>>;

/**
 * An embedded PostgreSQL of our own (db/embedded.ts) on a free port with its data in
 * a temporary folder. `stop('fast')` is PostgreSQL's fast shutdown (SIGINT: sessions are
 * cut, as by `systemctl restart` or `docker restart`); `stop('crash')` SIGKILLs the postmaster,
 * as the OOM killer would, and the next start recovers from the WAL. `start` runs it again on
 * the same port and data directory.
 */
export async function startPrivatePostgres(database = 'jiebang') {
  const port = await freePort();
  const dir = privateDir('postgres');
  const dataDir = join(dir, 'data');
  let server: EmbeddedDatabase | null = await startEmbeddedPostgres({ dir: dataDir, port, database });
  const url = server.url;
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  return {
    url,
    async stop(how: 'fast' | 'crash' = 'fast') {
      const s = server;
      server = null;
      if (!s) return;
      if (how === 'fast') return s.stop();
      const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
      process.kill(pid, 'SIGKILL');
      // Its sessions notice the postmaster is gone and exit; the port and shared memory are free after.
      await until('the killed postmaster and its sessions to exit', async () => !alive(pid) && !(await portAnswers(port)), 10_000);
    },
    async start() {
      // After a crash, orphaned sessions can hold the shared memory for a moment: try again briefly.
      const end = Date.now() + 15_000;
      for (;;) {
        try {
          server = await startEmbeddedPostgres({ dir: dataDir, port, database });
          return;
        } catch (err) {
          if (Date.now() > end) throw err;
          await new Promise((r) => setTimeout(r, 200));
        }
      }
    },
    async close() {
      await this.stop('fast');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
export type PrivatePostgres = Awaited<ReturnType<typeof startPrivatePostgres>>;

/** What the worker process reports on stdout (tests/reliability/worker-child.ts). */
export type WorkerEvent =
  | { ev: 'warm' | 'ready' }
  | { ev: 'active' | 'completed'; queue: string; id: string }
  | { ev: 'failed'; queue: string; id: string; attemptsMade: number; err: string };

/**
 * The worker process (real workers and relay) as a child we can SIGKILL. Started with
 * `node --import tsx`, so the pid is the worker itself and a kill leaves nothing behind.
 * A spare (`{ spare: true }`) loads its modules and waits for `go()`.
 */
export function spawnWorker(env: Record<string, string>, o: { spare?: boolean } = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/reliability/worker-child.ts'], {
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', ...env, ...(o.spare ? { FAULT_WARM_SPARE: '1' } : {}) },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const events: WorkerEvent[] = [];
  const active = new Set<string>();
  const listeners = new Set<(e: WorkerEvent) => void>();
  let stderr = '';
  let partial = '';
  child.stdout!.on('data', (b: Buffer) => {
    const lines = (partial + String(b)).split('\n');
    partial = lines.pop()!;
    for (const line of lines) {
      if (!line.startsWith('{"ev"')) continue;
      const e = JSON.parse(line) as WorkerEvent;
      events.push(e);
      if (e.ev === 'active') active.add(`${e.queue}/${e.id}`);
      if (e.ev === 'completed' || e.ev === 'failed') active.delete(`${e.queue}/${e.id}`);
      for (const l of listeners) l(e);
    }
  });
  child.stderr!.on('data', (b: Buffer) => (stderr = (stderr + String(b)).slice(-20_000)));

  return {
    child,
    events,
    /** Jobs it reported starting and not yet finishing. */
    active,
    stderr: () => stderr,
    /** Resolves at the first event `match` accepts; rejects if the process exits first. */
    waitFor(match: (e: WorkerEvent, all: WorkerEvent[]) => boolean, timeoutMs: number): Promise<WorkerEvent | null> {
      return new Promise((done, fail) => {
        const timer = setTimeout(() => finish(null), timeoutMs);
        const onExit = () => {
          if (child.signalCode === null) fail(new Error(`worker exited with ${child.exitCode}:\n${stderr.slice(-3000)}`));
          finish(null);
        };
        const listener = (e: WorkerEvent) => {
          if (match(e, events)) finish(e);
        };
        function finish(e: WorkerEvent | null) {
          clearTimeout(timer);
          listeners.delete(listener);
          child.off('exit', onExit);
          done(e);
        }
        listeners.add(listener);
        child.once('exit', onExit);
      });
    },
    /** Starts a spare once it has loaded. */
    async go() {
      if (!events.some((e) => e.ev === 'warm')) await this.waitFor((e) => e.ev === 'warm', 60_000);
      child.stdin!.write('go\n');
    },
    async kill(signal: NodeJS.Signals = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited(child);
    },
  };
}
export type WorkerChild = ReturnType<typeof spawnWorker>;

/** A fetch that gives up after `ms`: a request the server leaves hanging is a failure, not a wait. */
export async function timedFetch(url: string, init: RequestInit & { timeoutMs?: number } = {}) {
  const started = Date.now();
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(init.timeoutMs ?? 10_000) });
    const text = await res.text();
    return { status: res.status, text, headers: res.headers, ms: Date.now() - started, error: null as string | null };
  } catch (err) {
    return { status: 0, text: '', headers: new Headers(), ms: Date.now() - started, error: (err as Error).name === 'TimeoutError' ? 'timeout' : (err as Error).message };
  }
}

export interface DeliveryAudit {
  /** Outbox rows, and the jobs they became. */
  jobs: number;
  /** Jobs not finished yet (waiting, active, retrying, or a stalled job awaiting recovery). */
  pending: string[];
  /** Jobs that will never run (failed for good, or missing) and effects that are missing. */
  lost: string[];
  /** Effects that happened more than once. */
  duplicates: string[];
  notifications: number;
  mails: number;
}

/**
 * Walks from every outbox row to what it should have caused: the row was handed to BullMQ;
 * its job completed (or waits for its time, if delayed); a notify job left exactly one
 * notification per recipient of its audience (resolved now as the job resolved it then, so
 * the tests change no memberships once jobs run), and every notification exactly one mail, sent. Recipients, notifications and mails are counted
 * per dedupe key, so a job that ran twice and acted twice shows up here as a duplicate.
 */
export async function auditDelivery(db: Db, backend: QueueBackend): Promise<DeliveryAudit> {
  const orgs = createOrganisationsRepository();
  const now = Date.now();
  const rows = await db.select().from(outbox).orderBy(asc(outbox.id));
  const a: DeliveryAudit = { jobs: rows.length, pending: [], lost: [], duplicates: [], notifications: 0, mails: 0 };
  const completedNotify: NotifyPayload[] = [];
  for (const row of rows) {
    if (!row.deliveredAt) {
      a.pending.push(`outbox ${row.jobId} not yet handed to the queue`);
      continue;
    }
    const state = await backend.queue(row.queue).getJobState(row.jobId);
    if (state === 'completed') {
      if (row.queue === 'notifications') completedNotify.push(notifyPayload.parse(row.payload));
    } else if (state === 'failed' || state === 'unknown') {
      const job = state === 'failed' ? await backend.queue(row.queue).getJob(row.jobId) : undefined;
      a.lost.push(`job ${row.queue}/${row.jobId} ${state}${job ? ` after ${job.attemptsMade} attempts: ${job.failedReason}` : ''}`);
    } else if (!(state === 'delayed' && row.runAt.getTime() > now)) {
      a.pending.push(`job ${row.queue}/${row.jobId} ${state}`);
    }
  }

  const byKey = new Map<string, number>();
  for (const n of await db.select({ key: notifications.dedupeKey, n: count() }).from(notifications).groupBy(notifications.dedupeKey)) byKey.set(n.key, n.n);
  for (const p of completedNotify) {
    const users = p.audience.type === 'role' ? await orgs.userIdsWithRole(db, p.audience.role) : p.audience.type === 'organisation' ? await orgs.userIdsOf(db, p.audience.organisationId) : [p.audience.userId];
    for (const u of users) {
      const n = byKey.get(`${p.cause}.${u}`) ?? 0;
      if (n === 0) a.lost.push(`notification ${p.cause} for user ${u}`);
      if (n > 1) a.duplicates.push(`${n} notifications ${p.cause} for user ${u}`);
    }
  }

  const all = await db.select({ id: notifications.id }).from(notifications);
  a.notifications = all.length;
  const mailRows = await db.select({ id: mails.id, key: mails.dedupeKey, sentAt: mails.sentAt }).from(mails);
  a.mails = mailRows.length;
  const mailsByKey = new Map<string, number>();
  for (const m of mailRows) mailsByKey.set(m.key, (mailsByKey.get(m.key) ?? 0) + 1);
  for (const n of all) {
    const k = mailsByKey.get(`notification.${n.id}`) ?? 0;
    if (k === 0) a.lost.push(`mail for notification ${n.id}`);
    if (k > 1) a.duplicates.push(`${k} mails for notification ${n.id}`);
  }
  for (const m of mailRows) if (!m.sentAt) a.pending.push(`mail ${m.id} not sent yet`);
  return a;
}
