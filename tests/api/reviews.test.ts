import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../db/schema';
import { bidScore, expertTotal } from '../../shared/contracts/reviews';
import { createTestApp, type TestApp } from '../helpers/app';
import { logIn, type Client } from '../helpers/client';
import { makeOrganisation, makeUser } from '../helpers/factories';
import { closedWithEligibleBids as closedWithEligibleBidsFixture } from '../helpers/review-fixture';

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
