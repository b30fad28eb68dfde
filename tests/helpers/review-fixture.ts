import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { challenges } from '../../db/schema';
import type { Db } from '../../server/infra/database';
import { makeChallenge } from './challenges';
import { logIn, type Client } from './client';
import { makeOrganisation, makeUser } from './factories';

export const proposalContent = {
  technicalRoute: '镍基涂层路线',
  indicatorResponses: [{ indicatorIndex: 0, approach: '多孔结构', committedValue: '≤ 110' }],
  members: [{ name: '张教授', title: '教授', role: 'lead' }],
  partnerIds: [] as string[],
  quotedPriceYuan: 2_500_000,
  durationMonths: 18,
  milestones: [{ title: '交付', deliverable: '报告', dueMonth: 18, sharePercent: 100 }],
};

/** A challenge past its deadline with `n` submitted bids that passed the eligibility check. */
export async function closedWithEligibleBids(app: FastifyInstance, db: Db, o: { publisherId: string; authorId: string; official: Client; n: number; allowsHorseRace?: boolean }) {
  const c = await makeChallenge(db, { publisherId: o.publisherId, createdBy: o.authorId, status: 'published' });
  if (o.allowsHorseRace) await db.update(challenges).set({ allowsHorseRace: true }).where(eq(challenges.id, c.id));
  const bids: { id: string; teamId: string; client: Client; email: string }[] = [];
  for (let i = 0; i < o.n; i++) {
    const team = await makeOrganisation(db, { kind: 'team' });
    const { email } = await makeUser(db, { role: 'team_member', organisationId: team.id });
    const client = await logIn(app, email);
    const { id } = (await client.request('POST', '/api/bids', { challengeId: c.id })).json();
    await client.request('PUT', `/api/bids/${id}/draft`, proposalContent);
    expect((await client.request('POST', `/api/bids/${id}/submit`)).statusCode).toBe(200);
    bids.push({ id, teamId: team.id, client, email });
  }
  await db.update(challenges).set({ deadline: new Date(Date.now() - 1000) }).where(eq(challenges.id, c.id));
  for (const b of bids) expect((await o.official.request('POST', `/api/bids/${b.id}/eligibility`, { decision: 'eligible' })).statusCode).toBe(200);
  return { challenge: c, bids };
}

/** Criteria, one expert per bid, and scores descending in bid order: a final ranking. */
export async function reviewed(app: FastifyInstance, db: Db, official: Client, challengeId: string, bidIds: string[]) {
  const set = await official.request('PUT', `/api/challenges/${challengeId}/criteria`, { criteria: [{ name: '技术路线', weight: 70 }, { name: '团队实力', weight: 30 }] });
  const [a, b] = set.json().criteria as { id: string }[];
  for (const [i, bidId] of bidIds.entries()) {
    const u = await makeUser(db, { role: 'expert' });
    const expert = await logIn(app, u.email);
    await expert.request('PUT', '/api/experts/me/profile', { institution: '东南大学', expertise: '' });
    const assignment = (await official.request('POST', `/api/bids/${bidId}/assignments`, { expertId: u.id })).json().id as string;
    const score = 9 - i;
    expect((await expert.request('POST', `/api/assignments/${assignment}/scores`, { scores: [{ criterionId: a!.id, score, comment: `技术路线意见 ${i + 1}`, shareable: true }, { criterionId: b!.id, score, comment: '仅供内部参考', shareable: false }] })).statusCode).toBe(200);
  }
}
