import { randomBytes } from 'node:crypto';
import { and, eq, like } from 'drizzle-orm';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { mails, notifications, outbox } from '../../db/schema';
import { createQueueBackend, type QueueBackend } from '../../jobs/queue-backend';
import { createRelay, type Relay } from '../../jobs/relay';
import { startWorkers } from '../../jobs/workers';
import { systemClock } from '../../server/infra/clock';
import { createDatabase, type Database } from '../../server/infra/database';
import { storeMailer } from '../../server/infra/mailer';
import { argon2Hasher } from '../../server/infra/password-hasher';
import { createServices, type Services } from '../../server/services';
import { testConfig } from '../helpers/config';
import { makeUser, unique, validCreditCode } from '../helpers/factories';
import { createIsolatedDatabase } from '../helpers/isolated-database';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy';

const quiet = { warn: () => {}, error: () => {} };
const redisUrl = inject('redisUrl');
const backends = [{ kind: 'postgres' as const }, ...(redisUrl ? [{ kind: 'redis' as const }] : [])];

interface Harness {
  database: Database;
  backend: QueueBackend;
  services: Services;
  relay: Relay;
  proxy: TcpProxy;
  close(): Promise<void>;
}

/** A worker process in miniature, whose queue backend sits behind a proxy we can cut. */
async function harness(kind: 'postgres' | 'redis'): Promise<Harness> {
  const iso = await createIsolatedDatabase();
  const target = kind === 'postgres' ? new URL(iso.url) : new URL(redisUrl);
  const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port) });
  const viaProxy = new URL(target);
  viaProxy.hostname = '127.0.0.1';
  viaProxy.port = String(proxy.port);
  const database = createDatabase(iso.url, 5);
  const backend = createQueueBackend({
    redisUrl: kind === 'redis' ? viaProxy.toString() : undefined,
    databaseUrl: kind === 'postgres' ? viaProxy.toString() : iso.url,
    schema: `bullmq_${randomBytes(4).toString('hex')}`,
    prefix: unique('jbtest'),
  });
  await backend.prepare();
  const config = testConfig({ DATABASE_URL: iso.url });
  const services = createServices({ db: database.db, clock: systemClock, hasher: argon2Hasher, mailer: storeMailer, config });
  const workers = startWorkers(backend, services, quiet);
  const relay = createRelay({ db: database.db, backend, clock: systemClock, log: quiet, pollMs: 100 });
  return {
    database,
    backend,
    services,
    relay,
    proxy,
    async close() {
      await relay.stop();
      await Promise.all(workers.map((w) => w.close(true)));
      await proxy.resume().catch(() => {});
      await backend.close();
      await proxy.close();
      await database.close();
      await iso.drop();
    },
  };
}

const registration = () => ({
  mode: 'organisation' as const,
  person: { name: '赵磊', email: `${unique('q')}@example.test`, password: 'Strong-pass-2026', locale: 'zh-CN' as const },
  organisation: { kind: 'enterprise' as const, name: unique('扬州队列测试有限公司'), creditCode: validCreditCode(), industry: 'hydrogen' as const, district: '江都区' },
});

describe.each(backends)('outbox delivery on the $kind queue backend', ({ kind }) => {
  let h: Harness | null = null;
  afterEach(async () => {
    await h?.close();
    h = null;
  });

  it('delivers a write’s job through the relay to the worker: notification and stored mail', async () => {
    h = await harness(kind);
    const official = await makeUser(h.database.db, { role: 'official' });
    const grant = await h.services.accounts.register(registration(), { actor: null, reqId: null });
    const orgId = grant.user.memberships[0]!.organisationId;
    h.relay.start();

    await vi.waitFor(async () => {
      const rows = await h!.database.db.select().from(notifications).where(eq(notifications.userId, official.id));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ kind: 'organisation_registered', params: { organisation: expect.stringContaining('扬州队列测试') } });
      const [m] = await h!.database.db.select().from(mails).where(eq(mails.userId, official.id));
      expect(m?.sentAt).toBeInstanceOf(Date);
    }, { timeout: 20_000, interval: 100 });
    const [row] = await h.database.db.select().from(outbox).where(eq(outbox.jobId, `notify.organisation.registered.${orgId}`));
    expect(row?.deliveredAt).toBeInstanceOf(Date);
  });

  it('keeps accepting writes while the queue backend is down and delivers once it returns', async () => {
    h = await harness(kind);
    const official = await makeUser(h.database.db, { role: 'official' });
    await h.proxy.pause();

    // Users keep working: the write commits with its outbox row even though the queue is gone.
    const grants = [];
    for (let i = 0; i < 3; i++) grants.push(await h.services.accounts.register(registration(), { actor: null, reqId: null }));
    const attempt = await h.relay.relayOnce();
    expect(attempt.delivered).toBe(0);
    expect(attempt.failed).toBe(1);
    const stuck = await h.database.db.select().from(outbox).where(like(outbox.jobId, 'notify.organisation.registered.%'));
    expect(stuck).toHaveLength(3);
    expect(stuck.every((r) => r.deliveredAt === null)).toBe(true);
    expect(stuck.some((r) => r.lastError !== null)).toBe(true);

    await h.proxy.resume();
    h.relay.start();
    await vi.waitFor(async () => {
      const rows = await h!.database.db.select().from(notifications).where(eq(notifications.userId, official.id));
      expect(rows).toHaveLength(3);
      // Including the mail jobs those notifications queued in turn.
      expect(await h!.relay.pending()).toBe(0);
    }, { timeout: 45_000, interval: 200 });
  }, 60_000);

  it('does not enqueue twice when the relay re-delivers a row it already handed over', async () => {
    h = await harness(kind);
    const official = await makeUser(h.database.db, { role: 'official' });
    await h.services.accounts.register(registration(), { actor: null, reqId: null });
    expect((await h.relay.relayOnce()).delivered).toBe(1);
    await vi.waitFor(async () => {
      const counts = await h!.backend.queue('notifications').getJobCounts('completed');
      expect(counts.completed).toBe(1);
    }, { timeout: 20_000, interval: 100 });
    await h.relay.relayOnce(); // hands over the mail job the notify job queued

    // As if the relay had died after BullMQ accepted the job but before marking the row.
    await h.database.db.update(outbox).set({ deliveredAt: null }).where(like(outbox.jobId, 'notify.%'));
    expect((await h.relay.relayOnce()).delivered).toBe(1);
    const counts = await h.backend.queue('notifications').getJobCounts('completed', 'waiting', 'active', 'delayed');
    expect(counts).toMatchObject({ completed: 1, waiting: 0, active: 0, delayed: 0 });
    const rows = await h.database.db.select().from(notifications).where(eq(notifications.userId, official.id));
    expect(rows).toHaveLength(1);
  });
});

describe('the notify job', () => {
  it('creates one notification and one mail per recipient however often it runs', async () => {
    const iso = await createIsolatedDatabase();
    const database = createDatabase(iso.url, 3);
    try {
      const config = testConfig({ DATABASE_URL: iso.url });
      const services = createServices({ db: database.db, clock: systemClock, hasher: argon2Hasher, mailer: storeMailer, config });
      const a = await makeUser(database.db, { role: 'official' });
      const b = await makeUser(database.db, { role: 'official' });
      const payload = { kind: 'organisation_registered' as const, audience: { type: 'role' as const, role: 'official' as const }, refs: {}, extra: {}, link: null, cause: unique('cause') };
      expect(await services.notifications.deliver(payload)).toBe(2);
      expect(await services.notifications.deliver(payload)).toBe(0);
      await Promise.all([services.notifications.deliver(payload), services.notifications.deliver(payload)]);
      for (const u of [a, b]) {
        expect(await database.db.select().from(notifications).where(eq(notifications.userId, u.id))).toHaveLength(1);
        expect(await database.db.select().from(mails).where(eq(mails.userId, u.id))).toHaveLength(1);
      }
      const jobs = await database.db.select().from(outbox).where(and(eq(outbox.queue, 'mail')));
      expect(jobs).toHaveLength(2);
    } finally {
      await database.close();
      await iso.drop();
    }
  });
});
