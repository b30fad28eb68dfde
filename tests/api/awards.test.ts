import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, awardDecisions, challenges, outbox } from '../../db/schema';
import { addWorkingDays } from '../../shared/working-days';
import { createTestApp, type TestApp } from '../helpers/app';
import { logIn, type Client } from '../helpers/client';
import { makeOrganisation, makeUser } from '../helpers/factories';
import { closedWithEligibleBids, reviewed } from '../helpers/review-fixture';

let t: TestApp;
const db = () => t.rt.database.db;
let official: Client;
let publisher: Client;
let stranger: Client;
let enterpriseId: string;
let authorId: string;

beforeAll(async () => {
  t = await createTestApp();
  enterpriseId = (await makeOrganisation(db(), { kind: 'enterprise' })).id;
  const author = await makeUser(db(), { role: 'enterprise_member', organisationId: enterpriseId });
  authorId = author.id;
  publisher = await logIn(t.app, author.email);
  official = await logIn(t.app, (await makeUser(db(), { role: 'official' })).email);
  stranger = await logIn(t.app, (await makeUser(db(), { role: 'team_member' })).email);
});
afterAll(async () => t?.close());

async function rankedChallenge(n = 2, allowsHorseRace = false) {
  const f = await closedWithEligibleBids(t.app, db(), { publisherId: enterpriseId, authorId, official, n, allowsHorseRace });
  await reviewed(t.app, db(), official, f.challenge.id, f.bids.map((b) => b.id));
  return f;
}

describe('working days', () => {
  it('skips weekends in China Standard Time', () => {
    // Friday 2026-11-20 10:00 +08:00 plus one working day is Monday the 23rd.
    expect(addWorkingDays(new Date('2026-11-20T02:00:00Z'), 1).toISOString()).toBe('2026-11-23T02:00:00.000Z');
    expect(addWorkingDays(new Date('2026-11-16T02:00:00Z'), 7).toISOString()).toBe('2026-11-25T02:00:00.000Z');
  });
});

describe('award', () => {
  it('is proposed by the publisher from the final ranking, with a reason when it departs from it', async () => {
    const { challenge, bids } = await rankedChallenge(2);
    expect((await official.request('POST', `/api/challenges/${challenge.id}/awards`, { winnerBidIds: [bids[0]!.id] })).statusCode).toBe(403);
    const departs = await publisher.request('POST', `/api/challenges/${challenge.id}/awards`, { winnerBidIds: [bids[1]!.id] });
    expect(departs.statusCode).toBe(400);
    expect(departs.json().fields[0].path).toBe('reason');
    const horse = await publisher.request('POST', `/api/challenges/${challenge.id}/awards`, { winnerBidIds: [bids[0]!.id, bids[1]!.id] });
    expect(horse.json().fields[0].path).toBe('winnerBidIds');
    const ok = await publisher.request('POST', `/api/challenges/${challenge.id}/awards`, { winnerBidIds: [bids[1]!.id], reason: '该团队技术路线与企业现有产线更匹配' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().status).toBe('proposed');
    const again = await publisher.request('POST', `/api/challenges/${challenge.id}/awards`, { winnerBidIds: [bids[0]!.id] });
    expect(again.statusCode).toBe(409);
  });

  it('allows two or three winners when the challenge runs a horse race', async () => {
    const { challenge, bids } = await rankedChallenge(2, true);
    const res = await publisher.request('POST', `/api/challenges/${challenge.id}/awards`, { winnerBidIds: bids.map((b) => b.id) });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ horseRace: true, winners: expect.arrayContaining([expect.objectContaining({ bidId: bids[0]!.id })]) });
  });

  it('shows a proposal to the whole publisher side and officials, not the public; a decline tells the publisher why', async () => {
    const { challenge, bids } = await rankedChallenge(2, true);
    // Winners keep the order proposed, here the reverse of the ranking.
    const proposed = (await publisher.request('POST', `/api/challenges/${challenge.id}/awards`, { winnerBidIds: [bids[1]!.id, bids[0]!.id] })).json();
    expect(proposed.winners.map((w: { bidId: string }) => w.bidId)).toEqual([bids[1]!.id, bids[0]!.id]);
    const colleague = await logIn(t.app, (await makeUser(db(), { role: 'enterprise_member', organisationId: enterpriseId })).email);
    expect((await colleague.request('GET', `/api/challenges/${challenge.id}/awards`)).json().items.map((a: { id: string }) => a.id)).toEqual([proposed.id]);
    expect((await stranger.request('GET', `/api/challenges/${challenge.id}/awards`)).json().items).toEqual([]);
    const declined = await official.request('POST', `/api/awards/${proposed.id}/decline`, { reason: '排名第二的团队资质材料待补充' });
    expect(declined.json()).toMatchObject({ status: 'declined', closedReason: '排名第二的团队资质材料待补充' });
    expect(await db().select().from(outbox).where(eq(outbox.jobId, `notify.award.declined.${proposed.id}`))).toHaveLength(1);
  });

  it('keeps a directed challenge’s award off the public board and away from those who may not see the challenge', async () => {
    const { challenge, bids } = await rankedChallenge(1);
    await db().update(challenges).set({ directed: true }).where(eq(challenges.id, challenge.id));
    const a = (await publisher.request('POST', `/api/challenges/${challenge.id}/awards`, { winnerBidIds: [bids[0]!.id] })).json();
    expect((await official.request('POST', `/api/awards/${a.id}/confirm`)).statusCode).toBe(200);
    expect((await stranger.request('GET', '/api/notices')).json().items.some((n: { id: string }) => n.id === a.id)).toBe(false);
    expect((await t.app.inject({ method: 'GET', url: `/api/challenges/${challenge.id}/awards` })).statusCode).toBe(404);
    expect((await official.request('GET', '/api/notices')).json().items.some((n: { id: string }) => n.id === a.id)).toBe(true);
  });

  it('refuses a proposal before every assigned expert has scored', async () => {
    const { challenge, bids } = await closedWithEligibleBids(t.app, db(), { publisherId: enterpriseId, authorId, official, n: 1 });
    const res = await publisher.request('POST', `/api/challenges/${challenge.id}/awards`, { winnerBidIds: [bids[0]!.id] });
    expect(res.statusCode).toBe(409);
  });

  it('has exactly one outcome under 50 concurrent confirmations', async () => {
    const { challenge, bids } = await rankedChallenge(1);
    const { id } = (await publisher.request('POST', `/api/challenges/${challenge.id}/awards`, { winnerBidIds: [bids[0]!.id] })).json();
    const results = await Promise.all(Array.from({ length: 50 }, () => official.request('POST', `/api/awards/${id}/confirm`)));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(49);
    const confirms = await db().select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(confirms.filter((a) => a.action === 'award.confirm')).toHaveLength(1);
  }, 60_000);

  it('opens a public notice; an upheld objection revokes the award and a new proposal can follow', async () => {
    const { challenge, bids } = await rankedChallenge(2);
    const { id } = (await publisher.request('POST', `/api/challenges/${challenge.id}/awards`, { winnerBidIds: [bids[0]!.id] })).json();
    expect((await t.app.inject({ method: 'GET', url: `/api/challenges/${challenge.id}/awards` })).json().items).toEqual([]);
    const confirmed = (await official.request('POST', `/api/awards/${id}/confirm`)).json();
    expect(confirmed.status).toBe('in_notice');
    expect(new Date(confirmed.noticeEndsAt).getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    const board = (await t.app.inject({ method: 'GET', url: '/api/notices' })).json().items;
    expect(board.map((a: { id: string }) => a.id)).toContain(id);

    expect((await t.app.inject({ method: 'POST', url: `/api/awards/${id}/objections`, payload: { reason: 'x' } })).statusCode).toBe(401);
    const objected = await stranger.request('POST', `/api/awards/${id}/objections`, { reason: '中标团队负责人与发榜企业存在利益关联' });
    expect(objected.statusCode, objected.body).toBe(200);
    const objection = objected.json().objections[0];
    expect(objection.mine).toBe(true);
    expect((await stranger.request('POST', `/api/objections/${objection.id}/resolve`, { decision: 'upheld', resolution: 'x' })).statusCode).toBe(403);
    const upheld = await official.request('POST', `/api/objections/${objection.id}/resolve`, { decision: 'upheld', resolution: '经核实存在关联关系，撤销结果' });
    expect(upheld.json().status).toBe('revoked');
    expect((await publisher.request('POST', `/api/challenges/${challenge.id}/awards`, { winnerBidIds: [bids[1]!.id], reason: '原第一名因异议成立被撤销' })).statusCode).toBe(201);
  });

  it('becomes final when the notice ends with no open objection, and waits for an open one to be dismissed', async () => {
    const { challenge, bids } = await rankedChallenge(1);
    const { id } = (await publisher.request('POST', `/api/challenges/${challenge.id}/awards`, { winnerBidIds: [bids[0]!.id] })).json();
    await official.request('POST', `/api/awards/${id}/confirm`);
    const objection = (await stranger.request('POST', `/api/awards/${id}/objections`, { reason: '对评审过程有疑问' })).json().objections[0];
    expect(await t.rt.services.awards.endNotice(id)).toBe('skipped'); // not yet over
    await db().update(awardDecisions).set({ noticeEndsAt: new Date(Date.now() - 1000) }).where(eq(awardDecisions.id, id));
    expect(await t.rt.services.awards.endNotice(id)).toBe('skipped'); // an objection is open
    const dismissed = await official.request('POST', `/api/objections/${objection.id}/resolve`, { decision: 'dismissed', resolution: '评审程序合规' });
    expect(dismissed.json().status).toBe('final');
    expect(await t.rt.services.awards.endNotice(id)).toBe('skipped'); // idempotent
  });

  it('gives each team that did not win its scores and the shareable comments, with no names', async () => {
    const { challenge, bids } = await rankedChallenge(2);
    const { id } = (await publisher.request('POST', `/api/challenges/${challenge.id}/awards`, { winnerBidIds: [bids[0]!.id] })).json();
    const loser = bids[1]!;
    expect((await loser.client.request('GET', `/api/bids/${loser.id}/feedback`)).statusCode).toBe(409);
    await official.request('POST', `/api/awards/${id}/confirm`);
    await db().update(awardDecisions).set({ noticeEndsAt: new Date(Date.now() - 1000) }).where(eq(awardDecisions.id, id));
    expect(await t.rt.services.awards.endNotice(id)).toBe('final');

    const res = await loser.client.request('GET', `/api/bids/${loser.id}/feedback`);
    expect(res.statusCode, res.body).toBe(200);
    const fb = res.json();
    expect(fb).toMatchObject({ rank: 2, of: 2, score: 80 });
    expect(fb.criteria).toEqual([
      { name: '技术路线', weight: 70, scores: [8], comments: ['技术路线意见 2'] },
      { name: '团队实力', weight: 30, scores: [8], comments: [] },
    ]);
    expect(JSON.stringify(fb)).not.toContain('仅供内部参考');
    expect((await bids[0]!.client.request('GET', `/api/bids/${bids[0]!.id}/feedback`)).statusCode).toBe(409);
    expect((await stranger.request('GET', `/api/bids/${loser.id}/feedback`)).statusCode).toBe(404);
  });
});
