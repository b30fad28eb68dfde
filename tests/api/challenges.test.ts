import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bids, challenges, outbox } from '../../db/schema';
import { createTestApp, type TestApp } from '../helpers/app';
import { completeDraft, makeChallenge } from '../helpers/challenges';
import { logIn, type Client } from '../helpers/client';
import { makeOrganisation, makeUser, unique } from '../helpers/factories';

let t: TestApp;
const db = () => t.rt.database.db;
let enterprise: { id: string };
let author: Awaited<ReturnType<typeof makeUser>>;
let publisher: Client;
let official: Client;
let team: Awaited<ReturnType<typeof makeOrganisation>>;
let teamClient: Client;
let otherTeamClient: Client;
let otherEnterpriseClient: Client;

beforeAll(async () => {
  t = await createTestApp();
  enterprise = await makeOrganisation(db(), { kind: 'enterprise' });
  author = await makeUser(db(), { role: 'enterprise_member', organisationId: enterprise.id });
  publisher = await logIn(t.app, author.email);
  official = await logIn(t.app, (await makeUser(db(), { role: 'official' })).email);
  team = await makeOrganisation(db(), { kind: 'team' });
  teamClient = await logIn(t.app, (await makeUser(db(), { role: 'team_member', organisationId: team.id })).email);
  otherTeamClient = await logIn(t.app, (await makeUser(db(), { role: 'team_member' })).email);
  otherEnterpriseClient = await logIn(t.app, (await makeUser(db(), { role: 'enterprise_member' })).email);
});
afterAll(async () => t?.close());

const anon = (url: string) => t.app.inject({ method: 'GET', url });
const published = (draft = {}, extra: { invitedTeamIds?: string[] } = {}) => makeChallenge(db(), { publisherId: enterprise.id, createdBy: author.id, status: 'published', draft, ...extra });

describe('drafting and submission', () => {
  it('saves a partial draft, lists what is missing, and refuses submission naming each missing field', async () => {
    const res = await publisher.request('POST', '/api/challenges', { title: unique('钠离子电池层状氧化物正极') });
    expect(res.statusCode, res.body).toBe(201);
    const draft = res.json();
    expect(draft.status).toBe('draft');
    expect(draft.missing).toEqual(expect.arrayContaining(['summary', 'indicators', 'bountyYuan', 'deadline', 'contact']));
    const submit = await publisher.request('POST', `/api/challenges/${draft.id}/submit`);
    expect(submit.statusCode).toBe(400);
    expect(submit.json().fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['summary', 'indicators', 'deadline']));
  });

  it('autosaves edits and submits a complete draft, notifying officials', async () => {
    const { id } = (await publisher.request('POST', '/api/challenges', { title: unique('储能电芯低温快充') })).json();
    const { title: _t, ...rest } = completeDraft();
    const saved = await publisher.request('PATCH', `/api/challenges/${id}`, rest);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().missing).toEqual([]);
    const submitted = await publisher.request('POST', `/api/challenges/${id}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().status).toBe('submitted');
    const jobs = await db().select().from(outbox).where(like(outbox.jobId, `notify.challenge.submit.${id}.%`));
    expect(jobs).toHaveLength(1);
  });

  it('clears a field sent as null, and drops a stored chain that no longer fits a new industry', async () => {
    const { id } = (await publisher.request('POST', '/api/challenges', completeDraft())).json();
    const cleared = await publisher.request('PATCH', `/api/challenges/${id}`, { title: null, deadline: null, contact: null });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json()).toMatchObject({ title: '', deadline: null, contact: null });
    expect(cleared.json().missing).toEqual(expect.arrayContaining(['title', 'deadline', 'contact']));
    const moved = await publisher.request('PATCH', `/api/challenges/${id}`, { industry: 'medical_devices' });
    expect(moved.json()).toMatchObject({ industry: 'medical_devices', industryChain: null });
    expect(moved.json().missing).toContain('industryChain');
  });

  it('checks the money adds up and the chain belongs to the industry', async () => {
    const bad = await publisher.request('POST', '/api/challenges', completeDraft({ industryChain: 'imaging' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].path).toBe('industryChain');
    const { id } = (await publisher.request('POST', '/api/challenges', completeDraft({ subsidyYuan: 5 }))).json();
    const res = await publisher.request('POST', `/api/challenges/${id}/submit`);
    expect(res.json().fields).toEqual([expect.objectContaining({ path: 'subsidyYuan' })]);
  });

  it('waits for every joint publisher to confirm', async () => {
    const partner = await makeOrganisation(db(), { kind: 'enterprise' });
    const partnerClient = await logIn(t.app, (await makeUser(db(), { role: 'enterprise_member', organisationId: partner.id })).email);
    const { id } = (await publisher.request('POST', '/api/challenges', completeDraft({ jointPublisherIds: [partner.id] }))).json();
    const early = await publisher.request('POST', `/api/challenges/${id}/submit`);
    expect(early.json().fields).toEqual([expect.objectContaining({ path: 'jointPublisherIds', message: expect.stringContaining(partner.name) })]);
    expect((await partnerClient.request('POST', `/api/challenges/${id}/joint-publishers/confirm`)).statusCode).toBe(200);
    expect((await publisher.request('POST', `/api/challenges/${id}/submit`)).json().status).toBe('submitted');
  });

  it('lets an unverified enterprise draft but not submit', async () => {
    const pending = await makeUser(db(), { role: 'enterprise_member', verification: 'pending' });
    const c = await logIn(t.app, pending.email);
    const { id } = (await c.request('POST', '/api/challenges', completeDraft())).json();
    const res = await c.request('POST', `/api/challenges/${id}/submit`);
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toMatch(/verified/);
  });

  it('keeps drafts from other enterprises, teams and the public', async () => {
    const c = await makeChallenge(db(), { publisherId: enterprise.id, createdBy: author.id, status: 'submitted' });
    for (const client of [otherEnterpriseClient, teamClient]) expect((await client.request('GET', `/api/challenges/${c.id}`)).statusCode).toBe(404);
    expect((await anon(`/api/challenges/${c.id}`)).statusCode).toBe(404);
    expect((await official.request('GET', `/api/challenges/${c.id}`)).statusCode).toBe(200);
  });
});

describe('visibility of published challenges', () => {
  it('hides a restricted description, contact and documents from the public and unverified users', async () => {
    const secret = '详细工艺参数：烧结温度七百八十摄氏度';
    const c = await published({ descriptionVisibility: 'restricted', description: secret });
    const pub = (await anon(`/api/challenges/${c.id}`)).json();
    expect(pub.description).toBeNull();
    expect(pub.contact).toBeNull();
    expect(pub.viewer.canSeeDescription).toBe(false);
    expect(JSON.stringify(pub)).not.toContain('七百八十');
    const pendingTeam = await logIn(t.app, (await makeUser(db(), { role: 'team_member', verification: 'pending' })).email);
    expect((await pendingTeam.request('GET', `/api/challenges/${c.id}`)).json().description).toBeNull();
    expect((await teamClient.request('GET', `/api/challenges/${c.id}`)).json().description).toBe(secret);
    expect((await official.request('GET', `/api/challenges/${c.id}`)).json().description).toBe(secret);
  });

  it('does not find a restricted description through search', async () => {
    const secret = `绝密工艺${Date.now() % 100000}`;
    await published({ descriptionVisibility: 'restricted', description: `内部参数 ${secret}` });
    const res = (await anon(`/api/challenges?q=${encodeURIComponent(secret)}`)).json();
    expect(res.total).toBe(0);
  });

  it('shows a directed challenge only to invited teams, the publisher and officials: detail, list, search and count', async () => {
    const title = unique('定向发榜伺服驱动');
    const c = await published({ directed: true, title }, { invitedTeamIds: [team.id] });
    const listed = async (get: (u: string) => Promise<{ json(): { items: { id: string }[]; total: number } }>) => {
      const res = (await get(`/api/challenges?q=${encodeURIComponent('伺服驱动')}&pageSize=100`)).json();
      return res.items.some((i) => i.id === c.id);
    };
    expect((await anon(`/api/challenges/${c.id}`)).statusCode).toBe(404);
    expect((await otherTeamClient.request('GET', `/api/challenges/${c.id}`)).statusCode).toBe(404);
    expect(await listed(anon)).toBe(false);
    expect(await listed((u) => otherTeamClient.request('GET', u))).toBe(false);
    expect((await teamClient.request('GET', `/api/challenges/${c.id}`)).statusCode).toBe(200);
    expect(await listed((u) => teamClient.request('GET', u))).toBe(true);
    expect(await listed((u) => official.request('GET', u))).toBe(true);
    expect(await listed((u) => publisher.request('GET', u))).toBe(true);
  });
});

describe('Chinese search and filters', () => {
  it('finds challenges by two- and four-character terms, and by terms jieba splits', async () => {
    const c = await published({ title: unique('车规级功率芯片封装可靠性提升'), summary: '提升碳化硅功率模块在高温循环下的封装可靠性。' });
    for (const q of ['芯片', '封装', '功率芯片', '碳化硅', '可靠性']) {
      const res = (await anon(`/api/challenges?q=${encodeURIComponent(q)}&pageSize=100`)).json();
      expect(res.items.map((i: { id: string }) => i.id), q).toContain(c.id);
    }
    expect((await anon(`/api/challenges?q=${encodeURIComponent('疫苗佐剂')}&pageSize=100`)).json().items.map((i: { id: string }) => i.id)).not.toContain(c.id);
  });

  it('filters by industry, bounty range and status, and sorts by bounty', async () => {
    const big = await published({ industry: 'medical_devices', industryChain: 'imaging', bountyYuan: 9_000_000, enterpriseFundsYuan: 6_000_000, subsidyYuan: 3_000_000 });
    const res = (await anon('/api/challenges?industry=medical_devices&bountyMinYuan=8000000&sort=bounty&status=published')).json();
    expect(res.items[0].id).toBe(big.id);
    expect(res.items.every((i: { industry: string; bountyYuan: number }) => i.industry === 'medical_devices' && i.bountyYuan >= 8_000_000)).toBe(true);
    const bad = await anon('/api/challenges?bountyMinYuan=lots');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].path).toBe('query.bountyMinYuan');
  });
});

describe('batches and deadlines', () => {
  it('publishes a batch at once and schedules each deadline through the outbox', async () => {
    const a = await makeChallenge(db(), { publisherId: enterprise.id, createdBy: author.id, status: 'approved' });
    const b = await makeChallenge(db(), { publisherId: enterprise.id, createdBy: author.id, status: 'approved' });
    const number = 10 + Math.floor(Math.random() * 80);
    const year = 2000 + Math.floor(Math.random() * 100);
    const created = await official.request('POST', '/api/batches', { year, number, challengeIds: [a.id, b.id] });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().title).toMatch(new RegExp(`^${year}年第.+批$`));
    const res = await official.request('POST', `/api/batches/${created.json().id}/publish`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().published.sort()).toEqual([a.id, b.id].sort());
    for (const c of [a, b]) {
      expect((await anon(`/api/challenges/${c.id}`)).json().status).toBe('published');
      const [job] = await db().select().from(outbox).where(eq(outbox.jobId, `deadline.${c.id}.${c.deadline!.getTime()}`));
      expect(job?.runAt.getTime()).toBe(c.deadline!.getTime());
    }
    expect((await official.request('POST', `/api/batches/${created.json().id}/publish`)).statusCode).toBe(409);
    const publicBatches = (await anon('/api/batches')).json().items;
    expect(publicBatches.map((x: { id: string }) => x.id)).toContain(created.json().id);
    expect(publicBatches.every((x: { status: string }) => x.status === 'published')).toBe(true);
    expect((await publisher.request('POST', '/api/batches', { year, number: number + 1, challengeIds: [a.id] })).statusCode).toBe(403);
  });

  it('closes a challenge with bids and marks one without bids unfilled; early or repeated runs change nothing', async () => {
    const past = new Date(Date.now() - 60_000).toISOString();
    const withBid = await published({ deadline: past });
    const without = await published({ deadline: past });
    const later = await published();
    await db().insert(bids).values({ challengeId: withBid.id, teamId: team.id, status: 'submitted', challengeRevision: 1, submittedAt: new Date() });
    const svc = t.rt.services.challenges;
    expect(await svc.closeAtDeadline(withBid.id)).toBe('closed');
    expect(await svc.closeAtDeadline(without.id)).toBe('unfilled');
    expect(await svc.closeAtDeadline(withBid.id)).toBe('skipped');
    expect(await svc.closeAtDeadline(later.id)).toBe('skipped');
    const [row] = await db().select().from(challenges).where(eq(challenges.id, later.id));
    expect(row!.status).toBe('published');
  });
});

describe('changing terms and Q&A', () => {
  it('requires a reason, bumps the revision, flags submitted bids and notifies their teams', async () => {
    const c = await published();
    await db().insert(bids).values({ challengeId: c.id, teamId: team.id, status: 'submitted', challengeRevision: 1, submittedAt: new Date() });
    const noReason = await publisher.request('POST', `/api/challenges/${c.id}/terms`, { bountyYuan: 3_500_000 });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().fields[0].path).toBe('reason');
    const res = await publisher.request('POST', `/api/challenges/${c.id}/terms`, { reason: '企业追加投入', bountyYuan: 3_500_000 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ revision: 2, bountyYuan: 3_500_000 });
    const [bid] = await db().select().from(bids).where(eq(bids.challengeId, c.id));
    expect(bid!.needsReconfirmation).toBe(true);
    const jobs = await db().select().from(outbox).where(eq(outbox.jobId, `notify.challenge.terms.${c.id}.r2.${team.id}`));
    expect(jobs).toHaveLength(1);
    expect((await otherEnterpriseClient.request('POST', `/api/challenges/${c.id}/terms`, { reason: 'x', bountyYuan: 1 })).statusCode).toBe(403);
  });

  it('shows answered questions to everyone without revealing which team asked', async () => {
    const c = await published();
    const asked = await teamClient.request('POST', `/api/challenges/${c.id}/questions`, { question: '能否提供 10 片样品用于前期测试？' });
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json().questions).toEqual([expect.objectContaining({ mine: true, answer: null })]);
    expect((await anon(`/api/challenges/${c.id}`)).json().questions).toEqual([]);
    const q = asked.json().questions[0];
    expect((await otherEnterpriseClient.request('POST', `/api/challenges/${c.id}/questions`, { question: '?' })).statusCode).toBe(403);
    const answered = await publisher.request('POST', `/api/challenges/${c.id}/questions/${q.id}/answer`, { answer: '可以，签署保密协议后提供。' });
    expect(answered.statusCode, answered.body).toBe(200);
    const pub = (await anon(`/api/challenges/${c.id}`)).json();
    expect(pub.questions).toEqual([expect.objectContaining({ question: q.question, answer: '可以，签署保密协议后提供。', mine: false })]);
    expect(JSON.stringify(pub.questions)).not.toContain(team.id);
    const jobs = await db().select().from(outbox).where(and(eq(outbox.jobId, `notify.challenge.answer.${q.id}`)));
    expect(jobs).toHaveLength(1);
  });
});
