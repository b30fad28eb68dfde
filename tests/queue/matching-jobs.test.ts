import { randomBytes } from 'node:crypto';
import { eq, like } from 'drizzle-orm';
import { describe, expect, inject, it, vi } from 'vitest';
import { challengeMatches, matchInvitations, notifications } from '../../db/schema';
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

describe.each(backends)('matching jobs on the $kind backend', ({ kind }) => {
  it('ranks a challenge when its batch is published and invites the best teams once; a profile edit re-ranks it', async () => {
    const iso = await createIsolatedDatabase();
    const database = createDatabase(iso.url, 5);
    const backend = createQueueBackend({ redisUrl: kind === 'redis' ? redisUrl : undefined, databaseUrl: iso.url, schema: `bullmq_${randomBytes(4).toString('hex')}`, prefix: unique('jbmt') });
    try {
      await backend.prepare();
      const db = database.db;
      const services = createServices({ db, clock: systemClock, hasher: argon2Hasher, mailer: storeMailer, config: testConfig({ DATABASE_URL: iso.url }) });
      const workers = startWorkers(backend, services, quiet);
      const relay = createRelay({ db, backend, clock: systemClock, log: quiet, pollMs: 100 });
      const enterprise = await makeOrganisation(db, { kind: 'enterprise' });
      const author = await makeUser(db, { role: 'enterprise_member', organisationId: enterprise.id });
      const official = await makeUser(db, { role: 'official' });
      const ctx = { actor: { id: official.id, name: '唐文斌', email: official.email, locale: 'zh-CN' as const, roles: ['official' as const], memberships: [] }, reqId: null };
      const profile = (keywords: string[], fields = ['electrolysis']) => ({ fields, keywords, description: '', region: '南京市', capacity: 3, people: [], results: [] });
      const teams = [];
      for (let i = 0; i < 3; i++) {
        const lead = await makeUser(db, { role: 'team_member' });
        await db.transaction((tx) => services.teamProfiles.write(tx, lead.organisationId, profile(['膜电极', '低铱催化剂']), new Date()));
        teams.push(lead);
      }
      const late = await makeUser(db, { role: 'team_member' });
      await db.transaction((tx) => services.teamProfiles.write(tx, late.organisationId, profile(['医学影像'], ['imaging']), new Date()));
      const c = await makeChallenge(db, { publisherId: enterprise.id, createdBy: author.id, status: 'approved', draft: { title: 'PEM电解槽低铱膜电极开发', summary: '低铱膜电极', description: '开发低铱阳极膜电极。' } });
      const batch = await services.batches.create({ year: 2026, number: 60, challengeIds: [c.id] }, ctx);
      await services.batches.publish(batch.id, ctx);
      relay.start();

      await vi.waitFor(async () => expect(await db.select().from(matchInvitations).where(eq(matchInvitations.challengeId, c.id))).toHaveLength(3), { timeout: 25_000, interval: 200 });
      await vi.waitFor(async () => expect(await db.select().from(notifications).where(like(notifications.dedupeKey, `match.invite.${c.id}.%`))).toHaveLength(3), { timeout: 25_000, interval: 200 });
      const ranked = await db.select().from(challengeMatches).where(eq(challengeMatches.challengeId, c.id));
      expect(ranked.map((m) => m.teamId).sort()).toEqual(teams.map((x) => x.organisationId).sort());

      // The late team rewrites its profile through the API path: the re-rank job puts it in the ranking.
      const lateCtx = { actor: { id: late.id, name: '', email: late.email, locale: 'zh-CN' as const, roles: ['team_member' as const], memberships: [{ organisationId: late.organisationId, organisationName: '', organisationKind: 'team' as const, verification: 'verified' as const, role: 'team_member' as const, canManage: true }] }, reqId: null };
      await services.teamProfiles.update(late.organisationId, profile(['PEM电解', '低铱膜电极', '阳极催化剂']), lateCtx);
      await vi.waitFor(async () => {
        const rows = await db.select().from(challengeMatches).where(eq(challengeMatches.challengeId, c.id));
        expect(rows.map((m) => m.teamId)).toContain(late.organisationId);
      }, { timeout: 25_000, interval: 200 });
      // Invitations stay one per team: the re-ranking does not invite the first three again.
      const invited = await db.select().from(matchInvitations).where(eq(matchInvitations.challengeId, c.id));
      expect(new Set(invited.map((i) => i.teamId)).size).toBe(invited.length);
      await relay.stop();
      await Promise.all(workers.map((w) => w.close()));
    } finally {
      await backend.close();
      await database.close();
      await iso.drop();
    }
  }, 90_000);
});
