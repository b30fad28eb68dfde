import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, desc, eq } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, mails, outbox, sessions, users } from '../../db/schema';
import { buildApp } from '../../server/app';
import { configSchema, loadConfig, type Config } from '../../server/config';
import { fixedClock } from '../../server/infra/clock';
import { storeMailer } from '../../server/infra/mailer';
import { argon2Hasher } from '../../server/infra/password-hasher';
import { sha256 } from '../../server/infra/tokens';
import { logSafeUrl } from '../../server/plugins/logging';
import { createRuntime, type Runtime } from '../../server/runtime';
import { createServices } from '../../server/services';
import { passwordMaxLength, passwordMessages } from '../../shared/password-policy';
import { makeChallenge } from '../helpers/challenges';
import { clientFor, logIn, sessionCookieFrom, type Client } from '../helpers/client';
import { testConfig } from '../helpers/config';
import { makeUser, testPassword, unique, validCreditCode } from '../helpers/factories';
import { multipart, pdf } from '../helpers/uploads';

/**
 * Issue 8, item 5: one describe per hardening point, each proving the point through the real
 * app. Every app built here logs into `logLines` at level info, and the last describe checks
 * that nothing secret or personal reached those lines or any job payload of the run.
 */

const logLines: string[] = [];
const logStream = { write: (line: string) => void logLines.push(line) };
/** Secrets and personal data this file handled: none may appear in a log line or a job payload. */
const secrets = new Set<string>();
const remember = (...values: (string | null | undefined)[]) => values.forEach((v) => v && v.length >= 8 && secrets.add(v));

let rt: Runtime;
let app: FastifyInstance;
let config: Config;
let storageRoot: string;
const db = () => rt.database.db;
const apps: FastifyInstance[] = [];
/** Logs at info, so every request is logged and checked. */
const logAll = { LOG_LEVEL: 'info' };

/** Another app on the same runtime with some configuration changed (limits, https, CORS). */
async function appWith(env: Record<string, string>, o: { clock?: ReturnType<typeof fixedClock> } = {}) {
  const c = testConfig({ ...logAll, STORAGE_DIR: storageRoot, ...env });
  const services = o.clock ? createServices({ db: db(), clock: o.clock, hasher: argon2Hasher, mailer: storeMailer, config: c }) : rt.services;
  const a = await buildApp({ config: c, services, probes: rt.probes, logStream });
  await a.ready();
  apps.push(a);
  return a;
}

beforeAll(async () => {
  storageRoot = await mkdtemp(join(tmpdir(), 'jiebang-hardening-'));
  config = testConfig({ ...logAll, STORAGE_DIR: storageRoot, MAX_UPLOAD_MB: '1' });
  rt = await createRuntime(config, config.DATABASE_URL!);
  app = await buildApp({ config, services: rt.services, probes: rt.probes, logStream });
  await app.ready();
});
afterAll(async () => {
  for (const a of apps) await a.close();
  await app?.close();
  await rt?.close();
  if (storageRoot) await rm(storageRoot, { recursive: true, force: true });
});

const phone = () => `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
const newPerson = () => ({ name: '李晓红', email: `${unique('hardening')}@example.test`, phone: phone(), password: `Pass-${unique('w')}-2026` });
const newEnterprise = () => ({ kind: 'enterprise', name: unique('扬州加固测试有限公司'), creditCode: validCreditCode(), industry: 'new_materials', district: '邗江区' });

async function register(a: FastifyInstance, person = newPerson(), headers: Record<string, string> = {}) {
  remember(person.password, person.email, person.phone);
  const res = await a.inject({ method: 'POST', url: '/api/auth/register', headers, payload: { mode: 'organisation', person, organisation: newEnterprise() } });
  if (res.statusCode === 201) rememberSession(res);
  return { res, person };
}

function rememberSession(res: LightMyRequestResponse) {
  const cookie = sessionCookieFrom(res.headers['set-cookie']);
  remember(cookie.split('=')[1], res.json().csrfToken);
  return cookie;
}

async function login(a: FastifyInstance, email: string, password = testPassword, headers: Record<string, string> = {}) {
  remember(password);
  const res = await a.inject({ method: 'POST', url: '/api/auth/login', headers, payload: { email, password } });
  if (res.statusCode === 200) rememberSession(res);
  return res;
}

async function loggedIn(a: FastifyInstance, email: string): Promise<Client> {
  const res = await login(a, email);
  expect(res.statusCode, res.body).toBe(200);
  return clientFor(a, sessionCookieFrom(res.headers['set-cookie']), res.json().csrfToken);
}

const setCookieOf = (res: LightMyRequestResponse) => {
  const all = res.headers['set-cookie'];
  return (Array.isArray(all) ? all : [all ?? '']).find((c) => c.startsWith('jb_session=')) ?? '';
};

const sessionRow = async (cookie: string) => (await db().select().from(sessions).where(eq(sessions.id, sha256(cookie.split('=')[1]!))))[0];

/** The reset link mailed to a user last, and the token in its #fragment. */
async function mailedResetToken(userId: string): Promise<string> {
  const [mail] = await db().select().from(mails).where(eq(mails.userId, userId)).orderBy(desc(mails.createdAt)).limit(1);
  const token = mail?.body.match(/\/password-reset\/new#token=([A-Za-z0-9_-]+)/)?.[1];
  if (!token) throw new Error('no reset link was mailed');
  remember(token);
  return token;
}

const requestReset = (a: FastifyInstance, email: string) => a.inject({ method: 'POST', url: '/api/auth/password-reset/request', payload: { email } });
const completeReset = (a: FastifyInstance, token: string, password: string) => {
  remember(password);
  return a.inject({ method: 'POST', url: '/api/auth/password-reset/complete', payload: { token, password } });
};

describe('security headers', () => {
  const expectHardened = (res: LightMyRequestResponse) => {
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  };

  it('sends them on API answers, errors and the web app alike', async () => {
    expectHardened(await app.inject({ method: 'GET', url: '/api/auth/me' }));
    expectHardened(await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'x' } }));
    expectHardened(await app.inject({ method: 'GET', url: '/challenges' }));
  });

  it('sends HSTS and upgrade-insecure-requests only when the site is served over https', async () => {
    const plain = await app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    expect(plain.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    const https = await appWith({ PUBLIC_URL: 'https://jiebang.kjj.example.gov.cn' });
    const res = await https.inject({ method: 'GET', url: '/api/auth/me' });
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
  });

  it('serves a web app that runs under the policy: no inline script or handler, every script and style from the site itself', async () => {
    // The built app when there is one (npm test builds it first), else the page it is built from.
    const built = existsSync(join(config.WEB_DIST_DIR, 'index.html'));
    const html = built ? (await app.inject({ method: 'GET', url: '/' })).body : readFileSync('web/index.html', 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(body!.trim(), 'inline script').toBe('');
      expect(attributes).toMatch(/\ssrc="\/(?!\/)/);
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/javascript:/i);
    for (const [, href] of html.matchAll(/<link\b[^>]*href="([^"]+)"/gi)) expect(href).toMatch(/^\/(?!\/)/);
  });
});

describe('CORS', () => {
  const foreign = 'https://evil.example';

  it('is closed by default: a foreign origin gets no Access-Control-Allow-Origin and no preflight', async () => {
    const u = await makeUser(db(), { role: 'team_member' });
    const c = await loggedIn(app, u.email);
    const read = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { origin: foreign, cookie: c.cookie } });
    expect(read.headers['access-control-allow-origin']).toBeUndefined();
    expect(read.headers['access-control-allow-credentials']).toBeUndefined();
    const preflight = await app.inject({ method: 'OPTIONS', url: '/api/auth/login', headers: { origin: foreign, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    expect(preflight.statusCode).toBeGreaterThanOrEqual(400);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.headers['access-control-allow-methods']).toBeUndefined();
  });

  it('opens only to the origins in CORS_ORIGINS, with credentials and the CSRF header', async () => {
    const portal = 'https://portal.kjj.example.gov.cn';
    const a = await appWith({ CORS_ORIGINS: `${portal}, https://other.example.gov.cn:8443` });
    const allowed = await a.inject({ method: 'GET', url: '/api/auth/me', headers: { origin: portal } });
    expect(allowed.headers['access-control-allow-origin']).toBe(portal);
    expect(allowed.headers['access-control-allow-credentials']).toBe('true');
    expect(allowed.headers.vary).toMatch(/origin/i);
    const preflight = await a.inject({ method: 'OPTIONS', url: '/api/auth/login', headers: { origin: portal, 'access-control-request-method': 'POST' } });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-headers']).toContain('x-csrf-token');
    const other = await a.inject({ method: 'GET', url: '/api/auth/me', headers: { origin: foreign } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const otherPreflight = await a.inject({ method: 'OPTIONS', url: '/api/auth/login', headers: { origin: foreign, 'access-control-request-method': 'POST' } });
    expect(otherPreflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a CORS_ORIGINS entry that is not an origin, naming the key', () => {
    expect(() => loadConfig({ CORS_ORIGINS: 'https://portal.example.gov.cn/app' })).toThrow(/CORS_ORIGINS/);
    expect(() => loadConfig({ CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS/);
    expect(loadConfig({}).CORS_ORIGINS).toEqual([]);
  });
});

describe('cookie flags', () => {
  const flagsOf = (cookie: string) => cookie.split(';').map((p) => p.trim().toLowerCase());

  it('sets the session cookie HttpOnly, SameSite=Lax, Path=/, expiring with the session', async () => {
    const { res } = await register(app);
    const flags = flagsOf(setCookieOf(res));
    expect(flags).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'path=/']));
    expect(flags).not.toContain('secure');
    const row = await sessionRow(sessionCookieFrom(res.headers['set-cookie']));
    const expires = flags.find((f) => f.startsWith('expires='))!.slice('expires='.length);
    expect(new Date(expires).getTime()).toBe(Math.floor(row!.expiresAt.getTime() / 1000) * 1000);
  });

  it('adds Secure when the site is served over https or COOKIE_SECURE says so', async () => {
    for (const env of [{ PUBLIC_URL: 'https://jiebang.kjj.example.gov.cn' }, { COOKIE_SECURE: 'true' }] as Record<string, string>[]) {
      const a = await appWith(env);
      const u = await makeUser(db(), { role: 'team_member' });
      const flags = flagsOf(setCookieOf(await login(a, u.email)));
      expect(flags).toEqual(expect.arrayContaining(['secure', 'httponly', 'samesite=lax', 'path=/']));
    }
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated write without its session’s token, and writes nothing', async () => {
    const u = await makeUser(db(), { role: 'team_member' });
    const c = await loggedIn(app, u.email);
    const other = await loggedIn(app, (await makeUser(db(), { role: 'team_member' })).email);
    for (const headers of [{ cookie: c.cookie }, { cookie: c.cookie, 'x-csrf-token': other.csrfToken }, { cookie: c.cookie, 'x-csrf-token': '' }]) {
      const res = await app.inject({ method: 'PUT', url: '/api/auth/me/locale', headers, payload: { locale: 'en' } });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('CSRF_TOKEN_INVALID');
    }
    const [row] = await db().select().from(users).where(eq(users.id, u.id));
    expect(row!.locale).toBe('zh-CN');
    expect((await c.request('PUT', '/api/auth/me/locale', { locale: 'en' })).statusCode).toBe(200);
  });

  it('refuses the bodies a cross-site HTML form can send without a preflight, also on anonymous writes', async () => {
    for (const [type, payload] of [
      ['text/plain', '{"email":"a@example.test","password":"x"}'],
      ['application/x-www-form-urlencoded', 'email=a%40example.test&password=x'],
    ] as const) {
      for (const url of ['/api/auth/login', '/api/auth/password-reset/request']) {
        const res = await app.inject({ method: 'POST', url, headers: { 'content-type': type }, payload });
        expect(res.statusCode, `${type} ${url}`).toBe(415);
      }
    }
    const form = multipart([{ name: 'email', data: 'a@example.test' }]);
    expect((await app.inject({ method: 'POST', url: '/api/auth/login', headers: form.headers, payload: form.payload })).statusCode).toBe(415);
  });
});

describe('rate limits', () => {
  const limits = { LOGIN_RATE_PER_MINUTE: '3', REGISTER_RATE_PER_HOUR: '2', PASSWORD_RESET_RATE_PER_HOUR: '2' };
  const expectLimited = (res: LightMyRequestResponse, windowSeconds: number) => {
    expect(res.statusCode).toBe(429);
    expect(res.json().code).toBe('RATE_LIMITED');
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
  };

  it('answers the N+1th log-in in a minute with 429 and Retry-After', async () => {
    const a = await appWith(limits);
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await login(a, 'nobody@example.test', 'Wrong-password-9')).statusCode);
    expect(codes).toEqual([401, 401, 401]);
    expectLimited(await login(a, 'nobody@example.test', 'Wrong-password-9'), 60);
  });

  it('answers the N+1th registration in an hour with 429 and Retry-After', async () => {
    const a = await appWith(limits);
    for (let i = 0; i < 2; i++) expect((await register(a)).res.statusCode).toBe(201);
    expectLimited((await register(a)).res, 3600);
  });

  it('answers the N+1th password reset request, and the N+1th use of a link, with 429 and Retry-After', async () => {
    const a = await appWith(limits);
    for (let i = 0; i < 2; i++) expect((await requestReset(a, `${unique('someone')}@example.test`)).statusCode).toBe(200);
    expectLimited(await requestReset(a, `${unique('someone')}@example.test`), 3600);
    for (let i = 0; i < 2; i++) expect((await completeReset(a, 'x'.repeat(43), 'Brand-new-pass-1')).statusCode).toBe(400);
    expectLimited(await completeReset(a, 'x'.repeat(43), 'Brand-new-pass-1'), 3600);
  });

  it('counts per client address, so one abuser does not lock everyone out', async () => {
    const a = await appWith(limits);
    for (let i = 0; i < 3; i++) await a.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '203.0.113.7', payload: { email: 'nobody@example.test', password: 'x' } });
    expect((await a.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '203.0.113.7', payload: { email: 'nobody@example.test', password: 'x' } })).statusCode).toBe(429);
    expect((await a.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '203.0.113.8', payload: { email: 'nobody@example.test', password: 'x' } })).statusCode).toBe(401);
  });
});

describe('lockout', () => {
  it('refuses even the right password for LOCKOUT_MINUTES after LOCKOUT_THRESHOLD failures, says until when, and audits it', async () => {
    const clock = fixedClock(new Date());
    const a = await appWith({ LOCKOUT_THRESHOLD: '3', LOCKOUT_MINUTES: '10' }, { clock });
    const u = await makeUser(db(), { role: 'team_member' });
    for (let i = 0; i < 3; i++) expect((await login(a, u.email, 'Wrong-password-9')).json().code).toBe('INVALID_CREDENTIALS');
    const locked = await login(a, u.email);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().code).toBe('ACCOUNT_LOCKED');
    const until = new Date(clock.now().getTime() + 10 * 60_000).toISOString();
    expect(locked.json().message).toBe(`too many failed log-ins; try again after ${until}`);
    expect(setCookieOf(locked)).toBe('');
    const audits = await db().select().from(auditLog).where(and(eq(auditLog.entityId, u.id), eq(auditLog.action, 'user.locked')));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.after).toMatchObject({ failures: 3, lockedUntil: until });

    clock.advance(10 * 60_000 - 1000);
    expect((await login(a, u.email)).statusCode).toBe(423);
    clock.advance(1000);
    expect((await login(a, u.email)).statusCode).toBe(200);
  });

  it('counts parallel guesses exactly: a burst gets LOCKOUT_THRESHOLD password checks in all', async () => {
    const a = await appWith({ LOCKOUT_THRESHOLD: '5' }, { clock: fixedClock(new Date()) });
    const u = await makeUser(db(), { role: 'team_member' });
    const codes = (await Promise.all(Array.from({ length: 12 }, () => login(a, u.email, 'Wrong-password-9')))).map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401)).toHaveLength(5);
    expect(codes.filter((c) => c === 423)).toHaveLength(7);
    expect((await login(a, u.email)).statusCode).toBe(423);
    const locks = await db().select().from(auditLog).where(and(eq(auditLog.entityId, u.id), eq(auditLog.action, 'user.locked')));
    expect(locks).toHaveLength(1);
  });

  it('lets the right password in before the threshold, and starts counting afresh', async () => {
    const a = await appWith({ LOCKOUT_THRESHOLD: '3' }, { clock: fixedClock(new Date()) });
    const u = await makeUser(db(), { role: 'team_member' });
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 2; i++) expect((await login(a, u.email, 'Wrong-password-9')).statusCode).toBe(401);
      expect((await login(a, u.email)).statusCode).toBe(200);
    }
  });
});

describe('password policy', () => {
  const weak = [
    ['Short-1', passwordMessages.too_short],
    ['onlyletterspassword', passwordMessages.needs_letter_and_digit],
    ['1234567890123', passwordMessages.needs_letter_and_digit],
    [`a1${'x'.repeat(passwordMaxLength)}`, passwordMessages.too_long],
  ] as const;

  it('refuses a weak password at registration, naming person.password and the rule', async () => {
    for (const [password, message] of weak) {
      const person = { ...newPerson(), password };
      const res = await app.inject({ method: 'POST', url: '/api/auth/register', payload: { mode: 'organisation', person, organisation: newEnterprise() } });
      expect(res.statusCode).toBe(400);
      expect(res.json().fields).toEqual([{ path: 'person.password', message }]);
      expect(await db().select().from(users).where(eq(users.email, person.email))).toHaveLength(0);
    }
  });

  it('refuses a weak new password on reset, naming password, and keeps the link usable', async () => {
    const u = await makeUser(db(), { role: 'team_member' });
    await requestReset(app, u.email);
    const token = await mailedResetToken(u.id);
    for (const [password, message] of weak) {
      const res = await completeReset(app, token, password);
      expect(res.statusCode).toBe(400);
      expect(res.json().fields).toEqual([{ path: 'password', message }]);
    }
    expect((await completeReset(app, token, 'Strong-enough-2026')).statusCode).toBe(200);
  });
});

describe('password reset', () => {
  it('answers the same whether or not the address has an account, and mails a link only to an account', async () => {
    const u = await makeUser(db(), { role: 'team_member' });
    const known = await requestReset(app, u.email);
    const unknown = await requestReset(app, `${unique('nobody')}@example.test`);
    expect([known.statusCode, unknown.statusCode]).toEqual([200, 200]);
    expect(known.body).toBe(unknown.body);
    const token = await mailedResetToken(u.id);
    const [mail] = await db().select().from(mails).where(eq(mails.userId, u.id));
    expect(mail).toMatchObject({ to: u.email, subject: '重置您的揭榜挂帅平台密码' });
    expect(mail!.body).toContain(`${config.publicUrl}/password-reset/new#token=${token}`);
    // The mail job carries the mail's id only; the address and the link stay in the mails table.
    const [job] = await db().select().from(outbox).where(eq(outbox.jobId, `mail.${mail!.id}`));
    expect(job!.payload).toEqual({ mailId: mail!.id });
    const audits = await db().select().from(auditLog).where(and(eq(auditLog.entityId, u.id), eq(auditLog.action, 'user.password_reset_requested')));
    expect(audits).toHaveLength(1);
  });

  it('sets the new password, ends every session of the user, works once, and is audited', async () => {
    const u = await makeUser(db(), { role: 'team_member' });
    const laptop = await loggedIn(app, u.email);
    const phoneSession = await loggedIn(app, u.email);
    await requestReset(app, u.email);
    const token = await mailedResetToken(u.id);
    const done = await completeReset(app, token, 'Fresh-password-2026');
    expect(done.statusCode, done.body).toBe(200);
    expect((await laptop.request('GET', '/api/auth/me')).json().user).toBeNull();
    expect((await phoneSession.request('GET', '/api/auth/me')).json().user).toBeNull();
    expect(await db().select().from(sessions).where(eq(sessions.userId, u.id))).toHaveLength(0);
    expect((await login(app, u.email)).statusCode).toBe(401);
    expect((await login(app, u.email, 'Fresh-password-2026')).statusCode).toBe(200);

    const again = await completeReset(app, token, 'Another-password-2026');
    expect(again.statusCode).toBe(400);
    expect(again.json().fields).toEqual([{ path: 'token', message: 'this reset link is unknown, used or expired; ask for a new one' }]);
    const actions = (await db().select().from(auditLog).where(eq(auditLog.entityId, u.id))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['user.password_reset_requested', 'user.password_reset']));
    const [notice] = await db().select().from(mails).where(eq(mails.userId, u.id)).orderBy(desc(mails.createdAt)).limit(1);
    expect(notice!.subject).toBe('您的揭榜挂帅平台密码已重置');
  });

  it('has exactly one winner when the same link is used concurrently', async () => {
    const u = await makeUser(db(), { role: 'team_member' });
    await requestReset(app, u.email);
    const token = await mailedResetToken(u.id);
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => completeReset(app, token, `Racing-password-${i}x`)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 400, 400, 400, 400, 400, 400, 400]);
    const winner = results.findIndex((r) => r.statusCode === 200);
    expect((await login(app, u.email, `Racing-password-${winner}x`)).statusCode).toBe(200);
    expect(await db().select().from(auditLog).where(and(eq(auditLog.entityId, u.id), eq(auditLog.action, 'user.password_reset')))).toHaveLength(1);
  });

  it('expires a link after an hour, and a newer link retires the older one', async () => {
    const clock = fixedClock(new Date());
    const a = await appWith({}, { clock });
    const u = await makeUser(db(), { role: 'team_member' });
    await requestReset(a, u.email);
    const first = await mailedResetToken(u.id);
    clock.advance(2 * 60_000);
    await requestReset(a, u.email);
    const second = await mailedResetToken(u.id);
    expect(second).not.toBe(first);
    expect((await completeReset(a, first, 'Fresh-password-2026')).json().fields[0].path).toBe('token');
    clock.advance(60 * 60_000);
    expect((await completeReset(a, second, 'Fresh-password-2026')).statusCode).toBe(400);
  });

  it('sends one mail a minute at most to an account, whoever asks', async () => {
    const u = await makeUser(db(), { role: 'team_member' });
    await Promise.all(Array.from({ length: 5 }, () => requestReset(app, u.email)));
    expect(await db().select().from(mails).where(eq(mails.userId, u.id))).toHaveLength(1);
  });

  it('lifts a lockout: the mailbox proved who this is', async () => {
    const u = await makeUser(db(), { role: 'team_member' });
    for (let i = 0; i < config.LOCKOUT_THRESHOLD; i++) await login(app, u.email, 'Wrong-password-9');
    expect((await login(app, u.email)).statusCode).toBe(423);
    await requestReset(app, u.email);
    expect((await completeReset(app, await mailedResetToken(u.id), 'Unlocked-password-1')).statusCode).toBe(200);
    expect((await login(app, u.email, 'Unlocked-password-1')).statusCode).toBe(200);
  });

  it('names the field for a malformed request', async () => {
    const bad = await app.inject({ method: 'POST', url: '/api/auth/password-reset/request', payload: { email: 'not-an-address' } });
    expect(bad.json().fields[0].path).toBe('email');
    const short = await app.inject({ method: 'POST', url: '/api/auth/password-reset/complete', payload: { token: 'short', password: 'Strong-enough-2026' } });
    expect(short.json().fields[0].path).toBe('token');
  });
});

describe('session expiry and rotation', () => {
  it('ends a session idle for SESSION_IDLE_MINUTES, and keeps one in use', async () => {
    const clock = fixedClock(new Date());
    const a = await appWith({ SESSION_IDLE_MINUTES: '30' }, { clock });
    const u = await makeUser(db(), { role: 'team_member' });
    const c = await loggedIn(a, u.email);
    for (let i = 0; i < 4; i++) {
      clock.advance(29 * 60_000);
      expect((await c.request('GET', '/api/auth/me')).json().user?.id).toBe(u.id);
    }
    clock.advance(30 * 60_000);
    const res = await c.request('GET', '/api/auth/me');
    expect(res.json().user).toBeNull();
    // The browser is told to drop the cookie, and the server forgot the session.
    expect(setCookieOf(res)).toMatch(/^jb_session=;/);
    expect(await sessionRow(c.cookie)).toBeUndefined();
  });

  it('ends a session SESSION_MAX_DAYS after log-in however busy it is', async () => {
    const clock = fixedClock(new Date());
    const a = await appWith({ SESSION_MAX_DAYS: '1', SESSION_IDLE_MINUTES: '720' }, { clock });
    const u = await makeUser(db(), { role: 'team_member' });
    const c = await loggedIn(a, u.email);
    for (let hours = 2; hours <= 22; hours += 2) {
      clock.advance(2 * 3600_000);
      expect((await c.request('GET', '/api/auth/me')).json().user?.id, `after ${hours} h`).toBe(u.id);
    }
    clock.advance(2 * 3600_000);
    expect((await c.request('GET', '/api/auth/me')).json().user).toBeNull();
  });

  it('rotates at log-in: a new session id, and the one held before is ended', async () => {
    const u = await makeUser(db(), { role: 'team_member' });
    const before = await loggedIn(app, u.email);
    const res = await login(app, u.email, testPassword, { cookie: before.cookie, 'x-csrf-token': before.csrfToken });
    const after = sessionCookieFrom(res.headers['set-cookie']);
    expect(after).not.toBe(before.cookie);
    expect(res.json().csrfToken).not.toBe(before.csrfToken);
    expect(await sessionRow(before.cookie)).toBeUndefined();
    expect((await before.request('GET', '/api/auth/me')).json().user).toBeNull();
  });

  it('never adopts a cookie planted before log-in or registration (session fixation)', async () => {
    const planted = `jb_session=${'A'.repeat(43)}`;
    const u = await makeUser(db(), { role: 'team_member' });
    const res = await login(app, u.email, testPassword, { cookie: planted });
    expect(res.statusCode).toBe(200);
    const issued = sessionCookieFrom(res.headers['set-cookie']);
    expect(issued).not.toBe(planted);
    expect(await sessionRow(planted)).toBeUndefined();
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: planted } })).json().user).toBeNull();

    const registered = await register(app, newPerson(), { cookie: planted });
    expect(registered.res.statusCode).toBe(201);
    expect(sessionCookieFrom(registered.res.headers['set-cookie'])).not.toBe(planted);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: planted } })).json().user).toBeNull();
  });

  it('rotates at registration too: the session the browser held is ended', async () => {
    const u = await makeUser(db(), { role: 'team_member' });
    const before = await loggedIn(app, u.email);
    const { res } = await register(app, newPerson(), { cookie: before.cookie, 'x-csrf-token': before.csrfToken });
    expect(res.statusCode, res.body).toBe(201);
    expect(await sessionRow(before.cookie)).toBeUndefined();
  });
});

describe('uploads', () => {
  const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from('This program cannot be run in DOS mode.'), Buffer.alloc(100)]);
  const upload = (c: Client, challengeId: string, fileName: string, data: Buffer, contentType = 'application/pdf') => {
    const body = multipart([{ name: 'file', fileName, data, contentType }]);
    return c.request('POST', `/api/challenges/${challengeId}/attachments`, body.payload, body.headers);
  };

  it('refuses a file over MAX_UPLOAD_MB with 413 and a file whose content is not an accepted type with 415, naming the field', async () => {
    const member = await makeUser(db(), { role: 'enterprise_member' });
    const challenge = await makeChallenge(db(), { publisherId: member.organisationId, createdBy: member.id });
    const c = await loggedIn(app, member.email);
    const tooBig = await upload(c, challenge.id, '方案.pdf', pdf(1024 * 1024));
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', fields: [{ path: 'file' }] });
    const disguised = await upload(c, challenge.id, '报价单.pdf', exe);
    expect(disguised.statusCode).toBe(415);
    expect(disguised.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', fields: [{ path: 'file' }] });
    const html = await upload(c, challenge.id, 'page.pdf', Buffer.from('<html><script>alert(1)</script></html>'));
    expect(html.statusCode).toBe(415);
    const ok = await upload(c, challenge.id, '方案.pdf', pdf(1000));
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().mimeType).toBe('application/pdf');
  });
});

describe('configuration of the hardening', () => {
  it('documents every configuration key in .env.example, the hardening keys included', () => {
    const documented = readFileSync('.env.example', 'utf8');
    const keys = Object.keys(configSchema.shape);
    expect(keys).toEqual(expect.arrayContaining(['CORS_ORIGINS', 'COOKIE_SECURE', 'SESSION_IDLE_MINUTES', 'SESSION_MAX_DAYS', 'LOGIN_RATE_PER_MINUTE', 'REGISTER_RATE_PER_HOUR', 'PASSWORD_RESET_RATE_PER_HOUR', 'LOCKOUT_THRESHOLD', 'LOCKOUT_MINUTES', 'MAX_UPLOAD_MB']));
    expect(keys.filter((k) => !new RegExp(`^#? ?${k}=`, 'm').test(documented))).toEqual([]);
  });
});

describe('logs and job payloads', () => {
  const emailPattern = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;
  // Mainland mobile numbers; not part of a longer number, a decimal fraction (response times)
  // or a uuid (whose last group can hold eleven digits after a hyphen or a letter a-f).
  const phonePattern = /(?<![\d.a-fA-F-])1[3-9]\d{9}(?!\d)/;
  // newToken(): 32 random bytes, base64url, on its own (not inside a longer word such as a hash).
  const tokenPattern = /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/;
  const leaksIn = (text: string) => [
    ...[...secrets].filter((s) => text.includes(s)).map((s) => `secret ${s.slice(0, 6)}…`),
    ...[emailPattern, phonePattern, tokenPattern].filter((p) => p.test(text)).map((p) => `${p.source.slice(0, 20)}…: ${text.match(p)![0]}`),
  ];

  it('masks tokens in logged URLs and drops query values', () => {
    expect(logSafeUrl('/api/invitations/Zx9_3kQwErTy-uIoP1aSdFgHjKl2ZxCvBnM4qWeRtYu')).toBe('/api/invitations/:token');
    expect(logSafeUrl('/register?invitation=secret-value&next=/x')).toBe('/register?invitation=…&next=…');
    expect(logSafeUrl('/api/challenges/a586a060-e549-4e03-9ac9-7be29a6a70c7/attachments')).toBe('/api/challenges/a586a060-e549-4e03-9ac9-7be29a6a70c7/attachments');
    expect(logSafeUrl('/api/open-data/releases.json')).toBe('/api/open-data/releases.json');
  });

  it('logs no password, token, session id, e-mail address or phone number during log-in, registration, a failed log-in, a reset, an invitation and an upload', async () => {
    const from = logLines.length;
    const { res, person } = await register(app);
    const owner = clientFor(app, sessionCookieFrom(res.headers['set-cookie']), res.json().csrfToken);
    const orgId = res.json().user.memberships[0].organisationId;
    expect((await login(app, person.email, 'Wrong-password-9')).statusCode).toBe(401);
    expect((await login(app, person.email, person.password)).statusCode).toBe(200);

    const inviteeEmail = `${unique('invitee')}@example.test`;
    remember(inviteeEmail);
    const invited = await owner.request('POST', `/api/organisations/${orgId}/invitations`, { email: inviteeEmail, role: 'enterprise_member' });
    expect(invited.statusCode, invited.body).toBe(201);
    const invitationToken = new URL(invited.json().link).searchParams.get('invitation')!;
    remember(invitationToken);
    expect((await app.inject({ method: 'GET', url: `/api/invitations/${invitationToken}` })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: `/register?invitation=${invitationToken}` })).statusCode).toBeLessThan(500);
    const invitee = { ...newPerson(), email: inviteeEmail };
    remember(invitee.password, invitee.phone);
    const joined = await app.inject({ method: 'POST', url: '/api/auth/register', payload: { mode: 'invitation', person: invitee, invitationToken } });
    expect(joined.statusCode, joined.body).toBe(201);
    rememberSession(joined);

    const userId = res.json().user.id as string;
    await requestReset(app, person.email);
    expect((await completeReset(app, await mailedResetToken(userId), 'Reset-password-2026')).statusCode).toBe(200);

    const member = await makeUser(db(), { role: 'enterprise_member' });
    remember(member.email);
    const challenge = await makeChallenge(db(), { publisherId: member.organisationId, createdBy: member.id });
    const uploader = await loggedIn(app, member.email);
    const body = multipart([{ name: 'file', fileName: `${person.phone}-联系人.pdf`, data: pdf(100), contentType: 'application/pdf' }]);
    expect((await uploader.request('POST', `/api/challenges/${challenge.id}/attachments`, body.payload, body.headers)).statusCode).toBe(201);

    const lines = logLines.slice(from);
    // The capture works: every request above was logged, with its URL.
    expect(lines.some((l) => l.includes('/api/auth/login'))).toBe(true);
    expect(lines.some((l) => l.includes('/api/invitations/:token'))).toBe(true);
    expect(lines.some((l) => l.includes('/api/auth/password-reset/complete'))).toBe(true);
    expect(lines.length).toBeGreaterThan(20);
    expect(lines.flatMap(leaksIn)).toEqual([]);
  });

  it('logged nothing secret or personal in this whole file', () => {
    expect(logLines.length).toBeGreaterThan(100);
    expect(logLines.flatMap(leaksIn)).toEqual([]);
  });

  it('keeps e-mail addresses, phone numbers and tokens out of every job payload written in this run', async () => {
    const rows = await db().select({ jobId: outbox.jobId, payload: outbox.payload }).from(outbox);
    expect(rows.length).toBeGreaterThan(10);
    const leaks = rows.flatMap((r) => leaksIn(JSON.stringify(r.payload)).map((l) => `${r.jobId}: ${l}`));
    expect(leaks).toEqual([]);
  });
});
