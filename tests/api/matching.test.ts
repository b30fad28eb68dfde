import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { challengeMatches, challenges, contractParties, contracts, creditRecords, introductions, matchInvitations, memberships, milestones, organisations, outbox } from '../../db/schema';
import type { TeamProfile } from '../../shared/contracts/matching';
import { createTestApp, type TestApp } from '../helpers/app';
import { makeChallenge } from '../helpers/challenges';
import { logIn, type Client } from '../helpers/client';
import { finalAward } from '../helpers/contract-fixture';
import { makeOrganisation, makeUser, unique } from '../helpers/factories';

let t: TestApp;
const db = () => t.rt.database.db;
let official: Client;
let publisher: Client;
let enterpriseId: string;
let authorId: string;

beforeAll(async () => {
  t = await createTestApp();
  await makeOrganisation(db(), { kind: 'bureau' });
  enterpriseId = (await makeOrganisation(db(), { kind: 'enterprise' })).id;
  const author = await makeUser(db(), { role: 'enterprise_member', organisationId: enterpriseId });
  authorId = author.id;
  publisher = await logIn(t.app, author.email);
  official = await logIn(t.app, (await makeUser(db(), { role: 'official' })).email);
});
afterAll(async () => t?.close());

/** A term no other test's team or challenge has, so rankings in the shared database are about this test's teams. */
const marker = () => unique('zq').replace(/[^a-z0-9]/gi, '').toLowerCase();

const profile = (keywords: string[], o: Partial<{ fields: string[]; capacity: number; description: string }> = {}) => ({
  fields: o.fields ?? ['electrolysis'],
  keywords,
  description: o.description ?? '',
  region: '南京市',
  capacity: o.capacity ?? 3,
  people: [{ name: '方静怡', title: '研究员', expertise: 'PEM电解水膜电极' }],
  results: [{ kind: 'paper' as const, title: '低铱阳极催化剂的稳定性研究', year: 2024 }],
});

async function teamWith(keywords: string[], o: Parameters<typeof profile>[1] = {}) {
  const lead = await makeUser(db(), { role: 'team_member' });
  const client = await logIn(t.app, lead.email);
  const res = await client.request('PUT', `/api/teams/${lead.organisationId}/profile`, profile(keywords, o));
  expect(res.statusCode, res.body).toBe(200);
  return { id: lead.organisationId, client, userId: lead.id };
}

async function publishedChallenge(title: string, o: { directed?: boolean } = {}) {
  const c = await makeChallenge(db(), { publisherId: enterpriseId, createdBy: authorId, status: 'published', draft: { title, summary: title, description: title, indicators: [{ name: title, targetValue: '≥ 1', unit: '项', verification: '检测' }], industry: 'hydrogen', industryChain: 'electrolysis', ...(o.directed ? { directed: true } : {}) } });
  return c;
}

describe('team profiles', () => {
  it('lets a team manager edit the profile, checks every field, and queues a re-rank', async () => {
    const lead = await makeUser(db(), { role: 'team_member' });
    const client = await logIn(t.app, lead.email);
    const before = (await client.request('GET', `/api/teams/${lead.organisationId}/profile`)).json() as TeamProfile;
    expect(before).toMatchObject({ editable: true, keywords: ['储能材料'], version: 0 });
    const bad = await client.request('PUT', `/api/teams/${lead.organisationId}/profile`, { ...profile(['电解水']), fields: ['not_a_field'], capacity: -1, results: [{ kind: 'paper', title: '', year: 1800 }] });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['fields.0', 'capacity', 'results.0.title', 'results.0.year']));
    const saved = (await client.request('PUT', `/api/teams/${lead.organisationId}/profile`, profile(['电解水制氢', '膜电极'], { description: '研究PEM电解水。' }))).json() as TeamProfile;
    expect(saved).toMatchObject({ fields: ['electrolysis'], keywords: ['电解水制氢', '膜电极'], region: '南京市', version: 1, people: [{ name: '方静怡' }], results: [{ kind: 'paper', year: 2024 }] });
    expect(await db().select().from(outbox).where(eq(outbox.jobId, `rerank.${lead.organisationId}.1`))).toHaveLength(1);
    // Others read it but cannot edit it; a non-manager member cannot either.
    const other = await logIn(t.app, (await makeUser(db(), { role: 'team_member' })).email);
    expect((await other.request('GET', `/api/teams/${lead.organisationId}/profile`)).json().editable).toBe(false);
    expect((await other.request('PUT', `/api/teams/${lead.organisationId}/profile`, profile(['x']))).statusCode).toBe(403);
    const member = await logIn(t.app, (await makeUser(db(), { role: 'team_member', organisationId: lead.organisationId, canManage: false })).email);
    expect((await member.request('PUT', `/api/teams/${lead.organisationId}/profile`, profile(['x']))).statusCode).toBe(403);
    expect((await official.request('PUT', `/api/teams/${lead.organisationId}/profile`, profile(['电解水制氢']))).json().version).toBe(2);
  });
});

describe('a newly verified team', () => {
  it('gets a profile and a re-rank of the open challenges when an official verifies it', async () => {
    const pending = await makeOrganisation(db(), { kind: 'team', verification: 'pending' });
    const res = await official.request('POST', `/api/organisations/${pending.id}/verification`, { decision: 'verify' });
    expect(res.statusCode, res.body).toBe(200);
    expect(await db().select().from(outbox).where(eq(outbox.jobId, `rerank.${pending.id}.1`))).toHaveLength(1);
    const enterprise = await makeOrganisation(db(), { kind: 'enterprise', verification: 'pending' });
    await official.request('POST', `/api/organisations/${enterprise.id}/verification`, { decision: 'verify' });
    expect(await db().select().from(outbox).where(like(outbox.jobId, `rerank.${enterprise.id}.%`))).toEqual([]);
  });
});

describe('ranking a challenge', () => {
  it('stores the ranked teams with explanations, leaving out barred teams and the publisher’s own', async () => {
    const m = marker();
    const strong = await teamWith([m, '膜电极', '低铱催化剂'], { description: `${m} 膜电极与低铱阳极催化剂研究。` });
    const weaker = await teamWith([m, '电解槽'], { fields: ['fuel_cells'] });
    const barred = await teamWith([m, '膜电极']);
    await db().insert(creditRecords).values({ organisationId: barred.id, reason: '合同终止', barredUntil: new Date(Date.now() + 365 * 86_400_000), createdBy: authorId, createdAt: new Date() });
    // A lab of the publishing company itself, and a team sharing a member with it.
    const [publisherOrg] = await db().select().from(organisations).where(eq(organisations.id, enterpriseId));
    const ownLab = await teamWith([m, '膜电极']);
    await db().update(organisations).set({ institution: publisherOrg!.name }).where(eq(organisations.id, ownLab.id));
    const sharedMember = await teamWith([m, '膜电极']);
    await db().insert(memberships).values({ userId: authorId, organisationId: sharedMember.id, role: 'team_member', canManage: false });

    const c = await publishedChallenge(`${m} 低铱膜电极开发`);
    expect(await t.rt.services.matching.rankChallenge({ challengeId: c.id, revision: 1 })).toBe('ranked');
    const res = await official.request('GET', `/api/challenges/${c.id}/matches`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const ids = body.items.map((i: { teamId: string }) => i.teamId);
    expect(ids[0]).toBe(strong.id);
    expect(ids).toContain(weaker.id);
    for (const excluded of [barred.id, ownLab.id, sharedMember.id]) expect(ids).not.toContain(excluded);
    expect(body.items[0].explanation).toMatchObject({ fieldMatch: 'chain', matchedTerms: expect.arrayContaining([m, '膜电极']) });
    expect(body.items.find((i: { teamId: string }) => i.teamId === weaker.id).explanation.fieldMatch).toBe('industry');
    expect(body).toMatchObject({ revision: 1, currentRevision: 1 });
    // Only officials see the ranking.
    expect((await publisher.request('GET', `/api/challenges/${c.id}/matches`)).statusCode).toBe(403);
    expect((await strong.client.request('GET', `/api/challenges/${c.id}/matches`)).statusCode).toBe(403);
  });

  it('invites the top 10 once per team, however often the job runs', async () => {
    const m = marker();
    const teams = [];
    for (let i = 0; i < 12; i++) teams.push(await teamWith([m, `${m}${i}`]));
    const c = await publishedChallenge(m);
    const job = { challengeId: c.id, revision: 1 };
    await t.rt.services.matching.rankChallenge(job);
    await t.rt.services.matching.rankChallenge(job);
    await Promise.all([t.rt.services.matching.rankChallenge(job), t.rt.services.matching.rankChallenge(job)]);
    const invited = await db().select().from(matchInvitations).where(eq(matchInvitations.challengeId, c.id));
    expect(invited).toHaveLength(10);
    const notices = await db().select().from(outbox).where(like(outbox.jobId, `notify.match.invite.${c.id}.%`));
    expect(notices).toHaveLength(10);
    expect(new Set(notices.map((n) => n.jobId)).size).toBe(10);
    expect((notices[0]!.payload as { kind: string }).kind).toBe('match_invitation');
    // The team sees it among its recommendations, with the reasons.
    const top = invited.find((i) => i.rank === 1)!;
    const mine = teams.find((x) => x.id === top.teamId)!;
    const recs = (await mine.client.request('GET', '/api/recommendations')).json().items;
    expect(recs.find((r: { challengeId: string }) => r.challengeId === c.id)).toMatchObject({ matchedTerms: expect.arrayContaining([m]), fieldMatch: 'chain' });

    // Only open, public challenges are recommended, best score first: a closed one, a directed
    // one and one past its deadline drop out though the team stays ranked for them.
    const others = [];
    for (let i = 0; i < 4; i++) {
      const o = await publishedChallenge(`${m} 其他 ${i}`);
      await t.rt.services.matching.rankChallenge({ challengeId: o.id, revision: 1 });
      others.push(o.id);
    }
    await db().update(challenges).set({ status: 'closed' }).where(eq(challenges.id, others[0]!));
    await db().update(challenges).set({ directed: true }).where(eq(challenges.id, others[1]!));
    await db().update(challenges).set({ deadline: new Date(Date.now() - 1000) }).where(eq(challenges.id, others[2]!));
    const after = (await mine.client.request('GET', '/api/recommendations')).json().items as { challengeId: string; score: number }[];
    const shown = after.map((r) => r.challengeId);
    expect(shown).toEqual(expect.arrayContaining([c.id, others[3]!]));
    for (const gone of others.slice(0, 3)) expect(shown).not.toContain(gone);
    expect(after.map((r) => r.score)).toEqual([...after.map((r) => r.score)].sort((a, b) => b - a));
  });

  it('does nothing for a stale revision; a terms change queues the new one', async () => {
    const m = marker();
    await teamWith([m]);
    const c = await publishedChallenge(`${m} 测试`);
    await db().update(challenges).set({ revision: 2 }).where(eq(challenges.id, c.id));
    expect(await t.rt.services.matching.rankChallenge({ challengeId: c.id, revision: 1 })).toBe('skipped');
    expect(await db().select().from(challengeMatches).where(eq(challengeMatches.challengeId, c.id))).toEqual([]);
    const changed = await publisher.request('POST', `/api/challenges/${c.id}/terms`, { reason: '调整指标', bountyYuan: 3_000_000 });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(await db().select().from(outbox).where(eq(outbox.jobId, `rank.${c.id}.3`))).toHaveLength(1);
  });

  it('re-ranks open challenges when a team’s profile changes', async () => {
    const m = marker();
    const c = await publishedChallenge(`${m} 波动工况制氢`);
    const team = await teamWith(['无关方向'], { fields: ['imaging'] });
    await t.rt.services.matching.rankChallenge({ challengeId: c.id, revision: 1 });
    const before = (await official.request('GET', `/api/challenges/${c.id}/matches`)).json();
    expect(before.items.map((i: { teamId: string }) => i.teamId)).not.toContain(team.id);
    const saved = (await team.client.request('PUT', `/api/teams/${team.id}/profile`, profile([m, '波动工况制氢']))).json() as TeamProfile;
    // The re-rank job for this version queues a ranking of every open challenge, this one included.
    expect(await t.rt.services.matching.rerankTeam({ teamId: team.id, version: saved.version - 1 })).toBe('skipped');
    expect(await t.rt.services.matching.rerankTeam({ teamId: team.id, version: saved.version })).toBeGreaterThan(0);
    const queued = await db().select().from(outbox).where(eq(outbox.jobId, `rank.${c.id}.1.t${team.id}.v${saved.version}`));
    expect(queued).toHaveLength(1);
    await t.rt.services.matching.rankChallenge({ challengeId: c.id, revision: 1 });
    const after = (await official.request('GET', `/api/challenges/${c.id}/matches`)).json();
    expect(after.items[0].teamId).toBe(team.id);
  });

  it('suggests whom to invite to a directed draft, to its publisher and officials only', async () => {
    const m = marker();
    const team = await teamWith([m, '电解槽']);
    const draft = await makeChallenge(db(), { publisherId: enterpriseId, createdBy: authorId, status: 'draft', draft: { title: `${m} 定向需求`, summary: m, description: m, indicators: [{ name: m, targetValue: '≥ 1', unit: '项', verification: '检测' }], industry: 'hydrogen', industryChain: 'electrolysis', directed: true } });
    const res = await publisher.request('GET', `/api/challenges/${draft.id}/suggested-teams`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items[0]).toMatchObject({ teamId: team.id, rank: 1 });
    expect((await team.client.request('GET', `/api/challenges/${draft.id}/suggested-teams`)).statusCode).toBe(404);
    expect((await official.request('GET', `/api/challenges/${draft.id}/suggested-teams`)).statusCode).toBe(200);
  });
});

describe('introductions (撮合)', () => {
  it('records an official’s introduction once, notifies both sides, and credits the official as broker of the resulting contract', async () => {
    const contractId = await finalAwardWithIntroduction();
    const view = (await official.request('GET', `/api/contracts/${contractId}`)).json();
    expect(view.broker).toMatchObject({ name: '王经理', userId: authorId, introducedOn: '2026-01-15' });
  });

  it('refuses a second introduction, a future date, an unknown team and non-officials', async () => {
    const m = marker();
    const team = await teamWith([m]);
    const c = await publishedChallenge(`${m} 撮合`);
    const ok = await official.request('POST', `/api/challenges/${c.id}/introductions`, { teamId: team.id, note: '已电话沟通' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ teamId: team.id, note: '已电话沟通' });
    expect((await official.request('POST', `/api/challenges/${c.id}/introductions`, { teamId: team.id })).statusCode).toBe(409);
    const future = await official.request('POST', `/api/challenges/${c.id}/introductions`, { teamId: (await teamWith([m])).id, introducedOn: '2999-01-01' });
    expect(future.json().fields[0].path).toBe('introducedOn');
    const unknown = await official.request('POST', `/api/challenges/${c.id}/introductions`, { teamId: enterpriseId });
    expect(unknown.json().fields[0].path).toBe('teamId');
    expect((await publisher.request('POST', `/api/challenges/${c.id}/introductions`, { teamId: team.id })).statusCode).toBe(403);
    const notices = await db().select().from(outbox).where(like(outbox.jobId, `notify.match.intro.${ok.json().id}.%`));
    expect(notices).toHaveLength(2);
    expect((await official.request('GET', `/api/challenges/${c.id}/matches`)).json().introductions).toEqual([expect.objectContaining({ teamId: team.id })]);
  });
});

/**
 * A final award whose winning team was introduced by someone: the introduction is written
 * once the winner is known, and the contract is drafted again so the drafting reads it.
 */
async function finalAwardWithIntroduction(): Promise<string> {
  const award = await finalAward(t.app, db(), t.rt.services, { publisherId: enterpriseId, authorId, publisher, official });
  const c = award.contracts[0]!;
  await db().insert(introductions).values({ challengeId: award.challenge.id, teamId: c.teamId, brokerUserId: authorId, brokerName: '王经理', introducedOn: '2026-01-15', createdAt: new Date() });
  await db().delete(contractParties).where(eq(contractParties.contractId, c.id));
  await db().delete(milestones).where(eq(milestones.contractId, c.id));
  await db().delete(contracts).where(eq(contracts.id, c.id));
  await db().transaction(async (tx) => t.rt.services.contracts.draftForAward(tx, { id: award.awardId, challengeId: award.challenge.id, winnerBidIds: [c.bidId] }));
  const [redrafted] = await db().select().from(contracts).where(eq(contracts.awardId, award.awardId));
  return redrafted!.id;
}
