import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, outbox } from '../../db/schema';
import { createTestApp, type TestApp } from '../helpers/app';
import { logIn } from '../helpers/client';
import { makeOrganisation, makeUser } from '../helpers/factories';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());
const db = () => t.rt.database.db;

describe('organisation verification', () => {
  it('shows officials the pending queue and lets them verify, audited and notified', async () => {
    const official = await makeUser(db(), { role: 'official' });
    const pending = await makeOrganisation(db(), { kind: 'enterprise', verification: 'pending' });
    const c = await logIn(t.app, official.email);

    const list = await c.request('GET', '/api/organisations?verification=pending&limit=200');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((o: { id: string }) => o.id)).toContain(pending.id);

    const res = await c.request('POST', `/api/organisations/${pending.id}/verification`, { decision: 'verify' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ verification: 'verified', verifiedAt: expect.any(String) });

    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.entityId, pending.id), eq(auditLog.action, 'organisation.verify')));
    expect(audit).toMatchObject({ actorId: official.id, before: { verification: 'pending' }, after: { verification: 'verified' } });
    const jobs = await db().select().from(outbox).where(eq(outbox.queue, 'notifications'));
    expect(jobs.some((j) => j.jobId.startsWith(`notify.organisation.verify.${pending.id}.`))).toBe(true);
  });

  it('answers 409 INVALID_TRANSITION when verifying an organisation that is already verified', async () => {
    const official = await makeUser(db(), { role: 'official' });
    const verified = await makeOrganisation(db(), { kind: 'team', verification: 'verified' });
    const c = await logIn(t.app, official.email);
    const res = await c.request('POST', `/api/organisations/${verified.id}/verification`, { decision: 'verify' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('INVALID_TRANSITION');
  });

  it('requires a reason to reject, naming the field', async () => {
    const official = await makeUser(db(), { role: 'official' });
    const pending = await makeOrganisation(db(), { kind: 'team', verification: 'pending' });
    const c = await logIn(t.app, official.email);
    const res = await c.request('POST', `/api/organisations/${pending.id}/verification`, { decision: 'reject' });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([expect.objectContaining({ path: 'reason' })]);
    const ok = await c.request('POST', `/api/organisations/${pending.id}/verification`, { decision: 'reject', reason: '营业执照与信用代码不一致' });
    expect(ok.json()).toMatchObject({ verification: 'rejected', rejectionReason: '营业执照与信用代码不一致' });
  });

  it('lets a managing member resubmit a rejected organisation, and nobody else', async () => {
    const rejected = await makeOrganisation(db(), { kind: 'enterprise', verification: 'rejected' });
    const manager = await makeUser(db(), { role: 'enterprise_member', organisationId: rejected.id, canManage: true });
    const plain = await makeUser(db(), { role: 'enterprise_member', organisationId: rejected.id, canManage: false });
    expect((await (await logIn(t.app, plain.email)).request('POST', `/api/organisations/${rejected.id}/resubmit`)).statusCode).toBe(403);
    const res = await (await logIn(t.app, manager.email)).request('POST', `/api/organisations/${rejected.id}/resubmit`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().verification).toBe('pending');
  });

  it.each(['enterprise_member', 'team_member', 'expert'] as const)('forbids a %s to list or verify organisations', async (role) => {
    const u = await makeUser(db(), { role });
    const pending = await makeOrganisation(db(), { kind: 'team', verification: 'pending' });
    const c = await logIn(t.app, u.email);
    expect((await c.request('GET', '/api/organisations')).statusCode).toBe(403);
    const res = await c.request('POST', `/api/organisations/${pending.id}/verification`, { decision: 'verify' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
  });

  it('asks anonymous callers to log in', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/organisations' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('UNAUTHENTICATED');
  });

  it('shows an organisation to its members and officials only, with the credit code', async () => {
    const org = await makeOrganisation(db(), { kind: 'enterprise' });
    const member = await makeUser(db(), { role: 'enterprise_member', organisationId: org.id });
    const outsider = await makeUser(db(), { role: 'enterprise_member' });
    const official = await makeUser(db(), { role: 'official' });
    expect((await (await logIn(t.app, member.email)).request('GET', `/api/organisations/${org.id}`)).json().creditCode).toBe(org.creditCode);
    expect((await (await logIn(t.app, official.email)).request('GET', `/api/organisations/${org.id}`)).statusCode).toBe(200);
    expect((await (await logIn(t.app, outsider.email)).request('GET', `/api/organisations/${org.id}`)).statusCode).toBe(403);
  });
});

describe('invitations', () => {
  it('lets a manager invite a colleague, who registers with the link and joins as a member', async () => {
    const org = await makeOrganisation(db(), { kind: 'team' });
    const manager = await makeUser(db(), { role: 'team_member', organisationId: org.id, canManage: true });
    const c = await logIn(t.app, manager.email);
    const email = `colleague-${Date.now()}@example.test`;
    const inv = await c.request('POST', `/api/organisations/${org.id}/invitations`, { email, role: 'team_member' });
    expect(inv.statusCode, inv.body).toBe(201);
    const token = new URL(inv.json().link).searchParams.get('invitation')!;

    const preview = await t.app.inject({ method: 'GET', url: `/api/invitations/${token}` });
    expect(preview.json()).toMatchObject({ organisationName: org.name, role: 'team_member', email });

    const wrongEmail = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: { mode: 'invitation', invitationToken: token, person: { name: '李青', email: `other-${email}`, password: 'Strong-pass-2026' } } });
    expect(wrongEmail.statusCode).toBe(400);
    expect(wrongEmail.json().fields[0].path).toBe('person.email');

    const res = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: { mode: 'invitation', invitationToken: token, person: { name: '李青', email, password: 'Strong-pass-2026' } } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().user.memberships).toEqual([expect.objectContaining({ organisationId: org.id, role: 'team_member', canManage: false })]);

    const reused = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: { mode: 'invitation', invitationToken: token, person: { name: '李青', email: `x${email}`, password: 'Strong-pass-2026' } } });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().fields[0].path).toBe('invitationToken');

    const members = await c.request('GET', `/api/organisations/${org.id}/members`);
    expect(members.json().items.map((m: { email: string }) => m.email)).toContain(email);
  });

  it('refuses a role the organisation kind cannot have, and non-managers', async () => {
    const org = await makeOrganisation(db(), { kind: 'enterprise' });
    const manager = await makeUser(db(), { role: 'enterprise_member', organisationId: org.id, canManage: true });
    const plain = await makeUser(db(), { role: 'enterprise_member', organisationId: org.id, canManage: false });
    const bad = await (await logIn(t.app, manager.email)).request('POST', `/api/organisations/${org.id}/invitations`, { email: 'a@example.test', role: 'official' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].path).toBe('role');
    const denied = await (await logIn(t.app, plain.email)).request('POST', `/api/organisations/${org.id}/invitations`, { email: 'b@example.test', role: 'enterprise_member' });
    expect(denied.statusCode).toBe(403);
  });
});
