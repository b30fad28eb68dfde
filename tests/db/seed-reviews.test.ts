import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, awardDecisions, bids, challenges, memberships, objections, outbox, reviewAssignments, reviewCriteria, reviewScores, users } from '../../db/schema';
import { demoPassword } from '../../db/seed/data/accounts';
import { seedChallenges } from '../../db/seed/data/challenges';
import { seedDemoIfEmpty } from '../../db/seed/demo';
import { noticeJob } from '../../jobs/contracts';
import { auditHash, genesisHash } from '../../server/infra/audit';
import { systemClock } from '../../server/infra/clock';
import { createDatabase, type Database } from '../../server/infra/database';
import { createAccountsRepository } from '../../server/modules/accounts/repository';
import { findConflicts } from '../../server/modules/reviews/conflicts';
import { createReviewsRepository } from '../../server/modules/reviews/repository';
import type { AwardView } from '../../shared/contracts/awards';
import { createTestApp, type TestApp } from '../helpers/app';
import { logIn, type Client } from '../helpers/client';
import { createIsolatedDatabase } from '../helpers/isolated-database';

/**
 * The demo seed's review and award history (issue 4 item 9): every stage of the pipeline on a
 * closed challenge, produced by the services, conflict-free, and visible to the demo log-ins.
 */
let iso: Awaited<ReturnType<typeof createIsolatedDatabase>>;
let d: Database;
let t: TestApp;
let official: Client;
const db = () => d.db;

const title = (key: string) => seedChallenges.find((c) => c.key === key)!.title;
const stages = {
  unchecked: 'kanghui-high-conc-sc-formulation',
  reviewing: 'yikang-non-dehp-pvc',
  ranked: 'tongchi-die-casting-simulation',
  proposed: 'changhe-dmo-hydrogenation-catalyst',
  inNotice: 'tuoxin-cf-peek-prepreg-porosity',
  final: 'shuzhi-tool-wear-prediction',
} as const;
const ids = {} as Record<keyof typeof stages, string>;

beforeAll(async () => {
  iso = await createIsolatedDatabase();
  d = createDatabase(iso.url, 4);
  expect(await seedDemoIfEmpty(d.db, systemClock)).toBe(true);
  for (const [stage, key] of Object.entries(stages)) {
    const [c] = await db().select({ id: challenges.id }).from(challenges).where(eq(challenges.title, title(key)));
    ids[stage as keyof typeof stages] = c!.id;
  }
  t = await createTestApp({ DATABASE_URL: iso.url });
  official = await logIn(t.app, 'tang.wenbin@kjj.yangzhou.gov.example', demoPassword);
});
afterAll(async () => {
  await t?.close();
  await d?.close();
  await iso?.drop();
});

const bidsOf = (challengeId: string) => db().select().from(bids).where(eq(bids.challengeId, challengeId));
const assignmentsOf = (challengeId: string) =>
  db()
    .select({ a: reviewAssignments })
    .from(reviewAssignments)
    .innerJoin(bids, eq(bids.id, reviewAssignments.bidId))
    .where(eq(bids.challengeId, challengeId))
    .then((rows) => rows.map((r) => r.a));
const awardsOf = async (c: Client, challengeId: string): Promise<AwardView[]> => {
  const res = await c.request('GET', `/api/challenges/${challengeId}/awards`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
};
const rankingOf = async (challengeId: string) => {
  const res = await official.request('GET', `/api/challenges/${challengeId}/ranking`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { final: boolean; items: { bidId: string; teamName: string; score: number | null }[] };
};
/** The team lead (first member, who manages the team) of a bid's team. */
async function leadOf(bidId: string): Promise<string> {
  const [row] = await db()
    .select({ email: users.email })
    .from(bids)
    .innerJoin(memberships, and(eq(memberships.organisationId, bids.teamId), eq(memberships.canManage, true)))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(bids.id, bidId));
  return row!.email;
}

describe('demo seed: reviews and awards in every state', () => {
  it('(a) leaves one closed challenge with submitted bids and no eligibility decision', async () => {
    const rows = await bidsOf(ids.unchecked);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((b) => b.status === 'submitted' && !b.eligibilityCheckedAt)).toBe(true);
  });

  it('(b) has eligibility decided, criteria set and review half done on another', async () => {
    const rows = await bidsOf(ids.reviewing);
    expect(rows.filter((b) => b.status === 'eligible').length).toBeGreaterThanOrEqual(2);
    const ineligible = rows.filter((b) => b.status === 'ineligible');
    expect(ineligible).toHaveLength(1);
    expect(ineligible[0]!.eligibilityReason).toBeTruthy();
    const criteria = await db().select().from(reviewCriteria).where(eq(reviewCriteria.challengeId, ids.reviewing));
    expect(criteria.length).toBeGreaterThanOrEqual(3);
    expect(criteria.length).toBeLessThanOrEqual(5);
    expect(criteria.reduce((s, c) => s + c.weight, 0)).toBe(100);
    const statuses = (await assignmentsOf(ids.reviewing)).map((a) => a.status);
    expect(statuses).toEqual(expect.arrayContaining(['assigned', 'scored', 'recused']));
    expect((await assignmentsOf(ids.reviewing)).find((a) => a.status === 'recused')!.recusalReason).toBeTruthy();
    expect((await rankingOf(ids.reviewing)).final).toBe(false);
  });

  it('(c) has a final ranking and no award on a third', async () => {
    expect((await rankingOf(ids.ranked)).final).toBe(true);
    expect(await db().select().from(awardDecisions).where(eq(awardDecisions.challengeId, ids.ranked))).toHaveLength(0);
  });

  it('(d, g, h) has a declined proposal, then a two-team horse race proposed for an official to confirm', async () => {
    const [c] = await db().select().from(challenges).where(eq(challenges.id, ids.proposed));
    expect(c!.allowsHorseRace).toBe(true);
    const awards = await awardsOf(official, ids.proposed);
    const declined = await db().select().from(awardDecisions).where(and(eq(awardDecisions.challengeId, ids.proposed), eq(awardDecisions.status, 'declined')));
    expect(declined).toHaveLength(1);
    expect(declined[0]!.closedReason).toBeTruthy();
    const proposed = awards.find((a) => a.status === 'proposed')!;
    expect(proposed.winners).toHaveLength(2);
    expect(proposed.horseRace).toBe(true);
  });

  it('(e, g) has an award revoked on an upheld objection, and the next one in notice with an objection open and its notice job queued', async () => {
    const awards = await awardsOf(official, ids.inNotice);
    const revoked = awards.find((a) => a.status === 'revoked')!;
    expect(revoked.objections.map((o) => o.status)).toContain('upheld');
    const inNotice = awards.find((a) => a.status === 'in_notice')!;
    const endsAt = new Date(inNotice.noticeEndsAt!);
    expect(endsAt.getTime()).toBeGreaterThan(Date.now());
    expect(endsAt.getTime()).toBeLessThan(Date.now() + 10 * 86_400_000);
    expect(inNotice.objections.filter((o) => o.status === 'open')).toHaveLength(1);
    const job = noticeJob(inNotice.id, endsAt);
    const [row] = await db().select().from(outbox).where(eq(outbox.jobId, job.jobId));
    expect(row).toMatchObject({ queue: 'challenges', name: 'end-notice', payload: { awardId: inNotice.id } });
    expect(row!.runAt.getTime()).toBe(endsAt.getTime());
    // The public notice board shows it.
    const notices = await t.app.inject({ method: 'GET', url: '/api/notices' });
    expect(notices.json().items.map((a: AwardView) => a.id)).toContain(inNotice.id);
  });

  it('(f) has a final award whose notice ended in the past, and the losing teams read shareable comments', async () => {
    const [award] = await db().select().from(awardDecisions).where(and(eq(awardDecisions.challengeId, ids.final), eq(awardDecisions.status, 'final')));
    expect(award!.finalAt!.getTime()).toBeLessThan(Date.now());
    expect(award!.noticeEndsAt!.getTime()).toBeLessThanOrEqual(award!.finalAt!.getTime());
    const losers = (await rankingOf(ids.final)).items.filter((i) => !award!.winnerBidIds.includes(i.bidId));
    expect(losers.length).toBeGreaterThan(0);
    for (const loser of losers) {
      const team = await logIn(t.app, await leadOf(loser.bidId), demoPassword);
      const res = await team.request('GET', `/api/bids/${loser.bidId}/feedback`);
      expect(res.statusCode, res.body).toBe(200);
      const feedback = res.json() as { rank: number; criteria: { scores: number[]; comments: string[] }[] };
      expect(feedback.rank).toBeGreaterThan(1);
      expect(feedback.criteria.every((c) => c.scores.length === 3)).toBe(true);
      expect(feedback.criteria.flatMap((c) => c.comments).length).toBeGreaterThan(0);
    }
  });

  it('scores are whole numbers 0–10 with comments, some of them shareable', async () => {
    const scores = await db().select().from(reviewScores);
    expect(scores.length).toBeGreaterThan(50);
    expect(scores.every((s) => Number.isInteger(s.score) && s.score >= 0 && s.score <= 10 && s.comment.length > 5)).toBe(true);
    expect(scores.some((s) => s.shareable) && scores.some((s) => !s.shareable)).toBe(true);
  });

  it('(i) never assigns an expert with a conflict of interest', async () => {
    const reviews = createReviewsRepository();
    const accounts = createAccountsRepository();
    const all = await db().select().from(reviewAssignments);
    expect(all.length).toBeGreaterThan(20);
    for (const a of all) {
      const [profile, ties, ms, parties] = [await reviews.profile(db(), a.expertId), await reviews.ties(db(), a.expertId), await accounts.membershipsOf(db(), a.expertId), await reviews.parties(db(), a.bidId)];
      const since = new Date(a.createdAt);
      since.setUTCFullYear(since.getUTCFullYear() - 3);
      const memberOrganisationIds = ms.map((m) => m.organisationId);
      const facts = {
        institution: profile?.institution ?? null,
        memberOrganisationIds,
        tiedOrganisationIds: ties.map((x) => x.organisationId),
        recentDealOrganisationIds: await reviews.recentDealPartners(db(), memberOrganisationIds, since),
      };
      expect(findConflicts(facts, parties), `assignment ${a.id}`).toEqual([]);
    }
  });

  it('(ii) awards only eligible bids from a final ranking, as the services rank them', async () => {
    const live = (await db().select({ id: challenges.id }).from(challenges).where(inArray(challenges.title, seedChallenges.map((c) => c.title)))).map((c) => c.id);
    const standing = await db().select().from(awardDecisions).where(and(inArray(awardDecisions.status, ['proposed', 'in_notice', 'final']), inArray(awardDecisions.challengeId, live)));
    expect(standing.map((a) => a.status).sort()).toEqual(['final', 'final', 'final', 'in_notice', 'proposed']);
    for (const a of standing) {
      const ranking = await rankingOf(a.challengeId);
      expect(ranking.final).toBe(true);
      const ranked = ranking.items.map((i) => i.bidId);
      const winners = await db().select().from(bids).where(inArray(bids.id, a.winnerBidIds));
      expect(winners.every((w) => w.status === 'eligible' && ranked.includes(w.id))).toBe(true);
      // Departing from the top of the ranking comes with a reason.
      if (a.winnerBidIds.some((w) => !ranked.slice(0, a.winnerBidIds.length).includes(w))) expect(a.reason).toBeTruthy();
    }
  });

  it('keeps the audit chain intact, every step audited at its own time', async () => {
    const rows = await db().select().from(auditLog).orderBy(asc(auditLog.id));
    let prev = genesisHash;
    for (const r of rows) {
      expect(r.prevHash).toBe(prev);
      expect(r.hash).toBe(auditHash(prev, { at: r.at, actorId: r.actorId, action: r.action, entityType: r.entityType, entityId: r.entityId, before: r.before, after: r.after, reqId: r.reqId }));
      prev = r.hash;
    }
    const actions = new Set(rows.map((r) => r.action));
    for (const a of ['bid.mark_eligible', 'bid.mark_ineligible', 'review.criteria_set', 'review.assigned', 'review.recused', 'review.scored', 'award.proposed', 'award.decline', 'award.confirm', 'award.revoke', 'award.finalise', 'award.objection_lodged']) {
      expect(actions, a).toContain(a);
    }
    expect(rows.filter((r) => r.action !== 'seed.demo').every((r) => r.at.getTime() < Date.now())).toBe(true);
  });
});

describe('demo seed: what the demo log-ins see', () => {
  it('the expert 汤建华 has a review to do and one done', async () => {
    const expert = await logIn(t.app, 'tang.jianhua@yzu.edu.example', demoPassword);
    const res = await expert.request('GET', '/api/experts/me/assignments');
    expect(res.statusCode, res.body).toBe(200);
    const statuses = (res.json().items as { status: string }[]).map((i) => i.status);
    expect(statuses).toContain('assigned');
    expect(statuses).toContain('scored');
  });

  it('the official 唐文斌 has eligibility, assignment, confirmation and objection work', async () => {
    // Eligibility: bids awaiting the check.
    const pending = await official.request('GET', `/api/challenges/${ids.unchecked}/bids`);
    expect(pending.statusCode, pending.body).toBe(200);
    expect((pending.json().items as { status: string }[]).some((b) => b.status === 'submitted')).toBe(true);
    // Assignment: an eligible bid left with a single expert after a recusal.
    const reviewing = await assignmentsOf(ids.reviewing);
    const perBid = new Map<string, number>();
    for (const a of reviewing.filter((x) => x.status !== 'recused')) perBid.set(a.bidId, (perBid.get(a.bidId) ?? 0) + 1);
    expect([...perBid.values()].some((n) => n < 3)).toBe(true);
    // Confirmation and objection.
    expect((await awardsOf(official, ids.proposed)).some((a) => a.status === 'proposed')).toBe(true);
    expect((await awardsOf(official, ids.inNotice)).some((a) => a.objections.some((o) => o.status === 'open'))).toBe(true);
    // The officials' review queue shows where each stands.
    const queue = await official.request('GET', '/api/review/challenges');
    expect(queue.statusCode, queue.body).toBe(200);
    const items = queue.json().items as { challengeId: string; awaitingEligibility: number; award: { status: string; openObjections: number } | null }[];
    const item = (id: string) => items.find((i) => i.challengeId === id)!;
    expect(item(ids.unchecked).awaitingEligibility).toBeGreaterThan(0);
    expect(item(ids.proposed).award?.status).toBe('proposed');
    expect(item(ids.inNotice).award?.openObjections).toBe(1);
  });

  it('the publisher of the ranked challenge can see its final ranking and has no award yet', async () => {
    const publisher = await logIn(t.app, 'cai.xiaojun@tongchi-auto.com.example', demoPassword);
    const res = await publisher.request('GET', `/api/challenges/${ids.ranked}/ranking`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().final).toBe(true);
    expect(await awardsOf(publisher, ids.ranked)).toEqual([]);
  });

  it('the team lead 周文涛 keeps his bids on the open list', async () => {
    const lead = await logIn(t.app, 'zhou.wentao@yzu.edu.example', demoPassword);
    const res = await lead.request('GET', '/api/bids/mine');
    expect(res.statusCode, res.body).toBe(200);
    // On the open list: the team's earlier bids (the history) are on closed challenges.
    const open = (res.json().items as { status: string; challengeDeadline: string | null }[]).filter((b) => b.challengeDeadline && new Date(b.challengeDeadline) > new Date());
    expect(open.map((b) => b.status).sort()).toEqual(['draft', 'submitted']);
  });
});
