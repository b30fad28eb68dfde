import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { logIn, type Client } from '../helpers/client';
import { makeUser } from '../helpers/factories';

let t: TestApp;
let team: Client;
beforeAll(async () => {
  t = await createTestApp();
  team = await logIn(t.app, (await makeUser(t.rt.database.db, { role: 'team_member' })).email);
});
afterAll(async () => t?.close());

const some = '00000000-0000-4000-8000-000000000000';
type Route = { method: 'GET' | 'POST' | 'PATCH'; url: (id: string) => string; body?: unknown; anonymous: 'allowed' | 'refused'; teamMember: number };

/** Every challenge and batch route: what an anonymous caller and a team member get, and bad input. */
const routes: Route[] = [
  { method: 'GET', url: () => '/api/challenges', anonymous: 'allowed', teamMember: 200 },
  { method: 'GET', url: (id) => `/api/challenges/${id}`, anonymous: 'allowed', teamMember: 404 },
  { method: 'POST', url: () => '/api/challenges', body: { title: '测试' }, anonymous: 'refused', teamMember: 403 },
  { method: 'PATCH', url: (id) => `/api/challenges/${id}`, body: { title: '测试' }, anonymous: 'refused', teamMember: 404 },
  { method: 'POST', url: (id) => `/api/challenges/${id}/submit`, anonymous: 'refused', teamMember: 404 },
  { method: 'POST', url: (id) => `/api/challenges/${id}/withdraw`, anonymous: 'refused', teamMember: 404 },
  { method: 'POST', url: (id) => `/api/challenges/${id}/decision`, body: { decision: 'approve' }, anonymous: 'refused', teamMember: 404 },
  { method: 'POST', url: (id) => `/api/challenges/${id}/terms`, body: { reason: '调整', bountyYuan: 1 }, anonymous: 'refused', teamMember: 404 },
  { method: 'POST', url: (id) => `/api/challenges/${id}/joint-publishers/confirm`, anonymous: 'refused', teamMember: 404 },
  { method: 'POST', url: (id) => `/api/challenges/${id}/questions`, body: { question: '？' }, anonymous: 'refused', teamMember: 404 },
  { method: 'POST', url: (id) => `/api/challenges/${id}/questions/${some}/answer`, body: { answer: '好' }, anonymous: 'refused', teamMember: 404 },
  { method: 'GET', url: () => '/api/my/challenges', anonymous: 'refused', teamMember: 403 },
  { method: 'GET', url: () => '/api/vetting/challenges', anonymous: 'refused', teamMember: 403 },
  { method: 'GET', url: () => '/api/directory/organisations?kind=team', anonymous: 'refused', teamMember: 200 },
  { method: 'GET', url: () => '/api/batches', anonymous: 'allowed', teamMember: 200 },
  { method: 'POST', url: () => '/api/batches', body: { year: 2026, number: 3, challengeIds: [some] }, anonymous: 'refused', teamMember: 403 },
  { method: 'POST', url: (id) => `/api/batches/${id}/publish`, anonymous: 'refused', teamMember: 403 },
];

describe.each(routes)('$method $url', (r) => {
  it('answers anonymous callers as it should, never with a 5xx', async () => {
    const res = await t.app.inject({ method: r.method, url: r.url(some), ...(r.body ? { payload: r.body as object } : {}) });
    if (r.anonymous === 'refused') expect(res.statusCode, res.body).toBe(401);
    else expect([200, 404]).toContain(res.statusCode);
  });

  it('answers a team member with the expected status', async () => {
    const res = await team.request(r.method, r.url(some), r.body);
    expect(res.statusCode, res.body).toBe(r.teamMember);
  });

  it.runIf(r.url('x') !== r.url(some))('names the path parameter when it is not a uuid', async () => {
    const res = await team.request(r.method, r.url('not-a-uuid'), r.body);
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].path).toMatch(/^params\./);
  });

  it.runIf(r.body !== undefined)('names the field when the body is of the wrong shape', async () => {
    const res = await team.request(r.method, r.url(some), { title: 42, question: 42, answer: 42, reason: 42, decision: 'maybe', year: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(res.json().fields.length).toBeGreaterThan(0);
  });
});
