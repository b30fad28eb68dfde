import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awardDecisions, bids, challenges, contracts, milestones, objections, organisations, payments, reviewAssignments } from '../../db/schema';
import { fixedClock } from '../../server/infra/clock';
import { createDatabase, type Database } from '../../server/infra/database';
import { storeMailer } from '../../server/infra/mailer';
import { argon2Hasher } from '../../server/infra/password-hasher';
import { createServices, type Services } from '../../server/services';
import { createTestApp, type TestApp } from '../helpers/app';
import { logIn } from '../helpers/client';
import { testConfig } from '../helpers/config';
import { makeOrganisation, makeUser } from '../helpers/factories';
import { createIsolatedDatabase } from '../helpers/isolated-database';

/**
 * The dashboard's arithmetic on fixed data, in a database of its own and at a fixed "now"
 * (2026-11-21, China noon), so every figure below can be worked out by hand.
 */
const now = new Date('2026-11-21T04:00:00Z');
let iso: Awaited<ReturnType<typeof createIsolatedDatabase>>;
let database: Database;
let services: Services;
let ctx: Parameters<Services['analytics']['dashboard']>[1];
const at = (date: string) => new Date(`${date}T02:00:00Z`); // 10:00 in China

beforeAll(async () => {
  iso = await createIsolatedDatabase();
  database = createDatabase(iso.url, 4);
  const db = database.db;
  services = createServices({ db, clock: fixedClock(now), hasher: argon2Hasher, mailer: storeMailer, config: testConfig({ DATABASE_URL: iso.url }) });
  const official = await makeUser(db, { role: 'official' });
  ctx = { actor: { id: official.id, name: '唐文斌', email: official.email, locale: 'zh-CN', roles: ['official'], memberships: [] }, reqId: null };
  const a = await makeOrganisation(db, { kind: 'enterprise' });
  const b = await makeOrganisation(db, { kind: 'enterprise' });
  const { eq } = await import('drizzle-orm');
  await db.update(organisations).set({ district: '江都区' }).where(eq(organisations.id, b.id));
  const t1 = await makeOrganisation(db, { kind: 'team' });
  const t2 = await makeOrganisation(db, { kind: 'team' });
  await db.update(organisations).set({ institution: '东南大学' }).where(eq(organisations.id, t2.id));
  const author = official.id;

  const challenge = async (o: { publisher: string; submitted: string; published?: string; deadline: string; status: string; closed?: string; industry?: string }) => {
    const [row] = await db
      .insert(challenges)
      .values({
        publisherId: o.publisher,
        createdBy: author,
        status: o.status as 'closed',
        title: `需求 ${o.submitted}`,
        industry: o.industry ?? 'new_energy',
        submittedAt: at(o.submitted),
        publishedAt: o.published ? at(o.published) : null,
        deadline: at(o.deadline),
        closedAt: o.closed ? at(o.closed) : null,
      })
      .returning();
    return row!;
  };
  const bid = async (challengeId: string, teamId: string, status: 'eligible' | 'submitted' = 'eligible') =>
    (await db.insert(bids).values({ challengeId, teamId, status, challengeRevision: 1, submittedAt: at('2026-01-01') }).returning())[0]!;
  const award = async (challengeId: string, bidId: string, status: 'final' | 'in_notice', final?: string) =>
    (await db.insert(awardDecisions).values({ challengeId, winnerBidIds: [bidId], status, proposedBy: author, proposedAt: at('2026-01-01'), confirmedAt: at('2026-01-02'), finalAt: final ? at(final) : null }).returning())[0]!;
  const contract = async (o: { awardId: string; bidId: string; challengeId: string; publisher: string; team: string; signed?: string; completed?: string; amount: number; subsidy: number; broker?: string; registered?: boolean; created?: string }) =>
    (
      await db
        .insert(contracts)
        .values({
          awardId: o.awardId,
          bidId: o.bidId,
          challengeId: o.challengeId,
          publisherId: o.publisher,
          teamId: o.team,
          status: o.completed ? 'completed' : o.signed ? 'signed' : 'drafted',
          title: '合同',
          amountYuan: o.amount,
          enterpriseFundsYuan: o.amount - o.subsidy,
          subsidyYuan: o.subsidy,
          criteria: [],
          signedAt: o.signed ? at(o.signed) : null,
          completedAt: o.completed ? at(o.completed) : null,
          brokerName: o.broker ?? null,
          registrationNo: o.registered ? '2026320100000001' : null,
          createdAt: at(o.created ?? o.signed ?? '2026-01-01'),
        })
        .returning()
    )[0]!;

  // Last year's deal: outside the 2026 figures, part of the history.
  const c0 = await challenge({ publisher: a.id, submitted: '2025-01-10', published: '2025-01-20', deadline: '2025-03-01', closed: '2025-03-01', status: 'closed' });
  const b0 = await bid(c0.id, t1.id);
  const k0 = await contract({ awardId: (await award(c0.id, b0.id, 'final', '2025-04-01')).id, bidId: b0.id, challengeId: c0.id, publisher: a.id, team: t1.id, signed: '2025-06-01', amount: 500_000, subsidy: 0, registered: true });
  await db.insert(payments).values({ contractId: k0.id, amountYuan: 100_000, paidOn: '2025-06-01' });

  // c1: vetted in 10 days, bidding 40, review 30, signing 10, delivery 183; completed, registered, brokered.
  const c1 = await challenge({ publisher: a.id, submitted: '2026-01-10', published: '2026-01-20', deadline: '2026-03-01', closed: '2026-03-01', status: 'closed' });
  const b1 = await bid(c1.id, t1.id);
  const k1 = await contract({ awardId: (await award(c1.id, b1.id, 'final', '2026-03-31')).id, bidId: b1.id, challengeId: c1.id, publisher: a.id, team: t1.id, signed: '2026-04-10', completed: '2026-10-10', amount: 1_000_000, subsidy: 400_000, broker: '王海燕', registered: true });
  await db.insert(payments).values([{ contractId: k1.id, amountYuan: 200_000, paidOn: '2026-04-10' }]);
  const [m1] = await db.insert(milestones).values({ contractId: k1.id, position: 1, title: '交付', deliverable: '报告', dueMonth: 6, dueOn: '2026-10-01', trancheYuan: 800_000, status: 'confirmed' }).returning();
  await db.insert(payments).values({ contractId: k1.id, milestoneId: m1!.id, amountYuan: 800_000, paidOn: '2026-10-01' });

  // c2: vetted in 14 days; signed in May, not registered, a milestone overdue since 1 October.
  const c2 = await challenge({ publisher: b.id, submitted: '2026-02-01', published: '2026-02-15', deadline: '2026-04-01', closed: '2026-04-01', status: 'closed', industry: 'hydrogen' });
  const b2 = await bid(c2.id, t2.id);
  const k2 = await contract({ awardId: (await award(c2.id, b2.id, 'final', '2026-05-01')).id, bidId: b2.id, challengeId: c2.id, publisher: b.id, team: t2.id, signed: '2026-05-11', amount: 2_000_000, subsidy: 500_000 });
  await db.insert(milestones).values({ contractId: k2.id, position: 1, title: '中试', deliverable: '报告', dueMonth: 4, dueOn: '2026-09-30', trancheYuan: 2_000_000, status: 'pending', overdueSince: '2026-09-30' });

  // c3: published, no bid, closing in four days.
  await challenge({ publisher: a.id, submitted: '2026-03-01', published: '2026-03-20', deadline: '2026-11-25', status: 'published' });
  // c4: rejected at vetting.
  await challenge({ publisher: a.id, submitted: '2026-04-01', deadline: '2026-06-01', status: 'rejected' });
  // c5 (submitted last year): its award is in public notice, with an open objection.
  const c5 = await challenge({ publisher: a.id, submitted: '2025-12-20', published: '2026-01-05', deadline: '2026-02-20', closed: '2026-02-20', status: 'closed' });
  const a5 = await award(c5.id, (await bid(c5.id, t1.id)).id, 'in_notice');
  await db.insert(objections).values({ awardId: a5.id, lodgedBy: author, reason: '评分有误' });
  // c6: closed on 1 November; one bid awaiting the eligibility check, one expert still to score.
  const c6 = await challenge({ publisher: b.id, submitted: '2026-08-01', published: '2026-08-10', deadline: '2026-11-01', closed: '2026-11-01', status: 'closed' });
  const b6 = await bid(c6.id, t2.id, 'submitted');
  await db.insert(reviewAssignments).values({ bidId: b6.id, expertId: author, assignedBy: author });
  // c7: award final on 10 November; its contract awaits signatures.
  const c7 = await challenge({ publisher: b.id, submitted: '2026-05-01', published: '2026-05-10', deadline: '2026-07-01', closed: '2026-07-01', status: 'closed' });
  const b7 = await bid(c7.id, t1.id);
  await contract({ awardId: (await award(c7.id, b7.id, 'final', '2026-11-10')).id, bidId: b7.id, challengeId: c7.id, publisher: b.id, team: t1.id, amount: 300_000, subsidy: 0, created: '2026-11-10' });
  // c9: closed in March with a bid and no award since: its review ended without a deal (not in the pipeline).
  const c9 = await challenge({ publisher: a.id, submitted: '2025-12-01', published: '2025-12-10', deadline: '2026-03-01', closed: '2026-03-01', status: 'closed' });
  await bid(c9.id, t2.id);
  // c8: awaiting vetting.
  await challenge({ publisher: a.id, submitted: '2026-11-18', deadline: '2027-01-01', status: 'submitted' });
});
afterAll(async () => {
  await database?.close();
  await iso?.drop();
});

describe('the dashboard on fixed data', () => {
  it('counts deals signed in the year, by month, against the target, with a forecast from the pipeline', async () => {
    await services.analytics.setTarget(2026, 5, ctx);
    const d = await services.analytics.dashboard({ year: 2026, quarter: null }, ctx);
    expect(d.target).toEqual({ year: 2026, deals: 5, isDefault: false });
    expect(d.dealsSigned).toBe(2);
    expect(d.dealsByMonth.filter((m) => m.deals > 0)).toEqual([{ month: '2026-04', deals: 1 }, { month: '2026-05', deals: 1 }]);
    // Pipeline: 1 contract awaiting signature, 1 winner in notice, 1 challenge in review.
    // History: 3 drafted contracts finished, 3 signed → (3 + 0.9×5)/8 = 0.9375;
    // 4 confirmed awards ended, 3 deals → (3 + 0.8×5)/9 = 0.778; 5 reviews ended (c9 without an
    // award for more than 180 days), 3 deals → (3 + 0.6×5)/10 = 0.6.
    expect(d.forecast!.stages.map((s) => [s.stage, s.items, s.rate])).toEqual([
      ['awaitingSignature', 1, 0.938],
      ['inNotice', 1, 0.778],
      ['inReview', 1, 0.6],
    ]);
    expect(d.forecast).toMatchObject({ expected: 4.3, verdict: 'at_risk', gap: 0.7 });
    expect((await services.analytics.dashboard({ year: 2025, quarter: null }, ctx)).forecast).toBeNull();
  });

  it('follows the needs submitted in the year through the funnel, and times each stage', async () => {
    const d = await services.analytics.dashboard({ year: 2026, quarter: null }, ctx);
    // Submitted in 2026: c1, c2, c3, c4, c6, c7, c8.
    expect(d.funnel.map((s) => [s.stage, s.count])).toEqual([
      ['submitted', 7],
      ['published', 5],
      ['bid', 4],
      ['awarded', 3],
      ['signed', 2],
      ['accepted', 1],
    ]);
    expect(d.funnel[1]!.conversion).toBe(0.714);
    // Vetting, for challenges published in 2026: c1 10, c2 14, c3 19, c5 16, c6 9, c7 9 → median 12.
    const days = Object.fromEntries(d.medianDays.map((m) => [m.stage, [m.days, m.cases]]));
    expect(days.vetting).toEqual([12, 6]);
    expect(days.review).toEqual([30, 3]); // c1 30, c2 30, c7 132
    expect(days.signing).toEqual([10, 2]);
    expect(days.delivery).toEqual([183, 1]);
  });

  it('breaks the deals down and adds up the money', async () => {
    const d = await services.analytics.dashboard({ year: 2026, quarter: null }, ctx);
    expect(d.money).toEqual({ contractValueYuan: 3_000_000, subsidyYuan: 900_000, enterpriseFundsYuan: 2_100_000, tranchesPaidYuan: 1_000_000 });
    expect(d.breakdowns.industry).toEqual([
      { key: 'hydrogen', deals: 1, amountYuan: 2_000_000 },
      { key: 'new_energy', deals: 1, amountYuan: 1_000_000 },
    ]);
    expect(d.breakdowns.district.map((x) => x.key).sort()).toEqual(['江都区', '邗江区']);
    expect(d.breakdowns.institution.map((x) => x.key).sort()).toEqual(['东南大学', '扬州大学']);
    expect(d.breakdowns.broker).toEqual([
      { key: '', deals: 1, amountYuan: 2_000_000 },
      { key: '王海燕', deals: 1, amountYuan: 1_000_000 },
    ]);
    // A quarter: Q2 holds both signings; Q4 the completion and the second tranche.
    const q2 = await services.analytics.dashboard({ year: 2026, quarter: 2 }, ctx);
    expect(q2).toMatchObject({ dealsSigned: 2, money: { tranchesPaidYuan: 200_000 } });
    expect(q2.dealsByMonth).toEqual([{ month: '2026-04', deals: 1 }, { month: '2026-05', deals: 1 }, { month: '2026-06', deals: 0 }]);
    const q4 = await services.analytics.dashboard({ year: 2026, quarter: 4 }, ctx);
    expect(q4).toMatchObject({ dealsSigned: 0, money: { tranchesPaidYuan: 800_000 } });
  });

  it('lists what officials must chase, each item linking to where it is handled', async () => {
    const q = await services.analytics.workQueues(ctx);
    expect(Object.fromEntries(Object.entries(q).map(([k, v]) => [k, v.total]))).toEqual({
      vetting: 1,
      noBidsClosingSoon: 1,
      eligibility: 1,
      incompleteReviews: 1,
      openObjections: 1,
      overdueMilestones: 1,
      unregisteredContracts: 1,
    });
    expect(q.vetting.items[0]!.link).toBe(`/challenges/${q.vetting.items[0]!.id}`);
    expect(q.noBidsClosingSoon.items[0]!.link).toMatch(/^\/officials\/challenges\/[0-9a-f-]+\/matches$/);
    expect(q.eligibility.items[0]).toMatchObject({ count: 1, link: expect.stringMatching(/\/review$/) });
    expect(q.overdueMilestones.items[0]).toMatchObject({ since: '2026-09-30', count: 7, link: expect.stringMatching(/^\/contracts\//) });
  });
});

describe('access', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('is for officials; a target is checked and audited', async () => {
    const official = await logIn(t.app, (await makeUser(t.rt.database.db, { role: 'official' })).email);
    const publisher = await logIn(t.app, (await makeUser(t.rt.database.db, { role: 'enterprise_member' })).email);
    expect((await official.request('GET', '/api/analytics/dashboard?year=2026')).statusCode).toBe(200);
    expect((await official.request('GET', '/api/analytics/dashboard?year=2026&quarter=5')).json().fields[0].path).toBe('query.quarter');
    expect((await publisher.request('GET', '/api/analytics/dashboard?year=2026')).statusCode).toBe(403);
    expect((await publisher.request('GET', '/api/analytics/work-queues')).statusCode).toBe(403);
    expect((await official.request('PUT', '/api/analytics/targets/2031', { deals: 0 })).json().fields[0].path).toBe('deals');
    expect((await official.request('PUT', '/api/analytics/targets/2031', { deals: 60 })).json()).toEqual({ year: 2031, deals: 60, isDefault: false });
  });
});
