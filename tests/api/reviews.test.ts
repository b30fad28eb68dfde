import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awardDecisions, bids as bidsTable, contractParties, contracts as contractsTable, memberships, outbox } from '../../db/schema';
import { bidScore, expertTotal } from '../../shared/contracts/reviews';
import { createTestApp, type TestApp } from '../helpers/app';
import { logIn, type Client } from '../helpers/client';
import { makeOrganisation, makeUser } from '../helpers/factories';
import { makeChallenge } from '../helpers/challenges';
import { closedWithEligibleBids as closedWithEligibleBidsFixture, reviewed as reviewedFixture } from '../helpers/review-fixture';

let t: TestApp;
const db = () => t.rt.database.db;
let official: Client;
let publisher: Client;
let enterpriseId: string;
let authorId: string;

beforeAll(async () => {
  t = await createTestApp();
  enterpriseId = (await makeOrganisation(db(), { kind: 'enterprise' })).id;
  const author = await makeUser(db(), { role: 'enterprise_member', organisationId: enterpriseId });
  authorId = author.id;
  publisher = await logIn(t.app, author.email);
  official = await logIn(t.app, (await makeUser(db(), { role: 'official' })).email);
});
afterAll(async () => t?.close());

async function expert(institution: string | null) {
  const u = await makeUser(db(), { role: 'expert' });
  const client = await logIn(t.app, u.email);
  await client.request('PUT', '/api/experts/me/profile', { institution, expertise: '电化学储能' });
  return { id: u.id, client };
}

const closedWithEligibleBids = (n: number) => closedWithEligibleBidsFixture(t.app, db(), { publisherId: enterpriseId, authorId, official, n });

describe('scoring arithmetic', () => {
  it('weights each criterion and averages experts on a 0–100 scale', () => {
    expect(expertTotal([{ score: 8, weight: 60 }, { score: 5, weight: 40 }])).toBe(68);
    expect(expertTotal([{ score: 10, weight: 60 }, { score: 10, weight: 40 }])).toBe(100);
    expect(bidScore([68, 100])).toBe(84);
    expect(bidScore([66.666, 70])).toBe(68.33);
    expect(bidScore([])).toBeNull();
  });
});

describe('expert review', () => {
  it('requires criteria weights to sum to 100', async () => {
    const { challenge } = await closedWithEligibleBids(1);
    const bad = await official.request('PUT', `/api/challenges/${challenge.id}/criteria`, { criteria: [{ name: '技术路线', weight: 50 }, { name: '团队实力', weight: 40 }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0]).toMatchObject({ path: 'criteria', message: expect.stringContaining('90') });
    expect((await publisher.request('PUT', `/api/challenges/${challenge.id}/criteria`, { criteria: [{ name: '技术路线', weight: 100 }] })).statusCode).toBe(403);
  });

  it('blocks assigning an expert with a conflict of interest, naming it', async () => {
    const { bids } = await closedWithEligibleBids(1);
    const sameUniversity = await expert('扬州大学化学化工学院');
    const res = await official.request('POST', `/api/bids/${bids[0]!.id}/assignments`, { expertId: sameUniversity.id });
    expect(res.statusCode).toBe(409);
    expect(res.json().fields[0]).toMatchObject({ path: 'expertId', message: expect.stringContaining('same_institution') });

    const tied = await expert('东南大学');
    await tied.client.request('POST', '/api/experts/me/ties', { organisationId: bids[0]!.teamId, note: '近三年合作发表论文' });
    const tie = await official.request('POST', `/api/bids/${bids[0]!.id}/assignments`, { expertId: tied.id });
    expect(tie.statusCode).toBe(409);
    expect(tie.json().fields[0].message).toContain('declared_tie');

    const clean = await expert('东南大学');
    const assigned = await official.request('POST', `/api/bids/${bids[0]!.id}/assignments`, { expertId: clean.id });
    expect(assigned.statusCode).toBe(201);
    expect(await db().select().from(outbox).where(eq(outbox.jobId, `notify.review.assigned.${assigned.json().id}`))).toHaveLength(1);
    expect((await official.request('POST', `/api/bids/${bids[0]!.id}/assignments`, { expertId: clean.id })).statusCode).toBe(409);
  });

  it('lets an expert read only the bids assigned to them', async () => {
    const { bids } = await closedWithEligibleBids(2);
    const e = await expert('东南大学');
    await official.request('POST', `/api/bids/${bids[0]!.id}/assignments`, { expertId: e.id });
    expect((await e.client.request('GET', `/api/bids/${bids[0]!.id}`)).statusCode).toBe(200);
    expect((await e.client.request('GET', `/api/bids/${bids[1]!.id}`)).statusCode).toBe(404);
  });

  it('scores, recuses and ranks: the ranking is final only when every assigned expert has scored', async () => {
    const { challenge, bids } = await closedWithEligibleBids(2);
    const set = await official.request('PUT', `/api/challenges/${challenge.id}/criteria`, {
      criteria: [
        { name: '技术路线可行性', description: '方案是否可实现指标', weight: 60 },
        { name: '团队实力', weight: 40 },
      ],
    });
    expect(set.statusCode, set.body).toBe(200);
    const [route, strength] = set.json().criteria as { id: string }[];
    const e1 = await expert('东南大学');
    const e2 = await expert('南京理工大学');
    const e3 = await expert('江南大学');
    const assign = async (bidId: string, expertId: string) => (await official.request('POST', `/api/bids/${bidId}/assignments`, { expertId })).json().id as string;
    const a1 = await assign(bids[0]!.id, e1.id);
    const a2 = await assign(bids[0]!.id, e2.id);
    const a3 = await assign(bids[1]!.id, e3.id);
    const a4 = await assign(bids[1]!.id, e1.id);

    const incomplete = await e1.client.request('POST', `/api/assignments/${a1}/scores`, { scores: [{ criterionId: route!.id, score: 8 }] });
    expect(incomplete.statusCode).toBe(400);
    expect((await e2.client.request('POST', `/api/assignments/${a1}/scores`, { scores: [] })).statusCode).toBe(400);
    expect((await e2.client.request('POST', `/api/assignments/${a1}/scores`, { scores: [{ criterionId: route!.id, score: 8 }, { criterionId: strength!.id, score: 5 }] })).statusCode).toBe(404);

    const score = (client: Client, id: string, a: number, b: number) =>
      client.request('POST', `/api/assignments/${id}/scores`, { scores: [{ criterionId: route!.id, score: a, comment: '路线清晰', shareable: true }, { criterionId: strength!.id, score: b }] });
    expect((await score(e1.client, a1, 8, 5)).json().status).toBe('scored');
    expect((await score(e1.client, a1, 9, 9)).statusCode).toBe(409);
    await score(e2.client, a2, 10, 10);
    await score(e3.client, a3, 6, 6);
    let ranking = (await official.request('GET', `/api/challenges/${challenge.id}/ranking`)).json();
    expect(ranking.final).toBe(false);
    expect(ranking.items[0]).toMatchObject({ bidId: bids[0]!.id, score: 84, expertsScored: 2, expertsAssigned: 2 });

    const recused = await e1.client.request('POST', `/api/assignments/${a4}/recuse`, { reason: '与该团队负责人有师生关系' });
    expect(recused.json()).toMatchObject({ status: 'recused', recusalReason: '与该团队负责人有师生关系' });
    expect((await score(e1.client, a4, 5, 5)).statusCode).toBe(409);
    ranking = (await publisher.request('GET', `/api/challenges/${challenge.id}/ranking`)).json();
    expect(ranking.final).toBe(true);
    expect(ranking.items.map((i: { score: number }) => i.score)).toEqual([84, 60]);

    const locked = await official.request('PUT', `/api/challenges/${challenge.id}/criteria`, { criteria: [{ name: '技术路线', weight: 100 }] });
    expect(locked.statusCode).toBe(409);
  });
});

describe('review board, queue and assignment detail', () => {
  it('shows officials every candidate with the conflicts that block them, including a deal in the last three years', async () => {
    const { challenge, bids } = await closedWithEligibleBids(1);
    const clean = await expert('东南大学');
    const sameUniversity = await expert('扬州大学');
    // An expert working for an enterprise that took a deal with the bidding team last year.
    const pastPartner = await makeOrganisation(db(), { kind: 'enterprise' });
    const engineer = await makeUser(db(), { role: 'expert' });
    await db().insert(memberships).values({ userId: engineer.id, organisationId: pastPartner.id, role: 'enterprise_member' });
    const past = await makeChallenge(db(), { publisherId: pastPartner.id, createdBy: engineer.id, status: 'closed' });
    const [pastBid] = await db().insert(bidsTable).values({ challengeId: past.id, teamId: bids[0]!.teamId, createdBy: engineer.id, status: 'eligible', challengeRevision: 1 }).returning();
    const [pastAward] = await db().insert(awardDecisions).values({ challengeId: past.id, winnerBidIds: [pastBid!.id], status: 'final', proposedBy: engineer.id, proposedAt: new Date(Date.now() - 400 * 86_400_000), finalAt: new Date(Date.now() - 365 * 86_400_000) }).returning();
    // A deal is a signed contract: one signed a year ago ties them; an older one or a draft never signed would not.
    const contract = (signedAt: Date | null, publisherId: string) => ({ awardId: pastAward!.id, bidId: pastBid!.id, challengeId: past.id, publisherId, teamId: bids[0]!.teamId, title: '往期合同', amountYuan: 1, enterpriseFundsYuan: 1, subsidyYuan: 0, criteria: [], signedAt, status: signedAt ? ('completed' as const) : ('drafted' as const) });
    const [signed] = await db().insert(contractsTable).values(contract(new Date(Date.now() - 365 * 86_400_000), pastPartner.id)).returning();
    await db().insert(contractParties).values([{ contractId: signed!.id, organisationId: pastPartner.id, role: 'publisher' }, { contractId: signed!.id, organisationId: bids[0]!.teamId, role: 'lead' }]);
    const oldPartner = await makeOrganisation(db(), { kind: 'enterprise' });
    const veteran = await makeUser(db(), { role: 'expert' });
    await db().insert(memberships).values({ userId: veteran.id, organisationId: oldPartner.id, role: 'enterprise_member' });
    for (const signedAt of [new Date(Date.now() - 4 * 365 * 86_400_000), null]) {
      const old = await makeChallenge(db(), { publisherId: oldPartner.id, createdBy: veteran.id, status: 'closed' });
      const [bid] = await db().insert(bidsTable).values({ challengeId: old.id, teamId: bids[0]!.teamId, createdBy: veteran.id, status: 'eligible', challengeRevision: 1 }).returning();
      const [award] = await db().insert(awardDecisions).values({ challengeId: old.id, winnerBidIds: [bid!.id], status: 'final', proposedBy: veteran.id, proposedAt: new Date(), finalAt: new Date() }).returning();
      const [c] = await db().insert(contractsTable).values({ ...contract(signedAt, oldPartner.id), awardId: award!.id, bidId: bid!.id, challengeId: old.id }).returning();
      await db().insert(contractParties).values([{ contractId: c!.id, organisationId: oldPartner.id, role: 'publisher' }, { contractId: c!.id, organisationId: bids[0]!.teamId, role: 'lead' }]);
    }

    const board = await official.request('GET', `/api/challenges/${challenge.id}/review-board`);
    expect(board.statusCode, board.body).toBe(200);
    const candidates = board.json().bids[0].candidates as { expertId: string; conflicts: { reason: string }[] }[];
    expect(candidates.find((c) => c.expertId === clean.id)?.conflicts).toEqual([]);
    expect(candidates.find((c) => c.expertId === sameUniversity.id)?.conflicts.map((c) => c.reason)).toEqual(['same_institution']);
    expect(candidates.find((c) => c.expertId === engineer.id)?.conflicts.map((c) => c.reason)).toEqual(['recent_deal']);
    expect(candidates.find((c) => c.expertId === veteran.id)?.conflicts).toEqual([]);
    const blocked = await official.request('POST', `/api/bids/${bids[0]!.id}/assignments`, { expertId: engineer.id });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().fields[0].message).toContain('recent_deal');

    // Assigned experts leave the candidates and appear as assignments.
    await official.request('POST', `/api/bids/${bids[0]!.id}/assignments`, { expertId: clean.id });
    const after = (await official.request('GET', `/api/challenges/${challenge.id}/review-board`)).json();
    expect(after.bids[0].assignments.map((a: { expertId: string }) => a.expertId)).toEqual([clean.id]);
    expect(after.bids[0].candidates.some((c: { expertId: string }) => c.expertId === clean.id)).toBe(false);
    expect((await publisher.request('GET', `/api/challenges/${challenge.id}/review-board`)).statusCode).toBe(403);
    expect((await clean.client.request('GET', `/api/challenges/${challenge.id}/review-board`)).statusCode).toBe(403);
  });

  it('a deal older than three years is no conflict', async () => {
    const { challenge, bids } = await closedWithEligibleBids(1);
    const oldPartner = await makeOrganisation(db(), { kind: 'enterprise' });
    const engineer = await makeUser(db(), { role: 'expert' });
    await db().insert(memberships).values({ userId: engineer.id, organisationId: oldPartner.id, role: 'enterprise_member' });
    const past = await makeChallenge(db(), { publisherId: oldPartner.id, createdBy: engineer.id, status: 'closed' });
    const [pastBid] = await db().insert(bidsTable).values({ challengeId: past.id, teamId: bids[0]!.teamId, createdBy: engineer.id, status: 'eligible', challengeRevision: 1 }).returning();
    await db().insert(awardDecisions).values({ challengeId: past.id, winnerBidIds: [pastBid!.id], status: 'final', proposedBy: engineer.id, proposedAt: new Date(Date.now() - 1200 * 86_400_000), finalAt: new Date(Date.now() - 1100 * 86_400_000) });
    const board = (await official.request('GET', `/api/challenges/${challenge.id}/review-board`)).json();
    expect(board.bids[0].candidates.find((c: { expertId: string }) => c.expertId === engineer.id).conflicts).toEqual([]);
  });

  it('gives the expert their assignment with criteria and, once scored, their own scores and total; nobody else', async () => {
    const { challenge, bids } = await closedWithEligibleBids(1);
    const set = (await official.request('PUT', `/api/challenges/${challenge.id}/criteria`, { criteria: [{ name: '技术路线', weight: 70 }, { name: '团队实力', weight: 30 }] })).json();
    const e = await expert('东南大学');
    const other = await expert('江南大学');
    const id = (await official.request('POST', `/api/bids/${bids[0]!.id}/assignments`, { expertId: e.id })).json().id as string;
    const before = await e.client.request('GET', `/api/assignments/${id}`);
    expect(before.statusCode).toBe(200);
    expect(before.json()).toMatchObject({ challengeId: challenge.id, scores: [], total: null, assignment: { status: 'assigned' } });
    expect(before.json().criteria.map((c: { name: string }) => c.name)).toEqual(['技术路线', '团队实力']);
    expect((await other.client.request('GET', `/api/assignments/${id}`)).statusCode).toBe(404);
    expect((await official.request('GET', `/api/assignments/${id}`)).statusCode).toBe(403);

    const [route, strength] = set.criteria as { id: string }[];
    await e.client.request('POST', `/api/assignments/${id}/scores`, { scores: [{ criterionId: route!.id, score: 8, comment: '可行', shareable: true }, { criterionId: strength!.id, score: 6 }] });
    const after = (await e.client.request('GET', `/api/assignments/${id}`)).json();
    expect(after.total).toBe(74);
    expect(after.scores).toEqual([
      { criterionId: route!.id, score: 8, comment: '可行', shareable: true },
      { criterionId: strength!.id, score: 6, comment: '', shareable: false },
    ]);
    const mine = (await e.client.request('GET', '/api/experts/me/assignments')).json().items;
    expect(mine).toEqual([expect.objectContaining({ id, status: 'scored', assignedAt: expect.any(String) })]);

    // The last score makes the ranking final: officials and the publisher are told.
    const done = await db().select().from(outbox).where(eq(outbox.jobId, `notify.review.complete.${challenge.id}.officials`));
    expect(done).toHaveLength(1);
    expect(await db().select().from(outbox).where(eq(outbox.jobId, `notify.review.complete.${challenge.id}.${enterpriseId}`))).toHaveLength(1);
  });

  it('lists the officials’ queue with where each challenge stands', async () => {
    const { challenge, bids } = await closedWithEligibleBids(2);
    const row = () => official.request('GET', '/api/review/challenges').then((r) => r.json().items.find((i: { challengeId: string }) => i.challengeId === challenge.id));
    expect(await row()).toMatchObject({ submitted: 2, awaitingEligibility: 0, eligible: 2, criteriaSet: false, assignments: 0, scored: 0, rankingFinal: false, award: null });
    await reviewedFixture(t.app, db(), official, challenge.id, bids.map((b) => b.id));
    expect(await row()).toMatchObject({ criteriaSet: true, assignments: 2, scored: 2, rankingFinal: true, award: null });
    const award = (await publisher.request('POST', `/api/challenges/${challenge.id}/awards`, { winnerBidIds: [bids[0]!.id] })).json();
    expect(await row()).toMatchObject({ award: { id: award.id, status: 'proposed', openObjections: 0 } });
    expect((await publisher.request('GET', '/api/review/challenges')).statusCode).toBe(403);
  });

  it('leaves out challenges whose award has been final for more than 30 days', async () => {
    const { challenge, bids } = await closedWithEligibleBids(1);
    const listed = async () => (await official.request('GET', '/api/review/challenges')).json().items.some((i: { challengeId: string }) => i.challengeId === challenge.id);
    const [award] = await db().insert(awardDecisions).values({ challengeId: challenge.id, winnerBidIds: [bids[0]!.id], status: 'final', proposedBy: challenge.createdBy, proposedAt: new Date(), finalAt: new Date(Date.now() - 29 * 86_400_000) }).returning();
    expect(await listed()).toBe(true);
    await db().update(awardDecisions).set({ finalAt: new Date(Date.now() - 31 * 86_400_000) }).where(eq(awardDecisions.id, award!.id));
    expect(await listed()).toBe(false);
  });
});
