import { and, gt, isNotNull, isNull } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { outbox } from '../../db/schema';
import { closeWorkers } from '../../jobs/queue-backend';
import { startJobs } from '../../jobs/runtime';
import type { BidContent } from '../../shared/contracts/bids';
import { buildApp } from '../../server/app';
import { createRuntime, type Runtime } from '../../server/runtime';
import { makeChallenge, completeDraft } from '../helpers/challenges';
import { clientFor, logIn, sessionCookieFrom, type Client } from '../helpers/client';
import { testConfig } from '../helpers/config';
import { makeOrganisation, makeUser, unique, validCreditCode } from '../helpers/factories';
import { createIsolatedDatabase } from '../helpers/isolated-database';
import { auditDelivery, startPrivateRedis, type PrivateRedis } from './fault-helpers';
import { createTally } from './tally';

/**
 * Fault (a): the queue backend goes away while people work. The API and the worker side (the
 * outbox relay and the BullMQ workers, as `npm start` runs them in one process) use a private
 * redis-server that is killed outright (SIGKILL) and, in a second outage, shut down (SIGTERM)
 * in the middle of a round of work. Users keep registering, vetting, publishing and bidding
 * through the API: every write answers 2xx, because its job waits in the outbox table. When
 * Redis is back on the same port, every outbox row is delivered and every job runs, once.
 *
 * Redis runs as production runs it (`--appendonly yes`, docker-compose.yml), so the jobs it
 * held before the crash (deadlines due in a month) are still there afterwards.
 */
const tally = createTally('faults-redis');
const quiet = { warn: () => {}, error: () => {} };

let iso: Awaited<ReturnType<typeof createIsolatedDatabase>>;
let redis: PrivateRedis;
let rt: Runtime;
let app: FastifyInstance;
let jobs: ReturnType<typeof startJobs>;
const seen = { requests: 0, serverErrors: 0 };

beforeAll(async () => {
  iso = await createIsolatedDatabase();
  redis = await startPrivateRedis();
  const config = testConfig({ DATABASE_URL: iso.url, REDIS_URL: redis.url, OUTBOX_POLL_MS: '100' });
  rt = await createRuntime(config, iso.url, { prefix: unique('jbfault') });
  app = await buildApp({ config, services: rt.services, probes: rt.probes });
  // Every answer counts; a 503 from /readyz is its job (the readiness answer), not a failure.
  app.addHook('onResponse', async (request, reply) => {
    seen.requests++;
    if (reply.statusCode >= 500 && request.url !== '/readyz') seen.serverErrors++;
  });
  await app.ready();
  jobs = startJobs(rt, quiet);
});

afterAll(async () => {
  // Workers close cleanly only with their Redis there (a failed test may leave it stopped).
  if (redis && !redis.running) await redis.start();
  await jobs?.stop();
  await app?.close();
  await rt?.close();
  await redis?.close();
  await iso?.drop();
  tally.add(seen);
  tally.flush();
});

const proposal: BidContent = {
  technicalRoute: '采用梯度镍铁合金涂层与等离子喷涂工艺。',
  indicatorResponses: [{ indicatorIndex: 0, approach: '三维多孔结构提高比表面积', committedValue: '≤ 110 mV' }],
  members: [{ name: '周文涛', title: '教授', role: 'lead' }],
  partnerIds: [],
  quotedPriceYuan: 2_800_000,
  durationMonths: 18,
  milestones: [{ title: '交付', deliverable: '报告', dueMonth: 18, sharePercent: 100 }],
  attachments: [],
};

const ok = (res: { statusCode: number; body: string }, what: string) => {
  expect(res.statusCode, `${what}: ${res.body}`).toBeGreaterThanOrEqual(200);
  expect(res.statusCode, `${what}: ${res.body}`).toBeLessThan(300);
  return JSON.parse(res.body || 'null');
};

interface People {
  official: Client;
  publisher: Client;
  teams: Client[];
  enterpriseId: string;
  authorId: string;
}

/**
 * One round of people working, each step a write that queues jobs through the outbox: a
 * registration (officials are told), its verification (the organisation is told), a challenge
 * submitted, approved and published in a batch (deadline, ranking and notices), and bids.
 */
async function round(p: People, n: number, midway?: () => Promise<void>) {
  const email = `${unique('reg')}@example.test`;
  const reg = await app.inject({
    method: 'POST',
    url: '/api/auth/register',
    payload: {
      mode: 'organisation',
      person: { name: '赵磊', email, password: 'Strong-pass-2026', locale: 'zh-CN' },
      organisation: { kind: 'enterprise', name: unique('扬州故障测试有限公司'), creditCode: validCreditCode(), industry: 'hydrogen', district: '江都区' },
    },
  });
  const registered = ok(reg, 'register');
  const newcomer = clientFor(app, sessionCookieFrom(reg.headers['set-cookie']), registered.csrfToken);
  await midway?.();
  ok(await p.official.request('POST', `/api/organisations/${registered.user.memberships[0].organisationId}/verification`, { decision: 'verify' }), 'verify');
  ok(await newcomer.request('GET', '/api/notifications'), 'newcomer reads notifications');

  const draft = ok(await p.publisher.request('POST', '/api/challenges', completeDraft()), 'draft');
  ok(await p.publisher.request('POST', `/api/challenges/${draft.id}/submit`), 'submit');
  ok(await p.official.request('POST', `/api/challenges/${draft.id}/decision`, { decision: 'approve' }), 'approve');
  const batch = ok(await p.official.request('POST', '/api/batches', { year: 2026, number: 10 + n, challengeIds: [draft.id] }), 'batch');
  ok(await p.official.request('POST', `/api/batches/${batch.id}/publish`), 'publish');

  const open = await makeChallenge(rt.database.db, { publisherId: p.enterpriseId, createdBy: p.authorId, status: 'published' });
  for (const team of p.teams) {
    const bid = ok(await team.request('POST', '/api/bids', { challengeId: open.id }), 'start bid');
    ok(await team.request('PUT', `/api/bids/${bid.id}/draft`, proposal), 'save bid');
    ok(await team.request('POST', `/api/bids/${bid.id}/submit`), 'submit bid');
  }
  ok(await app.inject({ method: 'GET', url: '/api/challenges' }), 'public list');
}

const readiness = async () => {
  const res = await app.inject({ method: 'GET', url: '/readyz' });
  return { status: res.statusCode, body: res.json() as { status: string; checks: { database: boolean; queue: boolean } } };
};

/** Outbox rows the relay tried to hand over and could not (the backend refused). */
const refused = () => rt.database.db.select({ id: outbox.id }).from(outbox).where(and(isNull(outbox.deliveredAt), isNotNull(outbox.lastError), gt(outbox.attempts, 0)));

describe('the queue backend (Redis) stopped while users act', () => {
  it('accepts every write during two outages and delivers every job, once, when Redis returns', async () => {
    const db = rt.database.db;
    const enterpriseId = (await makeOrganisation(db, { kind: 'enterprise' })).id;
    const author = await makeUser(db, { role: 'enterprise_member', organisationId: enterpriseId });
    const p: People = {
      official: await logIn(app, (await makeUser(db, { role: 'official' })).email),
      publisher: await logIn(app, author.email),
      teams: [],
      enterpriseId,
      authorId: author.id,
    };
    for (let i = 0; i < 2; i++) p.teams.push(await logIn(app, (await makeUser(db, { role: 'team_member' })).email));

    // Before: a round with Redis up, delivered and processed.
    await round(p, 0);
    expect((await readiness()).status).toBe(200);
    await vi.waitFor(async () => expect((await auditDelivery(db, rt.backend)).pending).toEqual([]), { timeout: 30_000, interval: 250 });
    const before = await auditDelivery(db, rt.backend);
    expect(before.lost).toEqual([]);

    // Outage 1: Redis crashes (SIGKILL). Work goes on; the relay keeps the jobs in the outbox.
    await redis.stop('SIGKILL');
    tally.add({ faults: 1 });
    const down = await readiness();
    expect(down).toEqual({ status: 503, body: { status: 'not_ready', checks: { database: true, queue: false } } });
    await round(p, 1);
    await round(p, 2);
    await vi.waitFor(async () => expect((await refused()).length).toBeGreaterThan(0), { timeout: 10_000, interval: 100 });
    const waiting = await rt.database.db.select({ id: outbox.id }).from(outbox).where(isNull(outbox.deliveredAt));
    expect(waiting.length).toBeGreaterThan(10);

    await redis.start();
    await vi.waitFor(async () => expect((await readiness()).status).toBe(200), { timeout: 10_000, interval: 100 });
    await vi.waitFor(async () => expect((await auditDelivery(db, rt.backend)).pending).toEqual([]), { timeout: 60_000, interval: 500 });

    // Outage 2: Redis shut down (SIGTERM) in the middle of a round.
    await round(p, 3, async () => {
      await redis.stop('SIGTERM');
      tally.add({ faults: 1 });
    });
    expect((await readiness()).body.checks).toEqual({ database: true, queue: false });
    await round(p, 4);
    await redis.start();
    await vi.waitFor(async () => expect((await readiness()).status).toBe(200), { timeout: 10_000, interval: 100 });

    // Everything arrives: every row delivered, every job completed, one notification per
    // recipient and one sent mail per notification.
    const audit = await vi.waitFor(async () => {
      const a = await auditDelivery(db, rt.backend);
      // A job that failed for good will not come back: stop waiting and report it below.
      if (a.lost.length === 0) expect(a.pending).toEqual([]);
      return a;
    }, { timeout: 60_000, interval: 500 });
    tally.add({ jobsLost: audit.lost.length, duplicates: audit.duplicates.length });
    expect(audit.lost).toEqual([]);
    expect(audit.duplicates).toEqual([]);
    expect(audit.jobs).toBeGreaterThan(before.jobs + waiting.length);
    expect(seen.serverErrors).toBe(0);
    // The jobs Redis held when it was killed survived it: the month-away deadlines are still delayed.
    const deadlines = await db.select({ jobId: outbox.jobId }).from(outbox);
    const delayed = await Promise.all(deadlines.filter((r) => r.jobId.startsWith('deadline.')).map((r) => rt.backend.queue('challenges').getJobState(r.jobId)));
    expect(delayed.length).toBe(5);
    expect(new Set(delayed)).toEqual(new Set(['delayed']));
  }, 180_000);

  it('closes a worker within its bound while Redis is away (a shutdown during an outage does not hang)', async () => {
    const name = unique('closing');
    let release!: () => void;
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    const worker = rt.backend.worker(name, async () => {
      started();
      await new Promise<void>((r) => (release = r));
    });
    worker.on('error', () => {}); // connection refused while Redis is away: expected here
    await rt.backend.add(name, 'hold', {}, { jobId: 'hold' });
    await running;
    await redis.stop('SIGKILL');
    tally.add({ faults: 1 });
    // The job finishes while Redis is away: the worker cannot record it, and an unbounded close waits for that.
    release();
    const unbounded = await Promise.race([worker.close().then(() => 'closed'), new Promise((r) => setTimeout(() => r('still waiting'), 3000))]);
    expect(unbounded).toBe('still waiting');
    const t0 = Date.now();
    await closeWorkers([worker], 1000);
    expect(Date.now() - t0).toBeLessThan(2000);
    await redis.start();
  }, 30_000);
});
