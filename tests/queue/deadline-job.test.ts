import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, inject, it, vi } from 'vitest';
import { awardDecisions, bids, challenges, outbox } from '../../db/schema';
import { noticeJob } from '../../jobs/contracts';
import { enqueueJob } from '../../server/infra/outbox';
import { createQueueBackend } from '../../jobs/queue-backend';
import { createRelay } from '../../jobs/relay';
import { startWorkers } from '../../jobs/workers';
import { systemClock } from '../../server/infra/clock';
import { createDatabase } from '../../server/infra/database';
import { storeMailer } from '../../server/infra/mailer';
import { argon2Hasher } from '../../server/infra/password-hasher';
import { createServices } from '../../server/services';
import { makeChallenge } from '../helpers/challenges';
import { testConfig } from '../helpers/config';
import { makeOrganisation, makeUser, unique } from '../helpers/factories';
import { createIsolatedDatabase } from '../helpers/isolated-database';

const redisUrl = inject('redisUrl');
const backends = [{ kind: 'postgres' as const }, ...(redisUrl ? [{ kind: 'redis' as const }] : [])];
const quiet = { warn: () => {}, error: () => {} };

describe.each(backends)('the deadline job on the $kind backend', ({ kind }) => {
  it('closes bidding at the deadline and ends an award notice from delayed jobs', async () => {
    const iso = await createIsolatedDatabase();
    const database = createDatabase(iso.url, 5);
    const backend = createQueueBackend({ redisUrl: kind === 'redis' ? redisUrl : undefined, databaseUrl: iso.url, schema: `bullmq_${randomBytes(4).toString('hex')}`, prefix: unique('jbdl') });
    try {
      await backend.prepare();
      const config = testConfig({ DATABASE_URL: iso.url });
      const services = createServices({ db: database.db, clock: systemClock, hasher: argon2Hasher, mailer: storeMailer, config });
      const workers = startWorkers(backend, services, quiet);
      const relay = createRelay({ db: database.db, backend, clock: systemClock, log: quiet, pollMs: 100 });
      const enterprise = await makeOrganisation(database.db, { kind: 'enterprise' });
      const author = await makeUser(database.db, { role: 'enterprise_member', organisationId: enterprise.id });
      const official = await makeUser(database.db, { role: 'official' });
      const team = await makeOrganisation(database.db, { kind: 'team' });
      const soon = new Date(Date.now() + 3000).toISOString();
      const a = await makeChallenge(database.db, { publisherId: enterprise.id, createdBy: author.id, status: 'approved', draft: { deadline: soon } });
      const b = await makeChallenge(database.db, { publisherId: enterprise.id, createdBy: author.id, status: 'approved', draft: { deadline: soon } });
      const ctx = { actor: { id: official.id, name: '', email: official.email, locale: 'zh-CN' as const, roles: ['official' as const], memberships: [] }, reqId: null };
      const batch = await services.batches.create({ year: 2026, number: 50, challengeIds: [a.id, b.id] }, ctx);
      await services.batches.publish(batch.id, ctx);
      await database.db.insert(bids).values({ challengeId: a.id, teamId: team.id, status: 'submitted', challengeRevision: 1, submittedAt: new Date() });
      relay.start();

      const status = async (id: string) => (await database.db.select().from(challenges).where(eq(challenges.id, id)))[0]!.status;
      expect(await status(a.id)).toBe('published');
      await vi.waitFor(async () => {
        expect(await status(a.id)).toBe('closed');
        expect(await status(b.id)).toBe('unfilled');
      }, { timeout: 25_000, interval: 200 });
      // The bidding team learns that bidding closed (its notification goes through the outbox).
      expect(await database.db.select().from(outbox).where(eq(outbox.jobId, `notify.challenge.deadline.${a.id}.${team.id}`))).toHaveLength(1);

      // The public notice of an award ends by a delayed job too, and the award becomes final.
      const [award] = await database.db
        .insert(awardDecisions)
        .values({ challengeId: a.id, status: 'in_notice', winnerBidIds: [], proposedBy: author.id, proposedAt: new Date(), confirmedAt: new Date(), noticeEndsAt: new Date(Date.now() + 2000) })
        .returning();
      await enqueueJob(database.db, noticeJob(award!.id, award!.noticeEndsAt!));
      await vi.waitFor(async () => {
        const [row] = await database.db.select().from(awardDecisions).where(eq(awardDecisions.id, award!.id));
        expect(row!.status).toBe('final');
      }, { timeout: 25_000, interval: 200 });
      await relay.stop();
      await Promise.all(workers.map((w) => w.close()));
    } finally {
      await backend.close();
      await database.close();
      await iso.drop();
    }
  });
});
