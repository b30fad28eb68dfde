import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, organisations, outbox, sessions, users } from '../../db/schema';
import { sha256 } from '../../server/infra/tokens';
import { createTestApp, type TestApp } from '../helpers/app';
import { clientFor, logIn, sessionCookieFrom } from '../helpers/client';
import { makeUser, testPassword, unique, validCreditCode } from '../helpers/factories';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const person = () => ({ name: '王晓明', email: `${unique('reg')}@example.test`, password: 'Strong-pass-2026' });
const enterprise = () => ({ kind: 'enterprise', name: unique('扬州测试科技有限公司'), creditCode: validCreditCode(), industry: 'new_materials', district: '邗江区' });
const register = (payload: unknown) => t.app.inject({ method: 'POST', url: '/api/auth/register', payload: payload as object });

describe('registration', () => {
  it('registers a person with a new enterprise, pending verification, and logs them in', async () => {
    const p = person();
    const res = await register({ mode: 'organisation', person: p, organisation: enterprise() });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.user.email).toBe(p.email);
    expect(body.user.roles).toEqual(['enterprise_member']);
    expect(body.user.memberships[0]).toMatchObject({ verification: 'pending', canManage: true });
    const cookie = res.headers['set-cookie'] as string;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);

    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: sessionCookieFrom(cookie) } });
    expect(me.json().user.id).toBe(body.user.id);

    const [stored] = await t.rt.database.db.select().from(users).where(eq(users.email, p.email));
    expect(stored!.passwordHash).toMatch(/^\$argon2id\$/);
    const orgId = body.user.memberships[0].organisationId;
    const audits = await t.rt.database.db.select().from(auditLog).where(eq(auditLog.entityId, orgId));
    expect(audits.map((a) => a.action)).toContain('organisation.registered');
    const jobs = await t.rt.database.db.select().from(outbox).where(eq(outbox.jobId, `notify.organisation.registered.${orgId}`));
    expect(jobs).toHaveLength(1);
  });

  it('registers a research team with its host institution and fields', async () => {
    const res = await register({
      mode: 'organisation',
      person: person(),
      organisation: { kind: 'team', name: unique('新能源材料课题组'), institution: '扬州大学', institutionKind: 'university', district: '邗江区', researchFields: ['固态电解质', '锂电正极'] },
    });
    expect(res.statusCode, res.body).toBe(201);
    const orgId = res.json().user.memberships[0].organisationId;
    const [org] = await t.rt.database.db.select().from(organisations).where(eq(organisations.id, orgId));
    expect(org).toMatchObject({ kind: 'team', institutionKind: 'university', researchFields: ['固态电解质', '锂电正极'], verification: 'pending' });
  });

  it('keeps the language the person registered in, for their notifications and mails', async () => {
    const res = await register({ mode: 'organisation', person: { ...person(), locale: 'en' }, organisation: enterprise() });
    expect(res.json().user.locale).toBe('en');
    const zh = await register({ mode: 'organisation', person: person(), organisation: enterprise() });
    expect(zh.json().user.locale).toBe('zh-CN');
  });

  it('rejects a wrong credit code check character naming the field', async () => {
    const code = validCreditCode();
    const wrongLast = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    const res = await register({ mode: 'organisation', person: person(), organisation: { ...enterprise(), creditCode: wrongLast } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'organisation.creditCode', message: expect.stringContaining('GB 32100-2015') }] });
  });

  it('rejects a weak password and a bad e-mail, naming both fields, and writes nothing', async () => {
    const p = { ...person(), email: 'not-an-email', password: 'short' };
    const res = await register({ mode: 'organisation', person: p, organisation: enterprise() });
    expect(res.statusCode).toBe(400);
    const paths = res.json().fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['person.email', 'person.password']));
  });

  it('answers 409 naming person.email when the e-mail is taken, and keeps the first account', async () => {
    const p = person();
    expect((await register({ mode: 'organisation', person: p, organisation: enterprise() })).statusCode).toBe(201);
    const again = await register({ mode: 'organisation', person: p, organisation: enterprise() });
    expect(again.statusCode).toBe(409);
    expect(again.json().fields[0].path).toBe('person.email');
  });

  it('answers 409 naming organisation.creditCode when the enterprise is already registered', async () => {
    const org = enterprise();
    expect((await register({ mode: 'organisation', person: person(), organisation: org })).statusCode).toBe(201);
    const again = await register({ mode: 'organisation', person: person(), organisation: { ...org, name: unique('另一家') } });
    expect(again.statusCode).toBe(409);
    expect(again.json().fields[0].path).toBe('organisation.creditCode');
  });
});

describe('log-in and sessions', () => {
  it('logs in, reports the user, and logs out', async () => {
    const u = await makeUser(t.rt.database.db, { role: 'team_member' });
    const c = await logIn(t.app, u.email);
    const me = await c.request('GET', '/api/auth/me');
    expect(me.json().user.email).toBe(u.email);
    expect((await c.request('POST', '/api/auth/logout')).statusCode).toBe(200);
    expect((await c.request('GET', '/api/auth/me')).json().user).toBeNull();
  });

  it('rotates the session at log-in: the session held before no longer works', async () => {
    const u = await makeUser(t.rt.database.db, { role: 'team_member' });
    const first = await logIn(t.app, u.email);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { cookie: first.cookie, 'x-csrf-token': first.csrfToken }, payload: { email: u.email, password: testPassword } });
    const second = sessionCookieFrom(res.headers['set-cookie']);
    expect(second).not.toBe(first.cookie);
    expect((await first.request('GET', '/api/auth/me')).json().user).toBeNull();
    const [row] = await t.rt.database.db.select().from(sessions).where(eq(sessions.id, sha256(first.cookie.split('=')[1]!)));
    expect(row).toBeUndefined();
  });

  it('answers INVALID_CREDENTIALS alike for a wrong password and an unknown e-mail', async () => {
    const u = await makeUser(t.rt.database.db, { role: 'team_member' });
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: u.email, password: 'Wrong-password-9' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nobody@example.test', password: 'Wrong-password-9' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().code).toBe('INVALID_CREDENTIALS');
    expect(unknown.json().message).toBe(wrong.json().message);
  });

  it('locks an account after repeated failures, even for the right password', async () => {
    const u = await makeUser(t.rt.database.db, { role: 'team_member' });
    for (let i = 0; i < t.config.LOCKOUT_THRESHOLD; i++) {
      await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: u.email, password: 'Wrong-password-9' } });
    }
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: u.email, password: testPassword } });
    expect(res.statusCode).toBe(423);
    expect(res.json().code).toBe('ACCOUNT_LOCKED');
    const locks = await t.rt.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, u.id), eq(auditLog.action, 'user.locked')));
    expect(locks).toHaveLength(1);
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const u = await makeUser(t.rt.database.db, { role: 'team_member' });
    const c = await logIn(t.app, u.email);
    const forged = await t.app.inject({ method: 'PUT', url: '/api/auth/me/locale', headers: { cookie: c.cookie }, payload: { locale: 'en' } });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().code).toBe('CSRF_TOKEN_INVALID');
    const wrong = clientFor(t.app, c.cookie, 'not-the-token');
    expect((await wrong.request('PUT', '/api/auth/me/locale', { locale: 'en' })).statusCode).toBe(403);
    expect((await c.request('PUT', '/api/auth/me/locale', { locale: 'en' })).statusCode).toBe(200);
    expect((await c.request('GET', '/api/auth/me')).json().user.locale).toBe('en');
  });

  it('expires a session that has been idle too long', async () => {
    const u = await makeUser(t.rt.database.db, { role: 'team_member' });
    const c = await logIn(t.app, u.email);
    const id = sha256(c.cookie.split('=')[1]!);
    const longAgo = new Date(Date.now() - (t.config.SESSION_IDLE_MINUTES + 1) * 60_000);
    await t.rt.database.db.update(sessions).set({ lastSeenAt: longAgo }).where(eq(sessions.id, id));
    expect((await c.request('GET', '/api/auth/me')).json().user).toBeNull();
  });
});

describe('rate limits', () => {
  it('limits log-in attempts per client', async () => {
    const limited = await createTestApp({ LOGIN_RATE_PER_MINUTE: '3' });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nobody@example.test', password: 'x' } });
        codes.push(res.statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 429]);
      const last = await limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nobody@example.test', password: 'x' } });
      expect(last.json().code).toBe('RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });
});
