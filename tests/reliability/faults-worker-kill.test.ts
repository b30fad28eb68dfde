import { count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { challengeMatches, mails, matchInvitations, milestoneReminders, milestones } from '../../db/schema';
import { milestoneReminderJob, notifyJob, rankChallengeJob } from '../../jobs/contracts';
import { createQueueBackend, type QueueBackend } from '../../jobs/queue-backend';
import { addDays, chinaDate } from '../../shared/calendar';
import { enqueueJob } from '../../server/infra/outbox';
import { messageIdOf } from '../../server/infra/mailer';
import { createTestApp, type TestApp } from '../helpers/app';
import { makeChallenge } from '../helpers/challenges';
import { logIn } from '../helpers/client';
import { finalAward } from '../helpers/contract-fixture';
import { makeOrganisation, makeUser, unique } from '../helpers/factories';
import { createIsolatedDatabase } from '../helpers/isolated-database';
import { auditDelivery, spawnWorker, startPrivateRedis, type DeliveryAudit, type PrivateRedis, type WorkerChild } from './fault-helpers';
import { startSmtpSink, type SmtpSink } from './smtp-sink';
import { createTally } from './tally';

/**
 * Fault (b): the worker process is killed with SIGKILL in the middle of a job, 20 times,
 * while it works through milestone reminders, rankings (with their invitations) and
 * notifications with their e-mails. The worker is the real one (tests/reliability/
 * worker-child.ts: the workers and the outbox relay of jobs/main.ts) on a private Redis run
 * as production runs it, sending e-mail over SMTP to a sink that records what left. Each
 * kill lands right after the worker reports a job started, aimed in turn at each queue.
 *
 * Afterwards, with one worker left running: every outbox row delivered and every job done
 * (the killed ones were stalled and ran again), exactly one notification per recipient, one
 * mail row per notification, one reminder claim per reminder, and every mail accepted by the
 * SMTP server under its own Message-ID.
 */
const tally = createTally('faults-worker-kill');
const KILLS = 20;
const FIRST_MAIL_FROM = '揭榜挂帅平台 <noreply@jiebang.local>';

let iso: Awaited<ReturnType<typeof createIsolatedDatabase>>;
let redis: PrivateRedis;
let smtp: SmtpSink;
let t: TestApp;
let backend: QueueBackend;
const children: WorkerChild[] = [];
const prefix = unique('jbkill');

beforeAll(async () => {
  iso = await createIsolatedDatabase();
  redis = await startPrivateRedis();
  smtp = await startSmtpSink();
  t = await createTestApp({ DATABASE_URL: iso.url });
  backend = createQueueBackend({ redisUrl: redis.url, databaseUrl: iso.url, prefix });
}, 60_000);

afterAll(async () => {
  await Promise.all(children.map((c) => c.kill('SIGTERM')));
  await backend?.close();
  await t?.close();
  await smtp?.close();
  await redis?.close();
  await iso?.drop();
  tally.flush();
});

/**
 * The work, all queued through the outbox before any worker runs: two signed contracts whose
 * milestones are due in 3 days (two reminders each) or overdue since yesterday (the overdue flag,
 * notices, and the first weekly escalation scheduled), 48 published challenges ranked against 30
 * teams (each invites its top 10), and 150 plain notifications; every notification mails its
 * recipient. The award and signing flows that made the contracts queued their own notices too.
 */
async function queueWork() {
  const db = t.rt.database.db;
  await makeOrganisation(db, { kind: 'bureau' });
  const enterpriseId = (await makeOrganisation(db, { kind: 'enterprise' })).id;
  const author = await makeUser(db, { role: 'enterprise_member', organisationId: enterpriseId });
  const publisher = await logIn(t.app, author.email);
  const official = await logIn(t.app, (await makeUser(db, { role: 'official' })).email);

  let reminders = 0;
  const today = chinaDate(new Date());
  for (let i = 0; i < 2; i++) {
    const { contracts: [c], bids } = await finalAward(t.app, db, t.rt.services, { publisherId: enterpriseId, authorId: author.id, publisher, official });
    for (const party of [publisher, bids[0]!.client, official]) expect((await party.request('POST', `/api/contracts/${c!.id}/sign`)).statusCode).toBe(200);
    for (const [j, m] of (await db.select().from(milestones).where(eq(milestones.contractId, c!.id))).entries()) {
      const soon = j % 2 === 0;
      const dueOn = addDays(today, soon ? 3 : -1);
      await db.update(milestones).set({ dueOn }).where(eq(milestones.id, m.id));
      const kinds = soon ? (['remind-14', 'remind-3'] as const) : (['due'] as const);
      for (const kind of kinds) await enqueueJob(db, milestoneReminderJob({ milestoneId: m.id, kind, dueOn, week: 0 }, new Date()));
      reminders += kinds.length;
    }
  }

  const fields = ['electrolysis'];
  for (let i = 0; i < 30; i++) {
    const lead = await makeUser(db, { role: 'team_member' });
    await db.transaction((tx) => t.rt.services.teamProfiles.write(tx, lead.organisationId, { fields, keywords: ['膜电极', i % 2 ? '低铱催化剂' : '电解槽'], description: '', region: '南京市', capacity: 3, people: [], results: [] }, new Date()));
  }
  const ranked: string[] = [];
  for (let i = 0; i < 48; i++) {
    const c = await makeChallenge(db, { publisherId: enterpriseId, createdBy: author.id, status: 'published', draft: { title: `PEM电解槽低铱膜电极开发 ${i}`, summary: '低铱膜电极', description: '开发低铱阳极膜电极与电解槽。' } });
    await enqueueJob(db, rankChallengeJob(c.id, 1));
    ranked.push(c.id);
  }

  const reader = await makeUser(db, { role: 'team_member' });
  for (let i = 0; i < 150; i++) {
    await enqueueJob(db, notifyJob({ kind: 'organisation_verified', audience: i % 3 ? { type: 'user', userId: reader.id } : { type: 'organisation', organisationId: reader.organisationId }, refs: { organisationId: reader.organisationId }, extra: {}, link: null, cause: `kill-test.${i}` }));
  }
  return { reminders, ranked };
}

/**
 * The queue each kill aims at: the first at the few reminders (all waiting then), the rest in
 * turn at the busy queues; a kill waits up to 3 s for a job of its queue (the first, for the
 * worker to start), then takes any.
 */
const aimAt = (k: number) => (k === 0 ? 'contracts' : ['matching', 'notifications', 'mail'][(k - 1) % 3]!);

describe('a worker killed with SIGKILL mid-job, 20 times', () => {
  it('loses no job and duplicates no notification, mail row, reminder or e-mail', async () => {
    const db = t.rt.database.db;
    const t0 = Date.now();
    const work = await queueWork();
    const queued = Date.now();
    const env = { DATABASE_URL: iso.url, REDIS_URL: redis.url, FAULT_QUEUE_PREFIX: prefix, SMTP_URL: smtp.url, MAIL_FROM: FIRST_MAIL_FROM, OUTBOX_POLL_MS: '100', JOB_LOCK_SECONDS: '5' };
    const start = (spare: boolean) => {
      const c = spawnWorker(env, { spare });
      children.push(c);
      return c;
    };

    const killedIn: string[] = [];
    let current = start(false);
    let spare = start(true);
    for (let k = 0; k < KILLS; k++) {
      const aim = aimAt(k);
      // Let some jobs finish in each life (k % 5 of them), so kills spread over the run.
      const skip = k % 5;
      let seen = 0;
      const hit =
        (await current.waitFor((e) => e.ev === 'active' && e.queue === aim && seen++ >= skip, k === 0 ? 60_000 : 3_000)) ??
        (await current.waitFor((e) => e.ev === 'active', 30_000));
      expect(hit, `worker life ${k + 1} started no job:\n${current.stderr().slice(-2000)}`).not.toBeNull();
      const inFlight = [...current.active];
      await current.kill('SIGKILL');
      tally.add({ faults: 1 });
      expect(inFlight.length, `kill ${k + 1} found no job running`).toBeGreaterThan(0);
      killedIn.push(...new Set(inFlight.map((j) => j.split('/')[0]!)));
      await spare.go();
      current = spare;
      spare = start(true);
    }
    await spare.kill('SIGTERM');
    // Kills landed in every kind of job.
    for (const q of ['contracts', 'matching', 'notifications', 'mail']) expect(killedIn, `no kill landed in a ${q} job`).toContain(q);

    const killed = Date.now();
    // The last worker runs on; killed jobs come back once their locks expire (JOB_LOCK_SECONDS).
    let audit: DeliveryAudit | null = null;
    const deadline = Date.now() + 180_000;
    for (;;) {
      audit = await auditDelivery(db, backend);
      if (audit.lost.length > 0 || audit.pending.length === 0 || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    tally.add({ jobsLost: audit.lost.length, duplicates: audit.duplicates.length });
    expect(audit.pending).toEqual([]);
    expect(audit.lost).toEqual([]);
    expect(audit.duplicates).toEqual([]);
    expect(audit.jobs).toBeGreaterThan(150 + work.ranked.length + work.reminders);

    // Each reminder claimed once (the claim is what stops a rerun notifying twice).
    const claims = await db.select({ n: count() }).from(milestoneReminders);
    expect(claims[0]!.n).toBe(work.reminders);
    // Every challenge ranked, each team at most once, each invitation once.
    const matched = await db.select({ c: challengeMatches.challengeId, n: count() }).from(challengeMatches).where(inArray(challengeMatches.challengeId, work.ranked)).groupBy(challengeMatches.challengeId);
    expect(matched).toHaveLength(work.ranked.length);
    for (const m of matched) expect(m.n).toBe(30);
    const invites = await db.select({ c: matchInvitations.challengeId, n: count() }).from(matchInvitations).groupBy(matchInvitations.challengeId);
    expect(invites.every((i) => i.n === 10)).toBe(true);

    // E-mail: every mail row sent, accepted by the SMTP server under its own Message-ID. A
    // worker killed after the server accepted a message and before the row was marked sent
    // sends it again when the job runs again: the copy carries the same Message-ID, so it is
    // the same message to the receiving systems. Distinct messages per mail: exactly one.
    const rows = await db.select({ id: mails.id, sentAt: mails.sentAt }).from(mails);
    expect(rows.filter((r) => !r.sentAt)).toEqual([]);
    const expected = new Set(rows.map((r) => messageIdOf(r.id, FIRST_MAIL_FROM)));
    const got = new Map<string, number>();
    for (const m of smtp.received) got.set(m.messageId ?? 'none', (got.get(m.messageId ?? 'none') ?? 0) + 1);
    expect([...got.keys()].filter((id) => !expected.has(id))).toEqual([]);
    expect([...expected].filter((id) => !got.has(id))).toEqual([]);
    const resent = [...got.values()].reduce((a, n) => a + n - 1, 0);
    console.log(`worker-kill: ${KILLS} kills in ${[...new Set(killedIn)].join(', ')}; ${audit.jobs} jobs, ${audit.notifications} notifications, ${rows.length} mails, ${resent} re-sent with the same Message-ID; queueing ${((queued - t0) / 1000).toFixed(0)} s, kills ${((killed - queued) / 1000).toFixed(0)} s, recovery ${((Date.now() - killed) / 1000).toFixed(0)} s`);
  }, 420_000);
});
