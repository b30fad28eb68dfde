import { randomBytes } from 'node:crypto';
import { eq, like } from 'drizzle-orm';
import { describe, expect, inject, it, vi } from 'vitest';
import { milestoneReminders, milestones, notifications, outbox } from '../../db/schema';
import { milestoneReminderJob, outcomePromptJob } from '../../jobs/contracts';
import { createQueueBackend } from '../../jobs/queue-backend';
import { createRelay } from '../../jobs/relay';
import { startWorkers } from '../../jobs/workers';
import { addDays, chinaDate } from '../../shared/calendar';
import { systemClock } from '../../server/infra/clock';
import { enqueueJob } from '../../server/infra/outbox';
import { createTestApp } from '../helpers/app';
import { logIn, type Client } from '../helpers/client';
import { finalAward } from '../helpers/contract-fixture';
import { makeOrganisation, makeUser, unique } from '../helpers/factories';
import { createIsolatedDatabase } from '../helpers/isolated-database';

const redisUrl = inject('redisUrl');
const backends = [{ kind: 'postgres' as const }, ...(redisUrl ? [{ kind: 'redis' as const }] : [])];
const quiet = { warn: () => {}, error: () => {} };
const soon = (ms: number) => new Date(Date.now() + ms);

/**
 * A contract's schedule runs as delayed jobs on the real queue: reminders, the overdue flag
 * with its escalation, and the outcome prompt. The jobs outlive the workers that were running
 * when they were queued (a restart), and a job delivered twice notifies once.
 */
describe.each(backends)('the contract schedule on the $kind backend', ({ kind }) => {
  it('runs reminders, the overdue flag and the outcome prompt from delayed jobs, once each, across a worker restart', async () => {
    const iso = await createIsolatedDatabase();
    const t = await createTestApp({ DATABASE_URL: iso.url });
    const db = t.rt.database.db;
    const backend = createQueueBackend({ redisUrl: kind === 'redis' ? redisUrl : undefined, databaseUrl: iso.url, schema: `bullmq_${randomBytes(4).toString('hex')}`, prefix: unique('jbct') });
    let workers = [] as ReturnType<typeof startWorkers>;
    const relay = createRelay({ db, backend, clock: systemClock, log: quiet, pollMs: 100 });
    try {
      await backend.prepare();
      await makeOrganisation(db, { kind: 'bureau' });
      const enterpriseId = (await makeOrganisation(db, { kind: 'enterprise' })).id;
      const author = await makeUser(db, { role: 'enterprise_member', organisationId: enterpriseId });
      const publisher = await logIn(t.app, author.email);
      const official = await logIn(t.app, (await makeUser(db, { role: 'official' })).email);
      const { contracts: [c], bids } = await finalAward(t.app, db, t.rt.services, { publisherId: enterpriseId, authorId: author.id, publisher, official });
      const team = bids[0]!.client;
      for (const party of [publisher, team, official] as Client[]) expect((await party.request('POST', `/api/contracts/${c!.id}/sign`)).statusCode).toBe(200);
      const [m] = await db.select().from(milestones).where(eq(milestones.contractId, c!.id));

      // The milestone is now due in 3 days; its 3-day reminder is queued to run in 2 s.
      const dueOn = addDays(chinaDate(new Date()), 3);
      await db.update(milestones).set({ dueOn }).where(eq(milestones.id, m!.id));
      const remind3 = { milestoneId: m!.id, kind: 'remind-3' as const, dueOn, week: 0 };
      await enqueueJob(db, milestoneReminderJob(remind3, soon(2000)));
      // The same reminder delivered a second time (as a retry after a lost acknowledgement would).
      await enqueueJob(db, { ...milestoneReminderJob(remind3, soon(2500)), jobId: `${milestoneReminderJob(remind3, soon(0)).jobId}.again` });
      relay.start();
      // No worker runs while the jobs wait: they are held by the queue, not by a process.
      await vi.waitFor(async () => expect(await db.select().from(outbox).where(like(outbox.jobId, `milestone.${m!.id}.${dueOn}.%`))).toSatisfy((rows: { deliveredAt: Date | null }[]) => rows.every((r) => r.deliveredAt)), { timeout: 10_000, interval: 100 });
      await new Promise((r) => setTimeout(r, 3000));
      expect(await db.select().from(milestoneReminders).where(eq(milestoneReminders.milestoneId, m!.id))).toEqual([]);

      workers = startWorkers(backend, t.rt.services, quiet);
      const teamNotices = () => db.select().from(notifications).where(like(notifications.dedupeKey, `%milestone.remind-3.${m!.id}.${dueOn}%`));
      await vi.waitFor(async () => expect(await teamNotices()).not.toHaveLength(0), { timeout: 25_000, interval: 200 });
      await vi.waitFor(async () => expect(await db.select().from(milestoneReminders).where(eq(milestoneReminders.milestoneId, m!.id))).toHaveLength(1), { timeout: 25_000, interval: 200 });

      // The due date passes: the due-date job flags the milestone overdue and queues the first weekly escalation.
      const past = addDays(chinaDate(new Date()), -1);
      await db.update(milestones).set({ dueOn: past }).where(eq(milestones.id, m!.id));
      await enqueueJob(db, milestoneReminderJob({ milestoneId: m!.id, kind: 'due', dueOn: past, week: 0 }, soon(1500)));
      await vi.waitFor(async () => {
        const [row] = await db.select().from(milestones).where(eq(milestones.id, m!.id));
        expect(row!.overdueSince).toBe(past);
      }, { timeout: 25_000, interval: 200 });
      expect(await db.select().from(outbox).where(eq(outbox.jobId, `milestone.${m!.id}.${past}.escalate.1`))).toHaveLength(1);
      await vi.waitFor(async () => expect(await db.select().from(notifications).where(like(notifications.dedupeKey, `%milestone.due.${m!.id}.${past}%`))).not.toHaveLength(0), { timeout: 25_000, interval: 200 });

      // Workers restart; the escalation, made due now, runs on the new ones.
      await Promise.all(workers.map((w) => w.close()));
      workers = startWorkers(backend, t.rt.services, quiet);
      await enqueueJob(db, { ...milestoneReminderJob({ milestoneId: m!.id, kind: 'escalate', dueOn: past, week: 1 }, soon(1000)), jobId: `milestone.${m!.id}.${past}.escalate.1.now` });
      await vi.waitFor(async () => expect(await db.select().from(notifications).where(like(notifications.dedupeKey, `%milestone.escalate-1.${m!.id}.${past}%`))).not.toHaveLength(0), { timeout: 25_000, interval: 200 });

      // Completed: the 6-month outcome prompt (made due in 1 s) reaches the publisher once.
      await db.update(milestones).set({ dueOn: addDays(chinaDate(new Date()), 30), overdueSince: null }).where(eq(milestones.id, m!.id));
      await team.request('POST', `/api/milestones/${m!.id}/evidence`, { text: '成果提交' });
      await publisher.request('POST', `/api/milestones/${m!.id}/approve`);
      await official.request('POST', `/api/milestones/${m!.id}/confirm`);
      expect((await official.request('POST', `/api/contracts/${c!.id}/acceptance`, { grade: 'excellent', report: '各项指标达到合同要求。' })).statusCode).toBe(200);
      const prompt = outcomePromptJob({ contractId: c!.id, months: 6 }, soon(1000));
      await enqueueJob(db, { ...prompt, jobId: `${prompt.jobId}.now` });
      await enqueueJob(db, { ...prompt, jobId: `${prompt.jobId}.now.again` });
      const prompts = () => db.select().from(notifications).where(eq(notifications.userId, author.id)).then((rows) => rows.filter((n) => n.kind === 'outcome_prompt'));
      await vi.waitFor(async () => expect(await prompts()).toHaveLength(1), { timeout: 25_000, interval: 200 });
      const opened = (await publisher.request('GET', `/api/contracts/${c!.id}`)).json();
      expect(opened.outcomes).toEqual([expect.objectContaining({ months: 6, answeredAt: null })]);
      await new Promise((r) => setTimeout(r, 1500));
      expect(await prompts()).toHaveLength(1);
      // One reminder per team member, and one claim, though the reminder was delivered twice.
      const reminded = await teamNotices();
      expect(new Set(reminded.map((n) => n.userId)).size).toBe(reminded.length);
      expect(await db.select().from(milestoneReminders).where(eq(milestoneReminders.milestoneId, m!.id))).toHaveLength(3);
    } finally {
      await relay.stop();
      await Promise.all(workers.map((w) => w.close()));
      await backend.close();
      await t.close();
      await iso.drop();
    }
  }, 120_000);
});
