import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { challenges, creditRecords, outbox } from '../../db/schema';
import type { BidContent } from '../../shared/contracts/bids';
import { bidDigest } from '../../server/modules/bids/service';
import { createTestApp, type TestApp } from '../helpers/app';
import { makeChallenge } from '../helpers/challenges';
import { logIn, type Client } from '../helpers/client';
import { makeOrganisation, makeUser } from '../helpers/factories';

let t: TestApp;
const db = () => t.rt.database.db;
let enterpriseId: string;
let authorId: string;
let publisher: Client;
let official: Client;

beforeAll(async () => {
  t = await createTestApp();
  enterpriseId = (await makeOrganisation(db(), { kind: 'enterprise' })).id;
  const author = await makeUser(db(), { role: 'enterprise_member', organisationId: enterpriseId });
  authorId = author.id;
  publisher = await logIn(t.app, author.email);
  official = await logIn(t.app, (await makeUser(db(), { role: 'official' })).email);
});
afterAll(async () => t?.close());

async function newTeam(verification: 'verified' | 'pending' = 'verified') {
  const team = await makeOrganisation(db(), { kind: 'team', verification });
  const user = await makeUser(db(), { role: 'team_member', organisationId: team.id });
  return { team, client: await logIn(t.app, user.email) };
}
const openChallenge = () => makeChallenge(db(), { publisherId: enterpriseId, createdBy: authorId, status: 'published' });

/** A complete proposal for the factory challenge (one indicator, ¥3 M bounty, 18 months). */
const proposal = (over: Partial<BidContent> = {}): BidContent => ({
  technicalRoute: '采用梯度镍铁合金涂层与等离子喷涂工艺，结合原位表征优化孔结构。',
  indicatorResponses: [{ indicatorIndex: 0, approach: '三维多孔结构提高比表面积', committedValue: '≤ 110 mV' }],
  members: [{ name: '周文涛', title: '教授', role: 'lead' }, { name: '李明', title: '副教授', role: 'core' }],
  partnerIds: [],
  quotedPriceYuan: 2_800_000,
  durationMonths: 18,
  milestones: [
    { title: '涂层配方定型', deliverable: '小试样品及测试报告', dueMonth: 6, sharePercent: 40 },
    { title: '中试验证', deliverable: '兆瓦级电解槽电极中试报告', dueMonth: 18, sharePercent: 60 },
  ],
  attachments: [],
  ...over,
});

async function submittedBid(client: Client, challengeId: string, content = proposal()) {
  const started = await client.request('POST', '/api/bids', { challengeId });
  expect(started.statusCode, started.body).toBe(201);
  const id = started.json().id as string;
  expect((await client.request('PUT', `/api/bids/${id}/draft`, content)).statusCode).toBe(200);
  const res = await client.request('POST', `/api/bids/${id}/submit`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const closeNow = (id: string) => db().update(challenges).set({ deadline: new Date(Date.now() - 1000) }).where(eq(challenges.id, id));

describe('drafting and submitting a bid', () => {
  it('lists what is missing, refuses an incomplete submission by field, and gives a SHA-256 receipt per version', async () => {
    const c = await openChallenge();
    const { client } = await newTeam();
    const started = (await client.request('POST', '/api/bids', { challengeId: c.id })).json();
    expect(started.problems.map((p: { path: string }) => p.path)).toEqual(expect.arrayContaining(['technicalRoute', 'indicatorResponses.0', 'members', 'quotedPriceYuan']));
    const early = await client.request('POST', `/api/bids/${started.id}/submit`);
    expect(early.statusCode).toBe(400);
    expect(early.json().fields.map((f: { path: string }) => f.path)).toContain('technicalRoute');

    await client.request('PUT', `/api/bids/${started.id}/draft`, proposal());
    const v1 = (await client.request('POST', `/api/bids/${started.id}/submit`)).json();
    expect(v1.status).toBe('submitted');
    expect(v1.receipts).toEqual([expect.objectContaining({ version: 1, sha256: bidDigest(proposal()) })]);

    const revised = proposal({ quotedPriceYuan: 2_600_000 });
    await client.request('PUT', `/api/bids/${started.id}/draft`, revised);
    const v2 = (await client.request('POST', `/api/bids/${started.id}/submit`)).json();
    expect(v2.receipts.map((r: { version: number }) => r.version)).toEqual([2, 1]);
    expect(v2.receipts[0].sha256).toBe(bidDigest(revised));
    const check = await client.request('POST', `/api/bids/${started.id}/verify-receipt`, { sha256: v1.receipts[0].sha256 });
    expect(check.json()).toMatchObject({ matches: true, version: 1 });
    expect((await client.request('POST', `/api/bids/${started.id}/verify-receipt`, { sha256: 'f'.repeat(64) })).json().matches).toBe(false);

    // Each version's receipt also reaches the team as a notification (and e-mail), digest included.
    const receipts = await db().select().from(outbox).where(like(outbox.jobId, `notify.bid.submitted.${started.id}.%`));
    expect(receipts.map((r) => (r.payload as { extra: { version: string; sha256: string } }).extra).sort((a, b) => a.version.localeCompare(b.version))).toEqual([
      { version: '1', sha256: v1.receipts[0].sha256 },
      { version: '2', sha256: v2.receipts[0].sha256 },
    ]);
  });

  it('checks the price against the bounty and that milestone shares add up to 100 %', async () => {
    const c = await openChallenge();
    const { client } = await newTeam();
    const { id } = (await client.request('POST', '/api/bids', { challengeId: c.id })).json();
    await client.request('PUT', `/api/bids/${id}/draft`, proposal({ quotedPriceYuan: 9_000_000, milestones: [{ title: '一', deliverable: '报告', dueMonth: 6, sharePercent: 50 }] }));
    const res = await client.request('POST', `/api/bids/${id}/submit`);
    expect(res.json().fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['quotedPriceYuan', 'milestones']));
  });

  it('allows one active bid per team per challenge, and a new one after withdrawing', async () => {
    const c = await openChallenge();
    const { client } = await newTeam();
    const first = (await client.request('POST', '/api/bids', { challengeId: c.id })).json();
    expect((await client.request('POST', '/api/bids', { challengeId: c.id })).statusCode).toBe(409);
    expect((await client.request('POST', `/api/bids/${first.id}/withdraw`)).json().status).toBe('withdrawn');
    expect((await client.request('POST', '/api/bids', { challengeId: c.id })).statusCode).toBe(201);
  });

  it('keeps out unverified teams and teams barred by a credit record', async () => {
    const c = await openChallenge();
    const pending = await newTeam('pending');
    expect((await pending.client.request('POST', '/api/bids', { challengeId: c.id })).statusCode).toBe(403);
    const barred = await newTeam();
    await db().insert(creditRecords).values({ organisationId: barred.team.id, reason: '合同终止，未容错免责', barredUntil: new Date(Date.now() + 365 * 86_400_000) });
    const res = await barred.client.request('POST', '/api/bids', { challengeId: c.id });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toMatch(/barred/);
  });

  it('waits for every partner to confirm before the bid can be submitted', async () => {
    const c = await openChallenge();
    const { client } = await newTeam();
    const partner = await newTeam();
    const { id } = (await client.request('POST', '/api/bids', { challengeId: c.id })).json();
    await client.request('PUT', `/api/bids/${id}/draft`, proposal({ partnerIds: [partner.team.id] }));
    await client.request('PUT', `/api/bids/${id}/draft`, proposal({ partnerIds: [partner.team.id] }));
    const invited = await db().select().from(outbox).where(eq(outbox.jobId, `notify.bid.partner.${id}.${partner.team.id}`));
    expect(invited).toHaveLength(1);
    const early = await client.request('POST', `/api/bids/${id}/submit`);
    expect(early.json().fields).toEqual([expect.objectContaining({ path: 'partnerIds' })]);
    expect((await partner.client.request('POST', `/api/bids/${id}/partners/confirm`)).statusCode).toBe(200);
    expect((await client.request('POST', `/api/bids/${id}/submit`)).json().status).toBe('submitted');
  });

  it('asks for re-confirmation after a change of terms, and accepts it before the deadline', async () => {
    const c = await openChallenge();
    const { client } = await newTeam();
    const bid = await submittedBid(client, c.id);
    expect((await client.request('POST', `/api/bids/${bid.id}/reconfirm`)).statusCode).toBe(409);
    await publisher.request('POST', `/api/challenges/${c.id}/terms`, { reason: '增加一项指标', bountyYuan: 3_300_000 });
    const flagged = (await client.request('GET', `/api/bids/${bid.id}`)).json();
    expect(flagged.needsReconfirmation).toBe(true);
    expect(flagged.events).toContain('reconfirm');
    const ok = (await client.request('POST', `/api/bids/${bid.id}/reconfirm`)).json();
    expect(ok.needsReconfirmation).toBe(false);
  });
});

describe('sealed bids', () => {
  it('shows nobody but the team a bid before the deadline; officials see only the count, the publisher not even that', async () => {
    const c = await openChallenge();
    const mine = await newTeam();
    const other = await newTeam();
    const bid = await submittedBid(mine.client, c.id);
    for (const client of [other.client, publisher, official]) expect((await client.request('GET', `/api/bids/${bid.id}`)).statusCode).toBe(404);
    expect((await official.request('GET', `/api/challenges/${c.id}/bid-count`)).json()).toEqual({ submitted: 1, sealed: true });
    expect((await publisher.request('GET', `/api/challenges/${c.id}/bid-count`)).statusCode).toBe(403);
    expect((await other.client.request('GET', `/api/challenges/${c.id}/bid-count`)).statusCode).toBe(403);
    expect((await official.request('GET', `/api/challenges/${c.id}/bids`)).statusCode).toBe(409);
    expect((await other.client.request('GET', '/api/bids/mine')).json().items.map((b: { id: string }) => b.id)).not.toContain(bid.id);
  });

  it('after the deadline shows the publisher and officials the submitted version, never the working copy; other teams still nothing', async () => {
    const c = await openChallenge();
    const mine = await newTeam();
    const other = await newTeam();
    const bid = await submittedBid(mine.client, c.id);
    await mine.client.request('PUT', `/api/bids/${bid.id}/draft`, proposal({ technicalRoute: '尚未提交的修改' }));
    await closeNow(c.id);
    for (const client of [publisher, official]) {
      const seen = await client.request('GET', `/api/bids/${bid.id}`);
      expect(seen.statusCode, seen.body).toBe(200);
      expect(seen.json().content.technicalRoute).toBe(proposal().technicalRoute);
      expect(seen.json().events).toEqual([]);
    }
    expect((await other.client.request('GET', `/api/bids/${bid.id}`)).statusCode).toBe(404);
    const list = (await official.request('GET', `/api/challenges/${c.id}/bids`)).json();
    expect(list.items.map((b: { id: string }) => b.id)).toEqual([bid.id]);
    const late = await mine.client.request('POST', `/api/bids/${bid.id}/submit`);
    expect(late.statusCode).toBe(409);
  });
});

describe('eligibility check (形式审查)', () => {
  it('lets officials mark bids after the deadline, with a reason for ineligible ones, which the team sees', async () => {
    const c = await openChallenge();
    const a = await newTeam();
    const b = await newTeam();
    const bidA = await submittedBid(a.client, c.id);
    const bidB = await submittedBid(b.client, c.id);
    expect((await official.request('POST', `/api/bids/${bidA.id}/eligibility`, { decision: 'eligible' })).statusCode).toBe(404);
    await closeNow(c.id);
    expect((await publisher.request('POST', `/api/bids/${bidA.id}/eligibility`, { decision: 'eligible' })).statusCode).toBe(403);
    const noReason = await official.request('POST', `/api/bids/${bidB.id}/eligibility`, { decision: 'ineligible' });
    expect(noReason.json().fields[0].path).toBe('reason');
    expect((await official.request('POST', `/api/bids/${bidA.id}/eligibility`, { decision: 'eligible' })).json().status).toBe('eligible');
    await official.request('POST', `/api/bids/${bidB.id}/eligibility`, { decision: 'ineligible', reason: '缺少依托单位盖章的承诺书' });
    const seen = (await b.client.request('GET', `/api/bids/${bidB.id}`)).json();
    expect(seen).toMatchObject({ status: 'ineligible', eligibilityReason: '缺少依托单位盖章的承诺书' });
    expect((await official.request('POST', `/api/bids/${bidA.id}/eligibility`, { decision: 'ineligible', reason: 'x' })).statusCode).toBe(409);
    expect((await official.request('GET', `/api/challenges/${c.id}/bids`)).json().items).toHaveLength(2);
  });

  it('refuses to mark eligible a bid that was not re-confirmed after a change of terms', async () => {
    const c = await openChallenge();
    const { client } = await newTeam();
    const bid = await submittedBid(client, c.id);
    await publisher.request('POST', `/api/challenges/${c.id}/terms`, { reason: '调整预算', bountyYuan: 3_400_000 });
    await closeNow(c.id);
    const res = await official.request('POST', `/api/bids/${bid.id}/eligibility`, { decision: 'eligible' });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].path).toBe('decision');
    expect((await official.request('POST', `/api/bids/${bid.id}/eligibility`, { decision: 'ineligible', reason: '条款变更后未重新确认' })).json().status).toBe('ineligible');
  });
});
