import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import type { Transition } from '../../shared/lifecycle';
import { challengeLifecycle, type ChallengeEvent, type ChallengeState } from '../../shared/lifecycles/challenge';
import type { Role } from '../../shared/roles';
import { createTestApp, type TestApp } from '../helpers/app';
import { makeChallenge } from '../helpers/challenges';
import { logIn, type Client } from '../helpers/client';
import { makeOrganisation, makeUser } from '../helpers/factories';

let t: TestApp;
let publisherId: string;
let author: { id: string; email: string };
const clients = {} as Record<Role, Client>;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.rt.database.db;
  publisherId = (await makeOrganisation(db, { kind: 'enterprise' })).id;
  author = await makeUser(db, { role: 'enterprise_member', organisationId: publisherId });
  clients.enterprise_member = await logIn(t.app, author.email);
  for (const role of ['team_member', 'official', 'expert', 'admin'] as const) clients[role] = await logIn(t.app, (await makeUser(t.rt.database.db, { role })).email);
});
afterAll(async () => t?.close());

/** How each event is asked for over HTTP. */
function fire(c: Client, id: string, event: ChallengeEvent) {
  switch (event) {
    case 'edit':
      return c.request('PATCH', `/api/challenges/${id}`, { summary: '补充说明：样品可由企业提供。' });
    case 'submit':
      return c.request('POST', `/api/challenges/${id}/submit`);
    case 'withdraw':
      return c.request('POST', `/api/challenges/${id}/withdraw`);
    case 'approve':
      return c.request('POST', `/api/challenges/${id}/decision`, { decision: 'approve' });
    case 'reject':
      return c.request('POST', `/api/challenges/${id}/decision`, { decision: 'reject', reason: '需求与本批次方向不符' });
    case 'rework':
      return c.request('POST', `/api/challenges/${id}/decision`, { decision: 'rework', comments: '技术指标不够量化，请补充测试条件' });
    case 'change_terms':
      return c.request('POST', `/api/challenges/${id}/terms`, { reason: '根据答疑调整验收方式', bountyYuan: 3_200_000 });
    default:
      throw new Error(`${event} is not fired over this API`);
  }
}

const httpEvents = challengeLifecycle.events.filter((e) => !['publish', 'close', 'mark_unfilled'].includes(e));
const people = ['enterprise_member', 'team_member', 'official', 'expert', 'admin'] as const;
const cases = challengeLifecycle.states.flatMap((state) => httpEvents.flatMap((event) => people.map((role) => [state, event, role] as const)));

describe('challenge lifecycle over the API', () => {
  it.each(cases)('from %s, %s by %s does what the table says', async (state, event, role) => {
    const c = await makeChallenge(t.rt.database.db, { publisherId, createdBy: author.id, status: state as ChallengeState });
    const res = await fire(clients[role], c.id, event as ChallengeEvent);
    const row = challengeLifecycle.transitions.find((x) => x.from === state && x.event === event) as Transition<ChallengeState, ChallengeEvent> | undefined;
    const visibleToRole = ['official', 'admin', 'enterprise_member'].includes(role) || ['published', 'closed', 'unfilled'].includes(state);
    if (!row) {
      // Not in the table: 409, or 404 for people who cannot see the challenge at all.
      expect(res.statusCode, res.body).toBe(visibleToRole ? 409 : 404);
      if (visibleToRole) expect(res.json().code).toBe('INVALID_TRANSITION');
      return;
    }
    const allowed = row.by !== 'system' && row.by.includes(role);
    if (!allowed) {
      expect(res.statusCode, res.body).toBe(visibleToRole ? 403 : 404);
      return;
    }
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe(row.to);
    const audits = await t.rt.database.db.select().from(auditLog).where(eq(auditLog.entityId, c.id));
    expect(audits.map((a) => a.action)).toContain(`challenge.${event === 'edit' ? 'edited' : event}`);
  });
});
